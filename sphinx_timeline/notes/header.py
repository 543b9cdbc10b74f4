"""A note's header (date, reading time, authors, tags, categories) and closing links
(previous and next note, related notes), built as standard nodes for every builder
when the page is written, from every note's data.

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
from .collect import note_header, note_links
from .domain import NotesDomain, notes_domain
from .settings import NAVIGATION, READING_SPEED, RELATED
from .slugs import slugs

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .fields import Note, NoteDate

SEPARATOR = " \u00b7 "  # a middle dot between the parts of the header
SINGULAR = {"tags": "tag", "categories": "category"}


def tag_pagename(kind: str, slug: str) -> str:
    """The generated page of a tag (``tags/<slug>``) or category (``categories/<slug>``)."""
    return f"{kind}/{slug}"


class NotePartsTransform(SphinxPostTransform):
    """Fill the header and closing links of a note, in every builder, before the other
    post-transforms (they may style what this one builds)."""

    default_priority = 10

    def run(self, **kwargs: Any) -> None:
        domain = notes_domain(self.env)
        docname = self.env.docname
        for header in list(self.document.findall(note_header)):
            note = domain.notes.get(header["docname"])
            header.replace_self(note_header_nodes(self.app, note, docname) if note else [])
        for links in list(self.document.findall(note_links)):
            note = domain.notes.get(links["docname"])
            links.replace_self(closing_links(self.app, domain, note, docname) if note else [])


def note_header_nodes(app: Sphinx, note: Note, docname: str) -> list[nodes.Node]:
    """The paragraphs under a note's title."""
    language = app.config.language
    meta = nodes.paragraph(classes=["stl-note-meta"])
    parts: list[list[nodes.Node]] = [[date_node(note.date, language)]]
    if note.updated is not None and note.updated.isoformat() != note.date.isoformat():
        parts.append([nodes.Text(_("Updated") + " "), date_node(note.updated, language)])
    minutes = max(1, math.ceil(note.words / READING_SPEED.value(app.config)))
    parts.append([nodes.Text(_("{minutes} min read").format(minutes=minutes))])
    if note.authors:
        parts.append([nodes.Text(_("By {authors}").format(authors=", ".join(note.authors)))])
    for index, part in enumerate(parts):
        if index:
            meta += nodes.Text(SEPARATOR)
        meta.extend(part)
    result: list[nodes.Node] = [meta]
    domain = notes_domain(app.env)
    for kind, label, names in (
        ("tags", _("Tags"), note.tags),
        ("categories", _("Categories"), note.categories),
    ):
        if names:
            result.append(term_links(app, domain, kind, label, names, docname))
    return result


def date_node(date: NoteDate, language: str | None) -> nodes.inline:
    """A date as the page's language writes it, its ISO form kept for ``<time>``."""
    shown = date.day.format("", language)
    return nodes.inline(shown, shown, classes=["stl-note-date"], stl_datetime=date.isoformat())


def term_links(
    app: Sphinx, domain: NotesDomain, kind: str, label: str, names: tuple[str, ...], docname: str
) -> nodes.paragraph:
    """``Tags: a, b``, each linking to its page in HTML builders."""
    paragraph = nodes.paragraph(classes=[f"stl-note-{kind}"])
    paragraph += nodes.Text(f"{label}: ")
    all_names = [name for note in domain.notes.values() for name in getattr(note, kind)]
    slug_of = slugs(all_names)
    for index, name in enumerate(names):
        if index:
            paragraph += nodes.Text(", ")
        if app.builder.format == "html":
            uri = app.builder.get_relative_uri(docname, tag_pagename(kind, slug_of[name]))
            classes = [f"stl-note-{SINGULAR[kind]}"]
            paragraph += nodes.reference(name, name, internal=True, refuri=uri, classes=classes)
        else:
            paragraph += nodes.Text(name)
    return paragraph


def closing_links(app: Sphinx, domain: NotesDomain, note: Note, docname: str) -> list[nodes.Node]:
    """The previous and next note (by date), then up to ``timeline_related_notes`` notes
    sharing the most tags."""
    result: list[nodes.Node] = []
    ordered = sorted(domain.notes.values(), key=lambda other: other.sort_key)
    position = ordered.index(note)
    if NAVIGATION.value(app.config):
        links = nodes.paragraph(classes=["stl-note-navigation"])
        older = ordered[position - 1] if position > 0 else None
        newer = ordered[position + 1] if position + 1 < len(ordered) else None
        for label, other in ((_("Previous"), older), (_("Next"), newer)):
            if other is not None:
                if len(links):
                    links += nodes.Text(SEPARATOR)
                links += nodes.Text(f"{label}: ")
                links += note_reference(app, other, docname)
        if len(links):
            result.append(links)
    related = related_notes(domain, note, RELATED.value(app.config))
    if related:
        box = nodes.container(classes=["stl-note-related"])
        box += nodes.rubric(_("Related notes"), _("Related notes"))
        items = nodes.bullet_list()
        for other in related:
            items += nodes.list_item(
                "", nodes.paragraph("", "", note_reference(app, other, docname))
            )
        box += items
        result.append(box)
    return result


def related_notes(domain: NotesDomain, note: Note, limit: int) -> list[Note]:
    """Up to ``limit`` other notes that share tags with ``note``: most shared tags
    first, then the newest."""
    tags = set(note.tags)
    scored = [
        (len(tags & set(other.tags)), other)
        for other in domain.notes.values()
        if other.docname != note.docname and tags & set(other.tags)
    ]
    scored.sort(key=lambda item: (item[0], item[1].sort_key), reverse=True)
    return [other for _shared, other in scored[:limit]]


def note_reference(app: Sphinx, note: Note, docname: str) -> nodes.reference:
    """A link to ``note``, its title as the text."""
    uri = app.builder.get_relative_uri(docname, note.docname)
    return nodes.reference(note.title, note.title, internal=True, refuri=uri)


class NoteTimeTransform(SphinxPostTransform):
    """Write each note date as ``<time datetime>`` in HTML."""

    default_priority = 200
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for date in list(self.document.findall(nodes.inline)):
            if "stl-note-date" in date["classes"]:
                time = html_element(
                    tag="time",
                    classes=date["classes"],
                    inline=True,
                    html_attrs={"datetime": date["stl_datetime"]},
                )
                time += nodes.Text(date.astext())
                date.replace_self(time)
