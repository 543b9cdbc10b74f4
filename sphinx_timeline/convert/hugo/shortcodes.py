"""Hugo shortcode calls, read into a tree: a tokenizer for the tags and a parser that pairs
them.

A tag is ``{{< name params >}}`` or ``{{% name params %}}``; it closes a pair as
``{{< /name >}}``, closes itself as ``{{< name />}}``, and is an escaped example, shown
as written, as ``{{</* name params */>}}``. Parameters are positional or named
(``name=value``), each value bare, ``"quoted"`` (with ``\\"`` inside) or a
```raw string```, and a tag may run over several lines. Whether a tag opens a pair is
known for Hugo's built-in shortcodes; for any other, it does when a closing tag of the
same name follows at the same depth.
"""

from __future__ import annotations

import dataclasses as dc
import re
from collections.abc import Mapping, Sequence

_OPEN = re.compile(r"\{\{([<%])")
_NAME = re.compile(r"[A-Za-z0-9_][\w.\-/]*")
_PARAM_NAME = re.compile(r"([A-Za-z_][\w\-]*)=")
_SPACE = re.compile(r"\s*")

SINGLE = frozenset(
    {
        "figure",
        "gist",
        "image",
        "instagram",
        "link",
        "param",
        "ref",
        "relref",
        "tweet",
        "twitter",
        "twitter_simple",
        "vimeo",
        "vimeo_simple",
        "x",
        "x_simple",
        "instagram_simple",
        "youtube",
        "bilibili",
    }
)
"""Shortcodes that never take inner content (so never open a pair)."""


@dc.dataclass(frozen=True)
class Params:
    """A call's parameters: positional ones, or named ones (Hugo allows one kind)."""

    positional: tuple[str, ...] = ()
    named: Mapping[str, str] = dc.field(default_factory=dict)

    def get(self, name: str, position: int | None = None) -> str | None:
        """The parameter ``name``, else the one at ``position``; ``None`` when absent."""
        if name in self.named:
            return self.named[name]
        if position is not None and position < len(self.positional):
            return self.positional[position]
        return None


@dc.dataclass(frozen=True)
class Tag:
    """One ``{{< … >}}`` or ``{{% … %}}`` tag, at ``text[start:end]``."""

    start: int
    end: int
    name: str
    params: Params
    markdown: bool
    """Written with ``%`` delimiters: its output is Markdown."""
    closing: bool = False
    self_closing: bool = False


@dc.dataclass(frozen=True)
class Text:
    """Text outside any tag, ``source[start:end]``."""

    start: int
    end: int


@dc.dataclass(frozen=True)
class Escaped:
    """An escaped example, ``{{</* name */>}}``: shown as ``literal``."""

    start: int
    end: int
    literal: str


@dc.dataclass(frozen=True)
class Orphan:
    """A closing tag that closes nothing."""

    tag: Tag

    @property
    def start(self) -> int:
        return self.tag.start

    @property
    def end(self) -> int:
        return self.tag.end


@dc.dataclass(frozen=True)
class Shortcode:
    """A call: its opening tag, and for a pair its closing tag and what lies between."""

    open: Tag
    close: Tag | None = None
    inner: tuple[Node, ...] = ()

    @property
    def name(self) -> str:
        return self.open.name

    @property
    def params(self) -> Params:
        return self.open.params

    @property
    def start(self) -> int:
        return self.open.start

    @property
    def end(self) -> int:
        return self.close.end if self.close else self.open.end

    @property
    def inner_span(self) -> tuple[int, int]:
        """Where the inner content lies in the source (empty for a single tag)."""
        if self.close is None:
            return self.open.end, self.open.end
        return self.open.end, self.close.start


Node = Text | Escaped | Orphan | Shortcode


@dc.dataclass(frozen=True)
class Problem:
    """Text that looks like a tag but is not one; left as it is."""

    start: int
    message: str


@dc.dataclass(frozen=True)
class Parsed:
    """A text read into nodes, and what could not be read."""

    nodes: tuple[Node, ...]
    problems: tuple[Problem, ...]


class _MalformedError(ValueError):
    """A tag that starts as one and is never finished."""


def tokenize(text: str) -> tuple[list[Tag | Escaped], list[Problem]]:
    """Every tag of ``text``, in order, and the tag-like texts that are not tags."""
    found: list[Tag | Escaped] = []
    problems: list[Problem] = []
    position = 0
    while match := _OPEN.search(text, position):
        try:
            tag = _read_tag(text, match.start(), match.group(1))
        except _MalformedError as error:
            problems.append(Problem(match.start(), str(error)))
            position = match.end()
            continue
        if tag is None:
            position = match.end()
            continue
        found.append(tag)
        position = tag.end
    return found, problems


def _read_tag(text: str, start: int, delimiter: str) -> Tag | Escaped | None:
    """The tag at ``text[start:]``; ``None`` when it is no tag at all (``{{<`` then no
    name); :class:`_MalformedError` when it starts as one and is never finished."""
    close = ">}}" if delimiter == "<" else "%}}"
    position = _skip(text, start + 3)
    if text.startswith("/*", position):
        end = text.find("*/", position + 2)
        while end != -1:
            after = _skip(text, end + 2)
            if text.startswith(close, after):
                inside = text[position + 2 : end]
                literal = text[start:position] + inside + text[end + 2 : after + 3]
                return Escaped(start, after + 3, literal)
            end = text.find("*/", end + 2)
        raise _MalformedError(f"an escaped shortcode never closed with '*/{close}'")
    closing = text.startswith("/", position)
    if closing:
        position = _skip(text, position + 1)
    name = _NAME.match(text, position)
    if name is None:
        return None
    position = name.end()
    positional: list[str] = []
    named: dict[str, str] = {}
    while True:
        position = _skip(text, position)
        if position >= len(text) or text.startswith(("{{<", "{{%"), position):
            raise _MalformedError(f"the {name.group()!r} shortcode is never closed with '{close}'")
        if text.startswith(close, position):
            end, self_closing = position + 3, False
            break
        if text.startswith("/", position) and text.startswith(close, _skip(text, position + 1)):
            end, self_closing = _skip(text, position + 1) + 3, True
            break
        key = _PARAM_NAME.match(text, position)
        if key:
            position = key.end()
        value, position = _read_value(text, position, close, name.group())
        if key:
            named[key.group(1)] = value
        else:
            positional.append(value)
    return Tag(
        start,
        end,
        name.group(),
        Params(tuple(positional), named),
        markdown=delimiter == "%",
        closing=closing,
        self_closing=self_closing,
    )


def _read_value(text: str, position: int, close: str, name: str) -> tuple[str, int]:
    """A parameter value at ``position``, and the position after it."""
    quote = text[position]
    if quote == '"':
        chars: list[str] = []
        index = position + 1
        while index < len(text):
            char = text[index]
            if char == "\\" and index + 1 < len(text) and text[index + 1] in '"\\':
                chars.append(text[index + 1])
                index += 2
                continue
            if char == '"':
                return "".join(chars), index + 1
            chars.append(char)
            index += 1
        raise _MalformedError(f"a quoted parameter of the {name!r} shortcode is never closed")
    if quote == "`":
        end = text.find("`", position + 1)
        if end == -1:
            raise _MalformedError(f"a `raw` parameter of the {name!r} shortcode is never closed")
        return text[position + 1 : end], end + 1
    index = position
    while index < len(text) and not text[index].isspace() and not text.startswith(close, index):
        if text.startswith("/", index) and text.startswith(close, _skip(text, index + 1)):
            break
        index += 1
    return text[position:index], index


def _skip(text: str, position: int) -> int:
    match = _SPACE.match(text, position)
    return match.end() if match else position


def parse(text: str) -> Parsed:
    """``text`` as a tree of text, calls, escaped examples and stray closing tags."""
    tags, problems = tokenize(text)
    partner = _pairs(tags)
    nodes = _build(tags, partner, 0, len(tags), 0, len(text))
    return Parsed(tuple(nodes), tuple(problems))


def _pairs(tags: Sequence[Tag | Escaped]) -> dict[int, int]:
    """The index of the closing tag of each opening tag that has one."""
    partner: dict[int, int] = {}
    for index, tag in enumerate(tags):
        if not isinstance(tag, Tag) or tag.closing or tag.self_closing or tag.name in SINGLE:
            continue
        depth = 0
        for later in range(index + 1, len(tags)):
            other = tags[later]
            if not isinstance(other, Tag) or other.name != tag.name or other.self_closing:
                continue
            if other.closing:
                if depth == 0:
                    partner[index] = later
                    break
                depth -= 1
            else:
                depth += 1
    return partner


def _build(
    tags: Sequence[Tag | Escaped],
    partner: Mapping[int, int],
    first: int,
    last: int,
    start: int,
    end: int,
) -> list[Node]:
    nodes: list[Node] = []
    position = start
    index = first
    while index < last:
        tag = tags[index]
        if tag.start > position:
            nodes.append(Text(position, tag.start))
        if isinstance(tag, Escaped):
            nodes.append(tag)
            index += 1
        elif index in partner:
            closing = tags[partner[index]]
            assert isinstance(closing, Tag)
            inner = _build(tags, partner, index + 1, partner[index], tag.end, closing.start)
            nodes.append(Shortcode(tag, closing, tuple(inner)))
            tag = closing
            index = partner[index] + 1
        elif tag.closing:
            nodes.append(Orphan(tag))
            index += 1
        else:
            nodes.append(Shortcode(tag))
            index += 1
        position = tag.end
    if end > position:
        nodes.append(Text(position, end))
    return nodes
