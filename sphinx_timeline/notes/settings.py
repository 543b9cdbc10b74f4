"""The author notes' ``timeline_*`` settings."""

from __future__ import annotations

import re
from typing import Any

from ..core.config import Setting, instance_of, one_of


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


def feed_path(value: Any) -> None:
    """A file's path inside the output folder, with ``/`` between folders."""
    instance_of(str)(value)
    parts = value.split("/")
    if "\\" in value or any(part in ("", ".", "..") for part in parts):
        raise ValueError(
            "must be the path of a file inside the output folder, with / between folders, "
            f"such as 'atom.xml' or 'feeds/notes.xml', not {value!r}"
        )


def file_name(value: Any) -> None:
    """A file name without folders, or ``""``."""
    instance_of(str)(value)
    if value and ("/" in value or "\\" in value or value in (".", "..")):
        raise ValueError(f"must be a file name such as 'atom.xml', or '', not {value!r}")


FEEDS = Setting(
    "feeds",
    True,
    instance_of(bool),
    "Whether the HTML builders (``html``, ``dirhtml``) write Atom feeds of the notes: one "
    "of every note, and one for each tag and each category. Their links need the site's "
    "address: ``html_baseurl`` (on Read the Docs, its canonical URL). See :doc:`feeds`.",
)
FEED_PATH = Setting(
    "feed_path",
    "atom.xml",
    feed_path,
    "Where the feed of every note is written, relative to the output folder.",
)
TAG_FEED_NAME = Setting(
    "tag_feed_name",
    "atom.xml",
    file_name,
    "The file name of each tag's and each category's feed, written in a folder named as "
    "the tag's page (``tags/<slug>/atom.xml``); ``''`` for no tag and category feeds.",
)
FEED_CONTENT = Setting(
    "feed_content",
    "summary",
    one_of("summary", "full"),
    "What a feed entry holds of its note besides the title and link: ``'summary'`` (the "
    "note's summary) or ``'full'`` (the summary and the whole note as HTML, every link "
    "in it absolute).",
)
FEED_LIMIT = Setting(
    "feed_limit",
    20,
    count,
    "How many notes each feed holds at most, the newest; 0 for all.",
)


def page_folder(value: Any) -> None:
    """A folder inside the output folder, with ``/`` between folders, other than the
    folders of the tag and category pages."""
    instance_of(str)(value)
    if not re.fullmatch(r"[A-Za-z0-9][\w.-]*(/[A-Za-z0-9][\w.-]*)*", value, re.ASCII):
        raise ValueError(
            "must be a folder such as 'blog' or 'notes/all' (letters, digits, '-', '_' "
            f"and '.', with / between folders), not {value!r}"
        )
    if value.split("/")[0] in ("tags", "categories"):
        raise ValueError(
            "must not be in 'tags' or 'categories', which hold the tag and category "
            f"pages, not {value!r}"
        )


NOTES_PATH = Setting(
    "notes_path",
    "blog",
    page_folder,
    "The folder of the generated notes index (``<folder>/index``) and archive "
    "(``<folder>/archive``) pages, in the HTML builders. See :doc:`notes-listings`.",
)
NOTES_PER_PAGE = Setting(
    "notes_per_page",
    10,
    positive_int,
    "How many notes each generated listing page shows; longer listings are split into "
    'pages linked by ``rel="prev"`` and ``rel="next"``.',
)

SETTINGS = (
    DRAFTS,
    FUTURE,
    READING_SPEED,
    NAVIGATION,
    RELATED,
    FEEDS,
    FEED_PATH,
    TAG_FEED_NAME,
    FEED_CONTENT,
    FEED_LIMIT,
    NOTES_PATH,
    NOTES_PER_PAGE,
)
