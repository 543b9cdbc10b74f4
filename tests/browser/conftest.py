"""Fixtures for the browser tests: the built test project and a headless Chromium.

The tests drive the Chromium installed on the machine (Debian's ``chromium``
package) through Playwright; they never download a browser. Without Chromium
they are skipped, except in CI (``CI`` set), where they fail.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import pytest

from helpers import DOCS, build_without_warnings

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

NewContext = Callable[..., "BrowserContext"]
OpenSite = Callable[..., "Page"]

ROOT = Path(__file__).parent / "roots" / "test-browser"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "browser: runs in a real headless Chromium (Debian's chromium package and playwright)",
    )


def find_chromium() -> str | None:
    """The Chromium executable on this machine, if there is one."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else None


def unavailable(reason: str) -> NoReturn:
    """Skip the browser tests; fail them in CI, where they must run."""
    if os.environ.get("CI", "").lower() not in ("", "0", "false"):
        pytest.fail(
            f"{reason}: the browser tests must run in CI; install Debian's `chromium` "
            "package (apt-get install chromium) and the `test` extra (playwright)",
            pytrace=False,
        )
    pytest.skip(f"{reason}; install Debian's `chromium` package to run the browser tests")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the whole session."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the playwright package is not installed")
    executable = find_chromium()
    if executable is None:
        unavailable("no Chromium found (looked for chromium, chromium-browser)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def build_site(root: Path, destination: Path, **confoverrides: Any) -> Path:
    """Build a copy of the test project ``root`` in ``destination`` with the HTML builder,
    on Alabaster, asserting it warns of nothing; returns the output folder."""
    srcdir = destination / "src"
    shutil.copytree(root, srcdir)
    # sphinx.testing swaps Alabaster for 'basic' unless the theme is an override
    return build_without_warnings(
        srcdir, destination / "_build", **{"html_theme": "alabaster", **confoverrides}
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test project, built once with the HTML builder; returns its output folder."""
    return build_site(ROOT, tmp_path_factory.mktemp("browser"))


@pytest.fixture
def new_context(browser: Browser) -> Iterator[NewContext]:
    """Open fresh browser contexts, the network blocked, closed after the test.

    ``new_context(width, **options)``: a viewport ``width`` px wide and 900 high; the
    other options go to ``Browser.new_context``.
    """
    contexts = []

    def _new(width: int = 1280, **options: Any) -> BrowserContext:
        context = browser.new_context(viewport={"width": width, "height": 900}, **options)
        contexts.append(context)
        context.route(re.compile(r"^(https?|wss?)://"), lambda route: route.abort())
        return context

    yield _new
    for context in contexts:
        context.close()


@pytest.fixture
def open_site(new_context: NewContext) -> OpenSite:
    """Open a page of a built site in a fresh browser context, the network blocked.

    ``open_site(site, page="index", width=1280, media="screen", ...)`` opens
    ``<site>/<page>.html`` in a viewport ``width`` px wide, shown for ``media``, and
    returns it once ``wait_until`` ("load", or "domcontentloaded") has happened. The
    page records the name of each file it asks for in ``page.requested``. The options:

    - ``routes``: URL patterns and their handlers, asked before the network is blocked;
    - ``hold``: the requests for files of that name wait in ``page.held`` until the test
      continues them;
    - ``init_script``: a script run before the page's own (to set ``localStorage``);
    - any other: an option of ``Browser.new_context`` (``color_scheme="dark"``).
    """

    def _open(
        site: Path,
        page: str = "index",
        width: int = 1280,
        media: str = "screen",
        *,
        wait_until: str = "load",
        routes: dict[str, Callable[..., None]] | None = None,
        hold: str | None = None,
        init_script: str | None = None,
        **context_options: Any,
    ) -> Page:
        context = new_context(width, **context_options)
        for pattern, handler in (routes or {}).items():
            context.route(pattern, handler)  # the later route is asked first
        if init_script:
            context.add_init_script(init_script)
        tab = context.new_page()
        tab.requested = []  # type: ignore[attr-defined]
        tab.on(
            "request",
            lambda request: tab.requested.append(request.url.split("?")[0].rsplit("/", 1)[-1]),
        )
        if hold:  # keep the files named ``hold`` waiting until the test releases them
            tab.held = []  # type: ignore[attr-defined]
            tab.route(f"**/{hold}", lambda route: tab.held.append(route))
        tab.emulate_media(media=media)
        tab.goto((site / f"{page}.html").as_uri(), wait_until=wait_until)
        return tab

    return _open


@pytest.fixture(scope="session")
def docs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's docs, built once with the HTML builder; their output folder."""
    out = tmp_path_factory.mktemp("docs-html")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(DOCS), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return out


def docs_pages(docs_site: Path) -> list[str]:
    """Every page of the built docs, by name (``index``, ``notes``, ``blog/index``...)."""
    return sorted(
        path.relative_to(docs_site).with_suffix("").as_posix()
        for path in docs_site.rglob("*.html")
        if not path.relative_to(docs_site).parts[0].startswith("_")
    )


NODE_MODULES = Path(__file__).parent / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def needed(path: Path) -> Path:
    """A tool the tests need from ``node_modules``; skipped without it, failed in CI."""
    if not path.is_file():
        unavailable(f"{path} is missing: run `npm install --prefix tests/browser` as .ci/run does")
    return path


def axe_violations(tab: Page) -> list[str]:
    """axe-core's violations on the page, one line each."""
    tab.add_script_tag(path=str(needed(AXE)))
    result = tab.evaluate("async () => (await axe.run(document)).violations")
    return [
        f"{violation['id']}: {node['target']} {node['failureSummary']}"
        for violation in result
        for node in violation["nodes"]
    ]


def html_errors(pages: list[Path]) -> list[str]:
    """The Nu Html Checker's errors on ``pages``, one line each."""
    java = shutil.which("java")
    if java is None:
        unavailable("no java found for the Nu Html Checker")
    result = subprocess.run(
        [java, "-jar", str(needed(VNU)), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [
        f"{Path(message.get('url', '')).name}:{message.get('lastLine')}: {message['message']}"
        for message in messages
    ]


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


THEME_ROOT = Path(__file__).parent / "roots" / "test-theme"
"""The test site of the ``sphinx_timeline`` theme."""


def chosen(scheme: str) -> str:
    """The init script that makes the reader's choice ``scheme``, as the button stores it."""
    return f"localStorage.setItem('stl-scheme', '{scheme}')"
