"""The author notes' ``timeline_*`` settings."""

from __future__ import annotations

from typing import Any

from ..core.config import Setting, instance_of


def positive_int(value: Any) -> None:
    """An ``int`` of at least 1."""
    instance_of(int)(value)
    if value < 1:
        raise ValueError(f"must be at least 1, not {value!r}")


def count(value: Any) -> None:
    """An ``int`` of at least 0."""
    instance_of(int)(value)
    if value < 0:
        raise ValueError(f"must be 0 or more, not {value!r}")


DRAFTS = Setting(
    "drafts",
    False,
    instance_of(bool),
    "Whether notes with ``draft: true`` are built, with a Draft banner and kept out of "
    "search engines (``noindex``). Otherwise they are not built at all. The environment "
    "variable ``SPHINX_TIMELINE_DRAFTS=1`` and Read the Docs pull-request previews turn "
    "this on too. See :doc:`notes`.",
)
FUTURE = Setting(
    "future",
    False,
    instance_of(bool),
    "Whether notes dated after now are built; otherwise they are held back like drafts "
    "until their date (as Hugo does). Now is ``SOURCE_DATE_EPOCH`` when it is set.",
)
READING_SPEED = Setting(
    "reading_speed",
    213,
    positive_int,
    "Words read per minute, for a note's reading time (213, as Hugo counts). In scripts "
    "written without spaces (Chinese, Japanese, ...) each character counts as a word.",
)
NAVIGATION = Setting(
    "note_navigation",
    True,
    instance_of(bool),
    "Whether each note ends with links to the previous and the next note.",
)
RELATED = Setting(
    "related_notes",
    3,
    count,
    "How many related notes (those sharing the most tags) each note ends with; 0 for none.",
)

SETTINGS = (DRAFTS, FUTURE, READING_SPEED, NAVIGATION, RELATED)
