"""Author notes: pages with front matter, their header, closing links and drafts, with
the data that spans pages in one Domain."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..core.config import add_settings, loaded_late
from .collect import NoteTitleTransform, collect_note, note_header, note_links
from .domain import NotesDomain
from .drafts import NotesTocTree, hold_back, is_shown_draft
from .feeds import link_feeds, setup_feeds
from .header import NoteTimeTransform, resolve_note_parts
from .meta import add_page_metadata, setup_metadata
from .pages import setup_pages
from .settings import SETTINGS
from .updates import notes_to_rewrite, remember_links

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    """Register the notes' settings, domain, toctree, transforms and events.

    Not when a theme loads the extension: the build environment, made before any theme
    loads, has no place for the notes' domain then (notes need ``sphinx_timeline`` in
    ``extensions``, as Markdown pages do).
    """
    if loaded_late(app):
        return
    add_settings(app, SETTINGS)
    app.add_domain(NotesDomain)
    app.add_directive("toctree", NotesTocTree, override=True)
    for node in (note_header, note_links):  # replaced before any writer sees them
        app.add_node(node)
    app.add_transform(NoteTitleTransform)
    app.connect("env-get-outdated", remember_links, priority=400)
    app.connect("env-get-outdated", hold_back)
    app.connect("env-get-updated", notes_to_rewrite)
    app.connect("doctree-read", collect_note, priority=600)
    app.connect("doctree-resolved", resolve_note_parts)
    app.add_post_transform(NoteTimeTransform)
    app.connect("html-page-context", add_to_head, priority=450)
    setup_metadata(app)
    setup_feeds(app)
    setup_pages(app)


def add_to_head(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """What a page's head gets from the notes (``html-page-context``, before
    sphinxext-opengraph's): ``noindex`` on a draft this build shows, the feeds' links,
    a note's metadata."""
    if is_shown_draft(app.env, pagename):
        context["metatags"] = context.get("metatags", "") + NOINDEX
    link_feeds(app, pagename, context)
    add_page_metadata(app, pagename, context)


NOINDEX = '<meta name="robots" content="noindex">\n'
