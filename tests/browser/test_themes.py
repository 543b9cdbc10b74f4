"""Tweet cards, timeline markers and floats under the themes people use, in Chromium.

The test project ``roots/test-themes`` is built once per theme (Alabaster, Furo,
PyData, Read the Docs) and shown in each of the theme's colour modes, chosen as a
reader would: Furo and PyData remember the reader's choice in ``localStorage`` and
follow the system's colour scheme in their ``auto`` mode; Alabaster and Read the Docs
have a light mode only. Colours are read from the browser, never from the stylesheets.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import pytest

from .colours import edge_contrasts, text_contrast, text_contrasts
from .conftest import build_site, unavailable

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from .conftest import OpenSite

pytestmark = pytest.mark.browser

ROOT = Path(__file__).parent / "roots" / "test-themes"
THEMES = ("alabaster", "furo", "pydata_sphinx_theme", "sphinx_rtd_theme")


class Mode(NamedTuple):
    """A theme shown in one of its colour modes."""

    theme: str
    mode: str  # the theme's own setting: light, dark or auto
    scheme: str  # the system's colour scheme, which auto follows

    @property
    def dark(self) -> bool:
        return self.mode == "dark" or (self.mode == "auto" and self.scheme == "dark")

    @property
    def init_script(self) -> str | None:
        """The reader's choice, stored where the theme's own script looks for it."""
        if self.theme == "furo":
            return f"localStorage.setItem('theme', '{self.mode}')"
        if self.theme == "pydata_sphinx_theme":
            return f"localStorage.setItem('mode', '{self.mode}')"
        return None

    def __str__(self) -> str:
        return f"{self.theme}-{self.mode}" + (f"-{self.scheme}" if self.mode == "auto" else "")


# the reader's choice and the system's colour scheme, for a theme with a dark mode
CHOICES = [("light", "light"), ("dark", "light"), ("auto", "dark")]
MODES = [
    Mode("alabaster", "light", "light"),
    Mode("sphinx_rtd_theme", "light", "light"),
    *(
        Mode(theme, mode, scheme)
        for theme in ("furo", "pydata_sphinx_theme")
        for mode, scheme in CHOICES
    ),
]

CARDS = ("card-auto", "card-light", "card-dark")
CARD_TEXTS = (
    ".stl-tweet-author",
    ".stl-tweet-handle",
    "blockquote.stl-tweet-text p",
    ".stl-tweet-permalink",
    ".stl-tweet-load",
)
# a link in the text of a card with its own colours; in a card that follows the page
# a link has the theme's link colour, as everywhere on the page
LINK = "blockquote.stl-tweet-text a"


def card_texts(card: str) -> tuple[str, ...]:
    return CARD_TEXTS if card == "card-auto" else (*CARD_TEXTS, LINK)


BOX = """(element) => {
  const r = element.getBoundingClientRect();
  return {left: r.left, right: r.right, top: r.top, bottom: r.bottom};
}"""

Open = Callable[..., "Page"]


@pytest.fixture(scope="module")
def themed_site(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """The test project built with a theme, once per theme; its output folder."""
    built: dict[str, Path] = {}

    def _site(theme: str) -> Path:
        if importlib.util.find_spec(theme) is None:
            unavailable(f"the theme {theme} is not installed (the `test` extra has it)")
        if theme not in built:
            destination = tmp_path_factory.mktemp(f"themes-{theme}")
            built[theme] = build_site(ROOT, destination, html_theme=theme)
        return built[theme]

    return _site


@pytest.fixture
def open_page(open_site: OpenSite, themed_site: Callable[[str], Path]) -> Open:
    """Open a page of the test project in a theme's colour mode."""

    def _open(mode: Mode, page: str = "index", **options: Any) -> Page:
        return open_site(
            themed_site(mode.theme),
            page,
            color_scheme=mode.scheme,
            init_script=mode.init_script,
            **options,
        )

    return _open


def page_background(page: Page, selector: str, scheme: str) -> float:
    """The relative luminance of the page behind ``selector``: checks the mode is in force."""
    return text_contrast(page.locator(selector).first, scheme)[1]


@pytest.mark.parametrize("mode", MODES, ids=str)
def test_every_card_text_is_readable(open_page: Open, mode: Mode) -> None:
    """WCAG AA (4.5:1) for every text of a card, :theme: auto, light or dark."""
    page = open_page(mode)
    scheme = "dark" if mode.dark else "light"
    background = page_background(page, "div[role=main], div.body, article, main", scheme)
    assert (background < 0.05) if mode.dark else (background > 0.5), "the mode is in force"
    low = {}
    for card in CARDS:
        parts = card_texts(card)
        measured = text_contrasts(page.locator(f"#{card} :is({', '.join(parts)})"), scheme)
        assert len(measured) == len(parts), (card, [part.name for part in measured])
        assert all(part.visible for part in measured), card
        low.update({(card, m.name): round(m.ratio, 2) for m in measured if m.ratio < 4.5})
        # a card with its own :theme: has its own background, whatever the page's
        if card == "card-dark":
            assert all(part.background < 0.05 for part in measured)
        if card == "card-light":
            assert all(part.background > 0.8 for part in measured)
    assert low == {}, "below 4.5:1"
    # X cannot be reached: each card says so, in a message of its own
    page.evaluate("() => document.querySelectorAll('.stl-tweet-load').forEach((b) => b.click())")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.stl-tweet-status')]"
        ".filter((status) => status.textContent.trim()).length === 3",
        timeout=5000,
    )
    messages = text_contrasts(page.locator(".stl-tweet-status"), scheme)
    assert len(messages) == len(CARDS)
    assert all(message.visible for message in messages)
    assert [round(m.ratio, 2) for m in messages if m.ratio < 4.5] == [], "below 4.5:1"


@pytest.mark.parametrize("mode", MODES, ids=str)
def test_every_marker_colour_is_visible(open_page: Open, mode: Mode) -> None:
    """Each sphinx-design colour's marker stands out from the page: 3:1 (WCAG 1.4.11)."""
    page = open_page(mode, "colours")
    scheme = "dark" if mode.dark else "light"
    markers = edge_contrasts(page.locator("ol.stl-timeline > li > .stl-timeline-marker"), scheme)
    labels = page.locator("ol.stl-timeline > li .stl-timeline-label").all_inner_texts()
    assert len(markers) == len(labels) == 23
    assert all((m.background < 0.05) if mode.dark else (m.background > 0.5) for m in markers)
    low = {
        label: round(m.ratio, 2) for label, m in zip(labels, markers, strict=True) if m.ratio < 3
    }
    assert low == {}, "below 3:1"


def overlap(first: dict[str, float], second: dict[str, float]) -> float:
    """The area two boxes share."""
    width = min(first["right"], second["right"]) - max(first["left"], second["left"])
    height = min(first["bottom"], second["bottom"]) - max(first["top"], second["top"])
    return max(width, 0) * max(height, 0)


@pytest.mark.parametrize("theme", THEMES)
def test_a_centred_card_clears_a_float(open_page: Open, theme: str) -> None:
    """A centred card never runs beneath a float before it: a picture, or a right card."""
    page = open_page(Mode(theme, "light", "light"), "floats", width=1280)
    for before, card in [
        ("right-float", "centred-after-float"),
        ("right-card", "centred-after-card"),
    ]:
        assert page.locator(f"#{before}").evaluate("(e) => getComputedStyle(e).float") == "right"
        floated = page.locator(f"#{before}").evaluate(BOX)
        centred = page.locator(f"#{card}").evaluate(BOX)
        assert overlap(floated, centred) == 0, (before, floated, card, centred)
        # and its button stays on the line of the date
        button = page.locator(f"#{card} .stl-tweet-load").evaluate(BOX)
        date = page.locator(f"#{card} .stl-tweet-permalink").evaluate(BOX)
        assert button["top"] < date["bottom"], card
