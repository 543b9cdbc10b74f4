"""A Hugo page's Markdown body as MyST: its shortcodes, inline HTML, links and emoji.

The conversion runs in two steps over the text. First each shortcode call is replaced
by its MyST (:mod:`.render`), placed where Markdown expects it: a directive starts on a
line of its own, inside the list item or quotation the call was written in, with the
indentation of that item; text before or after it on the same line goes on lines of its
own. Then the text between the calls is worked on: code is set aside, ``<img>`` tags
become images, links and pictures are pointed at the converted pages and the copied
files, emoji shortcodes become emoji, ``<excerpt>``, ``<small>`` and ``<!--more-->``
become their MyST forms, and headings are numbered so that each level follows the
one above it.

What has been converted is kept out of the later steps by a placeholder (a number
between two NUL characters), which the last step puts back.
"""

from __future__ import annotations

import bisect
import dataclasses as dc
import re
from collections.abc import Callable, Iterable, Iterator
from urllib.parse import urlsplit

import emoji
from pygments.lexers import get_lexer_by_name  # type: ignore[import-untyped]
from pygments.util import ClassNotFound  # type: ignore[import-untyped]

from ..myst import directive, escape, inline_code, markdown_destination
from .calls import Call, Inline, PageContext, Result, Store, TimelineGroup, dedent
from .render import RENDERERS, code_options, lexes, param_value, timeline
from .shortcodes import Escaped, Node, Orphan, Shortcode, Text, parse

_TOKEN = re.compile(r"\x00(\d+)\x00")
_CONTAINER = re.compile(r"(?:[ \t]*>)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$))?[ \t]*")
_LIST_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)")
_FENCE = re.compile(
    r"^(?P<lead>[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?)(?P<fence>`{3,}|~{3,})(?P<info>.*)$"
)
_TIMELINE_DIV = re.compile(
    r"<div\b[^>]*\bclass\s*=\s*[\"'][^\"']*\btimeline\b[^\"']*[\"'][^>]*>\s*\Z", re.IGNORECASE
)
_DIV_END = re.compile(r"\s*</div\s*>", re.IGNORECASE)
_EXCERPT = re.compile(r"<excerpt\s*>(.*?)</excerpt\s*>", re.IGNORECASE | re.DOTALL)
_SMALL = re.compile(r"<small\s*>(.*?)</small\s*>", re.IGNORECASE | re.DOTALL)
_MORE = re.compile(r"[ \t]*<!--\s*more\s*-->[ \t]*", re.IGNORECASE)
_IMG = re.compile(r"<img\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)\s*/?>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"([\w-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))")
_EMOJI = re.compile(r":[a-z0-9_+\-]+:")
_HEADING = re.compile(r"^(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_HEADING_ID = re.compile(r"[ \t]*\{#([\w\-:.]+)\}[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_REFERENCE = re.compile(r"^( {0,3}\[[^\]^\n][^\]\n]*\]:[ \t]*)(<[^>\n]*>|\S+)", re.MULTILINE)
_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_ATTRS_FENCE = re.compile(r"\{([^}]*)\}\s*$")
_MATH = re.compile(r"\$\$")
_DEFLIST = re.compile(r"^[^\s:>][^\n]*\n(?:[ \t]*\n)?: {1,3}\S", re.MULTILINE)
_TASK = re.compile(r"^[ \t>]*[-*+][ \t]+\[[ xX]\][ \t]", re.MULTILINE)
_STRIKE = re.compile(r"~~[^~\s][^~]*~~")
_COMMENT_LINE = re.compile(r"^([ \t>]*)(%)", re.MULTILINE)
_TARGET_LINE = re.compile(r"^([ \t>]*)(\([^)\n]*\)=[ \t]*)$", re.MULTILINE)
UNSAFE_SCHEMES = ("javascript", "vbscript", "data")
"""The schemes of links that would run code in the reader's browser."""
PLAIN_LANGUAGES = {"plaintext", "plain", "txt", "text", "none", "nohighlight", "no-highlight"}
"""Code languages that mean no highlighting (Chroma's names and others)."""


class Fragment:
    """A piece of Markdown being converted: a page's body, or a shortcode's content."""

    def __init__(
        self,
        context: PageContext,
        text: str,
        first_line: int,
        top: bool = False,
        title: str = "",
        title_always: bool = False,
    ) -> None:
        self.context = context
        self.text = text
        self.first_line = first_line
        self.top = top
        self.title = title
        self.title_always = title_always
        self.store = Store()
        self.starts = [0, *(match.end() for match in re.finditer("\n", text))]

    def line(self, offset: int) -> int:
        """The line of the file at ``offset`` of this text."""
        return self.first_line + bisect.bisect_right(self.starts, offset) - 1

    def line_of(self, snippet: str, occurrence: int = 0) -> int:
        """The line of the file where ``snippet`` appears (the ``occurrence``-th time after
        the first), or the first line."""
        found = self.text.find(snippet)
        for _ in range(occurrence):
            if found >= 0:
                found = self.text.find(snippet, found + 1)
        return self.line(max(found, 0))

    def nested(self, text: str, first_line: int) -> Fragment:
        return Fragment(self.context, text, first_line)

    def convert(self) -> str:
        """The fragment in MyST."""
        parsed = parse(self.text)
        for problem in parsed.problems:
            self.context.left(
                self.line(problem.start), "shortcode", f"{problem.message}; left as text"
            )
        code = code_ranges(_blank_tags(self.text, parsed.nodes))
        text = self.text
        for node in reversed(group_timelines(parsed.nodes, self.text)):
            text = self._replace(text, node, in_ranges(code, node.start))
        text = self.protect_code(text)
        text = self.html_images(text)
        text = self.rewrite_links(text)
        text = self.emoji(text)
        text = self.html_inline(text)
        text = self.lines(text)
        return self.store.restore(text)

    # --- shortcodes -------------------------------------------------------------------

    def _replace(self, text: str, node: Node | TimelineGroup, in_code: bool) -> str:
        if isinstance(node, Text):
            return text
        source = self.text[node.start : node.end]
        if isinstance(node, Escaped):
            literal = node.literal if in_code else _escape_tag(node.literal)
            return text[: node.start] + self.store.put(literal) + text[node.end :]
        if isinstance(node, Orphan):
            if in_code:
                return text
            self.context.left(
                self.line(node.start),
                node.tag.name,
                f"a closing shortcode that closes nothing, left as written; remove it or "
                f"add its {{{{< {node.tag.name} >}}}}",
            )
            return text[: node.start] + self.store.put(inline_code(source)) + text[node.end :]
        if in_code:
            if isinstance(node, Shortcode) and node.name == "param":
                value = param_value(Call(self, node, "", False))
                if value is not None:
                    return text[: node.start] + value + text[node.end :]
            return text
        layout = Layout.at(text, node.start, node.end)
        if isinstance(node, TimelineGroup):
            result: Result = timeline(self, node, layout.continuation)
        else:
            call = Call(self, node, layout.continuation, layout.alone)
            renderer = RENDERERS.get(node.name.lower())
            if renderer is None:
                result = call.keep(
                    "no MyST equivalent: shown as written; replace it with MyST, or delete it"
                )
            else:
                result = renderer(call)
        if isinstance(result, Inline):
            return text[: node.start] + self.store.put(result.text) + text[node.end :]
        return layout.place(text, self.store, result.text)

    # --- the text between the calls ---------------------------------------------------

    def protect_code(self, text: str) -> str:
        """Set code blocks and inline code aside (checking each block's language)."""
        pieces = []
        position = 0
        for start, end, fenced in code_spans(text):
            pieces.append(text[position:start])
            code = text[start:end]
            if fenced:
                code = self.code_language(code)
            pieces.append(self.store.put(code))
            position = end
        pieces.append(text[position:])
        return "".join(pieces)

    def code_language(self, block: str) -> str:
        """A fenced block whose language Pygments knows (else ``text``), with Hugo's
        ``{linenos=true,hl_lines=[2]}`` attributes as ``code-block`` options."""
        first, _, rest = block.partition("\n")
        match = _FENCE.match(first)
        if match is None:
            return block
        info = match.group("info").strip()
        if info.startswith("{"):  # already a MyST directive
            return block
        attributes = _ATTRS_FENCE.search(info)
        language = info[: attributes.start()].strip() if attributes else info
        language = language.split()[0] if language else ""
        known = self.known_language(language, self.line_of(first))
        options = code_options(attributes.group(1)) if attributes else []
        code = rest.rsplit("\n", 1)[0] if "\n" in rest else ""
        if not lexes(known, dedent(code, re.sub(r"[^\s>]", " ", match.group("lead")))):
            options.append(("force", ""))
        fence = match.group("fence")
        if options:
            head = f"{match.group('lead')}{fence}{{code-block}} {known or 'text'}"
            lead = re.sub(r"[^\s>]", " ", match.group("lead"))
            lines = [head, *(f"{lead}:{key}: {value}".rstrip() for key, value in options)]
            return "\n".join([*lines, lead.rstrip(), rest])
        if known == language:
            return block
        return f"{match.group('lead')}{fence}{known}\n{rest}"

    def known_language(self, language: str, line: int) -> str:
        """``language`` if Pygments knows it, ``text`` for a plain one, else ``text``
        with a note for the writer."""
        if not language or language.lower() in PLAIN_LANGUAGES:
            return "text" if language else ""
        try:
            get_lexer_by_name(language)
        except ClassNotFound:
            self.context.left(
                line,
                "code",
                f"Pygments knows no language {language!r}: the block is shown as plain "
                "text; name a language Pygments has (https://pygments.org/languages/)",
            )
            return "text"
        return language

    def html_images(self, text: str) -> str:
        """``<img src alt title>`` as a Markdown picture (its size is not kept)."""

        def image(match: re.Match[str]) -> str:
            attributes = {
                name.lower(): next(v for v in values if v is not None)
                for name, *values in _ATTRIBUTE.findall(match.group(1))
            }
            if "src" not in attributes:
                return match.group()
            if _in_html_block(text, match.start()):
                self.context.left(
                    self.line_of(match.group()),
                    "img",
                    "an <img> inside an HTML block is kept as HTML, and Sphinx does not copy "
                    "its file: write it as a Markdown picture or a figure directive",
                )
                return match.group()
            alt = escape(" ".join(attributes.get("alt", "").split()))
            title = attributes.get("title", "").replace('"', "'")
            title = f' "{title}"' if title else ""
            for kept in ("width", "height", "class", "style"):
                if kept in attributes:
                    self.context.left(
                        self.line_of(match.group()),
                        "img",
                        f"the {kept} of an <img> is not kept: the picture is a Markdown "
                        "image; use an image-float or figure directive for its size",
                    )
                    break
            return f"![{alt}](<{attributes['src']}>{title})"

        return _IMG.sub(image, text)

    def rewrite_links(self, text: str) -> str:
        """Links and pictures pointed at the converted pages and copied files."""
        text = _markdown_links(text, self.destination, self.store)

        def definition(match: re.Match[str]) -> str:
            found = self.destination(match.group(2), False)
            return match.group(1) + (found or match.group(2))

        return _REFERENCE.sub(definition, text)

    def link_destination(self, target: str) -> str:
        """The address a link to ``target`` leads to, without angle brackets (``""``:
        nothing, show its text only); never a ``javascript:`` link or another that runs
        code (Hugo's templates write none)."""
        try:
            scheme = urlsplit(target.strip()).scheme.lower()
        except ValueError:  # not an address at all: the link is looked up as a path
            scheme = ""
        if scheme in UNSAFE_SCHEMES:
            self.context.left(
                self.line_of(target),
                "link",
                f"{target!r} is a {scheme}: link, which is not kept; link to a page or a file",
            )
            return ""
        found = self.destination(target, False) or ""
        return found[1:-1] if found.startswith("<") and found.endswith(">") else found

    def destination(self, target: str, picture: bool) -> str | None:
        """The destination to write for a link (or a picture, when ``picture``) to
        ``target``: an outside address unchanged, a page or file of the site as a
        relative path; for a page or file not converted, the address on the Hugo site,
        else ``""`` (a link shown as its text), and ``None`` for a missing picture."""
        links = self.context.links
        bare = target[1:-1] if target.startswith("<") and target.endswith(">") else target
        if _TOKEN.search(bare) or links.internal_path(bare) is None:
            return target
        line = self.line_of(bare)
        if picture:
            found = links.file(bare)
            if found is None:
                self.context.left(
                    line,
                    "image",
                    f"no file {bare!r} beside the page, in static/ or in content/: the "
                    "picture is shown as its Markdown; put the file there and run again",
                )
            return None if found is None else markdown_destination(found)
        found = links.link(bare)
        if found is not None:
            return target if found == bare else markdown_destination(found)
        old = links.old_url(bare)
        if old == bare:  # already the page's address on the Hugo site
            return target
        if old:
            self.context.left(
                line,
                "link",
                f"{bare!r} is no converted page or file: the link now goes to {old} on the "
                "Hugo site; point it at a page of the project",
            )
            return markdown_destination(old)
        self.context.left(
            line,
            "link",
            f"{bare!r} is no converted page or file: the link is shown as its text only; "
            "point it at a page of the project",
        )
        return ""

    def emoji(self, text: str) -> str:
        """Emoji shortcodes (``:heart_eyes:``, GitHub's names, as Hugo's) as emoji."""
        return _EMOJI.sub(lambda m: emoji.emojize(m.group(), language="alias"), text)

    def html_inline(self, text: str) -> str:
        """``<excerpt>``, ``<small>`` and ``<!--more-->`` in their MyST forms."""
        text = _SMALL.sub(lambda m: f"[{_span_text(m.group(1))}]{{.small}}", text)
        for match in reversed(list(_EXCERPT.finditer(text))):
            content = match.group(1).strip()
            layout = Layout.at(text, match.start(), match.end())
            if layout.alone or re.search(r"\n[ \t>]*\n", content):
                body = dedent(content, layout.continuation)
                text = layout.place(
                    text, self.store, directive("excerpt", body=self.store.restore(body))
                )
            else:
                span = f"[{_span_text(content)}]{{.excerpt}}"
                text = text[: match.start()] + span + text[match.end() :]
        for match in reversed(list(_MORE.finditer(text))):
            layout = Layout.at(text, match.start(), match.end())
            text = layout.place(text, self.store, "<!--more-->")
        return text

    def lines(self, text: str) -> str:
        """Headings numbered level after level (the title above them), line starts that
        MyST would read as comments or targets escaped, ``~~struck~~`` text as HTML (MyST's
        own strikethrough warns in every build), and the MyST extensions noted."""
        if _MATH.search(text):
            self.context.needs.add("dollarmath")
        if _DEFLIST.search(text):
            self.context.needs.add("deflist")
        if _TASK.search(text):
            self.context.needs.add("tasklist")
        text = _STRIKE.sub(lambda match: f"<s>{match.group()[2:-2]}</s>", text)
        text = _COMMENT_LINE.sub(r"\1\\\2", text)
        text = _TARGET_LINE.sub(r"\1\\\2", text)
        return self.headings(text)

    def headings(self, text: str) -> str:
        """Headings renumbered so that no level is skipped: under the page's title for a
        page, as rubrics inside a shortcode's content (where MyST allows no heading)."""
        lines = text.split("\n")
        found = list(_headings(lines))
        if not self.top:
            for index, _, title, _ in reversed(found):
                rubric = directive("rubric", title or "")
                lines[index : index + _span(lines, index)] = rubric.split("\n")
            return "\n".join(transitions(lines, everywhere=True))
        title = self.title
        if found and found[0][1] == 1 and found[0][2].lower() == title.strip().lower():
            title = ""  # the body starts with the title already
        stack: list[tuple[int, int]] = [(0, 1)] if title else []
        renumbered = list(_renumber(found, stack))
        labels = [label for _, _, _, label in renumbered]
        for position, (index, level, text_, label) in reversed(list(enumerate(renumbered))):
            heading = f"{'#' * level} {text_}".rstrip()
            if label and label in labels[:position]:
                self.context.left(
                    self.line_of(f"{{#{label}}}", labels[:position].count(label)),
                    "heading",
                    f"the id {{#{label}}} is given to an earlier heading too; this one is "
                    "not kept: give it an id of its own",
                )
                label = ""
            replacement = [f"({label})=", heading] if label else [heading]
            lines[index : index + _span(lines, index)] = replacement
        if title and (found or self.title_always):
            while lines and not lines[0].strip():
                del lines[0]
            lines[:0] = [f"# {escape(title)}", ""]
        return "\n".join(transitions(lines))


def transitions(lines: list[str], everywhere: bool = False) -> list[str]:
    """``lines`` with the thematic breaks docutils allows no transition for (at the start
    or the end of a section, next to another, or ``everywhere`` inside a directive) as an
    HTML ``<hr>``."""
    filled = [index for index, line in enumerate(lines) if line.strip()]
    hard = {index for index in filled if _HEADING.match(lines[index]) or _BREAK.match(lines[index])}
    result = list(lines)
    for position, index in reversed(list(enumerate(filled))):
        if not _BREAK.match(lines[index]):
            continue
        before = filled[position - 1] if position else None
        after = filled[position + 1] if position + 1 < len(filled) else None
        if everywhere or before is None or after is None or {before, after} & hard:
            result[index : index + 1] = ["<hr>", ""] if after == index + 1 else ["<hr>"]
    return result


def _renumber(
    found: list[tuple[int, int, str, str]], stack: list[tuple[int, int]]
) -> Iterator[tuple[int, int, str, str]]:
    for index, level, title, label in found:
        while stack and stack[-1][0] >= level:
            stack.pop()
        new = min(6, stack[-1][1] + 1) if stack else 1
        stack.append((level, new))
        yield index, new, title, label


def _headings(lines: list[str]) -> Iterator[tuple[int, int, str, str]]:
    """``(line index, level, text, id)`` of each heading outside code (set aside)."""
    for index, line in enumerate(lines):
        match = _HEADING.match(line)
        if match:
            title = match.group(2) or ""
            label = _HEADING_ID.search(title)
            if label:
                title = title[: label.start()]
            yield index, len(match.group(1)), title.strip(), label.group(1) if label else ""
            continue
        setext = _SETEXT.match(line)
        previous = lines[index - 1] if index else ""
        if (
            setext
            and previous.strip()
            and not _HEADING.match(previous)
            and not container_lead(previous)
            and not previous.lstrip().startswith(("|", "<", "\x00"))
            and not _BREAK.match(previous)
            and (index < 2 or not lines[index - 2].strip())
        ):
            yield index - 1, 1 if setext.group(1)[0] == "=" else 2, previous.strip(), ""


def _span(lines: list[str], index: int) -> int:
    """How many lines the heading at ``index`` takes (2 for an underlined one)."""
    following = lines[index + 1] if index + 1 < len(lines) else ""
    return 2 if not _HEADING.match(lines[index]) and _SETEXT.match(following) else 1


@dc.dataclass(frozen=True)
class Layout:
    """Where a block goes: the line it is written on, and the list item around it."""

    line_start: int
    start: int
    end: int
    before: str
    lead: str
    continuation: str
    alone: bool

    @classmethod
    def at(cls, text: str, start: int, end: int) -> Layout:
        line_start = text.rfind("\n", 0, start) + 1
        before = text[line_start:start]
        lead = container_lead(before)
        line_end = text.find("\n", end)
        after = text[end : len(text) if line_end == -1 else line_end]
        return cls(
            line_start,
            start,
            end,
            before,
            lead,
            continuation(lead),
            before == lead and not after.strip(),
        )

    def place(self, text: str, store: Store, block: str) -> str:
        """``text`` with ``text[start:end]`` replaced by ``block``, on lines of its own."""
        cont = self.continuation
        blank = cont.rstrip()
        lines = block.split("\n")
        body = lines[0] + "".join("\n" + (cont + line if line else blank) for line in lines[1:])
        token = store.put(body)
        if self.before != self.lead:
            head = text[: self.start].rstrip(" \t") + "\n" + blank + "\n" + cont
        elif (
            self.line_start
            and _previous_line(text, self.line_start).strip(" \t>")
            and not (_LIST_MARKER.search(self.lead))
        ):
            head = text[: self.line_start] + blank + "\n" + self.before
        else:
            head = text[: self.start]
        line_end = text.find("\n", self.end)
        after = text[self.end : len(text) if line_end == -1 else line_end]
        if after.strip():
            return head + token + "\n" + blank + "\n" + cont + text[self.end :].lstrip(" \t")
        rest = text[self.end + len(after) :]
        following = rest[1:].split("\n", 1)[0]
        gap = "\n" + blank if following.strip(" \t>") else ""
        return head + token + gap + rest


def _previous_line(text: str, line_start: int) -> str:
    return text[text.rfind("\n", 0, line_start - 1) + 1 : line_start - 1]


def container_lead(line: str) -> str:
    """The start of ``line`` that belongs to the quotations and list items it is in."""
    match = _CONTAINER.match(line)
    return match.group() if match else ""


def continuation(lead: str) -> str:
    """The start of the lines that continue a line starting with ``lead``: quotation
    marks kept, list markers as spaces."""
    return _LIST_MARKER.sub(lambda m: " " * len(m.group()), lead)


def group_timelines(nodes: tuple[Node, ...], text: str) -> list[Node | TimelineGroup]:
    """The nodes, with each run of ``timeline`` calls (and the ``<div class="timeline">``
    around it) as one :class:`TimelineGroup`."""
    grouped: list[Node | TimelineGroup] = []
    run: list[Shortcode] = []

    def finish() -> None:
        if not run:
            return
        start, end = run[0].start, run[-1].end
        previous = grouped[-1] if grouped else None
        if isinstance(previous, Text):
            div = _TIMELINE_DIV.search(text, previous.start, previous.end)
            if div:
                start = div.start()
                grouped[-1] = Text(previous.start, div.start())
        grouped.append(TimelineGroup(tuple(run), start, end))
        run.clear()

    for node in nodes:
        if isinstance(node, Shortcode) and node.name.lower() == "timeline" and node.close:
            run.append(node)
            continue
        if isinstance(node, Text) and run and not text[node.start : node.end].strip():
            continue
        if isinstance(node, Text) and run:
            finish()
            group = grouped[-1]
            assert isinstance(group, TimelineGroup)
            end = _DIV_END.match(text, node.start, node.end)
            if end and group.start != group.entries[0].start:
                grouped[-1] = dc.replace(group, end=end.end())
                node = Text(end.end(), node.end)
        finish()
        grouped.append(node)
    finish()
    return grouped


def _blank_tags(text: str, nodes: Iterable[Node]) -> str:
    """``text`` with every shortcode tag written over with spaces (line ends kept, so
    offsets stay), so that the backticks of a raw-string parameter open no code span."""
    chars = list(text)
    stack = list(nodes)
    while stack:
        node = stack.pop()
        spans = [(node.start, node.end)] if isinstance(node, (Escaped, Orphan)) else []
        if isinstance(node, Shortcode):
            spans = [(node.open.start, node.open.end)]
            if node.close is not None:
                spans.append((node.close.start, node.close.end))
            stack.extend(node.inner)
        for start, end in spans:
            chars[start:end] = [" " if char != "\n" else char for char in chars[start:end]]
    return "".join(chars)


def code_ranges(text: str) -> list[tuple[int, int]]:
    """Where ``text`` has code (fenced blocks and inline code), in order."""
    return [(start, end) for start, end, _ in code_spans(text)]


def in_ranges(ranges: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` lies in one of the ordered ``ranges``."""
    index = bisect.bisect_right(ranges, (offset, 10**18)) - 1
    return index >= 0 and ranges[index][0] <= offset < ranges[index][1]


def code_spans(text: str) -> Iterator[tuple[int, int, bool]]:
    """``(start, end, fenced)`` of each fenced code block and inline code of ``text``."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    prose_start = 0
    index = 0
    while index < len(lines):
        match = _FENCE.match(lines[index])
        if match is None or (match.group("fence")[0] == "`" and "`" in match.group("info")):
            index += 1
            continue
        yield from _inline_code(text, prose_start, starts[index])
        fence = match.group("fence")
        closing = index + 1
        while closing < len(lines) and not _closes(lines[closing], fence):
            closing += 1
        end = starts[closing] + len(lines[closing]) if closing < len(lines) else len(text)
        yield starts[index] + len(match.group("lead")), end, True
        index = closing + 1
        prose_start = min(end + 1, len(text))
    yield from _inline_code(text, prose_start, len(text))


def _closes(line: str, fence: str) -> bool:
    """Whether ``line`` closes a code block opened by ``fence``."""
    bare = line.strip(" \t>")
    return bare.startswith(fence[0] * len(fence)) and not bare.strip(fence[0])


def _inline_code(text: str, start: int, end: int) -> Iterator[tuple[int, int, bool]]:
    """Inline code spans of ``text[start:end]``: a run of backticks to the next run of the
    same length, within a paragraph."""
    runs = list(re.finditer(r"(?<!\\)`+", text[start:end]))
    index = 0
    while index < len(runs):
        run = runs[index]
        closing = next(
            (
                later
                for later in range(index + 1, len(runs))
                if len(runs[later].group()) == len(run.group())
            ),
            None,
        )
        if closing is None:
            index += 1
            continue
        between = text[start + run.end() : start + runs[closing].start()]
        if re.search(r"\n[ \t>]*\n", between):
            index += 1
            continue
        yield start + run.start(), start + runs[closing].end(), False
        index = closing + 1


def _in_html_block(text: str, offset: int) -> bool:
    """Whether ``offset`` lies in an HTML block that starts before it (a paragraph that
    starts with a tag), where Markdown is not read."""
    paragraph = text.rfind("\n\n", 0, offset)
    first = text[0 if paragraph == -1 else paragraph + 2 : offset].lstrip()
    return first.startswith("<")


def _escape_tag(literal: str) -> str:
    """An escaped example outside code: shown as written, never read as an HTML tag."""
    return literal.replace("{{<", "{{\\<", 1)


def _span_text(text: str) -> str:
    """Text for the inside of a ``[…]{.class}`` span: brackets balanced."""
    text = " ".join(text.split())
    depth = 0
    for char in text:
        depth += {"[": 1, "]": -1}.get(char, 0)
        if depth < 0:
            return text.replace("[", "\\[").replace("]", "\\]")
    return text if depth == 0 else text.replace("[", "\\[").replace("]", "\\]")


def _markdown_links(text: str, destination: Callable[[str, bool], str | None], store: Store) -> str:
    """``text`` with the destination of each ``[text](dest)`` and ``![alt](src)``
    replaced through ``destination``: ``None`` leaves a picture as its Markdown, in
    code; ``""`` leaves a link as its text."""
    out: list[str] = []
    position = 0
    search = 0
    while True:
        open_ = text.find("[", search)
        if open_ == -1:
            break
        if open_ and text[open_ - 1] == "\\":
            search = open_ + 1
            continue
        close = _matching_bracket(text, open_)
        if close is None or not text.startswith("(", close + 1):
            search = open_ + 1
            continue
        parsed = _destination(text, close + 2)
        if parsed is None:
            search = open_ + 1
            continue
        target, rest, end = parsed
        picture = open_ > 0 and text[open_ - 1] == "!"
        start = open_ - 1 if picture else open_
        label = _markdown_links(text[open_ + 1 : close], destination, store)
        whole = text[start:end]
        new = destination(target, picture)
        out.append(text[position:start])
        if new is None:
            out.append(store.put(inline_code(store.restore(whole))))
        elif new == "":
            out.append(label)
        else:
            out.append(f"{'!' if picture else ''}[{label}]({new}{rest})")
        position = search = end
    out.append(text[position:])
    return "".join(out)


def _matching_bracket(text: str, open_: int) -> int | None:
    depth = 0
    index = open_
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == "\n" and text[index + 1 : index + 2] == "\n":
            return None
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return None


def _destination(text: str, start: int) -> tuple[str, str, int] | None:
    """``(destination, title part, end)`` of a link's ``(…)`` after its ``(``."""
    index = start
    while index < len(text) and text[index] in " \t":
        index += 1
    if text.startswith("<", index):
        close = text.find(">", index)
        if close == -1 or "\n" in text[index:close]:
            return None
        target = text[index : close + 1]
        index = close + 1
    else:
        depth = 0
        begin = index
        while index < len(text) and not text[index].isspace():
            char = text[index]
            if char == "\\":
                index += 2
                continue
            if char == "(":
                depth += 1
            elif char == ")":
                if depth == 0:
                    break
                depth -= 1
            index += 1
        target = text[begin:index]
    rest_start = index
    while index < len(text) and text[index] != ")":
        if text[index] == "\n" and text[index + 1 : index + 2] == "\n":
            return None
        if text[index] in "\"'(":
            quote = {"(": ")"}.get(text[index], text[index])
            close = text.find(quote, index + 1)
            if close == -1:
                return None
            index = close + 1
            continue
        if not text[index].isspace():
            return None
        index += 1
    if index >= len(text):
        return None
    return target, text[rest_start:index], index + 1
