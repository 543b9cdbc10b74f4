"""A Sphinx project seen from outside a build: its ``conf.py`` and its source files.

For the ``sphinx-timeline`` command, which works on a project without building it.
"""

from __future__ import annotations

import contextlib
import runpy
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

SKIPPED_FOLDERS = frozenset({"_build", "node_modules", "__pycache__"})


def read_conf(srcdir: Path) -> dict[str, Any]:
    """The names ``conf.py`` defines, run as Sphinx runs it (in its own folder, with
    ``tags``); ``{}`` without a ``conf.py``. Errors in ``conf.py`` propagate."""
    conf = srcdir.resolve() / "conf.py"
    if not conf.is_file():
        return {}
    from sphinx.util.tags import Tags

    with contextlib.chdir(conf.parent):  # conf.py may use paths relative to its folder
        return runpy.run_path(str(conf), init_globals={"tags": Tags()})


def source_files(
    srcdir: Path, suffixes: Iterable[str], exclude_patterns: Iterable[str] = ()
) -> Iterator[Path]:
    """The project's files ending in ``suffixes``, in path order, without hidden folders,
    build output and what ``exclude_patterns`` excludes."""
    from sphinx.util.matching import Matcher

    excluded = Matcher(list(exclude_patterns))
    suffixes = tuple(suffixes)
    for path in sorted(srcdir.rglob("*")):
        relative = path.relative_to(srcdir)
        if path.suffix not in suffixes or not path.is_file():
            continue
        if any(part.startswith(".") or part in SKIPPED_FOLDERS for part in relative.parts):
            continue
        if any(
            excluded("/".join(relative.parts[:depth]))
            for depth in range(1, len(relative.parts) + 1)
        ):
            continue
        yield path
