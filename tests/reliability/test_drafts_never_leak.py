"""Drafts never leak: a draft note, an rST draft and a note dated in the future carry a
marker in every front matter field, their body, labels, index entries, glossary terms,
images and downloads; they sit in an explicit and a glob toctree, one has tags no other
note has. Each builder builds the project once, and no file of its output is named
after them or holds the marker, in any byte: the compressed ``objects.inv`` and every
file inside the EPUB are read too. The published note next to them, with a marker of
its own, is found in the same places, so that the search itself is shown to work.
"""

from __future__ import annotations

import re
import shutil
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from helpers import BUILD_EPOCH, ROOTS, build_once, warnings_of

SECRET = "zqx7leak"
"""In every field and the text of the held-back notes and in the names of their files;
lower case, a word no stemmer shortens, so that the search index would hold it as
written."""
HELD_BACK = ("notes/draft", "notes/draft-rst", "notes/future")
SHOWN = "zqx7shown"
"""In the published note, where it must be found."""
BUILDERS = ("html", "latex", "text", "epub", "gettext")
IMAGE = ROOTS / "test-float" / "img" / "photo.png"

DRAFT = f"""\
---
title: {SECRET} title
description: {SECRET} description
date: 2024-02-01
updated: 2024-02-02
draft: true
tags: [career, {SECRET}-only]
categories: [{SECRET}-category]
keywords: [{SECRET}-keyword]
author: {SECRET} author
image: {SECRET}-image.png
featured: true
lightgallery: true
---

({SECRET}-label)=
# {SECRET} heading

The {SECRET} body, an {{index}}`{SECRET}-index` entry, a {{download}}`{SECRET} file
<{SECRET}-download.txt>` and a footnote[^{SECRET}].

[^{SECRET}]: The {SECRET} footnote.

:::{{excerpt}}
The {SECRET} excerpt.
:::

::::{{timeline}}
:::{{timeline-entry}} 2020
:label: {SECRET} entry
:name: {SECRET}-entry
The {SECRET} entry body.
:::
::::

:::{{tweet}} 20
:author: {SECRET} author
The {SECRET} post.
:::

:::{{image-float}} {SECRET}-float.png
The {SECRET} caption.
:::

```{{glossary}}
{SECRET}-term
  The {SECRET} definition.
```

({SECRET}-section)=
## {SECRET} section

:::{{note-list}}
:::
"""

RST_DRAFT = f"""\
:date: 2024-03-01
:draft: yes
:tags: career, {SECRET}-rst-tag
:description: {SECRET} rst description

.. _{SECRET}-rst-label:

{SECRET} rst title
==================

The {SECRET} rst text.
"""

FUTURE = f"""\
---
date: 2027-06-01
tags: [career, {SECRET}-future-tag]
categories: [{SECRET}-future-category]
author: {SECRET} future author
---

({SECRET}-future-label)=
# {SECRET} future title

The {SECRET} future text, held back until its date (the build's moment is January 2027).
"""

PUBLISHED = f"""\
---
date: 2024-01-01
tags: [career]
categories: [work]
description: The {SHOWN} description.
---

({SHOWN}-label)=
# The {SHOWN} note

The {SHOWN} text.
"""

INDEX = """\
# Leaks

```{toctree}
notes/draft
notes/draft-rst
notes/future
```

```{toctree}
:glob:

notes/*
```

:::{note-list}
:tags: career
:::
"""

CONF = """\
extensions = ["sphinx_timeline", "sphinx_sitemap"]
project = "Leaks"
copyright = "2026, the authors"
version = "1"
show_warning_types = True
html_theme = "sphinx_timeline"
html_baseurl = "https://example.org/docs/"
timeline_feed_content = "full"
sitemap_url_scheme = "{link}"
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project, written once for every builder."""
    src = tmp_path_factory.mktemp("drafts") / "src"
    files = {
        "conf.py": CONF,
        "index.md": INDEX,
        "notes/draft.md": DRAFT,
        "notes/draft-rst.rst": RST_DRAFT,
        "notes/future.md": FUTURE,
        "notes/published.md": PUBLISHED,
        f"notes/{SECRET}-download.txt": f"The {SECRET} download.\n",
        "_tweets/20.json": f'{{"id": "20", "text": "The {SECRET} cached post."}}\n',
    }
    for relative, content in files.items():
        (src / relative).parent.mkdir(parents=True, exist_ok=True)
        (src / relative).write_text(content, encoding="utf8")
    for name in (f"{SECRET}-image.png", f"{SECRET}-float.png"):
        shutil.copy(IMAGE, src / "notes" / name)
    return src


@pytest.fixture(scope="module", params=BUILDERS)
def built(
    request: pytest.FixtureRequest, project: Path, tmp_path_factory: pytest.TempPathFactory
) -> SphinxTestApp:
    """The project built with one builder, at the moment the subprocess builds use."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", str(BUILD_EPOCH))
        builddir = tmp_path_factory.mktemp(f"drafts-{request.param}")
        return build_once(project, request.param, builddir)


def contents(path: Path) -> Iterator[tuple[str, bytes]]:
    """The bytes of an output file, by name: ``objects.inv`` decompressed, each file of
    an EPUB on its own."""
    data = path.read_bytes()
    if path.name == "objects.inv":
        header_end = [match.end() for match in re.finditer(b"\n", data)][3]
        yield path.name, data[:header_end] + zlib.decompress(data[header_end:])
    elif path.suffix == ".epub":
        with zipfile.ZipFile(path) as book:
            for member in book.namelist():
                yield f"{path.name}/{member}", member.encode() + b"\n" + book.read(member)
    else:
        yield path.name, data


def output(app: SphinxTestApp) -> dict[str, bytes]:
    """Every file of the build's output, by its path (files in an EPUB under its name),
    its path first, lower case."""
    outdir = Path(app.outdir)
    found = {}
    for path in sorted(outdir.rglob("*")):
        if path.is_file():
            folder = path.parent.relative_to(outdir).as_posix()
            for name, data in contents(path):
                key = f"{folder}/{name}".removeprefix("./")
                found[key] = (key.encode() + b"\n" + data).lower()
    return found


def where(files: dict[str, bytes], marker: str) -> dict[str, str]:
    """The files that hold ``marker``, each with the text around its first appearance."""
    needle = marker.encode()
    return {
        name: data[max(0, data.find(needle) - 60) : data.find(needle) + 60].decode(
            "utf8", "replace"
        )
        for name, data in files.items()
        if needle in data
    }


def test_no_output_file_holds_a_held_back_note(built: SphinxTestApp) -> None:
    assert where(output(built), SECRET) == {}


def test_no_output_file_is_a_held_back_note(built: SphinxTestApp) -> None:
    written = [
        name
        for name in output(built)
        if any(
            name.startswith((f"{page}.", f"{page}/")) or f"/{page}." in name for page in HELD_BACK
        )
    ]
    assert written == []


def test_held_back_notes_are_left_out_without_a_warning(built: SphinxTestApp) -> None:
    assert warnings_of(built) == []


EXPECTED = {
    "html": (
        "notes/published.html",
        "index.html",
        "searchindex.js",
        "objects.inv",
        "atom.xml",
        "sitemap.xml",
        "tags/career.html",
        "tags/career/atom.xml",
    ),
    "latex": ("leaks.tex",),
    "text": ("notes/published.txt",),
    "epub": ("Leaks.epub/notes/published.xhtml", "Leaks.epub/content.opf", "Leaks.epub/nav.xhtml"),
    "gettext": ("notes.pot",),
}
"""Where each builder writes the published note (its text, its name or address)."""


def test_the_published_note_is_found_where_a_draft_would_be(built: SphinxTestApp) -> None:
    files = output(built)
    shown = where(files, SHOWN) | where(files, "notes/published")
    missing = [name for name in EXPECTED[built.builder.name] if name not in shown]
    assert missing == []
