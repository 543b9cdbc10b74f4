"""Node helpers: the one node the HTML post-transforms build, unique ids, raw markup
shown as text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from docutils import nodes

from .i18n import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator


def setup_nodes(app: Sphinx) -> None:
    """Register :class:`html_element` for the HTML writers (the only ones that see it)."""
    app.add_node(html_element, html=(visit_html_element, depart_html_element))


class html_element(nodes.Element, nodes.General):
    """An HTML element ``tag`` with the node's ids and classes and ``html_attrs``.

    ``inline=True`` writes no newline after the start tag; ``permalink`` (an id) adds a
    permalink to that id before the end tag; ``assets`` names the static files
    (stylesheets, scripts) that a page showing the element needs.
    """


def visit_html_element(self: HTML5Translator, node: html_element) -> None:
    suffix = "" if node.get("inline") else "\n"
    self.body.append(self.starttag(node, node["tag"], suffix, **node.get("html_attrs", {})))


def depart_html_element(self: HTML5Translator, node: html_element) -> None:
    if node.get("permalink"):
        self.add_permalink_ref(nodes.Element(ids=[node["permalink"]]), _("Link to this entry"))
    self.body.append(f"</{node['tag']}>" + ("" if node.get("inline") else "\n"))


def set_unique_id(document: nodes.document, node: nodes.Element, base: str) -> None:
    """Give ``node`` the id ``base``, or ``base-2``, ``base-3``... if the page has it."""
    node_id, serial = base, 1
    while node_id in document.ids:
        serial += 1
        node_id = f"{base}-{serial}"
    node["ids"].append(node_id)
    document.ids[node_id] = node


def ancestors(node: nodes.Node) -> Iterator[nodes.Element]:
    """The elements that hold ``node``, innermost first."""
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def raw_as_text(body: nodes.Element) -> None:
    """Show raw markup inside ``body`` as the text it is. MyST passes inline HTML to the
    output as it stands; a label or a post copied from X may hold ``<3`` or ``<b>``."""
    for raw in list(body.findall(nodes.raw)):
        shown = raw.astext()
        if isinstance(raw.parent, nodes.TextElement):
            raw.replace_self(nodes.Text(shown))
        else:
            raw.replace_self(nodes.paragraph(shown, shown))
