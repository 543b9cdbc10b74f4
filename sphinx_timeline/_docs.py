"""Directives used only by this project's own documentation, to generate reference pages.

- ``timeline-config-table``: every ``timeline_*`` value the features declare.
- ``timeline-warnings-table``: every ``timeline.<subtype>`` of :class:`.TimelineWarning`.
- ``timeline-directive-options NAME``: a directive's options, taken from its
  ``option_spec``; the content describes each one, and a warning says when an option
  is undescribed or a description names no option.

Help texts and docstrings in the code are reStructuredText, so they are parsed as such
on any page. The output is standard docutils nodes, for every builder.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import textwrap
from typing import TYPE_CHECKING

from docutils import nodes
from docutils.parsers.rst import Parser, directives
from docutils.statemachine import StringList
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .core.warnings_ import WARNING_TYPE, TimelineWarning
from .extension import FEATURES

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

LOGGER = logging.getLogger(__name__)


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the documentation directives."""
    app.add_directive("timeline-config-table", ConfigTableDirective)
    app.add_directive("timeline-warnings-table", WarningsTableDirective)
    app.add_directive("timeline-directive-options", DirectiveOptionsDirective)
    return {"version": "builtin", "parallel_read_safe": True, "parallel_write_safe": True}


class ConfigTableDirective(SphinxDirective):
    """A table of every ``timeline_*`` value: name, type, default and help text."""

    def run(self) -> list[nodes.Node]:
        rows: list[list[list[nodes.Node]]] = []
        for feature in FEATURES:
            source = inspect.getsourcefile(feature.settings) or feature.__name__
            for setting in feature.SETTINGS:
                rows.append(
                    [
                        [nodes.literal("", setting.key)],
                        [nodes.literal("", type(setting.default).__name__)],
                        [nodes.literal("", repr(setting.default))],
                        parse_rst(self, setting.help, source),
                    ]
                )
        return [make_table(["Name", "Type", "Default", "Description"], [26, 7, 7, 60], rows)]


class WarningsTableDirective(SphinxDirective):
    """A table of every warning subtype, ``timeline.<value>``, with its docstring."""

    def run(self) -> list[nodes.Node]:
        source = inspect.getsourcefile(TimelineWarning) or "warnings_.py"
        docs = member_docstrings(TimelineWarning)
        rows: list[list[list[nodes.Node]]] = []
        for member in TimelineWarning:
            if member.name not in docs:
                LOGGER.warning(
                    "TimelineWarning.%s has no docstring to document it",
                    member.name,
                    location=self.get_location(),
                )
            rows.append(
                [
                    [nodes.literal("", f"{WARNING_TYPE}.{member.value}")],
                    parse_rst(self, docs.get(member.name, ""), source),
                ]
            )
        return [make_table(["Warning", "Emitted for"], [25, 75], rows)]


class DirectiveOptionsDirective(SphinxDirective):
    """The options of directive NAME, in ``option_spec`` order, described by the content.

    The content gives one description per option, in the same form on every page::

        order
        : How the entries are sorted.
          Continuation lines are indented by two spaces.
    """

    required_arguments = 1
    has_content = True

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        directive, _ = directives.directive(name, self.state.memo.language, self.state.document)
        if directive is None:
            LOGGER.warning("unknown directive %r", name, location=self.get_location())
            return []
        described = self.descriptions()
        items = nodes.definition_list()
        for option in directive.option_spec or {}:
            term = nodes.term("", "", nodes.literal("", f":{option}:"))
            definition = nodes.definition()
            if option in described:
                self.state.nested_parse(described.pop(option), 0, definition)
            else:
                LOGGER.warning(
                    "option :%s: of %s is not described", option, name, location=self.get_location()
                )
            items += nodes.definition_list_item("", term, definition)
        for option in described:
            LOGGER.warning(
                "%s has no option :%s:; remove its description",
                name,
                option,
                location=self.get_location(),
            )
        return [items]

    def descriptions(self) -> dict[str, StringList]:
        """The content's descriptions by option name, with their source lines."""
        described: dict[str, StringList] = {}
        current = StringList()
        for line, (source, offset) in zip(self.content, self.content.items, strict=True):
            if line and not line.startswith((" ", ":")):
                current = described.setdefault(line.strip().strip(":"), StringList())
            elif line.startswith(": "):
                current.append(line[2:], source, offset)
            else:
                current.append(line[2:] if line.startswith("  ") else line, source, offset)
        return described


def member_docstrings(enum: type) -> dict[str, str]:
    """The docstring written under each member of ``enum``, read from its source."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(enum)))
    body = tree.body[0].body if isinstance(tree.body[0], ast.ClassDef) else []
    docs = {}
    for statement, following in itertools.pairwise(body):
        if (
            isinstance(statement, ast.Assign)
            and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            docs[statement.targets[0].id] = inspect.cleandoc(following.value.value)
    return docs


def parse_rst(directive: SphinxDirective, text: str, source: str) -> list[nodes.Node]:
    """``text`` parsed as reStructuredText, whatever the syntax of the page."""
    page = directive.state.document
    document = nodes.document(page.settings, page.reporter, source=source)
    document.note_source(source, -1)
    Parser().parse(text, document)
    return list(document.children)


def make_table(
    header: list[str], widths: list[int], rows: list[list[list[nodes.Node]]]
) -> nodes.table:
    """A table with a header row; each cell is a list of nodes (inline ones are wrapped)."""
    group = nodes.tgroup(cols=len(header))
    group.extend(nodes.colspec(colwidth=width) for width in widths)
    group += nodes.thead("", _row([[nodes.Text(title)] for title in header]))
    group += nodes.tbody("", *(_row(cells) for cells in rows))
    return nodes.table("", group, classes=["colwidths-given"])


def _row(cells: list[list[nodes.Node]]) -> nodes.row:
    row = nodes.row()
    for content in cells:
        if content and all(isinstance(node, (nodes.Inline, nodes.Text)) for node in content):
            content = [nodes.paragraph("", "", *content)]
        row += nodes.entry("", *content)
    return row
