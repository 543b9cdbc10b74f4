"""The tweet card and its script, in a real headless Chromium.

The test project (``roots/test-tweet``, on Alabaster) is built once per embedding
mode. X's script is never fetched: every request leaving the machine is aborted,
and the one to ``platform.twitter.com/widgets.js`` is answered with a small fake
that records what our script asks of it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from .colours import text_contrast
from .conftest import build_site

if TYPE_CHECKING:
    from playwright.sync_api import Page, Route

    from .conftest import OpenSite

pytestmark = pytest.mark.browser

ROOT = Path(__file__).parent / "roots" / "test-tweet"
PLATFORM = "https://platform.twitter.com/widgets.js"
FIRST, SECOND = "1416186020509360129", "1234567890123456789"
FAKE_PLATFORM = """
window.stlCalls = window.stlCalls || [];
window.twttr = {widgets: {createTweet(id, element, options) {
  window.stlCalls.push({id, options, dnt: document.querySelector('meta[name="twitter:dnt"]')
    && document.querySelector('meta[name="twitter:dnt"]').content});
  const post = document.createElement('div');
  post.className = 'fake-x-post';
  post.textContent = 'X shows post ' + id;
  element.append(post);
  return Promise.resolve(post);
}}};
"""

OpenPage = Callable[..., tuple["Page", "Network"]]


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The test project built in each embedding mode; the output folder of each."""
    return {
        mode: build_site(ROOT, tmp_path_factory.mktemp(f"tweet-{mode}"), timeline_tweet_embed=mode)
        for mode in ("click", "static", "widget")
    }


class Network:
    """The requests a page made for X's script, answered with ``platform`` (a script),
    or failed when it is None."""

    def __init__(self, platform: str | None = FAKE_PLATFORM) -> None:
        self.platform: list[str] = []
        self.script = platform

    def answer(self, route: Route) -> None:
        self.platform.append(route.request.url)
        if self.script is None:
            route.abort()
        else:
            route.fulfill(status=200, content_type="text/javascript", body=self.script)


@pytest.fixture
def open_page(open_site: OpenSite, sites: dict[str, Path]) -> OpenPage:
    """Open a page of one mode's site in a fresh context: (page, network)."""

    def _open(
        mode: str = "click",
        page: str = "index",
        width: int = 1280,
        platform: str | None = FAKE_PLATFORM,
        **options: Any,
    ) -> tuple[Page, Network]:
        network = Network(platform)  # every other request leaving is aborted
        tab = open_site(sites[mode], page, width, routes={PLATFORM: network.answer}, **options)
        return tab, network

    return _open


def cards(page: Page) -> list[dict]:
    return page.evaluate(
        """() => [...document.querySelectorAll('figure.stl-tweet')].map((card) => {
          const button = card.querySelector('.stl-tweet-load');
          const box = card.getBoundingClientRect();
          return {
            id: card.dataset.stlTweet,
            text: card.innerText,
            embedded: card.classList.contains('stl-tweet-embedded'),
            fake: !!card.querySelector('.fake-x-post'),
            button: !!button && button.offsetParent !== null,
            left: box.left, right: box.right, height: box.height,
          };
        })"""
    )


def about_tweets(addresses: list[str]) -> list[str]:
    """The addresses among ``addresses`` of a file for tweets or from X."""
    return [src for src in addresses if "tweet" in src.rsplit("/", 1)[-1] or "twitter" in src]


def calls(page: Page) -> list[dict]:
    return page.evaluate("() => window.stlCalls || []")


def test_without_javascript_the_card_reads_well(open_page: OpenPage) -> None:
    page, network = open_page("click", java_script_enabled=False)
    first, second = cards(page)
    assert "Ten years ago today I opened my first pull request" in first["text"]
    assert "@someone_long_1" in first["text"]
    assert "July 17, 2021" in first["text"]
    assert "View this post on X" in second["text"]
    assert not first["button"], "no button that cannot work"
    assert not second["button"]
    assert network.platform == []


def test_click_loads_x_for_that_card_only_and_remembers(open_page: OpenPage) -> None:
    page, network = open_page("click")
    page.wait_for_timeout(200)
    assert network.platform == [], "nothing is asked of X before the click"
    assert [card["button"] for card in cards(page)] == [True, True]
    page.locator("figure.stl-tweet").first.get_by_role("button").click()
    page.wait_for_selector(".fake-x-post")
    first, second = cards(page)
    assert network.platform == [PLATFORM]
    assert [call["id"] for call in calls(page)] == [FIRST]
    options = calls(page)[0]["options"]
    assert options == {"dnt": True, "theme": "light", "align": "center", "lang": "en"}
    assert calls(page)[0]["dnt"] == "on"
    assert first["embedded"]
    assert first["fake"]
    assert "Ten years ago" not in first["text"], "X's post replaces the static card"
    assert not second["embedded"], "the other card waits for its own click"
    assert second["button"]
    assert page.evaluate("localStorage.getItem('stl-tweet-consent')") == "yes"

    page.reload()
    page.wait_for_function("document.querySelectorAll('.fake-x-post').length === 2")
    assert [call["id"] for call in calls(page)] == [FIRST, SECOND], "consent remembered"
    assert calls(page)[1]["options"]["theme"] == "dark", "the card's own :theme:"


def test_dark_page_asks_x_for_a_dark_post(open_page: OpenPage) -> None:
    page, _ = open_page("click", color_scheme="dark")
    page.locator("figure.stl-tweet").first.get_by_role("button").click()
    page.wait_for_selector(".fake-x-post")
    assert calls(page)[0]["options"]["theme"] == "dark"


def test_static_mode_has_no_script(open_page: OpenPage) -> None:
    page, network = open_page("static")
    page.wait_for_timeout(200)
    scripts = page.evaluate("() => [...document.scripts].map((s) => s.src)")
    assert not about_tweets(scripts)
    assert [card["button"] for card in cards(page)] == [False, False]
    assert network.platform == []


def test_widget_mode_loads_x_on_page_load(open_page: OpenPage) -> None:
    page, network = open_page("widget")
    page.wait_for_function("document.querySelectorAll('.fake-x-post').length === 2")
    assert network.platform == [PLATFORM]
    assert [call["id"] for call in calls(page)] == [FIRST, SECOND]
    assert all(call["options"]["dnt"] is True and call["dnt"] == "on" for call in calls(page))


@pytest.mark.parametrize("mode", ["click", "static", "widget"])
def test_page_without_a_post_has_no_tweet_script(open_page: OpenPage, mode: str) -> None:
    page, network = open_page(mode, "plain")
    page.wait_for_timeout(200)
    sources = page.evaluate(
        """() => [...document.scripts].map((s) => s.src)
           .concat([...document.querySelectorAll('link[rel=stylesheet]')].map((l) => l.href))"""
    )
    assert not about_tweets(sources)
    assert network.platform == []


def test_card_fits_a_phone(open_page: OpenPage) -> None:
    page, _ = open_page("click", width=375)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    for card in cards(page):
        assert card["left"] >= 0
        assert card["right"] <= 375


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_contrast(open_page: OpenPage, scheme: str) -> None:
    page, _ = open_page("click", color_scheme=scheme)
    parts = [
        "blockquote p",
        ".stl-tweet-author",
        ".stl-tweet-handle",
        ".stl-tweet-permalink",
        ".stl-tweet-load",
    ]
    for part in parts:
        element = page.locator(f"figure.stl-tweet:first-of-type {part}").first
        ratio, background = text_contrast(element, scheme)
        assert ratio >= 4.5, part
        if scheme == "dark":  # the test project's dark mode is in force
            assert background < 0.05, part
    # the second post's card is dark (:theme: dark), on the light page and the dark one
    for part in [".stl-tweet-handle", ".stl-tweet-permalink"]:
        element = page.locator(f"figure.stl-tweet-theme-dark {part}").first
        ratio, background = text_contrast(element, scheme)
        assert ratio >= 4.5, part
        assert background < 0.05, part


# X's script loads, but the post never comes, or X fails to show it
SILENT_PLATFORM = FAKE_PLATFORM.replace(
    "return Promise.resolve(post);", "return new Promise(() => {});"
)
FAILING_PLATFORM = FAKE_PLATFORM.replace(
    "return Promise.resolve(post);", "return Promise.reject(new Error('X is down'));"
)
UNREACHABLE = "X could not be reached; the post is shown as saved."
STATUS = """(card) => {
  const status = card.querySelector('.stl-tweet-status');
  return status && {
    text: status.textContent,
    shown: status.offsetParent !== null && status.getBoundingClientRect().height > 0,
    live: status.getAttribute('aria-live'),
    role: status.getAttribute('role'),
  };
}"""


@pytest.mark.parametrize(
    "platform",
    [None, SILENT_PLATFORM, FAILING_PLATFORM],
    ids=["script-blocked", "post-never-comes", "x-fails"],
)
def test_when_x_cannot_be_reached_the_card_says_so(
    open_page: OpenPage, platform: str | None
) -> None:
    page, network = open_page("click", platform=platform)
    card = page.locator("figure.stl-tweet").first
    # an empty live region is there before there is anything to say
    assert card.evaluate(STATUS) == {"text": "", "shown": False, "live": "polite", "role": "status"}
    card.evaluate("(card) => { card.dataset.stlTimeout = '300'; }")  # not X's 10 seconds
    card.get_by_role("button").click()
    page.wait_for_function(
        "() => document.querySelector('.stl-tweet-status').textContent.trim() !== ''",
        timeout=5000,
    )
    assert network.platform == [PLATFORM]
    status = card.evaluate(STATUS)
    assert status["text"] == UNREACHABLE
    assert status["shown"]
    first, second = cards(page)
    assert UNREACHABLE in first["text"]
    assert "Ten years ago today I opened my first pull request" in first["text"]
    assert not first["embedded"]
    assert not first["fake"]
    assert first["button"], "the reader may try again"
    assert card.get_by_role("button").is_enabled()
    assert card.evaluate("(card) => card.hasAttribute('aria-busy')") is False
    assert UNREACHABLE not in second["text"], "the other card was not asked for"


def test_the_card_waits_for_x_until_its_time_out(open_page: OpenPage) -> None:
    page, _ = open_page("click", platform=SILENT_PLATFORM)
    card = page.locator("figure.stl-tweet").first
    card.evaluate("(card) => { card.dataset.stlTimeout = '800'; }")
    card.get_by_role("button").click()
    page.wait_for_function("() => (window.stlCalls || []).length === 1")  # X was asked
    status = card.evaluate(STATUS)
    assert status is not None
    assert status["text"] == "", "no message while X may still answer"
    assert card.evaluate("(card) => card.getAttribute('aria-busy')") == "true"
    page.wait_for_function(
        "() => document.querySelector('.stl-tweet-status').textContent.trim() !== ''",
        timeout=5000,
    )
    assert card.evaluate(STATUS)["text"] == UNREACHABLE


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_message_is_readable(open_page: OpenPage, scheme: str) -> None:
    page, _ = open_page("click", platform=None, color_scheme=scheme)
    for card in page.locator("figure.stl-tweet").all():
        card.get_by_role("button").click()
    page.wait_for_function(
        "() => [...document.querySelectorAll('.stl-tweet-status')]"
        ".filter((status) => status.textContent.trim() !== '').length === 2",
        timeout=5000,
    )
    for status in page.locator(".stl-tweet-status").all():
        ratio, background = text_contrast(status, scheme)
        assert ratio >= 4.5
        if scheme == "dark":  # the test project's dark mode is in force
            assert background < 0.05
