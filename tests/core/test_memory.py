"""The garbage collector leaves the environment out while pages are written, and gets it
back when the build ends; Sphinx keeps no doctree in memory from reading to writing."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from helpers import warnings_of


def write_project(folder: Path, names: list[str]) -> Path:
    """A project of an index and a page of text for each of ``names``."""
    srcdir = folder / "src"
    srcdir.mkdir()
    toctree = "\n".join(names)
    (srcdir / "index.md").write_text(f"# Home\n\n```{{toctree}}\n{toctree}\n```\n", "utf8")
    for name in names:
        (srcdir / f"{name}.md").write_text(f"# {name}\n\nText.\n", "utf8")
    (srcdir / "conf.py").write_text('extensions = ["sphinx_timeline"]\n', "utf8")
    return srcdir


@pytest.mark.parametrize("freeze", [True, False])
def test_the_environment_is_frozen_while_writing_only(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, freeze: bool
) -> None:
    srcdir = write_project(tmp_path, ["other"])
    app = make_app("html", srcdir=srcdir, confoverrides={"timeline_freeze_environment": freeze})
    counts: list[int] = []
    held: list[int] = []  # doctrees Sphinx holds in memory when each page is read
    app.connect("html-page-context", lambda *args: counts.append(gc.get_freeze_count()))
    app.connect("source-read", lambda *args: held.append(len(app.env._write_doc_doctree_cache)))
    before = gc.get_freeze_count()
    app.build()
    assert warnings_of(app) == []
    assert len(counts) >= 2  # the two pages, and Sphinx's own
    assert all(count > before for count in counts) is freeze
    assert gc.get_freeze_count() == 0  # released when the build ended
    assert held == [0, 0] if freeze else held == [0, 1]


@pytest.mark.parametrize("freeze", [True, False])
def test_the_workers_of_a_parallel_build_freeze_what_they_inherit(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, freeze: bool
) -> None:
    srcdir = write_project(tmp_path, [f"page{number}" for number in range(8)])
    app = make_app(
        "html", srcdir=srcdir, parallel=2, confoverrides={"timeline_freeze_environment": freeze}
    )
    seen = tmp_path / "seen.txt"  # what each page's writer saw: its process, frozen objects

    def record(*args: object) -> None:
        with seen.open("a", encoding="utf8") as file:
            file.write(f"{os.getpid()} {gc.get_freeze_count()}\n")

    app.connect("html-page-context", record)
    app.build()
    assert warnings_of(app) == []
    lines = [line.split() for line in seen.read_text("utf8").splitlines()]
    in_main = [int(count) for pid, count in lines if int(pid) == os.getpid()]
    in_workers = [int(count) for pid, count in lines if int(pid) != os.getpid()]
    assert len(in_workers) >= 7  # the pages after the first are written by the worker
    # more than the main process froze: what it made since, up to the fork, too
    assert all(count > in_main[0] for count in in_workers) is freeze
    assert gc.get_freeze_count() == 0
