"""The ``sphinx_timeline`` theme in a real headless Chromium.

The test site ``roots/test-theme`` (docs pages, sphinx-design components, the
extension's directives, notes and their generated pages) is built once with the theme.
Each page is shown 1280 and 375 px wide, in the light and the dark scheme the reader
chose with the theme's button (kept in ``localStorage``): no console error, no
horizontal overflow, no request outside the site, and no axe-core violation. The
phone menu and the scheme button are driven from the keyboard; the built pages pass
the Nu Html Checker without an error.

axe-core and the checker come from the npm registry (``.ci/run`` installs them into
``tests/browser/node_modules``); the checker runs on the machine's Java.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from .colours import RGBA, relative_luminance
from .conftest import OVERFLOW, THEME_ROOT, axe_violations, build_site, chosen, html_errors

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from .conftest import OpenSite

pytestmark = pytest.mark.browser


PAGES = (
    "index",
    "guide/index",
    "guide/reference",
    "components",
    "notes/first",
    "search",
    "genindex",
    "blog/index",
    "tags/sphinx",
)
WIDTHS = (1280, 375)
SCHEMES = ("light", "dark")


@pytest.fixture(scope="module")
def theme_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test site, built once with the theme and no warning."""
    return build_site(THEME_ROOT, tmp_path_factory.mktemp("theme"), html_theme="sphinx_timeline")


def open_watched(open_site: OpenSite, site: Path, page: str, width: int, scheme: str) -> Page:
    """Open ``page`` with the reader's ``scheme``, its console errors and the addresses
    it asked for recorded in ``tab.errors`` and ``tab.urls``."""
    errors: list[str] = []
    urls: list[str] = []

    def watch(route: Any) -> None:
        urls.append(route.request.url)
        route.fallback()

    tab = open_site(
        site,
        page,
        width,
        wait_until="domcontentloaded",
        routes={"**/*": watch},
        init_script=chosen(scheme),
        color_scheme="light" if scheme == "dark" else "dark",  # the choice wins
    )
    tab.on("console", lambda message: message.type == "error" and errors.append(message.text))
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.reload(wait_until="load")  # the listeners are there from the start
    tab.errors, tab.urls = errors, urls  # type: ignore[attr-defined]
    return tab


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page", PAGES)
def test_page_is_clean_accessible_and_local(
    open_site: OpenSite, theme_site: Path, page: str, width: int, scheme: str
) -> None:
    tab = open_watched(open_site, theme_site, page, width, scheme)
    if page == "search":
        tab.wait_for_function("document.getElementById('search-results') !== null")
    assert tab.evaluate("document.documentElement.dataset.theme") == scheme
    assert tab.errors == []  # type: ignore[attr-defined]
    outside = [url for url in tab.urls if not url.startswith("file://")]  # type: ignore[attr-defined]
    assert outside == []
    overflow = tab.evaluate(OVERFLOW, width)
    assert overflow["scrollWidth"] <= width
    assert overflow["wide"] == []
    assert axe_violations(tab) == []


def test_search_finds_a_page(open_site: OpenSite, theme_site: Path) -> None:
    tab = open_site(theme_site, "index")
    tab.fill("#stl-search-input", "greeting")
    tab.press("#stl-search-input", "Enter")
    tab.wait_for_selector("#search-results ul.search li a")
    titles = tab.locator("#search-results ul.search li > a").all_inner_texts()
    assert "Reference" in titles


def test_the_phone_menu_works_from_the_keyboard(open_site: OpenSite, theme_site: Path) -> None:
    tab = open_site(theme_site, "guide/reference", 375)
    sidebar = tab.locator("#stl-sidebar")
    assert not sidebar.is_visible()
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.className") == "stl-skip-link"
    tab.keyboard.press("Tab")
    button = tab.locator(".stl-menu-button")
    assert tab.evaluate("document.activeElement.classList.contains('stl-menu-button')")
    tab.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert sidebar.is_visible()
    assert tab.evaluate("document.getElementById('stl-sidebar').contains(document.activeElement)")
    current = tab.locator(".stl-nav-current > a")
    assert current.inner_text() == "Reference"
    assert current.get_attribute("aria-current") == "page"
    tab.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert not sidebar.is_visible()
    assert tab.evaluate("document.activeElement.classList.contains('stl-menu-button')")


def test_without_script_the_phone_navigation_is_in_the_page(browser: Any, theme_site: Path) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 900})
    try:
        tab = context.new_page()
        tab.goto((theme_site / "guide" / "reference.html").as_uri())
        assert tab.locator("#stl-sidebar").is_visible()
        assert not tab.locator(".stl-menu-button").is_visible()
    finally:
        context.close()


def rgba(tab: Page, colour: str) -> list[float]:
    """A CSS colour as the browser paints it, 0-255 RGBA."""
    result: list[float] = tab.evaluate(f"(colour) => ({RGBA})(colour)", colour)
    return result


def background(tab: Page, selector: str) -> float:
    """The relative luminance of the background colour of the first ``selector``."""
    colour = tab.evaluate(
        "(selector) => getComputedStyle(document.querySelector(selector)).backgroundColor",
        selector,
    )
    return relative_luminance(rgba(tab, colour))


def test_the_scheme_button_cycles_and_is_remembered(open_site: OpenSite, theme_site: Path) -> None:
    tab = open_site(theme_site, "guide/reference", 1280, color_scheme="light")
    button = tab.locator(".stl-scheme-button")
    assert tab.evaluate("document.documentElement.dataset.theme") == "auto"
    assert button.get_attribute("aria-label") == "Colour scheme: automatic, as the system's"
    assert background(tab, "body") > 0.8
    button.focus()
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.documentElement.dataset.theme") == "light"
    assert button.get_attribute("aria-label") == "Colour scheme: light"
    tab.keyboard.press("Space")
    assert tab.evaluate("document.documentElement.dataset.theme") == "dark"
    assert button.get_attribute("aria-label") == "Colour scheme: dark"
    assert background(tab, "body") < 0.05
    assert background(tab, "div.highlight") < 0.05  # the dark code colours follow
    tab.goto((theme_site / "components.html").as_uri())
    assert tab.evaluate("document.documentElement.dataset.theme") == "dark"
    assert background(tab, "body") < 0.05


def test_the_chosen_scheme_is_set_before_the_first_paint(
    open_site: OpenSite, theme_site: Path
) -> None:
    # the theme's deferred script is held back: only the head's own script has run
    tab = open_site(
        theme_site,
        "guide/reference",
        wait_until="commit",
        hold="sphinx-timeline-theme.js",
        init_script=chosen("dark"),
        color_scheme="light",
    )
    tab.wait_for_selector(".stl-footer", state="attached")
    assert tab.held  # type: ignore[attr-defined]
    assert tab.evaluate("document.readyState") == "interactive"
    assert tab.evaluate("document.documentElement.dataset.theme") == "dark"
    assert background(tab, "body") < 0.05
    assert background(tab, "div.highlight") < 0.05
    light = open_site(
        theme_site, "guide/reference", init_script=chosen("light"), color_scheme="dark"
    )
    assert background(light, "body") > 0.8
    assert background(light, "div.highlight") > 0.8


def test_the_system_scheme_is_followed_by_default(open_site: OpenSite, theme_site: Path) -> None:
    for scheme, dark in (("dark", True), ("light", False)):
        tab = open_site(theme_site, "guide/reference", color_scheme=scheme)
        assert (background(tab, "body") < 0.05) is dark
        assert (background(tab, "div.highlight") < 0.05) is dark


def test_the_timeline_uses_the_accent(open_site: OpenSite, theme_site: Path) -> None:
    tab = open_site(theme_site, "components", init_script=chosen("dark"))
    accent = tab.evaluate(
        "getComputedStyle(document.documentElement).getPropertyValue('--stl-accent').trim()"
    )
    marker = tab.evaluate(  # an entry without an icon: a ring in the accent colour
        "getComputedStyle(document.querySelector('.stl-timeline-marker'), '::after').borderTopColor"
    )
    assert rgba(tab, marker) == rgba(tab, accent) == rgba(tab, "#5ec4cf")


def test_the_pages_are_valid_html(theme_site: Path) -> None:
    assert html_errors([theme_site / f"{page}.html" for page in PAGES]) == []
