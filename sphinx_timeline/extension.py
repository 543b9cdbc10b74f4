"""Wiring: the core, then each feature's ``setup``."""

from __future__ import annotations

import importlib.metadata
from typing import TYPE_CHECKING

from . import core, image_float, notes, timeline, tweet
from .core.config import when_configured
from .core.warnings_ import TimelineWarning, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx

FEATURES = (timeline, image_float, tweet, notes)
"""The feature packages, each with its ``setup(app)`` and its ``SETTINGS``."""

UNRELATED_DISTRIBUTION = "sphinx-timeline"
"""An unrelated distribution that installs an import package of the same name."""


def setup_extension(app: Sphinx) -> None:
    """Set up the core and every feature of the extension."""
    when_configured(app, lambda app, config: check_installation())
    core.setup(app)
    for feature in FEATURES:
        feature.setup(app)


def check_installation() -> None:
    """Warn when the unrelated ``sphinx-timeline`` distribution is installed too: its
    files and ours share the ``sphinx_timeline`` folder, so whichever pip installed
    last has overwritten the other's, without a word."""
    try:
        other = importlib.metadata.distribution(UNRELATED_DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return
    warn(
        f"the unrelated {UNRELATED_DISTRIBUTION} {other.version} distribution is installed "
        "beside sphinx-career-timeline; both install the import package sphinx_timeline, "
        "so one has overwritten the other's files. Run 'pip uninstall "
        f"{UNRELATED_DISTRIBUTION} sphinx-career-timeline', then 'pip install "
        "sphinx-career-timeline'",
        TimelineWarning.CONFIG,
    )
