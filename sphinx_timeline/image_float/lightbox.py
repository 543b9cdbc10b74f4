"""Whether a click on a float enlarges it: its ``:lightbox:`` option, else the page's
``lightgallery`` front matter, else ``timeline_lightbox``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from ..core.metadata import FieldError, PageMetadata
from ..core.warnings_ import TimelineWarning
from .settings import LIGHTBOX

if TYPE_CHECKING:
    from sphinx.application import Sphinx

FRONT_MATTER_FIELD = "lightgallery"


def resolve_lightboxes(app: Sphinx, doctree: nodes.document) -> None:
    """Decide, for each float of the page just read, whether a click enlarges it;
    warn about a ``lightgallery`` front matter value that is neither true nor false.

    Runs after Sphinx has collected the page's front matter into ``env.metadata``.
    """
    metadata = PageMetadata.of(app.env, app.env.docname)
    try:
        page_choice = metadata.flag(FRONT_MATTER_FIELD)
    except FieldError as error:
        metadata.warn(
            f"{error} (timeline_lightbox decides meanwhile)",
            TimelineWarning.FLOAT,
            FRONT_MATTER_FIELD,
        )
        page_choice = None
    default = LIGHTBOX.value(app.config) if page_choice is None else page_choice
    for figure in doctree.findall(nodes.figure):
        if figure.get("stl_float"):
            figure.setdefault("stl_lightbox", default)
