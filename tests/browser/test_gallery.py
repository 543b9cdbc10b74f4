"""Screenshots of the ``sphinx_timeline`` theme's key pages for the docs' gallery.

The test site ``roots/test-theme`` is built once with the theme; its docs page, a note,
the notes index and a tag page are shot in the light and the dark scheme, 1280 x 800
and 375 x 800 px, as PNG files in ``docs/gallery/`` (``docs/gallery.md`` shows them).
They are stored expectations: ``STL_REGENERATE=1 pytest tests/browser/test_gallery.py``
rewrites those whose page changed (each PNG keeps a digest of the page's HTML and of
the site's stylesheets and scripts in a ``tEXt`` chunk: Chromium's pixels differ a
little from one run to the next, and an unchanged page must not churn its file).
Otherwise the test takes the screenshots and checks that the gallery has each one, a
PNG of the viewport's size.
"""

from __future__ import annotations

import hashlib
import re
import struct
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from helpers import DOCS, REGENERATE

from .conftest import THEME_ROOT, build_site, chosen

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

GALLERY = DOCS / "gallery"
PAGES = {
    "docs": "guide/reference",
    "note": "notes/first",
    "notes-index": "blog/index",
    "tag": "tags/sphinx",
}
"""The pages shot, by the name their screenshots start with."""
VIEWPORTS = {"desktop": (1280, 800), "phone": (375, 800)}
SCHEMES = ("light", "dark")
SETTLED = """async () => {
  await document.fonts.ready;
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
}"""
"""Waits until the page's fonts are loaded and it has been drawn twice."""
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
DIGEST_KEY = b"stl-page-digest"
LARGEST = 200_000
"""The most bytes one screenshot may take in the repository."""


def shot_name(page: str, scheme: str, device: str) -> str:
    return f"{page}-{scheme}-{device}.png"


SHOTS = [
    shot_name(page, scheme, device) for page in PAGES for scheme in SCHEMES for device in VIEWPORTS
]


@pytest.fixture(scope="module")
def gallery_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test site, built once with the theme and no warning."""
    return build_site(THEME_ROOT, tmp_path_factory.mktemp("gallery"), html_theme="sphinx_timeline")


def page_digest(site: Path, page: str) -> str:
    """A digest of what a page looks like: its HTML, the site's stylesheets and scripts."""
    digest = hashlib.sha256((site / f"{page}.html").read_bytes())
    for path in sorted((site / "_static").rglob("*")):
        if path.suffix in {".css", ".js"}:
            digest.update(path.read_bytes())
    return digest.hexdigest()


def chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """A PNG's chunks: type and data."""
    found, offset = [], len(PNG_SIGNATURE)
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        found.append((data[offset + 4 : offset + 8], data[offset + 8 : offset + 8 + length]))
        offset += 12 + length
    return found


def with_digest(data: bytes, digest: str) -> bytes:
    """The PNG ``data`` with ``digest`` in a ``tEXt`` chunk after its header."""
    body = DIGEST_KEY + b"\0" + digest.encode("ascii")
    chunk = struct.pack(">I", len(body)) + b"tEXt" + body
    chunk += struct.pack(">I", zlib.crc32(b"tEXt" + body))
    end_of_header = len(PNG_SIGNATURE) + 12 + 13  # IHDR comes first, 13 bytes long
    return data[:end_of_header] + chunk + data[end_of_header:]


def digest_in(data: bytes) -> str:
    """The digest a PNG was stored with, ``""`` if none."""
    for kind, body in chunks(data):
        key, _, value = body.partition(b"\0")
        if kind == b"tEXt" and key == DIGEST_KEY:
            return value.decode("ascii")
    return ""


def png_size(data: bytes) -> tuple[int, int]:
    """The width and height of a PNG image, read from its header."""
    assert data[:8] == PNG_SIGNATURE
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("device", VIEWPORTS)
def test_the_gallery_has_every_key_page(
    browser: Browser, gallery_site: Path, device: str, scheme: str
) -> None:
    width, height = VIEWPORTS[device]
    context = browser.new_context(
        viewport={"width": width, "height": height},
        color_scheme="light",
        reduced_motion="reduce",
    )
    try:
        context.route(re.compile(r"^(https?|wss?)://"), lambda route: route.abort())
        context.add_init_script(chosen(scheme))
        tab = context.new_page()
        for name, page in PAGES.items():
            tab.goto((gallery_site / f"{page}.html").as_uri(), wait_until="networkidle")
            tab.evaluate(SETTLED)
            shot = tab.screenshot(animations="disabled", caret="hide")
            assert png_size(shot) == (width, height)
            path = GALLERY / shot_name(name, scheme, device)
            digest = page_digest(gallery_site, page)
            if REGENERATE and not (path.is_file() and digest_in(path.read_bytes()) == digest):
                GALLERY.mkdir(exist_ok=True)
                path.write_bytes(with_digest(shot, digest))
            elif not path.is_file():
                pytest.fail(f"no screenshot {path}; run with STL_REGENERATE=1 to create it")
            stored = path.read_bytes()
            assert png_size(stored) == (width, height)
            assert digest_in(stored)
            assert len(stored) <= LARGEST
    finally:
        context.close()


def test_the_gallery_page_shows_every_screenshot() -> None:
    page = (DOCS / "gallery.md").read_text("utf8")
    shown = re.findall(r"gallery/([\w-]+\.png)", page)
    assert sorted(shown) == sorted(SHOTS)
    assert sorted(path.name for path in GALLERY.glob("*.png")) == sorted(SHOTS)
