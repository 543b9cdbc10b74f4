"""``sphinx-timeline convert hugo``: turn a Hugo site's content into MyST notes.

This module holds the arguments and the run loop; the conversion is done by
:mod:`sphinx_timeline.convert.hugo`, imported when the command runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path, PurePosixPath
from typing import Any, TextIO


def existing(text: str) -> Path:
    """A file or folder that exists."""
    path = Path(text)
    if not path.exists():
        raise argparse.ArgumentTypeError(f"{text}: no such file or folder")
    return path


def notes_folder(text: str) -> PurePosixPath:
    """A folder inside the output folder, with ``/`` between folders."""
    path = PurePosixPath(text.strip("/"))
    if "\\" in text or text.startswith("/") or any(part in ("", "..") for part in path.parts):
        raise argparse.ArgumentTypeError(
            f"{text!r} must be a folder inside --out, such as notes or blog/posts"
        )
    return path


def add_parser(commands: Any) -> None:
    """Add ``convert`` and its subcommand ``hugo`` to the command's subparsers."""
    convert = commands.add_parser(
        "convert",
        help="turn another site's content into MyST notes",
        description="Turn another site's content into MyST notes for Sphinx.",
    )
    formats = convert.add_subparsers(dest="format", required=True, metavar="FORMAT")
    hugo = formats.add_parser(
        "hugo",
        help="convert a Hugo site, content folder or content files",
        description="Convert Hugo content into MyST notes: front matter (YAML, TOML or "
        "JSON) mapped onto the notes' fields, shortcodes into directives (tweet, "
        "image-float, timeline, admonitions, code, link cards), inline HTML, emoji and "
        "links to the converted pages; the pictures and files the pages use, and page "
        "bundles' resources, are copied beside them. Whatever cannot be converted stays "
        "visible in the note and is listed on the error output as FILE:LINE: name — "
        "what to do. Into a folder without conf.py, a complete Sphinx project is "
        "written (conf.py from the site's title, language and baseURL, and an index "
        "of the notes); into a project of your own, only the notes. An existing file "
        "is never replaced without --force. Exit status: 0, or 1 when a file could not "
        "be converted (or, with --strict, when anything was left); 2 for a usage error.",
    )
    hugo.add_argument(
        "sources",
        nargs="+",
        type=existing,
        metavar="SRC",
        help="a Hugo site's folder (with hugo.toml, config.toml or config/_default/: its "
        "content/ is converted), a content folder, or content files",
    )
    hugo.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="DIR",
        help="the Sphinx project to write into (made when missing)",
    )
    hugo.add_argument(
        "--notes-dir",
        default=PurePosixPath("notes"),
        type=notes_folder,
        metavar="PATH",
        help="the folder of the notes inside DIR (default: notes); content/ is laid "
        "out in it as it is on the Hugo site",
    )
    hugo.add_argument(
        "--lang",
        metavar="LANG",
        help="the content language to convert, in a multilingual site (default: its "
        "defaultContentLanguage)",
    )
    hugo.add_argument(
        "--force", action="store_true", help="replace files that exist with other contents"
    )
    hugo.add_argument(
        "--dry-run", action="store_true", help="list what would be written, write nothing"
    )
    hugo.add_argument(
        "--strict",
        action="store_true",
        help="exit with status 1 when anything was left for you to convert",
    )
    hugo.set_defaults(run=run_hugo)


def run_hugo(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Convert, write and report; the exit status."""
    from tqdm import tqdm  # type: ignore[import-untyped]

    from ..convert.hugo.convert import Conversion
    from ..convert.hugo.site import SiteError, discover
    from ..convert.hugo.writer import Outcome, advice, own_project, project_files, write

    out, err = out or sys.stdout, err or sys.stderr
    target: Path = args.out
    if target.exists() and not target.is_dir():
        print(f"error: --out {target} is not a folder", file=err)
        return 2
    try:
        discovery = discover(args.sources, args.lang)
    except SiteError as error:
        print(f"error: {error}", file=err)
        return 2
    for message in discovery.errors:
        print(f"error: {message}", file=err)
    project = own_project(target)
    conversion = Conversion(discovery, args.notes_dir)
    terminal = err.isatty()
    bar = tqdm(
        total=len(conversion.pages), file=err, disable=not terminal, unit="page", leave=False
    )
    counts = {"converted": 0, "left": 0, "copied": 0, "kept": 0, "errors": 0}
    needs: set[str] = set()
    tweets = 0

    def say(line: str, stream: TextIO) -> None:
        if terminal:
            bar.write(line, file=stream)
        else:
            print(line, file=stream)

    def put(files: list[Any]) -> None:
        for file in files:
            outcome = write(target, file, args.force, args.dry_run)
            path = target / file.path
            if outcome is Outcome.KEPT:
                counts["kept"] += 1
                say(f"{path}: exists with other contents, kept; --force replaces it", err)
                continue
            if file.source is not None and outcome is not Outcome.UNCHANGED:
                counts["copied"] += 1
            if args.dry_run:
                verb = {Outcome.WRITTEN: "would write", Outcome.REPLACED: "would replace"}
                say(f"{verb.get(outcome, 'unchanged')} {path}", out)
            elif not terminal:
                say(f"{outcome.value} {path}", out)

    for skipped in discovery.skipped:
        counts["left"] += 1
        say(f"{skipped.source}:1: {skipped.source.suffix[1:]} — {skipped.reason}", err)
    for page in conversion.pages:
        result = conversion.convert(page)
        bar.update()
        if result.error:
            counts["errors"] += 1
            say(f"error: {result.error}", err)
            continue
        counts["converted"] += 1
        needs |= result.needs
        tweets += result.tweets
        for leftover in result.leftovers:
            say(str(leftover), err)
        counts["left"] += len(result.leftovers)
        put(result.files)
    bar.close()
    site = next((site for site in discovery.sites if site.root is not None), None)
    if project:
        put(project_files(site, args.notes_dir, needs))
    for line in advice(target, args.notes_dir, project, needs, tweets, discovery.other_languages):
        print(line, file=out)
    summary = (
        f"{counts['converted']} files converted, {counts['left']} items left, "
        f"{counts['copied']} files copied"
    )
    if counts["kept"]:
        summary += f", {counts['kept']} existing files kept"
    if counts["errors"]:
        summary += f", {counts['errors']} files not converted"
    print(summary + (" (dry run: nothing written)" if args.dry_run else ""), file=out)
    if counts["errors"] or discovery.errors or (args.strict and counts["left"]):
        return 1
    return 0
