"""The benchmark projects: N author notes written with the extension's directives, the
same text in standard MyST and Sphinx constructs (the baseline), and the same blog for
ABlog; and the two edits of the incremental builds."""

from __future__ import annotations

import re
import struct
import zlib
from pathlib import Path

FLAVOURS = ("extension", "plain", "myst", "ablog")
"""``extension``: ``sphinx_timeline``'s directives; ``plain``: MyST-Parser and
sphinx-design only; ``myst``: MyST-Parser only; ``ablog``: the plain text as ABlog posts."""

TAGS = (
    "career", "python", "docs", "release", "talks",
    "open source", "teams", "travel", "testing", "community",
)  # fmt: skip
CATEGORIES = ("work", "life", "community")
BASEURL = "https://bench.example.org/"

EDITED = "notes/note0000"
"""The note whose body and tags the incremental builds change."""
BODY_EDIT = ("The work went on.", "The work carried on.")
"""One sentence of the edited note's last section, and what it becomes (as many words)."""
TAG_EDIT = ("python", "docs")
"""A tag of the edited note, and the one it changes to: both have other notes too."""

CONF = {
    "extension": 'extensions = ["sphinx_timeline"]\n',
    "plain": 'extensions = ["myst_parser", "sphinx_design"]\n',
    "myst": 'extensions = ["myst_parser"]\n',
    "ablog": (
        'extensions = ["ablog", "myst_parser", "sphinx_design"]\n'
        'blog_post_pattern = "notes/*.md"\n'
        f"blog_baseurl = {BASEURL!r}\n"
        "blog_feed_archives = True\n"
        'post_date_format = "%Y-%m-%d"\n'
    ),
}
COMMON_CONF = f"""\
project = "Benchmark notes"
author = "Ann Author"
myst_enable_extensions = ["attrs_inline", "colon_fence", "deflist"]
html_baseurl = {BASEURL!r}
"""
INDEX = """\
# Benchmark notes

Every note of the benchmark, in one glob toctree.

```{toctree}
:glob:
:maxdepth: 1

notes/*
```
"""

NOTE = """\
---
date: {date}
tags: [{tags}]
{categories}
description: What happened in note {number}, about {tags}.
---
# Note {number}: a year of {tag}

{float}

What happened in note {number}, with *emphasis*, `code` and a [link](https://example.org).
It was a good year for {tag}, and most of it is in the timeline below.

## The timeline

{timeline}

## What people said

{tweet}

## More

Another paragraph of note {number}, long enough to read for a minute or so. {edit}
Nobody planned it that way, and a list says what came of it:

- one thing that worked,
- another thing that did not.
"""


def png(size: int = 16) -> bytes:
    """A small opaque PNG image of ``size`` by ``size`` pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    rows = b"".join(b"\x00" + b"\x30\x80\xc0" * size for _ in range(size))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def timeline(number: int, entries: int, flavour: str) -> str:
    """``entries`` dated entries: a ``timeline`` directive, or a definition list."""
    items = []
    for step in range(entries):
        year, month, day = 2000 + (number + step) % 24, 1 + step % 12, 1 + step % 28
        date = (f"{year}", f"{year}-{month:02d}", f"{year}-{month:02d}-{day:02d}")[step % 3]
        last = step == entries - 1
        label = "Maintainer" if last else f"Step {step + 1}"
        body = (
            f"What happened in step {step + 1}, with *emphasis* and a [link](https://example.org)."
        )
        if flavour == "extension":
            options = f":label: {label}\n"
            if last:
                options = f":end: present\n{options}:icon: rocket\n:color: success\n"
            items.append(f":::{{timeline-entry}} {date}\n{options}{body}\n:::")
        else:
            dates = f"{date} \N{EN DASH} present" if last else date
            icon = "{octicon}`rocket` " if last else ""
            items.append(f"{dates}: {icon}**{label}**\n: {body}")
    if flavour == "extension":
        return "::::{timeline}\n\n" + "\n\n".join(items) + "\n\n::::"
    return "\n\n".join(items)


def tweet(number: int, flavour: str) -> str:
    """A post kept in the page: a ``tweet`` directive with its text, or a blockquote."""
    url = f"https://x.com/someone/status/{1416186020509360129 + number}"
    text = (
        f"Note {number} is out: a year of work, told as a timeline.\n"
        "Thank you, patient maintainers."
    )
    if flavour == "extension":
        return (
            f":::{{tweet}} {url}\n:author: Some One\n:user: someone\n:date: 2021-07-17\n{text}\n:::"
        )
    quoted = "\n".join(f"> {line}" for line in text.splitlines())
    return f"{quoted}\n>\n> — Some One (@someone), [July 17, 2021]({url})"


def image_float(number: int, flavour: str) -> str:
    """A captioned picture beside the text: ``image-float``, or a right-aligned figure."""
    caption = f"The view from the office of note {number}."
    if flavour == "extension":
        return f":::{{image-float}} /img/view.png\n:alt: A square of blue\n{caption}\n:::"
    options = ":align: right\n:width: 40%\n:alt: A square of blue"
    return f":::{{figure}} /img/view.png\n{options}\n\n{caption}\n:::"


def note(number: int, entries: int, flavour: str) -> str:
    """The text of note ``number`` in ``flavour``, its timeline of ``entries`` entries;
    with no entries, a note of text only (no timeline, tweet or image-float)."""
    tags = [TAGS[(number + shift) % len(TAGS)] for shift in (0, 3, 6)[: 2 + number % 2]]
    if number == 0:
        tags = ["career", TAG_EDIT[0]]
    category = CATEGORIES[number % len(CATEGORIES)]
    return NOTE.format(
        date=f"{2000 + number % 24}-{1 + number % 12:02d}-{1 + number % 28:02d}",
        tags=", ".join(tags),
        categories=f"category: {category}" if flavour == "ablog" else f"categories: [{category}]",
        number=number,
        tag=tags[0],
        float=image_float(number, flavour) if entries else "",
        timeline=timeline(number, entries, flavour) if entries else "Nothing dated yet.",
        tweet=tweet(number, flavour) if entries else "Nobody said a thing.",
        edit=BODY_EDIT[0],
    )


def write_project(root: Path, notes: int, flavour: str, entries: int = 6) -> Path:
    """A project of ``notes`` notes in ``flavour``, each with a timeline of ``entries``."""
    (root / "notes").mkdir(parents=True)
    (root / "img").mkdir()
    (root / "img" / "view.png").write_bytes(png())
    (root / "conf.py").write_text(CONF[flavour] + COMMON_CONF, "utf8")
    (root / "index.md").write_text(INDEX, "utf8")
    for number in range(notes):
        path = root / "notes" / f"note{number:04d}.md"
        path.write_text(note(number, entries, flavour), "utf8")
    return root


def _toggle(root: Path, pattern: str, pair: tuple[str, str]) -> None:
    """Swap ``pair[0]`` and ``pair[1]`` (either way round, so that repeated runs
    alternate) in the first match of ``pattern`` in the edited note."""
    path = root / f"{EDITED}.md"
    text = path.read_text("utf8")
    for old, new in (pair, pair[::-1]):
        match = re.search(pattern.format(re.escape(old)), text, re.MULTILINE)
        if match:
            line = match.group(0).replace(old, new, 1)
            path.write_text(text[: match.start()] + line + text[match.end() :], "utf8")
            return
    raise ValueError(f"{pattern.format(pair[0])!r} not found in {path}")


def edit_body(root: Path) -> str:
    """Change one sentence of the edited note's body; the docname of the note."""
    _toggle(root, r"{}", BODY_EDIT)
    return EDITED


def change_tag(root: Path) -> str:
    """Change one tag of the edited note; the docname of the note."""
    _toggle(root, r"^tags: \[.*{}", TAG_EDIT)
    return EDITED
