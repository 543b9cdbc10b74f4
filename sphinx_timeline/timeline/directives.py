"""The ``timeline`` and ``timeline-entry`` directives.

The directives build a definition list (date as the term, label and body as the
definition), so every builder renders a readable dated list without help. For HTML,
:class:`.transforms.TimelineHtmlTransform` turns it into an ``<ol>`` of ``<li>``
entries with ``<time>`` elements, markers and permalinks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import new_document
from sphinx_design.icons import list_octicons
from sphinx_design.shared import SEMANTIC_COLORS

from ..core.dates import PartialDate
from ..core.directive import BaseDirective, Options, checked, class_names, one_of, text
from ..core.i18n import _
from ..core.nodes import raw_as_text, set_unique_id
from ..core.warnings_ import TimelineWarning, warn
from .events import EventRow, EventsError, load_events
from .nodes import timeline, timeline_entry
from .resume import CLASS_PREFIX, SECTION_NAMES, Problem, Resume, read_resume, section_names
from .settings import DATE_FORMAT, resume_icon, strftime_format

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

ORDERS = ("document", "ascending", "descending")
PRESENT = "present"
RANGE_SEPARATOR = " \u2013 "  # an en dash between two dates
DROPPED_ENTRIES = "stl_dropped_entries"
"""The key, in the environment's data of the page being read, of how many of its
``timeline-entry`` directives were left out (each with a warning saying why)."""
_PLAIN_WORDS = re.compile(r"[^\W_]+(?: [^\W_]+)*")
"""Letters and digits in words one space apart: a label no markup language reads as
markup, which needs no parsing."""


class TimelineEntryDirective(BaseDirective):
    """One dated entry, written directly inside a ``timeline``."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[Options] = Options(
        {
            "end": text,
            "label": text,
            "icon": one_of(list_octicons, what="an octicon name, such as rocket"),
            "color": one_of(SEMANTIC_COLORS),
            "class": class_names,
            "name": text,
        }
    )

    def render(self) -> list[nodes.Node]:
        start, end = self.dates()
        if start is None:  # the warning says why the entry is left out
            self.env.temp_data[DROPPED_ENTRIES] = dropped_entries(self.env) + 1
            return []
        label, messages = self.label()
        body = nodes.Element()
        self.state.nested_parse(self.content, self.content_offset, body)
        entry = make_entry(
            start,
            end,
            label,
            body.children,
            icon=self.options.get("icon"),
            color=self.options.get("color"),
            classes=self.options.get("class", []),
        )
        entry["stl_title"] = label.astext() if label else ""
        self.set_source_info(entry)
        self.add_name(entry)
        return [*messages, entry]

    def label(self) -> tuple[nodes.paragraph | None, list[nodes.system_message]]:
        """The ``:label:`` with its inline markup, and the parser's messages about it."""
        source_text = self.options.get("label", "")
        if not source_text:
            return None, []
        if _PLAIN_WORDS.fullmatch(source_text):
            return label_node([nodes.Text(source_text)], source_text, *self.get_source_info()), []
        parsed, messages = self.state.inline_text(source_text, self.option_line("label"))
        holder = nodes.inline("", "", *parsed)
        raw_as_text(holder)
        return label_node(holder.children, source_text, *self.get_source_info()), messages

    def dates(self) -> tuple[PartialDate | None, PartialDate | str | None]:
        """The start and the end (a date, ``"present"`` or None), warning about bad ones."""
        if not self.arguments:
            example = self.in_syntax(":::{timeline-entry} 2019-04", ".. timeline-entry:: 2019-04")
            self.warn(
                f"timeline-entry has no date; give it one as its argument, for example {example!r}",
                TimelineWarning.DATE,
            )
            return None, None
        return check_dates(self.arguments[0], self.options.get("end", ""), self.warn)


def dropped_entries(env: BuildEnvironment) -> int:
    """How many ``timeline-entry`` directives of the page being read were left out."""
    count: int = env.temp_data.get(DROPPED_ENTRIES) or 0
    return count


Report = Callable[[str, TimelineWarning, str], None]
"""Warns ``(message, subtype, option)``; the option is ``""`` for the argument."""


def check_dates(
    start_text: str, end_text: str, report: Report
) -> tuple[PartialDate | None, PartialDate | str | None]:
    """Parse an entry's start and end; call ``report`` for each mistake.

    A bad start drops the entry (None); a bad end drops only the end.
    """
    try:
        start = PartialDate.parse(start_text)
    except ValueError as error:
        report(f"timeline-entry date {error}", TimelineWarning.DATE, "")
        return None, None
    if not end_text:
        return start, None
    if end_text.lower() == PRESENT:
        return start, PRESENT
    try:
        end = PartialDate.parse(end_text)
    except ValueError as error:
        report(f"timeline-entry :end: {error}, or 'present'", TimelineWarning.DATE, "end")
        return start, None
    if end.precedes(start):
        report(
            f"timeline-entry :end: {end_text} is before its start {start_text}; "
            "swap them or correct the end",
            TimelineWarning.DATE,
            "end",
        )
        return start, None
    return start, end


def make_entry(
    start: PartialDate,
    end: PartialDate | str | None,
    label: nodes.paragraph | None,
    body: list[nodes.Node],
    *,
    icon: str | None = None,
    color: str | None = None,
    classes: list[str] | None = None,
) -> timeline_entry:
    """An entry node; its term is filled with the formatted dates by the timeline."""
    entry = timeline_entry(
        classes=["stl-timeline-entry", *(classes or [])],
        stl_start=start.isoformat(),
        stl_end=end.isoformat() if isinstance(end, PartialDate) else (end or ""),
        stl_icon=icon or "",
        stl_color=color or "",
    )
    # the dates are data, not prose: keep them out of the translation catalogs
    entry += nodes.term("", "", translatable=False)
    definition = nodes.definition()
    if label is not None:
        definition += label
    definition.extend(body)
    entry += definition
    return entry


def label_node(
    label: list[nodes.Node], source_text: str, source: str | None, line: int | None
) -> nodes.paragraph:
    """The paragraph that shows an entry's label in bold.

    The bold text, not the paragraph, is the translatable message, so a translation
    replaces the words and keeps the bold. Bold written inside the label is already bold
    there, so it is unwrapped (the text builder would otherwise nest its ``**``).
    """
    strong = nodes.strong(source_text, "", *label, translatable=True)
    for inner in list(strong.findall(nodes.strong, include_self=False)):
        inner.replace_self(inner.children)
    strong.source, strong.line = source, line
    return nodes.paragraph("", "", strong, classes=["stl-timeline-label"], translatable=False)


Group = tuple[list[nodes.target], "timeline_entry"]
"""An entry and the targets written just before it, which label it."""


class TimelineDirective(BaseDirective):
    """A list of dated entries: ``timeline-entry`` directives and/or an ``:events:`` file."""

    optional_arguments = 1  # none is used: a warning says so
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[Options] = Options(
        {
            "order": one_of(ORDERS),
            "date-format": checked(strftime_format),
            "events": text,
            "sections": checked(section_names, skip_empty=False),
            "class": class_names,
            "name": text,
        }
    )

    def render(self) -> list[nodes.Node]:
        order = self.options.get("order", "document")
        date_format = self.options.get("date-format") or str(DATE_FORMAT.value(self.config))

        if self.arguments:
            self.warn(
                f"timeline takes no argument, so {self.arguments[0]!r} is left out; write a "
                "title as a heading or a paragraph before the timeline",
                TimelineWarning.STRUCTURE,
            )
        holder = nodes.Element()
        dropped = dropped_entries(self.env)
        self.state.nested_parse(self.content, self.content_offset, holder)
        groups, after = self.entry_groups(holder)
        # whether a warning about an entry or the events file says why there is nothing
        explained = dropped_entries(self.env) > dropped
        if "events" in self.options:
            events = self.events_entries(self.options["events"])
            groups += [([], entry) for entry in events or []]
            explained = explained or events is None
        elif "sections" in self.options:
            self.warn(
                "timeline :sections: picks the sections of a JSON Resume :events: file; "
                "add :events: or remove :sections:",
                TimelineWarning.OPTION,
                "sections",
            )
        if not groups and not explained:
            example = self.in_syntax(":::{timeline-entry} DATE", ".. timeline-entry:: DATE")
            self.warn(
                f"timeline has no entries; add {example!r} entries inside it, "
                "or an :events: data file",
                TimelineWarning.STRUCTURE,
            )
            return after

        if order != "document":
            groups.sort(
                key=lambda group: PartialDate.parse(group[1]["stl_start"]).sort_key,
                reverse=order == "descending",
            )

        node = timeline(classes=["stl-timeline", *self.options.get("class", [])])
        self.set_source_info(node)
        self.add_name(node)
        for targets, entry in groups:
            if not entry["ids"]:
                self.set_entry_id(entry)
            fill_dates(entry, date_format, self.config.language)
            node.extend([*targets, entry])
        return [node, *after]

    def entry_groups(self, holder: nodes.Element) -> tuple[list[Group], list[nodes.Node]]:
        """The parsed entries, each with the targets written just before it,
        and the nodes to place after the timeline (messages, and stray content)."""
        groups: list[Group] = []
        pending: list[nodes.target] = []
        after: list[nodes.Node] = []
        stray: nodes.Node | None = None
        for child in holder.children:
            if isinstance(child, timeline_entry):
                groups.append((pending, child))
                pending = []
            elif isinstance(child, nodes.target) and not child.get("refuri"):
                pending.append(child)
            elif isinstance(child, (nodes.system_message, nodes.comment)):
                after.append(child)
            else:
                stray = stray or child
                after.append(child)
        after.extend(pending)
        if stray is not None and not self.fence_never_closed:
            warn(
                "timeline holds content that is not a timeline-entry; it is shown "
                "after the timeline. Move it into an entry or out of the timeline",
                TimelineWarning.STRUCTURE,
                stray if stray.line else self.get_location(),
            )
        return groups, after

    def events_entries(self, path_text: str) -> list[timeline_entry] | None:
        """The entries of an ``:events:`` data file, which becomes a dependency of the page;
        ``None`` when it gives none and a warning has said why."""
        path = self.project_file(path_text, "events file", TimelineWarning.EVENTS, "events")
        if path is None:
            return None
        try:
            rows = load_events(path)
        except EventsError as error:
            warn(str(error), TimelineWarning.EVENTS, self.row_location(path, error.line))
            return None
        if isinstance(rows, Resume):
            return self.resume_entries(path, path_text, rows)
        if "sections" in self.options:
            self.warn(
                f"timeline :sections: picks the sections of a JSON Resume, and the :events: "
                f"file {path_text!r} is not one; remove :sections:",
                TimelineWarning.OPTION,
                "sections",
            )
        if not rows:
            self.warn(
                f"events file {path_text!r} holds no events; add rows to it",
                TimelineWarning.EVENTS,
                "events",
            )
            return None
        entries = []
        for row in rows:
            if isinstance(row, EventsError):
                warn(f"{row}; skipped", TimelineWarning.EVENTS, self.row_location(path, row.line))
            elif (entry := self.row_entry(path, row)) is not None:
                entries.append(entry)
        return entries or None  # each row's warning says why it was left out

    def resume_entries(
        self, path: Path, path_text: str, resume: Resume
    ) -> list[timeline_entry] | None:
        """The entries of the ``:sections:`` of a JSON Resume (all its dated sections by
        default); ``None`` when it gives none and a warning has said why."""
        sections = self.options.get("sections") or SECTION_NAMES
        entries = []
        explained = False
        for found in read_resume(resume, sections, str(path)):
            if isinstance(found, Problem):
                warn(found.message, TimelineWarning.EVENTS, self.row_location(path, found.line))
                explained = True
                continue
            label = None
            if found.label:
                label = label_node(found.label, found.label_text, str(path), found.line)
            entry = make_entry(
                found.start,
                found.end,
                label,
                found.body,
                icon=resume_icon(self.config, found.section),
                classes=[CLASS_PREFIX + found.section],
            )
            entry["stl_title"] = found.label_text
            entry.source, entry.line = str(path), found.line
            entries.append(entry)
        if not entries and not explained:
            self.warn(
                f"JSON Resume {path_text!r} has no items in its {', '.join(sections)} "
                "sections; add items with dates to them, or pick other :sections:",
                TimelineWarning.EVENTS,
                "events",
            )
        return entries or None

    def row_location(self, path: Path, line: int | None) -> str:
        """``path:line`` in a data file, or the ``:events:`` option's line when the line
        in the file is unknown."""
        if line:
            return f"{path}:{line}"
        return f"{self.get_source_info()[0]}:{self.option_line('events')}"

    def row_entry(self, path: Path, row: EventRow) -> timeline_entry | None:
        """The entry for one row of a data file; None when its date cannot be used."""
        prefix = f"row {row.index}: " if row.index else ""
        location = self.row_location(path, row.line)

        def report(message: str, subtype: TimelineWarning, option: str = "") -> None:
            warn(prefix + message, subtype, location)

        if row.unknown_fields:
            report(
                f"unknown field(s) {', '.join(row.unknown_fields)}; "
                "the fields are date, end, label and body",
                TimelineWarning.EVENTS,
            )
        if not row.date:
            report("the row has no date; give each row a 'date' field", TimelineWarning.EVENTS)
            return None
        start, end = check_dates(row.date, row.end, report)
        if start is None:
            return None
        label = None
        if row.label:
            label = label_node([nodes.Text(row.label)], row.label, str(path), row.line)
        entry = make_entry(start, end, label, self.parse_markdown(row.body, path))
        entry["stl_title"] = row.label
        entry.source, entry.line = str(path), row.line
        return entry

    def parse_markdown(self, markdown: str, path: Path) -> list[nodes.Node]:
        """An events body, parsed as MyST Markdown whatever the page's own syntax."""
        if not markdown:
            return []
        from myst_parser.mocking import MockState
        from myst_parser.parsers.sphinx_ import MystParser

        if isinstance(self.state, MockState):
            holder = nodes.Element()
            self.state.nested_parse(StringList(markdown.splitlines(), str(path)), 0, holder)
            return holder.children
        document = new_document(str(path), self.state.document.settings)
        MystParser().parse(markdown, document)
        return document.children

    def set_entry_id(self, entry: timeline_entry) -> None:
        """Give an entry without a ``:name:`` a stable id: ``timeline-<date>-<label>``."""
        base = nodes.make_id(f"timeline {entry['stl_start']} {entry['stl_title']}")
        set_unique_id(self.state.document, entry, base)


def fill_dates(entry: timeline_entry, date_format: str, language: str | None) -> None:
    """Write the entry's dates, formatted for ``language``, into its term."""
    term = entry.term
    start = PartialDate.parse(entry["stl_start"])
    term += _date_node(start.format(date_format, language), start.isoformat())
    if entry["stl_end"] == PRESENT:
        term += nodes.Text(RANGE_SEPARATOR)
        term += _date_node(_("present"), "")
    elif entry["stl_end"]:
        end = PartialDate.parse(entry["stl_end"])
        term += nodes.Text(RANGE_SEPARATOR)
        term += _date_node(end.format(date_format, language), end.isoformat())
    if not entry["stl_title"]:
        entry["stl_title"] = term.astext()


def _date_node(shown: str, iso: str) -> nodes.inline:
    return nodes.inline(shown, shown, classes=["stl-timeline-date"], stl_datetime=iso)
