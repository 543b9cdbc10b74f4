"""Python's garbage collector while the pages are written.

Once the pages are read, the environment (every page's doctree, the domains' data)
lives to the end of the build, and the collector walks all of it at each full
collection while the pages are written: about a third of a build's time. Freezing it
when reading is done (:func:`gc.freeze`), and releasing it when the build ends, leaves
the collector the objects of the writing only, and lets the workers of a parallel build
share the frozen memory. ``timeline_freeze_environment = False`` leaves the collector
alone.
"""

from __future__ import annotations

import gc
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
    "written (``gc.freeze()`` after reading, undone when the build ends), which makes "
    "a build faster by about a fifth. See :doc:`performance`.",
)
SETTINGS = (FREEZE,)


def setup_memory(app: Sphinx) -> None:
    add_settings(app, SETTINGS)
    app.connect("env-updated", freeze_environment)
    app.connect("build-finished", release_environment)


def freeze_environment(app: Sphinx, env: BuildEnvironment) -> None:
    """Move every object alive after reading out of the collector's way (``env-updated``)."""
    if FREEZE.value(app.config):
        gc.freeze()


def release_environment(app: Sphinx, exception: BaseException | None) -> None:
    """Give the collector its objects back (``build-finished``), so that they are freed
    once garbage, as in a process that builds again (a test suite, a live server)."""
    if FREEZE.value(app.config):
        gc.unfreeze()
