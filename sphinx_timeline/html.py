"""One node for the HTML the post-transforms build: any tag, attributes escaped by docutils."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from .shared import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator


def setup_html(app: Sphinx) -> None:
    """Register :class:`html_element` for the HTML writers (the only ones that see it)."""
    app.add_node(html_element, html=(visit_html_element, depart_html_element))


class html_element(nodes.Element, nodes.General):
    """An HTML element ``tag`` with the node's ids and classes and ``html_attrs``.

    ``inline=True`` writes no newline after the start tag; ``permalink`` (an id) adds a
    permalink to that id before the end tag; ``assets`` names the files of ``static/``
    (stylesheets, scripts) that a page showing the element needs.
    """


def visit_html_element(self: HTML5Translator, node: html_element) -> None:
    suffix = "" if node.get("inline") else "\n"
    self.body.append(self.starttag(node, node["tag"], suffix, **node.get("html_attrs", {})))


def depart_html_element(self: HTML5Translator, node: html_element) -> None:
    if node.get("permalink"):
        self.add_permalink_ref(nodes.Element(ids=[node["permalink"]]), _("Link to this entry"))
    self.body.append(f"</{node['tag']}>" + ("" if node.get("inline") else "\n"))
