"""Notes in parallel and incremental builds: an edit rewrites what it changes, and the
result equals a clean build."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import assert_same_output, copy_root, sphinx_build, strip_colours


def written(output: str) -> list[str]:
    """The pages an incremental build wrote, from its log."""
    return re.findall(r"writing output\.\.\. \[ *\d+%\] (\S+)", strip_colours(output))


def prune_search_index(outdir: Path) -> None:
    """Drop the search terms that no page has any more: an incremental build keeps them
    (Sphinx's own behaviour), which changes no search result."""
    path = outdir / "searchindex.js"
    index = json.loads(path.read_text("utf8").removeprefix("Search.setIndex(").removesuffix(")"))
    for key in ("terms", "titleterms"):
        index[key] = {term: docs for term, docs in index[key].items() if docs != []}
    path.write_text(json.dumps(index, sort_keys=True), "utf8")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf8")
    assert old in text
    path.write_text(text.replace(old, new), "utf8")


@pytest.fixture
def srcdir(tmp_path: Path) -> Path:
    return copy_root("notes", tmp_path)


def test_a_body_edit_rewrites_that_note_only(srcdir: Path, tmp_path: Path) -> None:
    sphinx_build(srcdir, tmp_path / "out")
    edit(srcdir / "notes" / "second.md", "the release process", "the releases")
    output = sphinx_build(srcdir, tmp_path / "out")
    assert "0 added, 1 changed, 0 removed" in output
    assert written(output) == ["index", "notes/second"]  # as plain Sphinx: the note and its parent


CHANGES: dict[str, Callable[[Path], None]] = {
    "title": lambda src: edit(src / "notes" / "second.md", "# Maintainer", "# Release manager"),
    "tags": lambda src: edit(src / "notes" / "first.md", "[career, python]", "[python]"),
    "date": lambda src: edit(src / "notes" / "cjk.md", "2022-12-24", "2025-01-01"),
    "draft on": lambda src: edit(src / "notes" / "first.md", "featured: true", "draft: true"),
    "draft off": lambda src: edit(src / "notes" / "draft.md", "draft: true", "draft: false"),
    "added": lambda src: (src / "notes" / "third.md").write_text(
        "---\ndate: 2024-06-01\ntags: [career]\n---\n# A third note\n\nText.\n", "utf8"
    ),
    "deleted": lambda src: (src / "notes" / "second.md").unlink(),
    "renamed": lambda src: (src / "notes" / "second.md").rename(src / "notes" / "maintainer.md"),
}


@pytest.mark.parametrize("change", CHANGES)
def test_an_incremental_build_equals_a_clean_build(
    srcdir: Path, tmp_path: Path, change: str
) -> None:
    sphinx_build(srcdir, tmp_path / "incremental")
    CHANGES[change](srcdir)
    sphinx_build(srcdir, tmp_path / "incremental")
    sphinx_build(srcdir, tmp_path / "clean", "-E")
    stale = {
        path.relative_to(tmp_path / "incremental").as_posix()
        for path in (tmp_path / "incremental").rglob("*.html")
        if not (tmp_path / "clean" / path.relative_to(tmp_path / "incremental")).exists()
    }
    for name in stale:  # a page removed since: Sphinx leaves its old file, as for any page
        (tmp_path / "incremental" / name).unlink()
    prune_search_index(tmp_path / "incremental")
    prune_search_index(tmp_path / "clean")
    assert_same_output(tmp_path / "incremental", tmp_path / "clean")


def test_a_note_made_a_draft_again_is_unpublished(srcdir: Path, tmp_path: Path) -> None:
    """Unlike a deleted page, whose old file Sphinx leaves, a note made a draft leaves
    no page and no source copy from the build that published it."""
    outdir = tmp_path / "out"
    sphinx_build(srcdir, outdir)
    published = [outdir / "notes" / "first.html", outdir / "_sources" / "notes" / "first.md.txt"]
    assert all(path.is_file() for path in published)
    CHANGES["draft on"](srcdir)
    sphinx_build(srcdir, outdir)
    assert not any(path.exists() for path in published)


def test_a_title_edit_rewrites_the_notes_that_link_to_it(srcdir: Path, tmp_path: Path) -> None:
    sphinx_build(srcdir, tmp_path / "out")
    CHANGES["title"](srcdir)
    output = sphinx_build(srcdir, tmp_path / "out")
    # second itself; first links to it as next and related; the index lists it
    assert set(written(output)) >= {"notes/second", "notes/first", "index"}
    assert "notes/cjk" not in written(output)
