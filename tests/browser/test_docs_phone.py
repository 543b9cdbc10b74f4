"""The project's own docs on a phone, in a real headless Chromium.

The docs are built once with ``sphinx-build -b html``; every page is then shown
375 px wide. Nothing may widen the page: an element wider than the screen is
allowed only inside a box that scrolls (a wide table, a long code block).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .conftest import OVERFLOW, docs_pages

if TYPE_CHECKING:
    from .conftest import OpenSite

pytestmark = pytest.mark.browser

PHONE = 375


def test_no_docs_page_is_wider_than_a_phone(open_site: OpenSite, docs_site: Path) -> None:
    pages = docs_pages(docs_site)
    assert {"index", "configuration", "warnings", "timeline", "tweet", "image-float"} <= set(pages)
    too_wide = {}
    page = open_site(docs_site, pages[0], PHONE)
    for name in pages:  # one tab for all pages: the docs have no state to carry over
        page.goto((docs_site / f"{name}.html").as_uri())
        measured = page.evaluate(OVERFLOW, PHONE)
        if measured["scrollWidth"] > PHONE or measured["wide"]:
            too_wide[name] = measured
    assert too_wide == {}
