"""Every builder renders pages with timelines as a readable dated list, without warnings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from helpers import copy_root, expect, warnings_of

BUILDERS = [
    "html",
    "dirhtml",
    "singlehtml",
    "epub",
    "latex",
    "text",
    "man",
    "texinfo",
    "gettext",
    "xml",
]


@pytest.fixture
def build_root(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> Callable[..., SphinxTestApp]:
    """Build a fresh copy of the ``timeline`` test project with ``buildername``."""

    def _build(buildername: str, **confoverrides: object) -> SphinxTestApp:
        srcdir = copy_root("timeline", tmp_path)
        app = make_app(buildername, srcdir=srcdir, confoverrides=confoverrides)
        app.build()
        return app

    return _build


@pytest.mark.parametrize("buildername", BUILDERS)
def test_builds_without_warnings(
    build_root: Callable[..., SphinxTestApp], buildername: str
) -> None:
    app = build_root(buildername)
    assert warnings_of(app) == []


def test_text_is_a_dated_list(build_root: Callable[..., SphinxTestApp]) -> None:
    app = build_root("text")
    expect("timeline-career.txt", (app.outdir / "career.txt").read_text("utf8"))


def test_latex_entries_are_link_targets(build_root: Callable[..., SphinxTestApp]) -> None:
    app = build_root("latex")
    tex = next(app.outdir.glob("*.tex")).read_text("utf8")
    assert r"\sphinxlineitem{\DUrole{stl-timeline-date}{February 11, 2013}" in tex
    assert r"\label{\detokenize{career:first-pr}}" in tex
    assert r"\hyperref[\detokenize{career:first-pr}]" in tex
    assert r"\sphinxstylestrong{Maintainer of \sphinxstyleemphasis{the} project}" in tex


def test_man_page(build_root: Callable[..., SphinxTestApp]) -> None:
    app = build_root("man")
    man = next(app.outdir.glob("*.1")).read_text("utf8")
    assert ".B February 11, 2013\n\\fBFirst pull request\\fP" in man


def test_texinfo_anchors(build_root: Callable[..., SphinxTestApp]) -> None:
    app = build_root("texinfo")
    texi = next(app.outdir.glob("*.texi")).read_text("utf8")
    assert "@anchor{career first-pr}" in texi
    assert "@item February 11, 2013" in texi


@pytest.mark.parametrize("buildername", ["singlehtml", "epub"])
def test_html_family_builders_get_the_html_list(
    build_root: Callable[..., SphinxTestApp], buildername: str
) -> None:
    app = build_root(buildername)
    page = "index.html" if buildername == "singlehtml" else "career.xhtml"
    html = BeautifulSoup((app.outdir / page).read_text("utf8"), "html.parser")
    assert html.select("ol.stl-timeline > li.stl-timeline-entry time[datetime='2013-02-11']")
    assert any(
        "sphinx-timeline.css" in link["href"] for link in html.select("link[rel=stylesheet]")
    )


def test_labels_and_bodies_are_translatable_dates_are_not(
    build_root: Callable[..., SphinxTestApp],
) -> None:
    app = build_root("gettext")
    pot = (app.outdir / "career.pot").read_text("utf8")
    assert 'msgid "First pull request"' in pot
    assert 'msgid "Maintainer of *the* project"' in pot
    assert 'msgid "Reading the code of others."' in pot
    assert "February" not in pot
    assert "2013" not in pot.split("msgid", 2)[-1]
    assert 'msgid "Core developer"' in (app.outdir / "events.pot").read_text("utf8")


PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "First pull request"
msgstr "Erster Pull-Request"

msgid "A typo fix in a docs page, merged after **three** rounds of review."
msgstr "Ein Tippfehler, nach **drei** Runden Review gemergt."
"""


@pytest.mark.parametrize("buildername", ["html", "text"])
def test_translated_build(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, buildername: str
) -> None:
    srcdir = copy_root("timeline", tmp_path)
    catalog = srcdir / "locales" / "de" / "LC_MESSAGES" / "career.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text(PO, "utf8")
    overrides = {"language": "de", "locale_dirs": ["locales"]}
    app = make_app(buildername, srcdir=srcdir, confoverrides=overrides)
    app.build()
    assert warnings_of(app) == []
    if buildername == "text":
        text = (app.outdir / "career.txt").read_text("utf8")
        assert "11. Februar 2013\n   **Erster Pull-Request**\n\n   Ein Tippfehler" in text
        return
    entry = BeautifulSoup((app.outdir / "career.html").read_text("utf8"), "html.parser").select_one(
        "#first-pr"
    )
    assert " ".join(entry.get_text().split()) == (
        "11. Februar 2013¶ Erster Pull-Request Ein Tippfehler, nach drei Runden Review gemergt."
    )
