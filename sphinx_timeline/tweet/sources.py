"""Finding the ``tweet`` directives of a project that have no text of their own."""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..core.project import source_files
from ..core.source import DirectiveBlock, markdown_directives, rst_directives


@dc.dataclass(frozen=True)
class Found:
    """A ``tweet`` directive without text: where it is, its argument and ``:user:``."""

    path: Path
    line: int
    argument: str
    user: str = ""

    def where(self, srcdir: Path) -> str:
        """``path:line``, the path relative to ``srcdir`` when it is inside it."""
        try:
            shown = self.path.relative_to(srcdir)
        except ValueError:
            shown = self.path
        return f"{shown}:{self.line}"


def find_tweets(srcdir: Path, exclude_patterns: Iterable[str] = ()) -> Iterator[Found]:
    """The ``tweet`` directives without text in the project's sources, in path order."""
    for path in source_files(srcdir, (".md", ".rst"), exclude_patterns):
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        blocks = markdown_directives(lines) if path.suffix == ".md" else rst_directives(lines)
        for block in textless_tweets(blocks):
            yield Found(path, block.line, block.argument, block.options.get("user", ""))


def textless_tweets(blocks: Iterable[DirectiveBlock]) -> Iterator[DirectiveBlock]:
    """The ``tweet`` directives among ``blocks`` whose body is empty."""
    for block in blocks:
        if block.name == "tweet" and not any(line.strip() for line in block.body):
            yield block
