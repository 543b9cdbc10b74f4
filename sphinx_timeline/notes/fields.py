"""A note's front matter, read tolerantly into a :class:`Note`.

A page is a note when its front matter (MyST) or docinfo (reStructuredText) has a
``date``. Each field is read as the writer meant it, whatever the parser handed over;
a value that cannot be understood is one ``timeline.note`` warning at its line, and
the field's default is used (a ``date`` that cannot be read means no note).
"""

from __future__ import annotations

import dataclasses as dc
import datetime
from collections.abc import Callable
from typing import Any

from ..core.dates import DATE_HELP, PartialDate
from ..core.metadata import FieldError, PageMetadata

Report = Callable[[str, str], None]
"""Warns ``(message, field)``."""

DATE_TIME_HELP = (
    f"{DATE_HELP}, or as a date and time such as 2020-03-03T16:29:41+08:00 (as Hugo writes it)"
)


FIELDS = {
    "date": "The note's date: ``2024``, ``2024-05``, ``2024-05-01``, or a date and time "
    "with its time zone as Hugo writes it (``2020-03-03T16:29:41+08:00``). A page with a "
    "``date`` is a note. Shown in the note's header; orders the listings and feeds.",
    "updated": "When the note was last changed, in the same forms (Hugo's ``lastmod`` "
    "is read too). Shown in the header when it differs from the date.",
    "title": "The note's title when its page has no heading.",
    "description": "One or two sentences: the note's summary in listings and feeds, and "
    "its page description.",
    "draft": "``true`` keeps the note out of a normal build entirely; see :ref:`notes-drafts`.",
    "tags": "Words the note is about, as a list or separated by commas; each links to "
    "its tag page and relates notes to each other.",
    "categories": "The note's categories, as a list or separated by commas.",
    "keywords": "Words for search engines, as a list or separated by commas.",
    "featured": "``true`` puts the note first in listings.",
    "author": "Who wrote the note (also ``authors``: a list, or names separated by "
    "commas, or mappings with a ``name``). Shown in the header.",
    "image": "A picture for the note, for listings and link previews.",
    "lightgallery": "``true`` or ``false``: whether a click on the page's "
    "``image-float`` images enlarges them. See :doc:`image-float`.",
}
"""Every front matter field a note reads, with its entry in the docs."""


@dc.dataclass(frozen=True)
class NoteDate:
    """A note's date: a calendar date at its precision, and the moment when a time of
    day was written too (with its time zone, if any)."""

    day: PartialDate
    moment: datetime.datetime | None = None

    @classmethod
    def parse(cls, value: Any) -> NoteDate:
        """``2019``, ``2019-04``, ``2019-04-10``, or an ISO date and time (``T`` or a
        space between; ``Z`` or an offset allowed). ``ValueError`` says how to fix
        anything else."""
        text = str(value).strip()
        try:
            return cls(PartialDate.parse(text))
        except ValueError:
            pass
        try:
            moment = datetime.datetime.fromisoformat(text)
            if moment.tzinfo is not None:
                moment.astimezone(datetime.UTC)  # as the listings and feeds order it
        except ValueError:
            raise ValueError(f"{text!r} is not a date; {DATE_TIME_HELP}") from None
        except OverflowError:
            raise ValueError(
                f"{text!r} is before the year 1 or after 9999 in UTC; {DATE_TIME_HELP}"
            ) from None
        return cls(PartialDate(moment.year, moment.month, moment.day), moment)

    def isoformat(self) -> str:
        """As written: ``2019-04``, or ``2020-03-03T16:29:41+08:00``."""
        return self.moment.isoformat() if self.moment else self.day.isoformat()

    def as_utc(self) -> datetime.datetime:
        """The moment in UTC; a date without a time is its first moment, in UTC."""
        if self.moment is None:
            day = self.day
            return datetime.datetime(day.year, day.month or 1, day.day or 1, tzinfo=datetime.UTC)
        if self.moment.tzinfo is None:
            return self.moment.replace(tzinfo=datetime.UTC)
        return self.moment.astimezone(datetime.UTC)


@dc.dataclass(frozen=True)
class Note:
    """What the listings, feeds and page metadata know of a note."""

    docname: str
    title: str
    date: NoteDate
    updated: NoteDate | None = None
    draft: bool = False
    featured: bool = False
    description: str = ""
    summary: str = ""
    """Plain text: the excerpt, else the description, else the first paragraph."""
    tags: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    image: str = ""
    words: int = 0

    @property
    def sort_key(self) -> tuple[datetime.datetime, str]:
        """Oldest first; notes of the same moment by name, so the order is stable."""
        return self.date.as_utc(), self.docname


def read_note(metadata: PageMetadata, report: Report) -> dict[str, Any] | None:
    """The note fields of a page's front matter, as :class:`Note` keyword arguments
    (without ``docname``, ``title``, ``summary`` and ``words``); ``None`` when the page
    is not a note."""
    if "date" not in metadata:
        return None

    def read(field: str, reader: Callable[[str], Any], default: Any) -> Any:
        try:
            return reader(field)
        except (FieldError, ValueError) as error:
            report(str(error), field)
            return default

    try:
        date = NoteDate.parse(metadata.text("date"))
    except ValueError as error:
        prefix = "" if isinstance(error, FieldError) else "front matter date: "
        report(f"{prefix}{error}; the page is not a note until then", "date")
        return None
    updated_field = "updated" if "updated" in metadata else "lastmod"
    return {
        "date": date,
        "updated": read(updated_field, lambda name: _date(metadata, name), None),
        "draft": bool(read("draft", metadata.flag, False)),
        "featured": bool(read("featured", metadata.flag, False)),
        "description": read("description", metadata.text, ""),
        "tags": read("tags", metadata.words, ()),
        "categories": read("categories", metadata.words, ()),
        "keywords": read("keywords", metadata.words, ()),
        "authors": read("authors" if "authors" in metadata else "author", _names(metadata), ()),
        "image": read("image", metadata.text, ""),
    }


def _date(metadata: PageMetadata, name: str) -> NoteDate | None:
    text = metadata.text(name)
    if not text:
        return None
    try:
        return NoteDate.parse(text)
    except ValueError as error:
        raise FieldError(f"front matter {name}: {error}") from None


def _names(metadata: PageMetadata) -> Callable[[str], tuple[str, ...]]:
    """A reader of ``author`` / ``authors``: names, or mappings with a ``name``."""

    def read(name: str) -> tuple[str, ...]:
        value = metadata.fields.get(name)
        if isinstance(value, dict):
            value = [value]
        if isinstance(value, list) and all(isinstance(item, dict) for item in value):
            names = [str(item.get("name", "")).strip() for item in value]
            if all(names):
                return tuple(names)
            raise FieldError(f"front matter {name}: each author needs a name")
        return metadata.words(name)

    return read
