"""A note's excerpt: the summary its writer chose, shown in place and reused in listings.

Three ways to mark it, as Hugo users know them: the ``excerpt`` directive around one or
more paragraphs; an ``[inline span]{.excerpt}`` (MyST's ``attrs_inline``); and a
``<!--more-->`` comment, everything before which is the summary.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes

from ..core.directive import BaseDirective, Options
from ..core.nodes import ancestors
from ..core.warnings_ import TimelineWarning

if TYPE_CHECKING:
    from sphinx.application import Sphinx

EXCERPT_CLASS = "stl-excerpt"
"""The class of the block an ``excerpt`` directive wraps its content in."""
SPAN_CLASS = "excerpt"
"""The class that makes an inline span the excerpt: ``[text]{.excerpt}``."""
_MORE = re.compile(r"\s*<!--\s*more\s*-->\s*", re.IGNORECASE)


def setup_excerpt(app: Sphinx) -> None:
    """Register the ``excerpt`` directive."""
    app.add_directive("excerpt", ExcerptDirective)


class ExcerptDirective(BaseDirective):
    """The note's summary, shown where it is written."""

    has_content = True
    option_spec: ClassVar[Options] = Options()

    def render(self) -> list[nodes.Node]:
        block = nodes.container(classes=[EXCERPT_CLASS])
        self.set_source_info(block)
        self.state.nested_parse(self.content, self.content_offset, block)
        if not block.astext().strip():
            where = self.in_syntax(
                "between ':::{excerpt}' and its closing ':::'", "indented under '.. excerpt::'"
            )
            self.warn(
                f"excerpt has no text; write the note's summary {where}",
                TimelineWarning.LISTING,
            )
            return block.children
        return [block]


def excerpt_text(doctree: nodes.document) -> str:
    """The summary a page marks, as one line of plain text: its ``excerpt`` blocks and
    ``{.excerpt}`` spans, else the paragraphs before its ``<!--more-->``; ``""`` when it
    marks none."""
    marked: list[nodes.Element] = []
    before_more: list[nodes.paragraph] | None = None
    paragraphs: list[nodes.paragraph] = []
    for node in doctree.findall(nodes.Element):  # one walk: pages are long, marks rare
        if is_excerpt(node):
            if not any(is_excerpt(parent) for parent in ancestors(node)):
                marked.append(node)
        elif before_more is None:
            if isinstance(node, nodes.paragraph):
                paragraphs.append(node)
            elif isinstance(node, nodes.raw) and _MORE.fullmatch(node.astext()):
                before_more = paragraphs
    if marked:
        return plain(" ".join(node.astext() for node in marked))
    if before_more is not None:
        return plain(" ".join(p.astext() for p in before_more if is_body_paragraph(p)))
    return ""


def is_excerpt(node: nodes.Element) -> bool:
    """Whether ``node`` is an ``excerpt`` block or an ``{.excerpt}`` span."""
    if isinstance(node, nodes.container):
        return EXCERPT_CLASS in node["classes"]
    return isinstance(node, nodes.inline) and SPAN_CLASS in node["classes"]


def is_body_paragraph(paragraph: nodes.paragraph) -> bool:
    """Whether a paragraph is part of the page's text, not of its front matter or of a
    message of the parser's."""
    return not any(
        isinstance(ancestor, (nodes.field_body, nodes.docinfo, nodes.system_message))
        for ancestor in ancestors(paragraph)
    )


def plain(text: str) -> str:
    """``text`` on one line, its runs of white space made single spaces."""
    return " ".join(text.split())
