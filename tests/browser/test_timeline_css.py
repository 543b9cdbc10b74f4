"""The timeline's stylesheet, checked in a real headless Chromium.

Layout, motion, print and colours are asserted from the boxes and computed styles
the browser reports for the built test project (``roots/test-browser``, on
Alabaster), never from pixels.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .colours import text_contrast

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from .conftest import OpenSite

pytestmark = pytest.mark.browser

OpenPage = Callable[..., "Page"]

# px of slack for sub-pixel rounding
NEAR = 1.5

ENTRY_BOXES = """
(ol) => [...ol.querySelectorAll(':scope > li')].map((li) => {
  const box = (element) => {
    const r = element.getBoundingClientRect();
    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom};
  };
  const content = li.querySelector(':scope > .stl-timeline-content');
  const when = content.querySelector(':scope > .stl-timeline-when');
  const label = content.querySelector(':scope > .stl-timeline-label');
  const line = getComputedStyle(li, '::before');
  const liBox = box(li);
  return {
    id: li.id,
    li: liBox,
    marker: box(li.querySelector(':scope > .stl-timeline-marker')),
    permalink: box(when.querySelector(':scope > .headerlink')),
    content: box(content),
    when: box(when),
    label: label && box(label),
    body: [...content.children].filter((e) => e !== when && e !== label).map(box),
    line: line.content === 'none' ? null : {
      left: liBox.left + parseFloat(line.left) + parseFloat(line.marginLeft),
      width: parseFloat(line.borderLeftWidth),
      top: liBox.top + parseFloat(line.top),
      bottom: liBox.bottom - parseFloat(line.bottom),
    },
  };
})
"""


@pytest.fixture
def open_page(open_site: OpenSite, site: Path) -> OpenPage:
    """Open a page of the built site in a fresh browser context, the network blocked."""
    return partial(open_site, site)


def entries(page: Page, selector: str = "div.body > section > ol.stl-timeline") -> list[dict]:
    """The boxes of each entry of the timeline matched by ``selector``."""
    return page.locator(selector).evaluate(ENTRY_BOXES)


def assert_in_column(block: dict, column: dict, entry: dict) -> None:
    """A body block inside the text column (a theme may indent a list in it)."""
    assert block["left"] >= column["left"] - NEAR, entry["id"]
    assert block["right"] <= column["right"] + NEAR, entry["id"]


def assert_one_column(entry: dict, viewport_width: int) -> None:
    """Date, label and body stacked in one column, the marker in the gutter before them."""
    column = entry["content"]
    assert column["right"] <= viewport_width + NEAR, entry["id"]
    blocks = [entry["when"], *([entry["label"]] if entry["label"] else []), *entry["body"]]
    for block in blocks[:2]:  # the date, and the label or the first block of the body
        assert block["left"] == pytest.approx(column["left"], abs=NEAR), entry["id"]
    for block in blocks:
        assert_in_column(block, column, entry)
    for above, below in pairwise(blocks):
        assert below["top"] >= above["bottom"] - NEAR, entry["id"]
    assert entry["marker"]["right"] <= column["left"], entry["id"]


@pytest.mark.parametrize("width", [320, 375])
def test_phone_is_one_column(open_page: OpenPage, width: int) -> None:
    page = open_page(width=width)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    timeline = entries(page)
    assert len(timeline) == 6
    for entry in timeline:
        assert_one_column(entry, width)


def test_wide_screen_has_a_date_column(open_page: OpenPage) -> None:
    page = open_page(width=1280)
    width_in_em = page.locator("div.body > section > ol.stl-timeline").evaluate(
        "(ol) => ol.clientWidth / parseFloat(getComputedStyle(ol).fontSize)"
    )
    assert width_in_em >= 36, "the wide layout starts at 36em; Alabaster's page got narrower"
    timeline = entries(page)
    date_edge = timeline[0]["when"]["right"]
    text_edge = timeline[0]["label"]["left"]
    for entry, following in zip(timeline, [*timeline[1:], None], strict=True):
        when, marker, label = entry["when"], entry["marker"], entry["label"]
        text = label or entry["body"][0]
        # [date] [marker] [label and body], the first lines level
        assert when["right"] < marker["left"] < marker["right"] < text["left"], entry["id"]
        # the permalink (shown on hover) lies between the date and the marker
        assert when["right"] <= entry["permalink"]["left"], entry["id"]
        assert entry["permalink"]["right"] < marker["left"], entry["id"]
        assert when["top"] == pytest.approx(text["top"], abs=NEAR), entry["id"]
        assert when["right"] == pytest.approx(date_edge, abs=NEAR), "dates share one edge"
        assert text["left"] == pytest.approx(text_edge, abs=NEAR), "texts share one edge"
        assert entry["content"]["left"] == pytest.approx(text["left"], abs=NEAR), entry["id"]
        blocks = [*([label] if label else []), *entry["body"]]
        for above, below in pairwise(blocks):
            assert below["top"] >= above["bottom"] - NEAR, entry["id"]
        for block in entry["body"]:
            assert_in_column(block, entry["content"], entry)
        # the entry's text grows to hold its date, even a two-line range beside a label
        assert when["bottom"] <= entry["content"]["bottom"] + NEAR, entry["id"]
        # the line runs from below this marker to above the next, centred on them
        line = entry["line"]
        if following is None:
            assert line is None
            continue
        assert line["width"] > 0
        line_centre = line["left"] + line["width"] / 2
        assert line_centre == pytest.approx((marker["left"] + marker["right"]) / 2, abs=NEAR)
        assert marker["bottom"] < line["top"] < line["bottom"] < following["marker"]["top"]


def test_narrow_box_on_wide_screen_is_one_column(open_page: OpenPage) -> None:
    """The layout follows the timeline's own width (a container query), not the screen's."""
    page = open_page(width=1280)
    timeline = entries(page, ".narrow-box > ol.stl-timeline")
    assert len(timeline) == 2
    for entry in timeline:
        assert_one_column(entry, 1280)


MOTION = """
(root) => {
  const seconds = (value) => Math.max(...value.split(',').map((part) => {
    part = part.trim();
    if (part === 'auto') return 0;
    return part.endsWith('ms') ? parseFloat(part) / 1000 : parseFloat(part);
  }));
  const moving = [];
  for (const element of [root, ...root.querySelectorAll('*')]) {
    for (const pseudo of [null, '::before', '::after']) {
      const style = getComputedStyle(element, pseudo);
      const transition = seconds(style.transitionDuration);
      const animation = style.animationName === 'none' ? 0 : seconds(style.animationDuration);
      if (transition > 0 || animation > 0) {
        moving.push(`${element.tagName}.${element.className}${pseudo || ''}: ` +
                    `transition ${style.transitionDuration}, animation ${style.animationName}`);
      }
    }
  }
  return moving;
}
"""


def moving_parts(page: Page) -> list[str]:
    """Open the dropdown and hover an entry; list what transitions or animates."""
    page.locator("ol.stl-timeline summary").first.click()
    page.locator("ol.stl-timeline > li").nth(3).hover()
    return page.locator("div.body > section > ol.stl-timeline").evaluate(MOTION)


def test_no_motion_when_reduced_motion_is_asked_for(open_page: OpenPage) -> None:
    page = open_page(reduced_motion="reduce")
    assert moving_parts(page) == []


def test_motion_check_sees_motion_otherwise(open_page: OpenPage) -> None:
    """The check above would see the permalink's transition and the dropdown's animation."""
    page = open_page(reduced_motion="no-preference")
    moving = moving_parts(page)
    assert any(part.startswith("A.headerlink") for part in moving), moving
    assert any("sd-fade-in" in part for part in moving), moving


def test_print(open_page: OpenPage) -> None:
    page = open_page(media="print", color_scheme="dark")
    page.locator("ol.stl-timeline > li").first.hover()
    styles = page.evaluate(
        """() => ({
          permalinks: [...document.querySelectorAll('.stl-timeline .headerlink')]
            .map((a) => getComputedStyle(a).display),
          breaks: [...document.querySelectorAll('.stl-timeline > li')]
            .map((li) => getComputedStyle(li).breakInside),
          labels: [...document.querySelectorAll('.stl-timeline-label')]
            .map((p) => getComputedStyle(p).color),
          backgrounds: [...document.querySelectorAll('.stl-timeline')]
            .map((ol) => getComputedStyle(ol).backgroundColor),
        })"""
    )
    assert styles["permalinks"]
    assert set(styles["permalinks"]) == {"none"}
    assert len(styles["breaks"]) == 8
    assert set(styles["breaks"]) == {"avoid"}
    assert set(styles["labels"]) == {"rgb(0, 0, 0)"}
    assert set(styles["backgrounds"]) == {"rgb(255, 255, 255)"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_contrast(open_page: OpenPage, scheme: str) -> None:
    page = open_page(color_scheme=scheme)
    entry = page.locator("ol.stl-timeline > li").first
    label, label_background = text_contrast(entry.locator(".stl-timeline-label").first, scheme)
    date, date_background = text_contrast(entry.locator(".stl-timeline-when").first, scheme)
    if scheme == "dark":  # the test project's dark mode is in force
        assert label_background < 0.05
        assert date_background < 0.05
    assert label >= 4.5
    assert date >= 4.5
    assert date < label, "the date is muted"


SCRIPTS = """
() => ({
  scripts: [...document.scripts].map((s) => s.src || `inline: ${s.textContent.trim()}`),
  styles: [...document.querySelectorAll('link[rel=stylesheet]')]
    .map((link) => new URL(link.href).pathname.split('/').pop()),
  inTimeline: document.querySelectorAll(
    '.stl-timeline script, .stl-timeline [onclick], .stl-timeline [onload]').length,
})
"""


def test_no_script_for_the_timeline(open_page: OpenPage) -> None:
    with_timeline = open_page("index").evaluate(SCRIPTS)
    without_timeline = open_page("plain").evaluate(SCRIPTS)
    assert with_timeline["inTimeline"] == 0
    assert with_timeline["scripts"] == without_timeline["scripts"]
    assert not [src for src in with_timeline["scripts"] if "timeline" in src]
    # the stylesheet, on the other hand, is there, and only where a timeline is
    assert "sphinx-timeline.css" in with_timeline["styles"]
    assert "sphinx-timeline.css" not in without_timeline["styles"]
