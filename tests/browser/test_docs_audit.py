"""The project's own docs, in the theme, audited as a reader's browser and a checker see
them: every page without a console error, a request to another host (but MathJax's,
which Sphinx loads for pages with math), an axe-core violation or an HTML error."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .conftest import axe_violations, chosen, docs_pages, html_errors

if TYPE_CHECKING:
    from .conftest import OpenSite

pytestmark = pytest.mark.browser

MATHJAX = "https://cdn.jsdelivr.net/npm/mathjax@"
"""Sphinx's default MathJax: the one address of another host the docs may name."""


@pytest.mark.parametrize(("width", "scheme"), [(1280, "light"), (375, "dark")])
def test_every_docs_page_is_clean_and_accessible(
    open_site: OpenSite, docs_site: Path, width: int, scheme: str
) -> None:
    pages = docs_pages(docs_site)
    assert {"index", "notes", "theme", "kitchen-sink", "blog/index"} <= set(pages)
    problems = {}
    for name in pages:
        found = audit(open_site, docs_site, name, width, scheme)
        if found:
            problems[name] = found
    assert problems == {}


def audit(open_site: OpenSite, docs_site: Path, name: str, width: int, scheme: str) -> list[str]:
    """The console errors, requests to other hosts and axe-core violations of one page
    ``width`` px wide in the reader's colour ``scheme``, in a tab of its own (axe's own
    requests for stylesheets come after the checks)."""
    requested: list[str] = []
    errors: list[str] = []

    def watch(route: object) -> None:
        requested.append(route.request.url)  # type: ignore[attr-defined]
        route.fallback()  # type: ignore[attr-defined]

    tab = open_site(
        docs_site,
        name,
        width,
        routes={"**/*": watch},
        init_script=chosen(scheme),
    )
    tab.on("console", lambda message: message.type == "error" and errors.append(message.text))
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.reload(wait_until="load")  # the listeners are there from the start
    assert tab.evaluate("document.documentElement.dataset.theme") == scheme
    mathjax = any(url.startswith(MATHJAX) for url in requested)  # refused: no network here
    found = [
        f"console: {error}"
        for error in errors
        if not (mathjax and error == "Failed to load resource: net::ERR_FAILED")
    ]
    found += [
        f"request: {url}"
        for url in requested
        if not url.startswith("file://") and not url.startswith(MATHJAX)
    ]
    return found + axe_violations(tab)


def test_every_docs_page_is_valid_html(docs_site: Path) -> None:
    assert html_errors([docs_site / f"{name}.html" for name in docs_pages(docs_site)]) == []
