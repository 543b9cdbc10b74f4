"""``sphinx-timeline new "Title"``: a draft note, its file named from its title."""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from helpers import soup, warnings_of
from sphinx_timeline.cli import build_parser, main

EXPECTED = """\
---
title: Über den Wolken
date: '2024-05-01'
draft: true
tags:
- travel
- career
---

Write the note here. Its first paragraph is its summary in listings and feeds,
unless a `<!--more-->` line or an `excerpt` marks another.

% Remove "draft: true" above when the note is ready to be published.
%
% A timeline of dated entries (YYYY, YYYY-MM or YYYY-MM-DD):
%
% ::::{timeline}
% :::{timeline-entry} 2024-05-01
% :label: What happened
% What it meant, in a sentence or two.
% :::
% ::::
%
% A post from X, its words kept in the page:
%
% :::{tweet} https://x.com/someone/status/1416186020509360129
% :author: Some One
% :date: 2021-07-17
% The words of the post.
% :::
%
% A picture beside the text, with its caption:
%
% :::{image-float} img/picture.png
% :alt: What the picture shows
% :align: right
% The caption.
% :::
"""


def run(*args: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    parsed = build_parser().parse_args([str(arg) for arg in args])
    status = parsed.run(parsed, out, err)
    return status, out.getvalue(), err.getvalue()


def test_a_new_note(tmp_path: Path, build: Callable[..., SphinxTestApp]) -> None:
    folder = tmp_path / "blog"
    status, output, errors = run(
        "new", "  Über   den Wolken ", "--dir", folder, "--tags", "travel, career,", "--date",
        "2024-05-01",
    )  # fmt: skip
    path = folder / "uber-den-wolken.md"
    assert (status, output, errors) == (0, f"{path}\n", "")
    assert path.read_text(encoding="utf8") == EXPECTED
    app = build(
        {"index.md": "# Home\n\n```{toctree}\nnotes/new\n```\n", "notes/new.md": EXPECTED},
        timeline_drafts=True,
    )
    assert warnings_of(app) == []
    note = app.env.get_domain("notes").notes["notes/new"]  # type: ignore[attr-defined]
    assert (note.title, note.draft, note.tags) == ("Über den Wolken", True, ("travel", "career"))
    text = soup(app, "notes/new").select_one("[role=main]").get_text()
    assert "Write the note here." in text
    assert "timeline-entry" not in text


def test_today_is_the_default_date(tmp_path: Path) -> None:
    status, output, _ = run("new", "Today", "--dir", tmp_path)
    assert status == 0
    text = Path(output.strip()).read_text(encoding="utf8")
    assert f"date: '{datetime.date.today().isoformat()}'" in text.splitlines()


def test_an_existing_note_is_never_replaced(tmp_path: Path) -> None:
    path = tmp_path / "taken.md"
    path.write_text("Mine.\n", encoding="utf8")
    status, output, errors = run("new", "Taken", "--dir", tmp_path)
    assert (status, output) == (1, "")
    assert errors == f"error: {path} exists; choose another title, or another --dir\n"
    assert path.read_text(encoding="utf8") == "Mine.\n"


def test_a_title_without_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, errors = run("new", "???", "--dir", tmp_path)
    assert status == 1
    assert errors == (
        "error: '???' has no letters or digits to name the file; give the note a title with words\n"
    )
    assert main(["new", "A", "--date", "May 1st"]) == 2
    assert "'May 1st' is not a date such as 2024-05-01" in capsys.readouterr().err
