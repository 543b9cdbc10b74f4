"""Dates keep their precision from the source to the page, in the page's language."""

from __future__ import annotations

import pytest

from sphinx_timeline.core.dates import PartialDate, Precision, prune_format


@pytest.mark.parametrize(
    ("text", "precision", "iso"),
    [
        ("2012", Precision.YEAR, "2012"),
        ("2019-04", Precision.MONTH, "2019-04"),
        ("2019-04-10", Precision.DAY, "2019-04-10"),
        (" 2020-02-29 ", Precision.DAY, "2020-02-29"),
    ],
)
def test_parse_keeps_precision(text: str, precision: Precision, iso: str) -> None:
    date = PartialDate.parse(text)
    assert date.precision is precision
    assert date.isoformat() == iso


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2019-4", "'2019-4' is not a date; write it as YYYY, YYYY-MM or YYYY-MM-DD"),
        ("April 2019", "'April 2019' is not a date"),
        ("", "'' is not a date"),
        ("19", "'19' is not a date"),
        ("2019-13", "'2019-13' is not a real date (month must be in 1..12)"),
        ("2019-02-29", "'2019-02-29' is not a real date (day is out of range for month)"),
        ("2019-00", "'2019-00' is not a real date"),
    ],
)
def test_parse_rejects_with_a_fix(text: str, message: str) -> None:
    with pytest.raises(ValueError, match="write it as YYYY, YYYY-MM or YYYY-MM-DD") as error:
        PartialDate.parse(text)
    assert str(error.value).startswith(message)


def test_precedes_compares_at_the_coarser_precision() -> None:
    parse = PartialDate.parse
    assert parse("2019").precedes(parse("2020-01"))
    assert parse("2019-12-31").precedes(parse("2020"))
    assert not parse("2019").precedes(parse("2019-04"))
    assert not parse("2019-04").precedes(parse("2019"))
    assert not parse("2020").precedes(parse("2019-12"))


def test_less_precise_dates_sort_first() -> None:
    dates = [PartialDate.parse(t) for t in ("2019-04-10", "2019", "2019-04", "2018-12-31")]
    assert [d.isoformat() for d in sorted(dates, key=lambda d: d.sort_key)] == [
        "2018-12-31",
        "2019",
        "2019-04",
        "2019-04-10",
    ]


@pytest.mark.parametrize(
    ("fmt", "precision", "pruned"),
    [
        ("%B %-d, %Y", Precision.DAY, "%B %-d, %Y"),
        ("%B %-d, %Y", Precision.MONTH, "%B %Y"),
        ("%B %-d, %Y", Precision.YEAR, "%Y"),
        ("%Y-%m-%d", Precision.MONTH, "%Y-%m"),
        ("%Y-%m-%d", Precision.YEAR, "%Y"),
        ("%d.%m.%Y", Precision.MONTH, "%m.%Y"),
        ("%-d. %B %Y", Precision.YEAR, "%Y"),
        ("%A, %d %B %Y", Precision.MONTH, "%B %Y"),
        ("%Y年%m月%d日", Precision.MONTH, "%Y年%m月"),
        ("%Y年%m月%d日", Precision.YEAR, "%Y年"),
        ("(%d/%m/%Y)", Precision.YEAR, "(%Y)"),
        ("%d %B", Precision.YEAR, "%Y"),
        ("100%% %Y", Precision.YEAR, "100%% %Y"),
    ],
)
def test_prune_format_drops_codes_finer_than_the_date(
    fmt: str, precision: Precision, pruned: str
) -> None:
    assert prune_format(fmt, precision) == pruned


@pytest.mark.parametrize(
    ("text", "fmt", "language", "shown"),
    [
        ("2013-02-11", "", "en", "February 11, 2013"),
        ("2013-02", "", "en", "February 2013"),
        ("2013", "", "en", "2013"),
        ("2013-02-11", "", "de", "11. Februar 2013"),
        ("2013-02", "", "fr", "février 2013"),
        ("2013-02-11", "%B %Y", "en", "February 2013"),
        ("2013", "%B %Y", "en", "2013"),
        ("2013-02-11", "%-d %B %Y", "de", "11 Februar 2013"),
        ("2013-02", "%d/%m/%Y", "en", "02/2013"),
        ("2013-02-11", "", None, "February 11, 2013"),
        ("2013-02-11", "", "xx-nowhere", "February 11, 2013"),
        ("2013-02-11", "", "pt_BR", "11 de fevereiro de 2013"),
    ],
)
def test_format_is_localised_and_keeps_precision(
    text: str, fmt: str, language: str | None, shown: str
) -> None:
    assert PartialDate.parse(text).format(fmt, language) == shown


def test_compiled_catalogs_match_their_sources() -> None:
    """The shipped ``.mo`` files are compiled from the ``.po`` files beside them."""
    from io import BytesIO
    from pathlib import Path

    from babel.messages.mofile import read_mo
    from babel.messages.pofile import read_po

    import sphinx_timeline

    catalogs = sorted(Path(sphinx_timeline.__file__).parent.glob("locale/*/LC_MESSAGES/*.po"))
    assert catalogs
    for po_path in catalogs:
        po = read_po(BytesIO(po_path.read_bytes()))
        mo = read_mo(BytesIO(po_path.with_suffix(".mo").read_bytes()))
        assert {m.id: m.string for m in po if m.id} == {m.id: m.string for m in mo if m.id}, po_path
