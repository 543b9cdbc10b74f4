"""Reading a note: its :class:`~.fields.Note` into the domain, a title when the page has
no heading, and the places of its header and closing links."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from ..core.metadata import FieldError, PageMetadata
from ..core.warnings_ import TimelineWarning
from .domain import notes_domain
from .drafts import draft_banner
from .excerpt import excerpt_text, is_body_paragraph, plain
from .fields import Note, read_note

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_WIDE_SCRIPT = re.compile(
    r"[\u2e80-\u9fff\u3040-\u30ff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002fa1f]"
)
"""Characters of scripts written without spaces between words (Han, kana, Hangul)."""


class note_part(nodes.Element):
    """A place in a note filled once references resolve."""


class note_header(note_part):
    """Where a note's header goes, under its title; filled once references resolve."""


class note_links(note_part):
    """Where a note's closing links go (previous, next, related notes)."""


class NoteTitleTransform(SphinxTransform):
    """Give a note whose page has no heading its front matter ``title`` as the heading."""

    default_priority = 700

    def apply(self, **kwargs: Any) -> None:
        if any(isinstance(node, nodes.section) for node in self.document.children):
            return
        metadata = PageMetadata.of(self.env, self.env.docname)
        value = metadata.fields.get("title")
        if isinstance(value, (list, dict)):  # collect_note warns of it
            return
        title = "" if value is None else str(value).strip()  # as typed, line breaks too
        if "date" not in metadata or not title:
            return
        section = nodes.section(
            ids=[nodes.make_id(title)], names=[nodes.fully_normalize_name(title)]
        )
        section += nodes.title(title, title.strip())
        keep = [child for child in self.document.children if isinstance(child, nodes.docinfo)]
        section.extend(child for child in self.document.children if child not in keep)
        self.document.children = []
        self.document.extend([*keep, section])


def collect_note(app: Sphinx, doctree: nodes.document) -> None:
    """Record the page as a note when its front matter has a date (``doctree-read``)."""
    env = app.env
    docname = env.docname
    metadata = PageMetadata.of(env, docname)

    def report(message: str, field: str) -> None:
        metadata.warn(message, TimelineWarning.NOTE, field)

    fields = read_note(metadata, report)
    if fields is None:
        return
    try:  # the heading is the note's title; NoteTitleTransform made one from a good title
        metadata.text("title")
    except FieldError as error:
        report(str(error), "title")
    title = env.titles[docname].astext() if docname in env.titles else docname
    note = Note(
        docname=docname,
        title=title,
        summary=summary_of(doctree, fields["description"]),
        words=count_words(doctree),
        **fields,
    )
    notes_domain(env).add_note(note)
    section = next(iter(doctree.findall(nodes.section)), None)
    top: nodes.Element = section if section is not None else doctree
    at = 1 if section is not None and isinstance(section[0], nodes.title) else 0
    parts: list[nodes.Node] = [draft_banner()] if note.draft else []
    top[at:at] = [*parts, note_header(docname=docname)]
    top += note_links(docname=docname)


def summary_of(doctree: nodes.document, description: str) -> str:
    """A note's summary as plain text: its excerpt (see :mod:`.excerpt`), else its
    description, else its first paragraph."""
    summary = excerpt_text(doctree) or description
    if summary:
        return summary
    for paragraph in doctree.findall(nodes.paragraph):
        if is_body_paragraph(paragraph):
            return plain(paragraph.astext())
    return ""


def count_words(doctree: nodes.document) -> int:
    """The words of a page's text; in scripts written without spaces, each character
    counts as a word (as Hugo counts them)."""
    text = " ".join(
        node.astext()
        for node in doctree.findall(nodes.Text)
        if not isinstance(node.parent, (nodes.literal_block, nodes.comment, nodes.raw))
    )
    wide = len(_WIDE_SCRIPT.findall(text))
    return wide + len(_WIDE_SCRIPT.sub(" ", text).split())
