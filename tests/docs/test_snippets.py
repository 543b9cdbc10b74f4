"""Every example in the docs, built from ``docs/snippets/`` in MyST and reStructuredText.

Each example lives once, as ``docs/snippets/myst/<name>.md`` and
``docs/snippets/rst/<name>.rst``; the docs show them and this module builds them:
the two syntaxes must give the same HTML, which is compared to a stored fragment,
and every builder must build them without a warning.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from helpers import DOCS, expect, soup, warnings_of

SNIPPETS = DOCS / "snippets"
NAMES = sorted(path.stem for path in (SNIPPETS / "myst").glob("*.md"))
INDEX = """\
Snippets
========

.. toctree::
   :glob:

   *
"""
CONF = 'extensions = ["sphinx_timeline"]\nshow_warning_types = True\nproject = "Snippets"\n'
CONF += 'version = "1"\ncopyright = "2026, the authors"\n'
CONF += 'suppress_warnings = ["toc.no_title"]  # snippets are fragments without a title\n'
SYNTAXES = ("myst", "rst")


def test_every_snippet_has_both_syntaxes() -> None:
    assert NAMES, "no snippets found"
    rst_names = sorted(path.stem for path in (SNIPPETS / "rst").glob("*.rst"))
    assert rst_names == NAMES


def snippet_project(destination: Path, syntax: str) -> Path:
    """A project whose pages are the snippets of one syntax, with the files they use
    (``docs/snippets/data/``, ``img/``, ...) where the docs have them: snippets refer
    to them from the source folder, as ``/snippets/data/career.yaml``."""
    srcdir = destination / f"snippets-{syntax}"
    shutil.copytree(SNIPPETS / syntax, srcdir)
    for folder in SNIPPETS.iterdir():
        if folder.is_dir() and folder.name not in SYNTAXES:
            shutil.copytree(folder, srcdir / "snippets" / folder.name)
    (srcdir / "conf.py").write_text(CONF, "utf8")
    (srcdir / "index.rst").write_text(INDEX, "utf8")
    return srcdir


def body(app: SphinxTestApp, page: str) -> str:
    """The page's body HTML, without the theme's clearing div and blank lines."""
    page_body = soup(app, page).select_one("div.body")
    for clearer in page_body.select("div.clearer"):
        clearer.decompose()
    html = page_body.decode_contents().strip()
    return re.sub(r"\n\s*\n", "\n", html)


@pytest.fixture(scope="module")
def html_bodies(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    """For each syntax, the warnings of its HTML build and each snippet's body."""
    results: dict[str, dict[str, object]] = {}
    for syntax in SYNTAXES:
        app = SphinxTestApp("html", srcdir=snippet_project(tmp_path_factory.mktemp(syntax), syntax))
        try:
            app.build()
            results[syntax] = {
                "warnings": warnings_of(app),
                "bodies": {name: body(app, name) for name in NAMES},
            }
        finally:
            app.cleanup()
    return results


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_snippets_build_without_warnings(html_bodies: dict, syntax: str) -> None:
    assert html_bodies[syntax]["warnings"] == []


@pytest.mark.parametrize("name", NAMES)
def test_myst_and_rst_give_the_same_html(html_bodies: dict, name: str) -> None:
    assert html_bodies["myst"]["bodies"][name] == html_bodies["rst"]["bodies"][name]


STORED_AS = {f"timeline-events-{kind}": "timeline-events" for kind in ("csv", "json", "yaml")}
"""Snippets that must give the same HTML, stored once: the same events in three formats."""


@pytest.mark.parametrize("name", NAMES)
def test_snippet_html(html_bodies: dict, name: str) -> None:
    expect(f"snippets/{STORED_AS.get(name, name)}.html", html_bodies["myst"]["bodies"][name] + "\n")


@pytest.mark.parametrize("syntax", SYNTAXES)
@pytest.mark.parametrize(
    "buildername", ["singlehtml", "epub", "latex", "text", "man", "texinfo", "gettext"]
)
def test_snippets_in_every_builder(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, buildername: str, syntax: str
) -> None:
    app = make_app(buildername, srcdir=snippet_project(tmp_path, syntax))
    app.build()
    assert warnings_of(app) == []
