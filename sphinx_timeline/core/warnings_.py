"""The warnings this extension emits: one type, ``timeline``, and a subtype per kind of mistake."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from sphinx.util import logging

if TYPE_CHECKING:
    from docutils import nodes

WARNING_TYPE = "timeline"
"""The warning type: every warning is ``timeline.<subtype>``, suppressible with
``suppress_warnings = ["timeline"]`` or ``["timeline.<subtype>"]``."""

LOGGER = logging.getLogger(__name__)


class TimelineWarning(Enum):
    """The warning subtypes; each member's docstring is its entry in the docs."""

    DATE = "date"
    """A date that is missing, not ISO 8601 (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``),
    impossible (``2019-02-30``), or an ``:end:`` before its start."""
    OPTION = "option"
    """An unknown directive option, or an option value that is not allowed."""
    STRUCTURE = "structure"
    """A ``timeline`` without entries, content that is not a ``timeline-entry`` inside
    a ``timeline``, or a ``timeline-entry`` outside a ``timeline``."""
    EVENTS = "events"
    """An ``:events:`` data file that is missing, cannot be parsed, or has a bad row."""
    CONFIG = "config"
    """A ``timeline_*`` configuration value of the wrong type or out of range
    (the default is used instead)."""
    MYST = "myst"
    """A Markdown page uses ``:::`` fences or ``[text]{.class}`` spans, but the
    project's own ``myst_enable_extensions`` leaves out ``colon_fence`` or
    ``attrs_inline``."""
    FLOAT = "float"
    """An ``image-float`` whose image is missing, is a URL or cannot be read, whose
    ``:align:``, ``:width:`` or ``:lightbox:`` value is not allowed, or a page whose
    ``lightgallery`` front matter is neither true nor false."""
    TWEET = "tweet"
    """A ``tweet`` without a post, or whose argument is not a post's id or twitter.com /
    x.com URL, whose ``:date:`` is not a date, or whose cache file cannot be used."""


def warn(
    message: str,
    subtype: TimelineWarning,
    location: nodes.Node | tuple[str | None, int | None] | str | None = None,
) -> None:
    """Log one ``timeline.<subtype>`` warning at ``location`` (a node, ``(docname, line)``
    or ``"path:line"``)."""
    LOGGER.warning(message, type=WARNING_TYPE, subtype=subtype.value, location=location)
