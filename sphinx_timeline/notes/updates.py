"""Incremental builds: the notes to write again because another note changed.

A note's closing links show other notes' titles (previous, next, related), and its
header links tags to pages whose names depend on every tag. When a note's title,
date or tags change, or a note comes or goes, the notes whose links change are
written again; a change to a note's body alone rewrites that note only (and the
pages Sphinx itself rewrites). The pages whose parent, previous or next page (in the
toctree order) changed, or changed its title, are written again too: Sphinx would
leave their links to those pages as they were.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .domain import notes_domain
from .header import related_notes
from .settings import RELATED
from .slugs import slugs

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from .domain import NotesDomain
    from .fields import Note

Links = tuple[object, ...]


def remember_links(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> set[str]:
    """Keep each note's links, and each page's neighbours, as the last build wrote them
    (``env-get-outdated``)."""
    domain = notes_domain(env)
    domain.links_before = links_of(domain, RELATED.value(app.config))
    domain.relations_before = neighbours(env)
    return set()


def notes_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The notes whose links differ from the last build's, and the pages whose
    neighbours do, when notes were held back or let through (``env-get-updated``)."""
    domain = notes_domain(env)
    before, relations_before = domain.links_before, domain.relations_before
    if before is None or relations_before is None:
        return []
    after = links_of(domain, RELATED.value(app.config))
    rewrite = {docname for docname, links in after.items() if before.get(docname) != links}
    rewrite.update(
        docname
        for docname, shown in neighbours(env).items()
        if relations_before.get(docname) != shown
    )
    return sorted(rewrite & env.found_docs)


def neighbours(env: BuildEnvironment) -> dict[str, tuple[tuple[str, str] | None, ...]]:
    """Each page's parent, previous and next page, with their titles."""

    def shown(docname: str | None) -> tuple[str, str] | None:
        if docname is None:
            return None
        title = env.titles.get(docname)
        return docname, title.astext() if title is not None else ""

    return {
        docname: tuple(shown(other) for other in related)
        for docname, related in env.collect_relations().items()
    }


def links_of(domain: NotesDomain, related: int) -> dict[str, Links]:
    """What each note's header and closing links show of other notes: the previous and
    the next note, the related notes, and the pages of its tags and categories."""
    notes = sorted(domain.notes.values(), key=lambda note: note.sort_key)
    tag_slugs = slugs(name for note in notes for name in note.tags)
    category_slugs = slugs(name for note in notes for name in note.categories)

    def shown(note: Note | None) -> tuple[str, str] | None:
        return (note.docname, note.title) if note is not None else None

    links: dict[str, Links] = {}
    for index, note in enumerate(notes):
        links[note.docname] = (
            shown(notes[index - 1] if index else None),
            shown(notes[index + 1] if index + 1 < len(notes) else None),
            tuple(shown(other) for other in related_notes(domain, note, related)),
            tuple(tag_slugs[name] for name in note.tags),
            tuple(category_slugs[name] for name in note.categories),
        )
    return links
