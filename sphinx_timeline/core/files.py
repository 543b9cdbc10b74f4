"""Output files the features write themselves (feeds, generated pages): whole or not at
all, and a file that cannot be written is a warning, as it is for Sphinx's own pages;
one no longer written is removed with the folders it leaves empty."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from sphinx.locale import __
from sphinx.util import logging

LOGGER = logging.getLogger(__name__)


def write_whole(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` through a temporary file beside it, renamed over it once
    complete, so that a build interrupted halfway leaves the old file whole. When it
    cannot be written, warn as Sphinx does for a page and return ``False``."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError as error:
        LOGGER.warning(__("error writing file %s: %s"), path, error.strerror or error)
        return False
    finally:  # also when interrupted
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    return True


def remove_output(path: Path, outdir: Path) -> None:
    """Delete the output file ``path`` and the folders it leaves empty, never anything
    outside ``outdir``; what is gone already, or cannot be removed, is left alone."""
    outdir, path = outdir.resolve(), path.resolve()
    if not path.is_relative_to(outdir):
        return
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)
        folder = path.parent
        while folder != outdir and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
