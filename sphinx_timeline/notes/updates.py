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
from .links import links_of
from .settings import RELATED

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def remember_links(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> set[str]:
    """Keep each note's links, and each page's neighbours, as the last build wrote them
    (``env-get-outdated``)."""
    domain = notes_domain(env)
    domain.links_before = domain.data["links_shown"]  # None before the first build
    domain.relations_before = neighbours(env)
    return set()


def notes_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The notes whose links differ from the last build's, and the pages whose
    neighbours do (``env-get-updated``). Keeps the notes' links for the writing."""
    domain = notes_domain(env)
    domain.links = links_of(domain.notes, RELATED.value(app.config))
    links = {docname: link.shown() for docname, link in domain.links.items()}
    domain.data["links_shown"] = links  # what this build writes, for the next one
    before, relations_before = domain.links_before, domain.relations_before
    if before is None or relations_before is None:
        return []
    rewrite = {docname for docname, shown in links.items() if before.get(docname) != shown}
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
