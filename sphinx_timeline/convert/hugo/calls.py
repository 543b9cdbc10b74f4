"""One shortcode call being converted: what a renderer is handed and what it returns,
and what converting a page collects."""

from __future__ import annotations

import dataclasses as dc
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..myst import code_block, inline_code
from .links import PageLinks
from .report import Leftover
from .shortcodes import Escaped, Shortcode, parse

if TYPE_CHECKING:
    from .body import Fragment

_TOKEN = re.compile(r"\x00(\d+)\x00")
_HTML = re.compile(r"(?<!\{\{)(?<!\]\()<(?=[A-Za-z][\w-]*(?:[\s/>]|$)|/[A-Za-z]|[!?])")
"""The start of an HTML tag, comment or declaration (not a shortcode's ``{{<``, an
autolink, or a link's ``](<address>)``)."""
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL)


@dc.dataclass
class PageContext:
    """What converting one page needs, and what it finds along the way."""

    source: Path
    fields: Mapping[str, Any]
    """The page's front matter as Hugo wrote it (for ``param``)."""
    site_params: Mapping[str, Any]
    links: PageLinks
    base_url: str
    leftovers: list[Leftover] = dc.field(default_factory=list)
    needs: set[str] = dc.field(default_factory=set)
    """The MyST extensions the page needs beyond ``colon_fence`` and ``attrs_inline``."""
    tweets: int = 0
    """Tweets converted without their text."""

    def left(self, line: int, name: str, advice: str) -> None:
        self.leftovers.append(Leftover(self.source, line, name, advice))


class Store:
    """Converted text set aside until the end of the conversion."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def put(self, text: str) -> str:
        """A placeholder for ``text``."""
        self.texts.append(text)
        return f"\x00{len(self.texts) - 1}\x00"

    def restore(self, text: str) -> str:
        """``text`` with every placeholder replaced by what it stands for."""
        while _TOKEN.search(text):
            text = _TOKEN.sub(lambda match: self.texts[int(match.group(1))], text)
        return text


@dc.dataclass(frozen=True)
class Block:
    """A shortcode's MyST that stands on lines of its own."""

    text: str


@dc.dataclass(frozen=True)
class Inline:
    """A shortcode's MyST that goes within a line."""

    text: str


Result = Block | Inline


@dc.dataclass(frozen=True)
class TimelineGroup:
    """Timeline shortcodes written one after the other (in their ``<div class="timeline">``)."""

    entries: tuple[Shortcode, ...]
    start: int
    end: int


@dc.dataclass
class Call:
    """One shortcode call being converted, and what its renderer can ask about it."""

    fragment: Fragment
    node: Shortcode
    continuation: str
    alone: bool
    """Whether the call stands on lines of its own (else it is within a paragraph)."""

    @property
    def name(self) -> str:
        return self.node.name

    @property
    def context(self) -> PageContext:
        return self.fragment.context

    @property
    def line(self) -> int:
        return self.fragment.line(self.node.start)

    @property
    def source(self) -> str:
        """The call as written, closing tag included."""
        return self.fragment.text[self.node.start : self.node.end]

    @property
    def in_destination(self) -> bool:
        """Whether the call is a link's destination (``[text]({{< ref "x" >}})``)."""
        return self.fragment.text[: self.node.start].endswith(("](", "](<", "]: "))

    @property
    def in_attribute(self) -> bool:
        """Whether the call is an HTML link's address (``<a href="{{< ref "x" >}}">``)."""
        return self.fragment.text[: self.node.start].endswith(('href="', "href='"))

    @property
    def inner_source(self) -> str:
        """The inner content as written, without the indentation of its list item."""
        start, end = self.node.inner_span
        return dedent(self.fragment.text[start:end], self.continuation)

    def literal_inner(self) -> str:
        """The inner content as Hugo shows it in code: escaped examples as written."""
        text = self.inner_source
        return "".join(
            node.literal if isinstance(node, Escaped) else text[node.start : node.end]
            for node in parse(text).nodes
        )

    def inner(self) -> str:
        """The inner content, converted."""
        start, _ = self.node.inner_span
        text = self.inner_source
        first = self.fragment.line(start) + len(text) - len(text.lstrip("\n"))
        return self.fragment.nested(text.strip("\n"), first).convert()

    def inline(self, text: str) -> str:
        """A piece of inline text (a label, a caption), converted, on one line. HTML in it
        is shown as text (and listed): Hugo's templates escape a parameter, or leave its
        HTML out when they render it as Markdown, unless a site allows raw HTML."""
        shown = html_as_text(text.strip())
        if shown != text.strip():
            self.left("its HTML is shown as text; write it in Markdown, or by hand")
        converted = self.fragment.nested(shown, self.line).convert()
        return " ".join(converted.split())

    def keep(self, advice: str) -> Result:
        """Leave the call as it is written, visible, and list it for the writer."""
        self.left(advice)
        if not self.alone:
            return Inline(inline_code(self.source))
        comment = f"% sphinx-timeline convert: the {self.name!r} shortcode is left as written"
        return Block(comment + "\n" + code_block(self.source, "text"))

    def unused(self, known: set[str], positions: int) -> None:
        """List each parameter the renderer does not use (``known`` are the names it
        uses or knowingly leaves out, ``positions`` how many positional ones)."""
        for name, value in self.node.params.named.items():
            if name.lower() not in known:
                self.left(
                    f"parameter {name}={value!r} is not kept; drop it, or add its "
                    "effect to the converted text by hand"
                )
        for value in self.node.params.positional[positions:]:
            self.left(
                f"parameter {value!r} is not kept; drop it, or add its effect to the "
                "converted text by hand"
            )

    def left(self, advice: str) -> None:
        """List something of the call the conversion did not keep."""
        self.context.left(self.line, self.name, advice)


Renderer = Callable[[Call], Result]


def html_as_text(text: str) -> str:
    """Markdown ``text`` with the ``<`` that starts each HTML tag or comment written as
    ``&lt;``, so that MyST shows the tag; code spans as they are."""
    parts, position = [], 0
    for span in _CODE_SPAN.finditer(text):
        parts += [_HTML.sub("&lt;", text[position : span.start()]), span.group()]
        position = span.end()
    parts.append(_HTML.sub("&lt;", text[position:]))
    return "".join(parts)


def dedent(text: str, prefix: str) -> str:
    """``text`` without ``prefix`` at the start of its lines (the first line excepted)."""
    if not prefix:
        return text
    lines = text.split("\n")
    for index in range(1, len(lines)):
        line = lines[index]
        if line.startswith(prefix):
            lines[index] = line[len(prefix) :]
        elif line.strip() == prefix.strip():  # a blank line of the list item or quotation
            lines[index] = ""
    return "\n".join(lines)
