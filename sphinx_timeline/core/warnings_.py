"""The warnings this extension emits: one type, ``timeline``, and a subtype per kind of mistake."""

from __future__ import annotations

import contextlib
import dataclasses as dc
from collections.abc import Iterator
from contextvars import ContextVar
from enum import Enum

from docutils import nodes
from docutils.utils import get_source_line
from sphinx.util import logging

WARNING_TYPE = "timeline"
"""The warning type: every warning is ``timeline.<subtype>``, suppressible with
``suppress_warnings = ["timeline"]`` or ``["timeline.<subtype>"]``."""

LOGGER = logging.getLogger(__name__)


class TimelineWarning(Enum):
    """The warning subtypes; each member's docstring is its entry in the docs."""

    DATE = "date"
    """A date that is missing, not ISO 8601 (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``),
    impossible (``2019-02-30``), or an ``:end:`` before its start, in any directive
    (a ``timeline-entry``, a ``tweet``'s ``:date:``)."""
    OPTION = "option"
    """An unknown directive option, an option value that is not allowed (such as an
    ``:align:``, ``:width:``, ``:icon:`` or ``:user:`` that none of the directive's
    values fits), or options that do not go together (an ``image-float``'s
    ``:lightbox:`` with a ``:target:``, a ``timeline``'s ``:sections:`` without a JSON
    Resume), in any directive; the option is left out and its default used."""
    STRUCTURE = "structure"
    """A ``timeline`` without entries or with an argument, content that is not a
    ``timeline-entry`` inside a ``timeline``, or a ``timeline-entry`` outside a
    ``timeline``."""
    EVENTS = "events"
    """An ``:events:`` data file that is missing, cannot be parsed, holds no events, or
    has a bad row (the row is skipped); in a JSON Resume, a date that is not ISO 8601,
    an item without its date, a value of the wrong type, a ``url`` that is not an
    http(s) address, or no items in the sections picked."""
    CONFIG = "config"
    """A ``timeline_*`` configuration value of the wrong type or out of range (the
    default is used instead); feeds asked for without an absolute ``html_baseurl`` (no
    feed is written); a generated notes page (index, archive, tag or category) whose
    name a page of the project has (it is not written); or the unrelated
    ``sphinx-timeline`` distribution installed beside this one."""
    MYST = "myst"
    """A Markdown page uses ``:::`` fences or ``[text]{.class}`` spans, but the
    project's own ``myst_enable_extensions`` leaves out ``colon_fence`` or
    ``attrs_inline``; or a directive's ``:::`` fence is never closed."""
    FLOAT = "float"
    """An ``image-float`` without an image, or whose image is missing, is a URL or
    cannot be read (the float is left out); a ``:dark:`` image that cannot be used (the
    float has none); a ``:target:`` that would run code (the image is no link); or a
    page whose ``lightgallery`` front matter is neither true nor false."""
    NOTE = "note"
    """A note's front matter field whose value cannot be understood: a ``date`` or
    ``updated`` that is not a date, a ``draft`` or ``featured`` that is neither true nor
    false, ``tags`` that are not a list of words, an ``image`` that is no file of the
    project, ... (the field's default is used; a note without a usable ``date`` is an
    ordinary page)."""
    LISTING = "listing"
    """An ``excerpt`` with no text in it, or a ``note-list`` with content (it takes
    options only)."""
    THEME = "theme"
    """An ``html_theme_options`` value of the ``sphinx_timeline`` theme that cannot be
    used (an accent colour that is not a CSS colour, a social link that is not an
    ``https:`` or ``mailto:`` address, ...); the option's default is used instead."""
    TWEET = "tweet"
    """A ``tweet`` without a post, or whose argument is not a post's id or twitter.com /
    x.com URL, or whose cache file cannot be used (not JSON, for another post, ...);
    the tweet is left out."""


@dc.dataclass(frozen=True)
class _Pending:
    message: str
    subtype: TimelineWarning
    location: nodes.Node | tuple[str | None, int | None] | str | None

    def line_in(self, source: str | None, default: int) -> int:
        """The warning's line when it is about the file ``source``, else ``default``."""
        if isinstance(self.location, nodes.Node):
            path, line = get_source_line(self.location)
            return line if path == source and line else default
        if isinstance(self.location, str):
            path, _, text = self.location.rpartition(":")
            if path == source and text.isdigit():
                return int(text)
        return default


_pending: ContextVar[list[_Pending] | None] = ContextVar("stl_pending_warnings", default=None)


@contextlib.contextmanager
def in_line_order(source: str | None, line: int | None) -> Iterator[None]:
    """Hold the warnings issued inside, then log them in the order of their lines in the
    file ``source`` (a warning about another file, such as a data file, counts as
    ``line``). Only the outermost of nested uses sorts."""
    if _pending.get() is not None:
        yield
        return
    held: list[_Pending] = []
    token = _pending.set(held)
    try:
        yield
    finally:
        _pending.reset(token)
        for item in sorted(held, key=lambda item: item.line_in(source, line or 0)):
            _log(item)


def warn(
    message: str,
    subtype: TimelineWarning,
    location: nodes.Node | tuple[str | None, int | None] | str | None = None,
) -> None:
    """Log one ``timeline.<subtype>`` warning at ``location`` (a node, ``(docname, line)``
    or ``"path:line"``)."""
    item = _Pending(message, subtype, location)
    held = _pending.get()
    if held is None:
        _log(item)
    else:
        held.append(item)


def _log(item: _Pending) -> None:
    location = item.location
    if isinstance(location, nodes.Node):
        # read the node's place now: Sphinx reads it when it prints the warning, after
        # its i18n transforms have set the line of some nodes (a rubric, an image) to 0
        location = logging.get_node_location(location)
    # one line, after its location, whatever text of the writer's the message quotes
    message = item.message.replace("\r", "\\r").replace("\n", "\\n")
    LOGGER.warning(message, type=WARNING_TYPE, subtype=item.subtype.value, location=location)
