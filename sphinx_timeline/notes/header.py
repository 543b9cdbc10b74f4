"""A note's header (date, reading time, authors, tags, categories) and closing links
(previous and next note, related notes), built as standard nodes for every builder
once the page's references are resolved, from every note's data.

Tags and categories link to their generated pages in HTML builders (where those pages
exist) and are plain words elsewhere.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..core.i18n import _
from ..core.nodes import html_element
from .collect import note_header, note_part
from .domain import notes_domain
from .links import NoteLinks, links_of
from .pagenames import tag_pagename, writes_pages
from .settings import NAVIGATION, READING_SPEED, RELATED

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .fields import Note, NoteDate

SEPARATOR = " \u00b7 "  # a middle dot between the parts of the header
SINGULAR = {"tags": "tag", "categories": "category"}
NO_SEARCH = "no-search"
"""The class that keeps a part out of Sphinx's search index (Sphinx 8.2 and later): the
closing links name other notes, which a search for their titles should not find here."""


def resolve_note_parts(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Fill the header and closing links of each note on the page (``doctree-resolved``,
    in every builder)."""
    domain = notes_domain(app.env)
    links = domain.links
    if links is None:  # worked out once after reading; here if that did not happen
        links = links_of(domain.notes, RELATED.value(app.config))
    for place in list(doctree.findall(note_part)):  # headers and closing links
        note = domain.notes.get(place["docname"])
        if note is None:
            place.replace_self([])
        elif isinstance(place, note_header):
            place.replace_self(note_header_nodes(app, note, links[note.docname], docname))
        else:
            place.replace_self(closing_links(app, links[note.docname], docname))


def note_header_nodes(app: Sphinx, note: Note, links: NoteLinks, docname: str) -> list[nodes.Node]:
    """The paragraphs under a note's title."""
    language = app.config.language
    meta = nodes.paragraph(classes=["stl-note-meta"])
    html = app.builder.format == "html"
    parts: list[list[nodes.Node]] = [[date_node(note.date, language, html)]]
    if note.updated is not None and note.updated.isoformat() != note.date.isoformat():
        parts.append([nodes.Text(_("Updated") + " "), date_node(note.updated, language, html)])
    minutes = max(1, math.ceil(note.words / READING_SPEED.value(app.config)))
    parts.append([nodes.Text(_("{minutes} min read").format(minutes=minutes))])
    if note.authors:
        parts.append([nodes.Text(_("By {authors}").format(authors=", ".join(note.authors)))])
    for index, part in enumerate(parts):
        if index:
            meta += nodes.Text(SEPARATOR)
        meta.extend(part)
    result: list[nodes.Node] = [meta]
    for kind, label, names, slugs in (
        ("tags", _("Tags"), note.tags, links.tag_slugs),
        ("categories", _("Categories"), note.categories, links.category_slugs),
    ):
        if names:
            result.append(
                term_links(app, kind, label, dict(zip(names, slugs, strict=True)), docname)
            )
    return result


def date_node(date: NoteDate, language: str | None, html: bool = False) -> nodes.Element:
    """A date as the page's language writes it: ``<time datetime>`` in HTML (``html``),
    else an inline whose ISO form :class:`NoteTimeTransform` writes as one."""
    shown = date.day.format("", language)
    if html:
        return time_element(shown, date.isoformat())
    return nodes.inline(shown, shown, classes=["stl-note-date"], stl_datetime=date.isoformat())


def time_element(shown: str, iso: str) -> html_element:
    """``<time class="stl-note-date" datetime="ISO">shown</time>``."""
    time = html_element(
        tag="time", classes=["stl-note-date"], inline=True, html_attrs={"datetime": iso}
    )
    time += nodes.Text(shown)
    return time


def term_links(
    app: Sphinx, kind: str, label: str, slugs: dict[str, str], docname: str
) -> nodes.paragraph:
    """``Tags: a, b``, each linking to its page (``slugs``: name to slug) in HTML builders."""
    paragraph = nodes.paragraph(classes=[f"stl-note-{kind}"])
    paragraph += nodes.Text(f"{label}: ")
    for index, (name, slug) in enumerate(slugs.items()):
        if index:
            paragraph += nodes.Text(", ")
        if writes_pages(app.builder):
            uri = app.builder.get_relative_uri(docname, tag_pagename(kind, slug))
            classes = [f"stl-note-{SINGULAR[kind]}"]
            paragraph += nodes.reference(name, name, internal=True, refuri=uri, classes=classes)
        else:
            paragraph += nodes.Text(name)
    return paragraph


def closing_links(app: Sphinx, links: NoteLinks, docname: str) -> list[nodes.Node]:
    """The previous and next note (by date), then the related notes."""
    result: list[nodes.Node] = []
    if NAVIGATION.value(app.config):
        navigation = nodes.paragraph(classes=["stl-note-navigation", NO_SEARCH])
        for label, other in ((_("Previous"), links.previous), (_("Next"), links.next)):
            if other is not None:
                if len(navigation):
                    navigation += nodes.Text(SEPARATOR)
                navigation += nodes.Text(f"{label}: ")
                navigation += note_reference(app, other, docname)
        if len(navigation):
            result.append(navigation)
    if links.related:
        box = nodes.container(classes=["stl-note-related", NO_SEARCH])
        box += nodes.rubric(_("Related notes"), _("Related notes"))
        items = nodes.bullet_list()
        for other in links.related:
            reference = note_reference(app, other, docname)
            items += nodes.list_item("", nodes.paragraph("", "", reference))
        box += items
        result.append(box)
    return result


def note_reference(app: Sphinx, note: Note, docname: str) -> nodes.reference:
    """A link to ``note``, its title as the text."""
    uri = app.builder.get_relative_uri(docname, note.docname)
    return nodes.reference(note.title, note.title, internal=True, refuri=uri)


class NoteTimeTransform(SphinxPostTransform):
    """Write each note date of a page's listings as ``<time datetime>`` in HTML."""

    default_priority = 200
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for date in list(self.document.findall(nodes.inline)):
            if "stl-note-date" in date["classes"]:
                date.replace_self(time_element(date.astext(), date["stl_datetime"]))
