"""The names of the generated notes pages, and the builders that write them.

``<folder>/index`` (the notes index) and ``<folder>/archive``, with ``timeline_notes_path``
as the folder; ``tags/index`` and ``tags/<slug>``, ``categories/index`` and
``categories/<slug>`` (see :func:`tag_pagename`). The second and later pages
of a long listing are ``<name>/page/<n>`` (``<folder>/page/<n>`` for the index).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .settings import NOTES_PATH
from .slugs import slugs

if TYPE_CHECKING:
    from sphinx.builders import Builder
    from sphinx.config import Config

    from .fields import Note

PAGE_BUILDERS = ("html", "dirhtml")
"""The builders that write the generated pages (``singlehtml`` is one page: it has none)."""


def writes_pages(builder: Builder) -> bool:
    """Whether ``builder`` writes the generated notes pages."""
    return builder.name in PAGE_BUILDERS


def tag_pagename(kind: str, slug: str) -> str:
    """The generated page of a tag (``tags/<slug>``) or category (``categories/<slug>``).

    A name that slugs to ``index`` gets ``index_`` (no slug has a ``_``): ``tags/index``
    is the index of the tags.
    """
    return f"{kind}/{slug}_" if slug == "index" else f"{kind}/{slug}"


def index_pagename(config: Config) -> str:
    """The notes index."""
    return f"{NOTES_PATH.value(config)}/index"


def archive_pagename(config: Config) -> str:
    """The archive of every note, by year."""
    return f"{NOTES_PATH.value(config)}/archive"


def numbered(pagename: str, number: int) -> str:
    """Page ``number`` (from 1) of the listing whose first page is ``pagename``."""
    if number == 1:
        return pagename
    return f"{pagename.removesuffix('/index')}/page/{number}"


def term_pagenames(kind: str, notes: Iterable[Note]) -> dict[str, str]:
    """The page of each tag (``kind`` is ``tags``) or category (``categories``) of
    ``notes``, by name."""
    names = [name for note in notes for name in getattr(note, kind)]
    return {name: tag_pagename(kind, slug) for name, slug in slugs(names).items()}
