"""The project's own docs on a phone, in a real headless Chromium.

The docs are built once with ``sphinx-build -b html``; every page is then shown
375 px wide. Nothing may widen the page: an element wider than the screen is
allowed only inside a box that scrolls (a wide table, a long code block).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from helpers import DOCS

if TYPE_CHECKING:
    from .conftest import OpenSite

pytestmark = pytest.mark.browser

PHONE = 375

# what sticks out of the page, left or right, and is not inside a scrolling box
OVERFLOW = """
(width) => {
  const scrolls = (element) => ['auto', 'scroll'].includes(getComputedStyle(element).overflowX);
  const describe = (element) => {
    const classes = [...element.classList].map((name) => `.${name}`).join('');
    const text = element.textContent.trim().replace(/\\s+/g, ' ').slice(0, 40);
    const box = element.getBoundingClientRect();
    return `<${element.tagName.toLowerCase()}${classes}> ${Math.round(box.left)}..` +
           `${Math.round(box.right)} px: ${text}`;
  };
  const wide = [];
  for (const element of document.body.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if (!box.width || !box.height) continue;
    if (box.left >= -0.5 && box.right <= width + 0.5) continue;
    let inside = false;
    for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
      if (scrolls(box)) {
        inside = true;
        break;
      }
    }
    if (!inside) wide.push(describe(element));
  }
  return {scrollWidth: document.documentElement.scrollWidth, wide};
}
"""


@pytest.fixture(scope="session")
def docs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The docs, built once with the HTML builder; their output folder."""
    out = tmp_path_factory.mktemp("docs-html")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(DOCS), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return out


def test_no_docs_page_is_wider_than_a_phone(open_site: OpenSite, docs_site: Path) -> None:
    pages = sorted(
        path.relative_to(docs_site).with_suffix("").as_posix()
        for path in docs_site.rglob("*.html")
        if not path.relative_to(docs_site).parts[0].startswith("_")
    )
    assert {"index", "configuration", "warnings", "timeline", "tweet", "image-float"} <= set(pages)
    too_wide = {}
    page = open_site(docs_site, pages[0], PHONE)
    for name in pages:  # one tab for all pages: the docs have no state to carry over
        page.goto((docs_site / f"{name}.html").as_uri())
        measured = page.evaluate(OVERFLOW, PHONE)
        if measured["scrollWidth"] > PHONE or measured["wide"]:
            too_wide[name] = measured
    assert too_wide == {}
