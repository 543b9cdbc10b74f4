"""The timeline's nodes: a definition list of dated entries.

Every builder renders them as the definition list they are; for HTML and LaTeX the
post-transforms of :mod:`.transforms` give them more.
"""

from __future__ import annotations

from typing import cast

from docutils import nodes


class timeline(nodes.definition_list):
    """A timeline: a definition list whose items are :class:`timeline_entry` nodes.

    Writers without their own visitor render it as the definition list it is.
    """


class timeline_entry(nodes.definition_list_item):
    """One dated entry: the dates as the term, the label and body as the definition."""

    @property
    def term(self) -> nodes.term:
        """The term, which shows the entry's dates."""
        return cast(nodes.term, self[0])

    @property
    def definition(self) -> nodes.definition:
        """The definition: the label, then the body."""
        return cast(nodes.definition, self[1])


def entry_title(node: nodes.Node) -> str:
    """The text a ``{ref}`` to an entry shows: its label, else its dates."""
    return str(node.get("stl_title", "")) if isinstance(node, nodes.Element) else ""
