"""A page's ``<meta name="description">``: what search engines show under its title.

A note has its own (its ``description``, else its summary: see ``notes/meta.py``); any
other page with a doctree gets its first paragraph of text, cut at a word near
:data:`LONGEST` characters. A description already in the page (a ``meta`` directive,
MyST's ``html_meta``, the notes, ``sphinxext-opengraph``) is kept and none added.
"""

from __future__ import annotations

import html
from typing import Any

from docutils import nodes

from ..notes.excerpt import is_body_paragraph, plain
from ..notes.meta import tags_in

LONGEST = 160
"""The longest description written, in characters (search engines cut near there)."""


def add_description(context: dict[str, Any], doctree: nodes.document) -> None:
    """Add the page's description to its ``metatags`` unless it has one."""
    metatags: str = context.get("metatags") or ""
    if "description" in tags_in(metatags):
        return
    description = shortened(first_paragraph(doctree))
    if description:
        tag = f'<meta name="description" content="{html.escape(description, quote=True)}">\n'
        context["metatags"] = metatags + tag


def first_paragraph(doctree: nodes.document) -> str:
    """The words of the page's first paragraph of its own text (not in an admonition, a
    table or a list), else of its first paragraph anywhere; ``""`` without one."""
    found = [p for p in doctree.findall(nodes.paragraph) if is_body_paragraph(p)]
    direct = (p for p in found if isinstance(p.parent, (nodes.section, nodes.document)))
    chosen = next(direct, None) or next(iter(found), None)
    return plain(text_of(chosen)) if chosen is not None else ""


def text_of(paragraph: nodes.paragraph) -> str:
    """A paragraph's words, without its footnote and citation marks."""
    return "".join(
        text.astext()
        for text in paragraph.findall(nodes.Text)
        if not isinstance(text.parent, (nodes.footnote_reference, nodes.citation_reference))
    )


def shortened(text: str) -> str:
    """``text`` if it is at most :data:`LONGEST` characters long, else cut at the last
    word that fits and ended with an ellipsis."""
    if len(text) <= LONGEST:
        return text
    cut = text[: LONGEST - 1].rsplit(" ", 1)[0].rstrip(" ,;:.")
    return f"{cut}…"
