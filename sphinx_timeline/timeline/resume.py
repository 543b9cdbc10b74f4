"""JSON Resume documents (https://jsonresume.org/schema) as timeline entries.

A JSON Resume, in JSON or the same structure in YAML, is an ``:events:`` file too: each
item of its dated sections becomes an entry. Its words are plain text, made into
docutils nodes as they stand and never parsed as markup, so nothing in the resume can
add markup or script to a page. A value that cannot be used is a :class:`Problem` at
its line in the file, named by its path (``work[0].startDate``); the other items still
become entries.
"""

from __future__ import annotations

import bisect
import dataclasses as dc
import difflib
import json
import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

import yaml
from docutils import nodes

from ..core.dates import DATE_HELP, PartialDate
from ..core.i18n import _

Key = str | int
ValuePath = tuple[Key, ...]
"""Where a value is in the document: ``("work", 0, "startDate")``."""


@dc.dataclass(frozen=True)
class Section:
    """How the items of one dated section become entries."""

    icon: str
    """The octicon of its entries' markers."""
    start: str
    end: str = ""
    label: tuple[str, ...] = ()
    """The fields joined into the entry's label."""
    linked: str = ""
    """The label field that the item's ``url`` links."""
    details: tuple[str, ...] = ()
    """The fields of the line under the label (a text, or a list of texts)."""
    text: str = ""
    """The field shown as the body's paragraphs."""
    items: str = ""
    """The list of texts shown as a bulleted list."""
    ongoing: bool = False
    """Whether an item without an end is still going on."""


SECTIONS = {
    "work": Section(
        icon="briefcase",
        start="startDate",
        end="endDate",
        label=("position", "name"),
        linked="name",
        details=("location",),
        text="summary",
        items="highlights",
        ongoing=True,
    ),
    "volunteer": Section(
        icon="heart",
        start="startDate",
        end="endDate",
        label=("position", "organization"),
        linked="organization",
        text="summary",
        items="highlights",
        ongoing=True,
    ),
    "education": Section(
        icon="mortar-board",
        start="startDate",
        end="endDate",
        label=("studyType", "area", "institution"),
        linked="institution",
        details=("score",),
        items="courses",
    ),
    "awards": Section(icon="trophy", start="date", label=("title", "awarder"), text="summary"),
    "certificates": Section(icon="verified", start="date", label=("name", "issuer"), linked="name"),
    "publications": Section(
        icon="book",
        start="releaseDate",
        label=("name", "publisher"),
        linked="name",
        text="summary",
    ),
    "projects": Section(
        icon="project",
        start="startDate",
        end="endDate",
        label=("name", "entity"),
        linked="name",
        details=("roles",),
        text="description",
        items="highlights",
    ),
}
"""The dated sections of a JSON Resume, in the order they are drawn by default."""

SECTION_NAMES = tuple(SECTIONS)
UNDATED_SECTIONS = ("basics", "skills", "languages", "interests", "references")
"""The sections without dates, which are no entries but mark a document as a resume."""

OLDER_NAMES = {"name": "company", "url": "website"}
"""Fields of the 0.x schema, read when the current name is absent."""

PRESENT = "present"
CLASS_PREFIX = "stl-resume-"
"""Each entry's class is this and its section's name: ``stl-resume-work``."""

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
"""The control characters a text loses (tabs and line breaks stay)."""
_BLANK_LINES = re.compile(r"\n\s*\n")
_SPACE = re.compile(r"[ \t\n\r]*")


def is_resume(data: Any) -> bool:
    """Whether ``data`` is a JSON Resume: a mapping with JSON Resume's ``$schema`` or
    with one of its sections (a mapping with an ``events`` list is an events file)."""
    if not isinstance(data, dict) or isinstance(data.get("events"), list):
        return False
    schema = data.get("$schema")
    if isinstance(schema, str) and "jsonresume" in schema.lower():
        return True
    return any(name in data for name in (*SECTION_NAMES, *UNDATED_SECTIONS))


def section_names(value: str) -> tuple[str, ...]:
    """A ``:sections:`` option: dated section names separated by commas (or spaces);
    ``ValueError`` when one is not such a section."""
    names = tuple(dict.fromkeys(name for name in re.split(r"[,\s]+", value) if name))
    use = f"use one or more of {', '.join(SECTION_NAMES)}, separated by commas"
    if not names:
        raise ValueError(f"names no section; {use}")
    unknown = [name for name in names if name not in SECTIONS]
    if unknown:
        described = []
        for name in unknown:
            close = difflib.get_close_matches(name, SECTION_NAMES, n=1)
            described.append(f"{name!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
        verb = (
            "is not a JSON Resume section" if len(unknown) == 1 else "are not JSON Resume sections"
        )
        raise ValueError(f"{', '.join(described)} {verb} with dates; {use}")
    return names


@dc.dataclass(frozen=True)
class Resume:
    """A JSON Resume document, and the line of each of its values."""

    data: dict[str, Any]
    lines: dict[ValuePath, int]

    def line(self, path: ValuePath) -> int | None:
        """The line of the value at ``path``, else of the nearest value holding it."""
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path)


def json_lines(text: str, depth: int = 4) -> dict[ValuePath, int]:
    """The line of each value of the JSON document ``text``, down to ``depth`` levels.

    ``text`` must be valid JSON (``json.loads`` has read it). The walk reads only the
    structure down to ``depth``: each key, and each value deeper down or not a
    container, is read by the json module's own decoder, which gives its end.
    """
    decoder = json.JSONDecoder()
    line_starts = [match.end() for match in re.finditer("\n", text)]
    lines: dict[ValuePath, int] = {}

    def skip_space(offset: int) -> int:
        return _SPACE.match(text, offset).end()  # type: ignore[union-attr]

    def walk(offset: int, path: ValuePath) -> int:
        """Note the line of the value at ``offset``; the offset after the value."""
        lines[path] = bisect.bisect_right(line_starts, offset) + 1
        opening = text[offset]
        if len(path) >= depth or opening not in "[{":
            return int(decoder.raw_decode(text, offset)[1])
        closing = "]" if opening == "[" else "}"
        offset, index = skip_space(offset + 1), 0
        while text[offset] != closing:
            key: Key = index
            if opening == "{":
                key, offset = decoder.raw_decode(text, offset)
                offset = skip_space(skip_space(offset) + 1)  # after the colon
            offset = skip_space(walk(offset, (*path, key)))
            if text[offset] == ",":
                offset = skip_space(offset + 1)
            index += 1
        return offset + 1

    walk(skip_space(0), ())
    return lines


def yaml_lines(node: yaml.Node | None, depth: int = 4) -> dict[ValuePath, int]:
    """The line of each value of a YAML document's nodes, down to ``depth`` levels."""
    lines: dict[ValuePath, int] = {}

    def walk(node: yaml.Node, path: ValuePath) -> None:
        lines[path] = node.start_mark.line + 1
        if len(path) >= depth:
            return
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    walk(value, (*path, key.value))
        elif isinstance(node, yaml.SequenceNode):
            for index, value in enumerate(node.value):
                walk(value, (*path, index))

    if node is not None:
        walk(node, ())
    return lines


@dc.dataclass(frozen=True)
class ResumeEntry:
    """What one item of a resume shows, and where it is."""

    section: str
    start: PartialDate
    end: PartialDate | str | None
    """A date, ``"present"`` or None."""
    label: list[nodes.Node]
    label_text: str
    body: list[nodes.Node]
    line: int | None


@dc.dataclass(frozen=True)
class Problem:
    """A value of a resume that cannot be used, and its line."""

    message: str
    line: int | None


def read_resume(
    resume: Resume, sections: Sequence[str], source: str
) -> list[ResumeEntry | Problem]:
    """The entries of ``sections`` of ``resume`` (the file ``source``), in the order of
    the sections and of their items, each after the problems found in its item."""
    reader = _Reader(resume, source)
    for name in sections:
        reader.section(name)
    return reader.found


def path_text(path: ValuePath) -> str:
    """``("work", 0, "startDate")`` as ``work[0].startDate``."""
    parts = [f"[{key}]" if isinstance(key, int) else f".{key}" for key in path]
    return "".join(parts).removeprefix(".")


def plain(text: str) -> str:
    """``text`` with its runs of white space made one space, control characters removed."""
    return " ".join(CONTROL_CHARACTERS.sub("", text).split())


def kind(value: Any) -> str:
    """What ``value`` is, in a writer's words."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean (true or false)"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return "a text"


def as_text(value: Any) -> str | None:
    """A text value as text (a number counts as text); None when it is no text."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    return str(value)


class _Reader:
    """Reads the items of a resume into entries and problems, in the order found."""

    def __init__(self, resume: Resume, source: str) -> None:
        self.resume, self.source = resume, source
        self.found: list[ResumeEntry | Problem] = []

    def report(self, path: ValuePath, message: str) -> None:
        self.found.append(Problem(message, self.resume.line(path)))

    def section(self, name: str) -> None:
        """Read the items of section ``name``, if the resume has it."""
        items = self.resume.data.get(name)
        if items is None:
            return
        if not isinstance(items, list):
            self.report(
                (name,), f"{name} must be a list of items, not {kind(items)}; it is left out"
            )
            return
        for index, item in enumerate(items):
            first = len(self.found)
            entry = self.entry(name, (name, index), item)
            # the item's problems in the order of their lines, as the writer reads them
            self.found[first:] = sorted(self.found[first:], key=lambda problem: problem.line or 0)
            if entry is not None:
                self.found.append(entry)

    def entry(self, name: str, path: ValuePath, item: Any) -> ResumeEntry | None:
        """The entry of one item; None when it has no usable start date."""
        section = SECTIONS[name]
        if not isinstance(item, dict):
            fields = ", ".join(dict.fromkeys((*section.label, section.start)))
            self.report(
                path,
                f"{path_text(path)} must be a mapping of fields such as {fields}, not "
                f"{kind(item)}; the item is left out",
            )
            return None
        if self.value(item, section.start) is None:
            self.report(
                path,
                f"{path_text(path)} has no {section.start}; add it and {DATE_HELP}; "
                "the item is left out",
            )
            return None
        start = self.date(path, item, section.start, "the item is left out")
        if start is None:
            return None
        end = self.end(path, item, section, start)
        label, label_text = self.label(path, item, section)
        body = self.body(path, item, section)
        return ResumeEntry(name, start, end, label, label_text, body, self.resume.line(path))

    def value(self, item: dict[str, Any], key: str) -> Any:
        """The item's ``key`` (or its 0.x name); None when absent, null or empty."""
        value = item.get(key)
        if value is None and key in OLDER_NAMES:
            value = item.get(OLDER_NAMES[key])
        return None if isinstance(value, str) and not value.strip() else value

    def key(self, item: dict[str, Any], key: str) -> str:
        """The name the item gives ``key``: itself, or its 0.x name."""
        older = OLDER_NAMES.get(key, "")
        return older if item.get(key) is None and item.get(older) is not None else key

    def date(
        self, path: ValuePath, item: dict[str, Any], key: str, dropped: str
    ) -> PartialDate | None:
        """The date at ``key``; None when it is absent, or (with a problem saying that
        ``dropped``) when it is not a date."""
        value = self.value(item, key)
        if value is None:
            return None
        where = (*path, key)
        text = as_text(value)
        if text is None:
            self.report(
                where,
                f"{path_text(where)} must be a date, not {kind(value)}; {DATE_HELP}; {dropped}",
            )
            return None
        try:
            return PartialDate.parse(text)
        except ValueError as error:
            self.report(where, f"{path_text(where)}: {error}; {dropped}")
            return None

    def end(
        self, path: ValuePath, item: dict[str, Any], section: Section, start: PartialDate
    ) -> PartialDate | str | None:
        """The item's end: a date, ``"present"`` (also when an ongoing kind of item has
        none), or None."""
        if not section.end:
            return None
        value = self.value(item, section.end)
        if value is None:
            return PRESENT if section.ongoing else None
        if isinstance(value, str) and value.strip().lower() == PRESENT:
            return PRESENT
        end = self.date(path, item, section.end, "the end is left out")
        if end is not None and end.precedes(start):
            where = (*path, section.end)
            self.report(
                where,
                f"{path_text(where)} {end.isoformat()} is before its {section.start} "
                f"{start.isoformat()}; swap them or correct the end; the end is left out",
            )
            return None
        return end

    def text(self, path: ValuePath, item: dict[str, Any], key: str) -> str:
        """The item's text at ``key``; ``""`` when absent or (with a problem) no text."""
        value = self.value(item, key)
        if value is None:
            return ""
        text = as_text(value)
        if text is None:
            where = (*path, self.key(item, key))
            self.report(
                where, f"{path_text(where)} must be a text, not {kind(value)}; it is left out"
            )
            return ""
        return text

    def texts(
        self, path: ValuePath, item: dict[str, Any], key: str
    ) -> list[tuple[str, int | None]]:
        """The item's list of texts at ``key``, each with its line, without the values
        that are not texts."""
        value = self.value(item, key)
        where = (*path, key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.report(
                where,
                f"{path_text(where)} must be a list of texts, not {kind(value)}; it is left out",
            )
            return []
        found = []
        for index, element in enumerate(value):
            text = as_text(element)
            if text is None:
                self.report(
                    (*where, index),
                    f"{path_text((*where, index))} must be a text, not {kind(element)}; "
                    "it is left out",
                )
            elif text := plain(text):
                found.append((text, self.resume.line((*where, index))))
        return found

    def url(self, path: ValuePath, item: dict[str, Any]) -> str:
        """The item's ``url`` when it is an http or https address, else ``""``."""
        url = self.text(path, item, "url").strip()
        try:
            parts = urlsplit(url)
            web = parts.scheme in ("http", "https") and bool(parts.netloc)
        except ValueError:
            web = False
        if not url or web:
            return url
        where = (*path, self.key(item, "url"))
        self.report(
            where,
            f"{path_text(where)}: {url!r} is not a web address starting with https:// or "
            "http://, so it is not made a link",
        )
        return ""

    def label(
        self, path: ValuePath, item: dict[str, Any], section: Section
    ) -> tuple[list[nodes.Node], str]:
        """The label's nodes (the linked field a reference to the item's url) and text."""
        fields = [(field, plain(self.text(path, item, field))) for field in section.label]
        url = self.url(path, item)
        parts: list[nodes.Node] = []
        texts: list[str] = []
        for field, text in fields:
            if not text:
                continue
            if field == section.linked and url:
                parts.append(nodes.reference(text, text, refuri=url))
                url = ""
            else:
                parts.append(nodes.Text(text))
            texts.append(text)
        if url:  # nothing to link: the address itself
            parts.append(nodes.reference(url, url, refuri=url))
            texts.append(url)
        joined: list[nodes.Node] = []
        for part in parts:
            joined.extend([nodes.Text(", "), part] if joined else [part])
        return joined, ", ".join(texts)

    def body(self, path: ValuePath, item: dict[str, Any], section: Section) -> list[nodes.Node]:
        """The details line, the paragraphs and the bulleted list of an item."""
        body: list[nodes.Node] = []
        details = [self.detail(path, item, field) for field in section.details]
        if shown := " · ".join(detail for detail in details if detail):
            line = self.resume.line((*path, section.details[0]))
            body.append(self.paragraph(shown, line, classes=[f"{CLASS_PREFIX}details"]))
        if section.text:
            line = self.resume.line((*path, section.text))
            for paragraph in _BLANK_LINES.split(self.text(path, item, section.text)):
                if text := plain(paragraph):
                    body.append(self.paragraph(text, line))
        if section.items and (texts := self.texts(path, item, section.items)):
            listed = nodes.bullet_list(bullet="-")
            for text, line in texts:
                listed += nodes.list_item("", self.paragraph(text, line))
            body.append(listed)
        return body

    def detail(self, path: ValuePath, item: dict[str, Any], field: str) -> str:
        """One field of the details line, as text."""
        if field == "roles":
            return ", ".join(text for text, _line in self.texts(path, item, field))
        text = plain(self.text(path, item, field))
        if field == "score" and text:
            return _("Score: {score}").format(score=text)
        return text

    def paragraph(
        self, text: str, line: int | None, classes: list[str] | None = None
    ) -> nodes.paragraph:
        """A paragraph of plain ``text``, translatable, located in the resume."""
        paragraph = nodes.paragraph(text, text, classes=classes or [])
        paragraph.source, paragraph.line = self.source, line
        return paragraph
