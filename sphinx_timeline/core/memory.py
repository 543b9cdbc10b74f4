"""Python's garbage collector while the pages are written.

Once the pages are read, the environment (the domains' data, every page's toctree)
lives to the end of the build, and the collector walks all of it at each full
collection while the pages are written: about a third of a build's time. Freezing it
when reading is done (:func:`gc.freeze`), and releasing it when the build ends, leaves
the collector the objects of the writing only, and lets the workers of a parallel build
share the frozen memory. ``timeline_freeze_environment = False`` leaves the collector
alone.

A parallel build forks its workers from the main process: each one freezes what it
inherits as it starts, so that its collector walks only what the worker makes, not the
main process's heap (with ``-j 2``, every page resolved and waiting to be written).

Sphinx also keeps each doctree it reads in memory until the page is written, so the
collector walks more and more of them as the pages are read, and frozen, they would
stay to the end of the build. So each is dropped once its pickle is written (when the
next page is read, and when reading ends), and Sphinx reads it back from the pickle to
write the page, which costs less than the collector's walks did.
"""

from __future__ import annotations

import gc
import os
from typing import TYPE_CHECKING

from .config import Setting, add_settings, instance_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

FREEZE = Setting(
    "freeze_environment",
    True,
    instance_of(bool),
    "Whether the garbage collector leaves the environment out while the pages are "
    "written (``gc.freeze()`` after reading, undone when the build ends), and Sphinx "
    "reads each doctree back from its pickle to write its page rather than keep them "
    "all in memory: a build is faster by a seventh or so, and takes less memory. "
    "See :doc:`performance`.",
)
SETTINGS = (FREEZE,)


class _Workers:
    """Whether a worker process forked now freezes what it inherits: while a build
    that freezes its environment runs."""

    freeze = False


def _freeze_inherited() -> None:
    if _Workers.freeze:
        gc.freeze()


os.register_at_fork(after_in_child=_freeze_inherited)


def setup_memory(app: Sphinx) -> None:
    add_settings(app, SETTINGS)
    app.connect("builder-inited", start_build)
    app.connect("env-purge-doc", drop_read_doctrees)
    app.connect("env-updated", freeze_environment)
    app.connect("build-finished", release_environment)


def start_build(app: Sphinx) -> None:
    """Let the workers of this build freeze what they inherit (``builder-inited``)."""
    _Workers.freeze = FREEZE.value(app.config)


def drop_read_doctrees(app: Sphinx, env: BuildEnvironment, docname: str = "") -> None:
    """Let go of the doctrees Sphinx holds in memory for writing, which it has pickled
    (``env-purge-doc``, before each page is read)."""
    if not FREEZE.value(app.config):
        return
    read_doctrees = getattr(env, "_write_doc_doctree_cache", None)  # private to Sphinx
    if isinstance(read_doctrees, dict):
        read_doctrees.clear()


def freeze_environment(app: Sphinx, env: BuildEnvironment) -> None:
    """Move every object alive after reading out of the collector's way (``env-updated``),
    once the last doctree read is dropped and collected."""
    if not FREEZE.value(app.config):
        return
    drop_read_doctrees(app, env)
    gc.collect()
    gc.freeze()


def release_environment(app: Sphinx, exception: BaseException | None) -> None:
    """Give the collector its objects back (``build-finished``), so that they are freed
    once garbage, as in a process that builds again (a test suite, a live server)."""
    _Workers.freeze = False
    if FREEZE.value(app.config):
        gc.unfreeze()
