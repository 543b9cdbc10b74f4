"""Career stories and author notes for Sphinx: timelines, tweets, floats and notes."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "0.1.0"

ENV_VERSION = 1
"""Bumped whenever the shape of the data this extension stores in the environment changes."""


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the extension with Sphinx."""
    from .extension import setup_extension

    setup_extension(app)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
