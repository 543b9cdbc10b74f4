"""Dates of year, month or day precision: parsing ISO 8601 and formatting for a language.

``2019``, ``2019-04`` and ``2019-04-10`` keep their precision from the source to the
page: a year-only date is shown as a year, never as "January 2019".
"""

from __future__ import annotations

import dataclasses as dc
import datetime
import functools
import re
from enum import IntEnum

import babel
import babel.dates
from sphinx.util.i18n import format_date

_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_FORMAT_CODE = re.compile(r"(%-?[a-zA-Z%])")

DATE_HELP = "write it as YYYY, YYYY-MM or YYYY-MM-DD, for example 2019-04"


class Precision(IntEnum):
    """How much of a date is known."""

    YEAR = 1
    MONTH = 2
    DAY = 3


_CODE_PRECISION = {
    "%Y": Precision.YEAR,
    "%y": Precision.YEAR,
    "%B": Precision.MONTH,
    "%b": Precision.MONTH,
    "%m": Precision.MONTH,
    "%-m": Precision.MONTH,
}
"""Codes that need only a year or a month; every other code needs a day (or finer)."""


@dc.dataclass(frozen=True)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        Raise ``ValueError`` with a message that says how to fix the text.
        """
        text = text.strip()
        match = _ISO_DATE.fullmatch(text)
        if not match:
            raise ValueError(f"{text!r} is not a date; {DATE_HELP}")
        year, month, day = (int(part) if part else None for part in match.groups())
        assert year is not None
        try:
            datetime.date(year, 1 if month is None else month, 1 if day is None else day)
        except ValueError as error:
            raise ValueError(f"{text!r} is not a real date ({error}); {DATE_HELP}") from None
        return cls(year, month, day)

    @property
    def precision(self) -> Precision:
        """How much of the date is known."""
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Orders a less precise date before the more precise dates inside it."""
        return (self.year, self.month or 0, self.day or 0)

    def isoformat(self) -> str:
        """The date at its own precision: ``2019``, ``2019-04`` or ``2019-04-10``."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def precedes(self, other: PartialDate) -> bool:
        """Whether this date lies wholly before ``other``, compared at the coarser precision."""
        depth = min(self.precision, other.precision)
        return self.sort_key[:depth] < other.sort_key[:depth]

    def format(self, fmt: str, language: str | None) -> str:
        """The date as text in ``language``.

        ``fmt`` holds strftime codes (Sphinx's ``today_fmt`` set); codes finer than the
        date's precision are dropped with their separator. An empty ``fmt`` uses the
        language's own long format.
        """
        return _formatted(self, fmt, language)


@functools.lru_cache(maxsize=4096)
def _formatted(date: PartialDate, fmt: str, language: str | None) -> str:
    """:meth:`PartialDate.format`, worked out once a date: a site shows most dates on
    several pages (a note's own, its neighbours', the listings)."""
    locale = _babel_locale(language)
    day = datetime.date(date.year, date.month or 1, date.day or 1)
    if not fmt:
        if date.precision is Precision.DAY:
            return babel.dates.format_date(day, "long", locale=locale)
        if date.precision is Precision.MONTH:
            return babel.dates.format_skeleton("yMMMM", day, locale=locale)
        return str(date.year)
    pruned = prune_format(fmt, date.precision)
    moment = datetime.datetime(day.year, day.month, day.day)
    return format_date(pruned, date=moment, language=locale)


def prune_format(fmt: str, precision: Precision) -> str:
    """Drop the codes of ``fmt`` finer than ``precision``, each with one separator.

    The text after a dropped code goes with it (``%d.%m.%Y`` → ``%m.%Y``,
    ``%Y年%m月%d日`` → ``%Y年%m月``); when nothing follows, the separator before it
    goes instead (``%Y-%m-%d`` → ``%Y-%m``).
    """
    tokens = _FORMAT_CODE.split(fmt)  # literal, code, literal, code, ..., literal
    dropped: set[int] = set()
    for index in range(1, len(tokens), 2):
        code = tokens[index]
        if code == "%%" or _CODE_PRECISION.get(code, Precision.DAY) <= precision:
            continue
        dropped.add(index)
        if tokens[index + 1]:
            tokens[index + 1] = ""
            continue
        before = index - 1
        while before > 0 and not tokens[before] and before - 1 in dropped:
            before -= 2
        if before > 0:
            tokens[before] = ""
    pruned = "".join(token for index, token in enumerate(tokens) if index not in dropped)
    if not _FORMAT_CODE.search(pruned.replace("%%", "")):
        return "%Y"
    return pruned.strip()


def _babel_locale(language: str | None) -> str:
    """The babel locale for a Sphinx ``language``, English when babel does not know it."""
    try:
        return str(
            babel.Locale.parse(language or "en", sep="_" if "_" in (language or "") else "-")
        )
    except (ValueError, babel.UnknownLocaleError):
        return "en"
