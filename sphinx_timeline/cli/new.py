"""``sphinx-timeline new "Title"``: start a note, a draft with its front matter filled in.

This module holds the arguments and the run loop; the note's text comes from
:mod:`sphinx_timeline.convert.note`.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path
from typing import Any, TextIO


def iso_day(text: str) -> datetime.date:
    """A date written YYYY-MM-DD."""
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date such as 2024-05-01") from None


def add_parser(commands: Any) -> None:
    """Add ``new`` to the command's subparsers."""
    new = commands.add_parser(
        "new",
        help="start a new note",
        description="Write a new note, DIR/SLUG.md, its file name made from the title: a "
        "draft dated today, with its title and tags, and the timeline, tweet and "
        "floating-image syntax as comments to copy from. Prints the file's path. An "
        "existing file is never replaced.",
    )
    new.add_argument("title", metavar="TITLE", help="the note's title")
    new.add_argument(
        "--dir",
        type=Path,
        default=Path("notes"),
        metavar="DIR",
        help="the folder of the note (default: notes; made when missing)",
    )
    new.add_argument(
        "--tags", default="", metavar="TAGS", help="the note's tags, separated by commas"
    )
    new.add_argument(
        "--date", type=iso_day, metavar="YYYY-MM-DD", help="the note's date (default: today)"
    )
    new.set_defaults(run=run_new)


def run_new(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Write the note; 0, or 1 when it cannot be written."""
    from ..convert.note import new_note
    from ..notes.slugs import slug

    out, err = out or sys.stdout, err or sys.stderr
    title = " ".join(args.title.split())
    name = slug(title)
    if not title or name == "-":
        print(
            f"error: {args.title!r} has no letters or digits to name the file; give the "
            "note a title with words",
            file=err,
        )
        return 1
    tags = [tag.strip() for tag in args.tags.split(",") if tag.strip()]
    date = args.date or datetime.date.today()
    path: Path = args.dir / f"{name}.md"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as stream:
            stream.write(new_note(title, date, tags))
    except FileExistsError:
        print(f"error: {path} exists; choose another title, or another --dir", file=err)
        return 1
    except OSError as error:
        print(f"error: cannot write {path}: {error.strerror}", file=err)
        return 1
    print(path, file=out)
    return 0
