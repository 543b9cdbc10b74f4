"""Directives used only by this project's own documentation, to generate reference pages.

- ``timeline-config-table``: every ``timeline_*`` value the features declare.
- ``timeline-note-fields``: every front matter field of an author note.
- ``timeline-warnings-table``: every ``timeline.<subtype>`` of :class:`.TimelineWarning`.
- ``timeline-directive-options NAME``: a directive's options, taken from its
  ``option_spec``; the content describes each one, and a warning says when an option
  is undescribed or a description names no option.
- ``timeline-example NAME``: the example ``snippets/myst/NAME.md``, parsed into the
  page, then its MyST and reStructuredText sources in a tab set.
- ``timeline-cli-reference [MODULE:FUNCTION]``: a section per command and subcommand
  of the ``sphinx-timeline`` parser (by default ``sphinx_timeline.cli:build_parser``):
  its usage, description and arguments.

Help texts and docstrings in the code are reStructuredText, so they are parsed as such
on any page; argparse's texts are plain text. The output is standard docutils nodes,
for every builder.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import inspect
import itertools
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from docutils.parsers.rst import Parser, directives
from docutils.statemachine import StringList
from myst_parser.mocking import MockState
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .core import memory
from .core.warnings_ import WARNING_TYPE, TimelineWarning
from .extension import FEATURES
from .notes import fields

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

LOGGER = logging.getLogger(__name__)


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the documentation directives."""
    app.add_directive("timeline-config-table", ConfigTableDirective)
    app.add_directive("timeline-warnings-table", WarningsTableDirective)
    app.add_directive("timeline-directive-options", DirectiveOptionsDirective)
    app.add_directive("timeline-example", ExampleDirective)
    app.add_directive("timeline-cli-reference", CliReferenceDirective)
    app.add_directive("timeline-note-fields", NoteFieldsDirective)
    return {"version": "builtin", "parallel_read_safe": True, "parallel_write_safe": True}


class ConfigTableDirective(SphinxDirective):
    """A table of every ``timeline_*`` value: name, type, default and help text."""

    def run(self) -> list[nodes.Node]:
        rows: list[list[list[nodes.Node]]] = []
        modules = [memory, *(feature.settings for feature in FEATURES)]
        for module in modules:
            source = inspect.getsourcefile(module) or module.__name__
            for setting in module.SETTINGS:
                rows.append(
                    [
                        [nodes.literal("", setting.key)],
                        [nodes.literal("", type(setting.default).__name__)],
                        [nodes.literal("", repr(setting.default))],
                        parse_rst(self, setting.help, source),
                    ]
                )
        return [make_table(["Name", "Type", "Default", "Description"], [26, 7, 7, 60], rows)]


class NoteFieldsDirective(SphinxDirective):
    """A table of every front matter field a note reads, with its help text."""

    def run(self) -> list[nodes.Node]:
        source = inspect.getsourcefile(fields) or "fields.py"
        rows: list[list[list[nodes.Node]]] = [
            [[nodes.literal("", name)], parse_rst(self, help_text, source)]
            for name, help_text in fields.FIELDS.items()
        ]
        return [make_table(["Field", "What it does"], [20, 80], rows)]


class WarningsTableDirective(SphinxDirective):
    """A table of every warning subtype, ``timeline.<value>``: its docstring, and the
    ``suppress_warnings`` line of ``conf.py`` that silences it."""

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
            name = f"{WARNING_TYPE}.{member.value}"
            rows.append(
                [
                    [nodes.literal("", name)],
                    parse_rst(self, docs.get(member.name, ""), source),
                    [nodes.literal("", f'suppress_warnings = ["{name}"]')],
                ]
            )
        header = ["Warning", "Emitted for", "To silence it, in conf.py"]
        return [make_table(header, [22, 48, 30], rows)]


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


SNIPPETS = {"myst": "/snippets/myst/{name}.md", "rst": "/snippets/rst/{name}.rst"}
"""An example's two sources, relative to the source folder."""

EXAMPLE_SOURCE = {
    "myst": """\
```{{include}} {myst}
```

`````{{tab-set}}
:sync-group: syntax

````{{tab-item}} MyST
:sync: myst

```{{literalinclude}} {myst}
:language: markdown
```
````

````{{tab-item}} reStructuredText
:sync: rst

```{{literalinclude}} {rst}
:language: rst
```
````
`````
""",
    "rst": """\
.. include:: {myst}
   :parser: myst_parser.sphinx_

.. tab-set::
   :sync-group: syntax

   .. tab-item:: MyST
      :sync: myst

      .. literalinclude:: {myst}
         :language: markdown

   .. tab-item:: reStructuredText
      :sync: rst

      .. literalinclude:: {rst}
         :language: rst
""",
}
"""What the example directive stands for, in the syntax of the page it is on."""


class ExampleDirective(SphinxDirective):
    """Example NAME: its result, then its MyST and rST sources in tabs.

    The directive writes what a page would, an ``include`` of the MyST snippet and a
    ``tab-set`` of two ``literalinclude``, in the page's own syntax, and parses it in
    place, so the snippet's targets and references work as in the page (a
    reStructuredText page includes it with ``:parser: myst_parser.sphinx_``). A missing
    snippet is one warning, and the page depends on both files.
    """

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        paths = {syntax: path.format(name=name) for syntax, path in SNIPPETS.items()}
        missing = []
        for path in paths.values():
            relative, absolute = self.env.relfn2path(path)
            self.env.note_dependency(relative)  # an edit, or a new file, rebuilds the page
            if not Path(absolute).is_file():
                missing.append(relative)
        if missing:
            LOGGER.warning(
                "example %r has no snippet %s",
                name,
                " or ".join(missing),
                location=self.get_location(),
            )
            return []
        syntax = "myst" if isinstance(self.state, MockState) else "rst"
        text = EXAMPLE_SOURCE[syntax].format(**paths)
        parsed = nodes.Element()
        lines = StringList(text.splitlines(), source=self.get_source_info()[0])
        self.state.nested_parse(lines, self.content_offset, parsed)
        return parsed.children


class CliReferenceDirective(SphinxDirective):
    """A section per command and subcommand of an argparse parser, depth first.

    The argument names the function that returns the parser, as ``MODULE:FUNCTION``
    (default: the ``sphinx-timeline`` command's). Each section, labelled with the
    command's words joined by ``-`` (``sphinx-timeline-tweets-fetch``), holds the
    usage, the description and a definition list of the arguments: positionals, then
    options, then the subcommands, linked to their sections; ``-h`` is left out.
    """

    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        target = self.arguments[0] if self.arguments else "sphinx_timeline.cli:build_parser"
        module, _, function = target.partition(":")
        try:
            parser = getattr(importlib.import_module(module), function)()
        except Exception as error:  # any error of the factory, reported in one line
            LOGGER.warning(
                "cannot build the parser %s: %s", target, error, location=self.get_location()
            )
            return []
        sections = {command: self.command_section(command) for command in commands(parser)}
        for command, section in sections.items():
            items = nodes.definition_list("", *argument_items(command, sections))
            if items.children:
                section += items
        return list(sections.values())

    def command_section(self, parser: argparse.ArgumentParser) -> nodes.section:
        """The section of one command, with its label, usage and description."""
        section = nodes.section(names=[command_label(parser)])
        self.set_source_info(section)
        section += nodes.title("", "", nodes.literal("", parser.prog))
        self.state.document.note_explicit_target(section)
        usage = format_usage(parser)
        section += nodes.literal_block(usage, usage, language="text")
        section.extend(plain_paragraphs(parser.description))
        return section


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


def commands(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """``parser`` and the parsers of its subcommands, recursively, depth first."""
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for subparser in dict.fromkeys(action.choices.values()):  # an alias repeats one
                yield from commands(subparser)


def command_label(parser: argparse.ArgumentParser) -> str:
    """The label of a command's section: ``sphinx-timeline-tweets-fetch``."""
    return nodes.make_id(parser.prog)


def format_usage(parser: argparse.ArgumentParser) -> str:
    """The usage line without ``usage:``, wrapped at 72 columns whatever the terminal."""
    formatter = argparse.HelpFormatter(parser.prog, width=72)
    formatter.add_usage(parser.usage, parser._actions, parser._mutually_exclusive_groups, "")
    return formatter.format_help().strip()


def argument_items(
    parser: argparse.ArgumentParser, sections: dict[argparse.ArgumentParser, nodes.section]
) -> Iterator[nodes.definition_list_item]:
    """The items of a command's arguments: positionals, options, then subcommands."""
    # argparse lists a parser's arguments only in its private _actions, where its own
    # help formatter (and sphinx-argparse) reads them
    actions = [
        action
        for action in parser._actions
        if not isinstance(action, argparse._HelpAction) and action.help != argparse.SUPPRESS
    ]
    for action in sorted(actions, key=lambda action: (is_subcommands(action), is_option(action))):
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help for choice in action._choices_actions}
            for name, subparser in action.choices.items():
                if subparser.prog.endswith(f" {name}"):  # not an alias
                    refid = sections[subparser]["ids"][0]
                    link = nodes.reference("", "", nodes.literal("", name), refid=refid)
                    yield definition_item(link, *plain_paragraphs(helps.get(name)))
        else:
            yield argument_item(action, parser.prog)


def is_subcommands(action: argparse.Action) -> bool:
    return isinstance(action, argparse._SubParsersAction)


def is_option(action: argparse.Action) -> bool:
    return bool(action.option_strings)


def argument_item(action: argparse.Action, prog: str) -> nodes.definition_list_item:
    """``--name METAVAR`` (or ``METAVAR``), its help text, and its default unless the
    help text gives it (as argparse's ``ArgumentDefaultsHelpFormatter`` decides)."""
    if action.option_strings:
        value = "" if action.nargs == 0 else f" {metavar(action)}"
        invocation = ", ".join(option + value for option in action.option_strings)
    else:
        invocation = metavar(action)
    help_text = action.help % {**vars(action), "prog": prog} if action.help else ""
    body = plain_paragraphs(help_text)
    if (
        action.default not in (None, argparse.SUPPRESS)
        and action.nargs != 0
        and "default" not in help_text.lower()
    ):
        body.append(nodes.paragraph("", "Default: ", nodes.literal("", str(action.default))))
    return definition_item(nodes.literal("", invocation), *body)


def metavar(action: argparse.Action) -> str:
    """The name argparse shows for an argument's value."""
    if isinstance(action.metavar, tuple):
        return " ".join(action.metavar)
    if action.metavar is not None:
        return action.metavar
    if action.choices is not None:
        return "{" + ",".join(map(str, action.choices)) + "}"
    return action.dest.upper() if action.option_strings else action.dest


def definition_item(term: nodes.Node, *body: nodes.Element) -> nodes.definition_list_item:
    """A term and its definition."""
    return nodes.definition_list_item("", nodes.term("", "", term), nodes.definition("", *body))


def plain_paragraphs(text: str | None) -> list[nodes.Element]:
    """A paragraph of ``text`` as written, if any: argparse's texts are not markup, and
    smart quotes would turn the two hyphens of an option into a dash."""
    return [nodes.paragraph(text, text, support_smartquotes=False)] if text else []
