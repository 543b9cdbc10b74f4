"""image-float in a real headless Chromium: layout, loading, dark mode and the lightbox.

The test project ``roots/test-float`` (on Alabaster) is built once for this module;
the assertions read the boxes, computed styles and network requests the browser
reports, never pixels.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from .conftest import build_site

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from .conftest import OpenSite

pytestmark = pytest.mark.browser

ROOT = Path(__file__).parent / "roots" / "test-float"
NEAR = 1.5  # px of slack for sub-pixel rounding

OpenPage = Callable[..., "Page"]

BOX = """(element) => {
  const r = element.getBoundingClientRect();
  return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width,
          height: r.height, float: getComputedStyle(element).float};
}"""


@pytest.fixture(scope="module")
def float_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The float test project, built once with the HTML builder; its output folder."""
    return build_site(ROOT, tmp_path_factory.mktemp("float-browser"))


@pytest.fixture
def open_page(open_site: OpenSite, float_site: Path) -> OpenPage:
    """Open a page of the built site in a fresh context; it records the files it requests
    (``page.requested``) and can hold some back (``hold=``)."""
    return partial(open_site, float_site, wait_until="domcontentloaded")


def box(page: Page, selector: str) -> dict[str, Any]:
    return page.locator(selector).first.evaluate(BOX)


def test_float_beside_the_text_on_a_wide_screen(open_page: OpenPage) -> None:
    page = open_page(width=1280)
    section = box(page, "div.body > section")
    figure = box(page, "#first")
    paragraph = page.locator("#first + p")
    first_line = paragraph.evaluate(
        """(p) => {
          const range = document.createRange();
          range.selectNodeContents(p);
          const r = range.getClientRects()[0];
          return {left: r.left, right: r.right, top: r.top};
        }"""
    )
    assert figure["float"] == "right"
    assert figure["right"] == pytest.approx(section["right"], abs=NEAR)
    assert figure["width"] == pytest.approx(0.4 * section["width"], abs=NEAR)
    # the paragraph's first line sits beside the picture, left of it
    assert figure["top"] - NEAR <= first_line["top"] < figure["bottom"]
    assert first_line["left"] == pytest.approx(section["left"], abs=NEAR)
    assert first_line["right"] <= figure["left"] + NEAR


@pytest.mark.parametrize("width", [320, 375])
def test_full_width_on_a_phone(open_page: OpenPage, width: int) -> None:
    page = open_page(width=width)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    section = box(page, "div.body > section")
    for figure_id in ("first", "stacked-1", "stacked-2", "last"):
        figure = box(page, f"#{figure_id}")
        assert figure["float"] == "none", figure_id
        assert figure["left"] == pytest.approx(section["left"], abs=NEAR), figure_id
        assert figure["width"] == pytest.approx(section["width"], abs=NEAR), figure_id
    # the text continues below the picture, not beside it
    assert box(page, "#first + p")["top"] >= box(page, "#first")["bottom"] - NEAR


def test_consecutive_floats_stack(open_page: OpenPage) -> None:
    page = open_page(width=1280)
    first, second = box(page, "#stacked-1"), box(page, "#stacked-2")
    assert first["float"] == second["float"] == "right"
    assert second["top"] >= first["bottom"] - NEAR
    assert second["right"] == pytest.approx(first["right"], abs=NEAR)


def test_a_float_never_reaches_the_next_heading(open_page: OpenPage) -> None:
    page = open_page(width=1280)
    headings = {
        text: box(page, f"h2:text-is('{text}'), h3:text-is('{text}')")
        for text in ("Two in a row", "The next section", "A subsection")
    }
    assert headings["Two in a row"]["top"] >= box(page, "#first")["bottom"] - NEAR
    assert headings["The next section"]["top"] >= box(page, "#stacked-2")["bottom"] - NEAR
    assert headings["A subsection"]["top"] >= box(page, "#last")["bottom"] - NEAR
    # and the test page would overlap without the rule: the floats are taller than the text
    short = box(page, "#stacked-2 ~ p")
    assert short["bottom"] < box(page, "#stacked-2")["bottom"]


def test_img_keeps_its_place_before_the_file_arrives(open_page: OpenPage) -> None:
    page = open_page(width=1280, hold="wide.png")
    image = page.locator("#first img.stl-float-light")
    attributes = image.evaluate("(img) => [img.getAttribute('width'), img.getAttribute('height')]")
    assert attributes == ["800", "500"]
    before = image.evaluate(BOX)
    assert image.evaluate("(img) => img.complete && img.naturalWidth") == 0, "still loading"
    for route in page.held:  # type: ignore[attr-defined]
        route.continue_()
    page.wait_for_function(
        "() => document.querySelector('#first img.stl-float-light').naturalWidth > 0"
    )
    after = image.evaluate(BOX)
    assert before["height"] > 0
    assert after["height"] == pytest.approx(before["height"], abs=0.5)
    assert after["width"] == pytest.approx(before["width"], abs=0.5)
    assert after["height"] == pytest.approx(after["width"] * 500 / 800, abs=NEAR)
    assert image.get_attribute("loading") == "lazy"
    assert image.get_attribute("decoding") == "async"


@pytest.mark.parametrize(
    ("scheme", "shown", "hidden"),
    [("light", "wide.png", "wide-dark.png"), ("dark", "wide-dark.png", "wide.png")],
)
def test_dark_mode_shows_the_dark_image(
    open_page: OpenPage, scheme: str, shown: str, hidden: str
) -> None:
    page = open_page(color_scheme=scheme)
    page.wait_for_load_state("load")
    visible = page.locator("#first img").evaluate_all(
        "(images) => images.filter((img) => img.getClientRects().length)"
        ".map((img) => img.src.split('/').pop())"
    )
    assert visible == [shown]
    assert shown in page.requested  # type: ignore[attr-defined]
    assert hidden not in page.requested, "the hidden variant is never downloaded"  # type: ignore[attr-defined]


def test_print_shows_the_light_image(open_page: OpenPage) -> None:
    page = open_page(media="print", color_scheme="dark")
    visible = page.locator("#first img").evaluate_all(
        "(images) => images.filter((img) => img.getClientRects().length)"
        ".map((img) => img.getAttribute('src').split('/').pop())"
    )
    assert visible == ["wide.png"]
    assert box(page, "#first")["float"] == "right"
    assert page.locator("#first").evaluate("(f) => getComputedStyle(f).breakInside") == "avoid"


DIALOG = """() => {
  const dialog = document.querySelector('dialog.stl-lightbox-dialog');
  if (!dialog) return null;
  const img = dialog.querySelector('img');
  const label = document.getElementById(dialog.getAttribute('aria-labelledby'));
  return {
    open: dialog.open,
    src: img.getAttribute('src') && img.getAttribute('src').split('/').pop(),
    alt: img.alt,
    loaded: img.naturalWidth,
    label: label && label.textContent,
    modal: dialog.matches(':modal'),
    close: dialog.querySelector('button').getAttribute('aria-label'),
  };
}"""


def test_lightbox_loads_the_full_file_only_when_opened(open_page: OpenPage) -> None:
    page = open_page("lightbox", width=1280)
    page.wait_for_load_state("load")
    requested = page.requested  # type: ignore[attr-defined]
    assert "sphinx-timeline-lightbox.js" in requested
    # the picture is far below the fold: lazy, not requested yet; no dialog built
    assert "full.png" not in requested
    assert page.evaluate(DIALOG) is None
    link = page.locator("#big a.stl-lightbox")
    assert link.get_attribute("aria-haspopup") == "dialog"
    link.evaluate("(a) => a.click()")  # a click that does not scroll the picture into view
    page.wait_for_function(
        "() => document.querySelector('dialog.stl-lightbox-dialog img').naturalWidth > 0"
    )
    assert requested.count("full.png") == 1
    assert page.evaluate(DIALOG) == {
        "open": True,
        "src": "full.png",
        "alt": "A green rectangle",
        "loaded": 1200,
        "label": "A green picture, enlarged on click.",
        "modal": True,
        "close": "Close",
    }


def test_escape_closes_and_the_focus_returns(open_page: OpenPage) -> None:
    page = open_page("lightbox")
    link = page.locator("#big a.stl-lightbox")
    link.click()
    assert page.evaluate(DIALOG)["open"] is True
    assert page.evaluate("document.activeElement.closest('dialog') !== null")
    page.keyboard.press("Escape")
    assert page.evaluate(DIALOG)["open"] is False
    assert page.evaluate("document.activeElement.closest('#big') !== null")
    assert page.evaluate("document.activeElement.classList.contains('stl-lightbox')")


def test_a_click_outside_closes_a_click_on_the_image_does_not(open_page: OpenPage) -> None:
    page = open_page("lightbox")
    page.locator("#big a.stl-lightbox").click()
    page.locator("dialog.stl-lightbox-dialog img").click()
    assert page.evaluate(DIALOG)["open"] is True
    page.mouse.click(5, 450)  # the backdrop, beside the picture
    assert page.evaluate(DIALOG)["open"] is False
    assert page.evaluate("document.activeElement.classList.contains('stl-lightbox')")
    # the close button, and the keyboard: Enter on the focused link opens it again
    page.keyboard.press("Enter")
    assert page.evaluate(DIALOG)["open"] is True
    page.locator("dialog.stl-lightbox-dialog button").click()
    assert page.evaluate(DIALOG)["open"] is False
    assert page.url.endswith("lightbox.html")


def test_without_javascript_the_image_is_a_link_to_the_file(open_page: OpenPage) -> None:
    page = open_page("lightbox", java_script_enabled=False)
    page.locator("#big a.stl-lightbox").click()
    page.wait_for_url(re.compile(r"_images/full\.png$"))


def test_a_target_is_followed_not_enlarged(open_page: OpenPage) -> None:
    page = open_page("lightbox")
    assert page.locator("#elsewhere a").count() == 2  # the target, and the caption's permalink
    assert page.locator("#elsewhere a.stl-lightbox").count() == 0
    page.locator("#elsewhere img").click()
    page.wait_for_url(re.compile(r"plain\.html$"))


def test_lightbox_from_a_subfolder(open_page: OpenPage) -> None:
    page = open_page("sub/page")
    page.locator("a.stl-lightbox").click()
    page.wait_for_function(
        "() => document.querySelector('dialog.stl-lightbox-dialog img').naturalWidth > 0"
    )
    assert page.evaluate(DIALOG)["src"] == "pic.png"


SCRIPTS = "() => [...document.scripts].map((s) => s.src.split('/').pop())"


@pytest.mark.parametrize("name", ["index", "plain"])
def test_no_script_on_pages_without_a_lightbox(open_page: OpenPage, name: str) -> None:
    page = open_page(name)
    assert "sphinx-timeline-lightbox.js" not in page.evaluate(SCRIPTS)
    assert "sphinx-timeline-lightbox.js" not in page.requested  # type: ignore[attr-defined]
    styles = page.evaluate(
        "() => [...document.querySelectorAll('link[rel=stylesheet]')]"
        ".map((l) => l.href.split('/').pop().split('?')[0])"
    )
    assert "sphinx-timeline-float.css" in styles


@pytest.mark.parametrize(("motion", "animated"), [("reduce", False), ("no-preference", True)])
def test_the_dialog_fades_in_only_without_reduced_motion(
    open_page: OpenPage, motion: str, animated: bool
) -> None:
    page = open_page("lightbox", reduced_motion=motion)
    page.locator("#big a.stl-lightbox").click()
    name = page.evaluate(
        "() => getComputedStyle(document.querySelector('dialog.stl-lightbox-dialog')).animationName"
    )
    assert (name != "none") is animated


@pytest.mark.parametrize("width", [375, 1280])
def test_a_float_stays_in_its_timeline_entry(open_page: OpenPage, width: int) -> None:
    page = open_page(width=width)
    figure = box(page, "#in-entry")
    entry = box(page, "#entry-with-float .stl-timeline-content")
    assert entry["bottom"] >= figure["bottom"] - NEAR
    assert box(page, "#next-entry")["top"] >= figure["bottom"] - NEAR


@pytest.mark.parametrize(
    ("float_id", "code"), [("before-code", "div.highlight-python"), ("before-tabs", ".sd-tab-set")]
)
def test_code_after_a_float_is_not_cut_off(open_page: OpenPage, float_id: str, code: str) -> None:
    """Code starts below a float before it, at the text's full width, its lines whole."""
    page = open_page("code", width=1280)
    section = box(page, "div.body > section")
    figure = box(page, f"#{float_id}")
    block = box(page, f"#{float_id} ~ {code}")
    assert figure["float"] in ("left", "right")
    assert block["top"] >= figure["bottom"] - NEAR
    assert block["width"] == pytest.approx(section["width"], abs=NEAR)
    pre = page.locator(f"#{float_id} ~ {code} pre").first
    assert pre.evaluate("(pre) => pre.scrollWidth <= pre.clientWidth"), "every line shows whole"
