"""Reading a page's source text: lines, front-matter lines, and the one fence-aware
scanner of MyST and reStructuredText directives.

The scanner finds directives as the parsers would (MyST's ``:::`` and backtick fences,
reStructuredText's ``..`` blocks), skipping code blocks and looking into directives
that hold markup. It needs no Sphinx: the build uses it to check a page's syntax, and
``sphinx-timeline`` to find what it works on.
"""

from __future__ import annotations

import dataclasses as dc
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from sphinx.config import Config

CODE_DIRECTIVES = frozenset(
    {
        "code",
        "code-block",
        "sourcecode",
        "literalinclude",
        "raw",
        "highlight",
        "parsed-literal",
        "code-cell",
        "math",
        "csv-table",
        "graphviz",
        "mermaid",
    }
)
"""Directives whose content is not markup: a directive written in them is an example."""


def find_line(path: str | os.PathLike[str], pattern: re.Pattern[str]) -> int | None:
    """The number of the first line of the text file ``path`` that ``pattern`` matches."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return next((number for number, line in enumerate(lines, 1) if pattern.match(line)), None)


def is_markdown(config: Config, source: str | os.PathLike[str] | None) -> bool:
    """Whether the file ``source`` is parsed as Markdown (MyST) in this project."""
    return bool(source) and config.source_suffix.get(Path(source or "").suffix) == "markdown"


SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""YAML's safe loader, libyaml's when PyYAML has it; it reads dates as dates, as
MyST-Parser's ``yaml.safe_load`` does."""


class TextDatesLoader(SAFE_LOADER):  # type: ignore[misc,valid-type]
    """YAML's safe loader, leaving dates as written, so that ours read them (and report
    bad ones) as the writer wrote them."""


TextDatesLoader.yaml_implicit_resolvers = {
    first: [entry for entry in resolvers if entry[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str) -> tuple[Any, yaml.Node | None]:
    """The YAML document in ``text`` (dates as written) and its nodes, parsed once;
    ``yaml.YAMLError`` when it is not YAML, or holds a number too long for Python."""
    loader = TextDatesLoader(text)
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node is not None else None), node
    except ValueError:  # int() refuses more than sys.get_int_max_str_digits() digits
        raise yaml.YAMLError("a number has too many digits; quote it to make it a text") from None
    finally:
        loader.dispose()


def _front_matter_text(lines: list[str]) -> str:
    """The YAML between the ``---`` lines that open a Markdown page; ``""`` for none."""
    if not lines or lines[0].strip() != "---":
        return ""
    end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() in ("---", "...")), 0)
    return "\n".join(lines[1:end])


def yaml_front_matter(lines: list[str]) -> tuple[dict[str, Any], dict[str, int]]:
    """The fields of a Markdown page's YAML front matter (dates as written) and the line
    of each; empty when there is none or it is not a YAML mapping (MyST reports that)."""
    try:
        data, tree = load_yaml(_front_matter_text(lines))
    except yaml.YAMLError:
        return {}, {}
    if not isinstance(data, dict) or not isinstance(tree, yaml.MappingNode):
        return {}, {}
    lines_of = {str(key.value): key.start_mark.line + 2 for key, _ in tree.value}
    return {str(key): value for key, value in data.items()}, lines_of


def refused_by_myst(lines: list[str]) -> bool:
    """Whether MyST-Parser drops a Markdown page's front matter, with a warning of its
    own (``Malformed YAML``), that :func:`yaml_front_matter` reads: MyST's loader reads a
    plain value that looks like a date as a date, and fails on an impossible one
    (``2019-02-30``)."""
    try:
        yaml.load(_front_matter_text(lines), Loader=SAFE_LOADER)
    except (yaml.YAMLError, ValueError, RecursionError):
        return True
    return False


_YAML_KEY = re.compile(r"(?P<name>[^\s:#'\"][^:]*?)\s*:(?:\s|$)")
_RST_FIELD = re.compile(r":(?P<name>[^:\s][^:]*):(?:\s+(?P<value>.*))?$")


def front_matter_lines(lines: list[str]) -> dict[str, int]:
    """The line of each top-level field of a page's front matter: MyST's YAML block
    between ``---`` lines, or reStructuredText's docinfo."""
    found: dict[str, int] = {}
    if lines and lines[0].strip() == "---":
        for number, line in enumerate(lines[1:], 2):
            if line.strip() in ("---", "..."):
                break
            if key := _YAML_KEY.match(line):
                found.setdefault(key["name"], number)
        return found
    return rst_docinfo(lines)[1]


def rst_docinfo(lines: list[str]) -> tuple[dict[str, str], dict[str, int]]:
    """The fields of a reStructuredText page's docinfo, the field list that opens the
    page (after blank lines and comments) as Sphinx reads it, and the line of each."""
    fields: dict[str, str] = {}
    found: dict[str, int] = {}
    name = ""
    for number, line in enumerate(lines, 1):
        field = _RST_FIELD.match(line)
        if field:
            name = field["name"].strip()
            fields[name], found[name] = (field["value"] or "").strip(), number
            continue
        blank = not line.strip()
        if name and not blank and line[0].isspace():
            fields[name] = f"{fields[name]} {line.strip()}".strip()  # a continuation line
        elif name or not (blank or line.startswith("..")):
            break  # the end of the field list, or content before any field
    return fields, found


@dc.dataclass(frozen=True)
class DirectiveBlock:
    """A directive in a page's source: where it opens, its argument, options and body."""

    name: str
    argument: str
    line: int
    """The 1-based line of the directive's first line (its fence, or ``..``)."""
    options: dict[str, str]
    body: list[str]
    """The lines after the options, blank ones included."""
    closed: bool = True
    """False for a MyST fence that is never closed (it runs to the end of its parent)."""
    fence: str = ""
    """A MyST directive's opening fence (``:::``, ``` ``` ```); empty in rST."""
    closed_by: str = ""
    """The MyST fence that closes it, which may be longer than the opening one."""


_MYST_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,}|:{3,})\s*(?P<info>.*)$")
_DIRECTIVE_INFO = re.compile(r"^\{(?P<name>[\w.:-]+)\}\s*(?P<argument>.*)$")
_OPTION = re.compile(r"^\s*:(?P<name>[\w-]+):\s*(?P<value>.*)$")


def markdown_directives(lines: list[str], first_line: int = 1) -> Iterator[DirectiveBlock]:
    """Every MyST directive in ``lines``, in the order of their first lines.

    ``:::`` fences nest as MyST nests them: a closing line closes the innermost open
    fence that it is long enough for, and a fence still open at the end is not closed.
    A backtick directive that holds markup is looked into; code blocks are skipped.
    ``first_line`` is the number of ``lines[0]``.
    """
    blocks: list[DirectiveBlock] = []
    open_fences: list[tuple[int, str, re.Match[str] | None]] = []  # start, fence, directive
    index = 0
    while index < len(lines):
        match = _MYST_FENCE.match(lines[index])
        if match is None:
            index += 1
            continue
        fence, info = match["fence"], match["info"].strip()
        directive = _DIRECTIVE_INFO.match(info)
        if fence[0] == ":":
            if info:
                open_fences.append((index, fence, directive))
            elif open_fences and len(fence) >= len(open_fences[-1][1]):
                start, opened, opened_directive = open_fences.pop()
                if opened_directive is not None:
                    block = _block(opened_directive, opened, lines[start + 1 : index], start)
                    blocks.append(dc.replace(block, line=first_line + start, closed_by=fence))
            index += 1
            continue
        content, after, closed = _fenced(lines, index + 1, fence)
        if directive is not None and directive["name"] not in CODE_DIRECTIVES:
            block = dc.replace(_block(directive, fence, content, index), closed=closed)
            blocks.append(dc.replace(block, line=first_line + index))
            skipped = len(content) - len(block.body)
            blocks.extend(markdown_directives(block.body, first_line + index + 1 + skipped))
        index = after
    for start, opened, opened_directive in open_fences:
        if opened_directive is not None:
            block = _block(opened_directive, opened, lines[start + 1 :], start)
            blocks.append(dc.replace(block, line=first_line + start, closed=False))
    blocks.sort(key=lambda block: block.line)
    yield from blocks


def _block(directive: re.Match[str], fence: str, content: list[str], start: int) -> DirectiveBlock:
    """The directive of the info string ``directive`` whose fence holds ``content``."""
    options, body, _ = _split_options(content)
    return DirectiveBlock(
        directive["name"], directive["argument"].strip(), start, options, body, True, fence
    )


def markdown_lines_outside_code(lines: list[str]) -> Iterator[tuple[int, str]]:
    """The numbered lines of a Markdown text that are not inside a fenced code block."""
    fence = ""
    for number, line in enumerate(lines, 1):
        match = _MYST_FENCE.match(line)
        if fence:
            if match and match["fence"][0] == fence[0] and len(match["fence"]) >= len(fence):
                fence = "" if not match["info"].strip() else fence
        elif match and match["fence"][0] != ":":
            fence = match["fence"]
        else:
            yield number, line


def _fenced(lines: list[str], index: int, fence: str) -> tuple[list[str], int, bool]:
    """The lines from ``index`` to the line that closes ``fence``, the index after that
    line, and whether there is one."""
    closing = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}\s*$")
    start = index
    while index < len(lines) and not closing.match(lines[index]):
        index += 1
    return lines[start:index], index + 1, index < len(lines)


def _split_options(content: list[str]) -> tuple[dict[str, str], list[str], int]:
    """A directive's options (``:name: value`` lines or a ``---`` YAML block), the lines
    after them, and how many lines the options took."""
    options: dict[str, str] = {}
    lines = list(content)
    if lines and lines[0].strip() == "---":
        end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), 0)
        for line in lines[1:end]:
            key, _, value = line.partition(":")
            if key.strip() and not key[0].isspace():
                options[key.strip()] = value.strip().strip("'\"")
        lines = lines[end + 1 :]
    while lines and (option := _OPTION.match(lines[0])):
        options[option["name"]] = option["value"].strip()
        lines = lines[1:]
    return options, lines, len(content) - len(lines)


_RST_DIRECTIVE = re.compile(r"^(?P<indent>\s*)\.\.\s+(?P<name>[\w.:-]+)::(?P<argument>.*)$")
_RST_LITERAL = re.compile(r"^(?P<indent>\s*)(?!\.\.\s).*::\s*$")


def rst_directives(lines: list[str]) -> Iterator[DirectiveBlock]:
    """Every reStructuredText directive in ``lines``, nested ones after their parent.

    Literal blocks (``::`` paragraphs, code directives) are skipped.
    """
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        directive = _RST_DIRECTIVE.match(line)
        literal = _RST_LITERAL.match(line) if not directive else None
        if not directive and not literal:
            continue
        indent = len((directive or literal)["indent"])  # type: ignore[index]
        block, index = _indented(lines, index, indent)
        if directive is None:
            continue
        options, body, _ = _split_options(block)
        yield DirectiveBlock(
            directive["name"], directive["argument"].strip(), index - len(block), options, body
        )
        if directive["name"] not in CODE_DIRECTIVES:
            index -= len(block)  # a directive with markup inside: look into it


def _indented(lines: list[str], index: int, indent: int) -> tuple[list[str], int]:
    """The blank or more indented lines from ``index``, and the index after them."""
    start = index
    while index < len(lines) and (
        not lines[index].strip() or len(lines[index]) - len(lines[index].lstrip()) > indent
    ):
        index += 1
    while index > start and not lines[index - 1].strip():
        index -= 1
    return lines[start:index], index
