"""Wiring: the core, then each feature's ``setup``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import core, image_float, timeline, tweet

if TYPE_CHECKING:
    from sphinx.application import Sphinx

FEATURES = (timeline, image_float, tweet)
"""The feature packages, each with its ``setup(app)`` and its ``SETTINGS``."""


def setup_extension(app: Sphinx) -> None:
    """Set up the core and every feature of the extension."""
    core.setup(app)
    for feature in FEATURES:
        feature.setup(app)
