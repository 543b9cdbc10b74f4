"""The image-float in text and man pages: one mention of the image, then the caption."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from helpers import copy_root, warnings_of

MakeApp = Callable[..., SphinxTestApp]


def built(make_app: MakeApp, tmp_path: Path, buildername: str, **confoverrides: object) -> Path:
    app = make_app(buildername, srcdir=copy_root("float", tmp_path), confoverrides=confoverrides)
    app.build()
    assert warnings_of(app) == []
    return Path(app.outdir)


def test_text_mentions_each_image_once_then_its_caption(make_app: MakeApp, tmp_path: Path) -> None:
    text = (built(make_app, tmp_path, "text") / "index.txt").read_text("utf8")
    assert "   [image: A blue photo]\n\n   The *blue* photo, see the site.\n" in text
    # no :alt:, so the alt text is the caption's, which follows: not said twice
    assert "   [image]\n\n   A square, enlarged on click.\n" in text
    assert "   [image]\n\n   Links elsewhere.\n" in text
    assert "][image]" not in text
    assert text.count("[image") == 3  # one per float: no dark variant


def test_man_page_mentions_each_image_once_then_its_caption(
    make_app: MakeApp, tmp_path: Path
) -> None:
    (page,) = built(make_app, tmp_path, "man").glob("*.1")
    man = original = page.read_text("utf8")
    # docutils 0.21 writes links with terminal hyperlink escapes, 0.22 as plain text
    man = re.sub(r"\\X'tty: link[^']*'|\\fI\\%|\\fP(?=\\X)", "", man)
    assert "[image: A blue photo]\n.sp\nThe \\fIblue\\fP photo, see the site" in man
    assert "[image]\n.sp\nA square, enlarged on click.\n.UNINDENT" in man
    # a :target: is shown as the man writer shows links: docutils 0.22 after the text,
    # 0.21 as a terminal hyperlink around it
    assert (
        "[image] \\%<https://\\:example\\:.org/?\\:a=1&\\:b=2>\n.sp\nLinks elsewhere.\n" in man
        or "\\X'tty: link https://example.org/?a=1&b=2'\\fI\\%[image]\\fP\\X'tty: link'\n"
        ".sp\nLinks elsewhere.\n"
        in original
    )
    assert "]\n[image]" not in man
    # every request starts a line: no ".UNINDENT" printed after a caption
    assert not re.search(r"[^\n]\.UNINDENT", man)


def test_the_image_mention_is_translated(make_app: MakeApp, tmp_path: Path) -> None:
    text = (built(make_app, tmp_path, "text", language="de") / "index.txt").read_text("utf8")
    assert "   [Bild: A blue photo]\n\n" in text
    assert "   [Bild]\n\n   A square, enlarged on click.\n" in text


SQUARE = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"></svg>\n'
LEGEND_PAGE = """\
# Legend

:::{image-float} square.svg
:alt: A square
The caption.

The legend, a second paragraph.
:::

:::{image-float} square.svg
:alt: No caption here
:::

The text.
"""


def test_legend_and_float_without_caption(build: Callable[..., SphinxTestApp]) -> None:
    files = {"index.md": LEGEND_PAGE, "square.svg": SQUARE}
    app = build(files, "man")
    assert warnings_of(app) == []
    (page,) = Path(app.outdir).glob("*.1")
    man = page.read_text("utf8")
    assert (
        "[image: A square]\n.sp\nThe caption.\n.sp\nThe legend, a second paragraph.\n"
        ".UNINDENT\n.UNINDENT\n.INDENT 0.0\n.INDENT 2.5\n[image: No caption here]\n.UNINDENT\n"
    ) in man
    app = build(files, "text")
    text = (Path(app.outdir) / "index.txt").read_text("utf8")
    assert (
        "   [image: A square]\n\n   The caption.\n\n   The legend, a second paragraph.\n\n"
        "   [image: No caption here]\n\nThe text.\n"
    ) in text
