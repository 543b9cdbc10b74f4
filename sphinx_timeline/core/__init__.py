"""What every feature shares, and nothing feature-specific.

The core imports no feature package (``timeline``, ``tweet``, ``image_float``, ...):
settings registration and validation (:mod:`.config`), warning subtypes
(:mod:`.warnings_`), the directive base and option converters (:mod:`.directive`),
node helpers (:mod:`.nodes`), the fence-aware source scanner (:mod:`.source`),
front matter (:mod:`.metadata`), dates (:mod:`.dates`), static assets
(:mod:`.assets`), translations (:mod:`.i18n`), the MyST set-up (:mod:`.myst`),
output files written whole (:mod:`.files`) and the garbage collector while pages are
written (:mod:`.memory`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .assets import setup_assets
from .i18n import setup_i18n
from .memory import setup_memory
from .myst import setup_myst
from .nodes import setup_nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    """Set up what the features share."""
    setup_i18n(app)
    setup_myst(app)
    setup_nodes(app)
    setup_assets(app)
    setup_memory(app)
