"""The bad-input corpus: every mistake a writer can make gives one located warning, and
the site still builds.

The corpus covers every directive (``timeline``, ``timeline-entry``, ``tweet``,
``image-float``, ``note-list``, ``excerpt``) and each of their options, the ``:events:``
files (YAML, JSON, CSV) and JSON Resumes, the ``tweet`` cache, and every front matter
field of a note: wrong types, empty and huge values, unusual Unicode (bidi overrides,
zero-width joiners, combining marks, emoji, other scripts' digits), control characters
and bytes that are not UTF-8, and misplaced directives. Each case is one page, in MyST
and, where the syntax allows the same mistake, in reStructuredText (the warning on the
same line in both), with its data files. One build of them all serves every case, which
must give exactly one warning naming its page (or its data file), of the expected type,
at the expected line, and an HTML page. The text, LaTeX and man builders give the same
warnings.

A few cases expect a warning of docutils or MyST-Parser: where the parser itself refuses
the text (a front matter MyST cannot load, a reStructuredText inline markup left open, a
name given twice), its warning is the one a writer gets, and the extension adds none.
"""

from __future__ import annotations

import dataclasses as dc
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import ROOTS, build_once, warnings_of

HUGE = 100_000
"""The length of a huge value."""
HUGE_TEXT = "word " * (HUGE // 5)
"""A huge text that reaches the output: words, as Sphinx's text writer wraps a single
word of that length only in minutes."""
BIDI = "\u202e"  # RIGHT-TO-LEFT OVERRIDE
ZWJ = "\u200d"  # ZERO WIDTH JOINER
COMBINING = "\u0301"  # COMBINING ACUTE ACCENT
EMOJI = "\U0001f680"  # ROCKET
UNUSUAL = f"<script>{BIDI}{ZWJ}e{COMBINING}{EMOJI}"
"""Unusual but valid text, fine wherever any text goes."""
POST_ID = "1416186020509360129"


@dc.dataclass(frozen=True)
class D:
    """A directive, written alike in MyST and reStructuredText, so that each of its lines
    has the same number in both: a MyST closing fence stands where reStructuredText has
    a blank line."""

    name: str
    argument: str = ""
    options: dict[str, str] = dc.field(default_factory=dict)
    body: tuple[str | D, ...] = ()

    def height(self) -> int:
        """How many directives deep its body nests."""
        return max((child.height() + 1 for child in self.body if isinstance(child, D)), default=0)

    def with_data(self, stem: str) -> D:
        """The directive with ``{data}`` made ``stem`` in its options and its body's."""
        options = {key: value.replace("{data}", stem) for key, value in self.options.items()}
        body = tuple(
            child.with_data(stem) if isinstance(child, D) else child for child in self.body
        )
        return dc.replace(self, options=options, body=body)

    def myst(self) -> list[str]:
        fence = ":" * (3 + self.height())
        lines = [f"{fence}{{{self.name}}} {self.argument}".rstrip()]
        lines += [f":{name}: {value}".rstrip() for name, value in self.options.items()]
        lines += [""] if self.body else []
        for child in self.body:
            lines += child.myst() if isinstance(child, D) else [child, ""]
        return [*lines, fence]

    def rst(self) -> list[str]:
        lines = [f".. {self.name}:: {self.argument}".rstrip()]
        lines += [f"   :{name}: {value}".rstrip() for name, value in self.options.items()]
        lines += [""] if self.body else []
        for child in self.body:
            inner = [*child.rst(), ""] if isinstance(child, D) else [child, ""]
            lines += [f"   {line}" if line else "" for line in inner]
        return lines


@dc.dataclass(frozen=True)
class Case:
    """One mistake: a page, its data files, and the one warning it gives."""

    name: str
    syntax: str
    """``md`` or ``rst``."""
    text: str
    warning: str
    """The warning's type as Sphinx shows it: ``timeline.option``."""
    line: int
    says: str
    """Words of the warning's message."""
    data: dict[str, str | bytes] = dc.field(default_factory=dict)
    """The case's data files, by suffix: ``{".yaml": "..."}``."""
    in_data: bool = False
    """Whether the warning names the data file rather than the page."""

    @property
    def source(self) -> str:
        return f"{self.syntax}/{self.name}.{self.syntax}"

    @property
    def stem(self) -> str:
        """The path of the case's data files, less their suffix."""
        return f"data/{self.syntax}/{self.name}"

    @property
    def files(self) -> set[str]:
        """The page and the data files: the files its warning may name."""
        return {self.source} | {self.stem + suffix for suffix in self.data}

    @property
    def named(self) -> str:
        """The file the warning names."""
        return self.stem + next(iter(self.data)) if self.in_data else self.source


def both(
    name: str,
    directive: D,
    warning: str,
    line: int,
    says: str,
    data: dict[str, str | bytes] | None = None,
    *,
    in_data: bool = False,
    syntaxes: tuple[str, ...] = ("md", "rst"),
) -> Iterator[Case]:
    """The case in each syntax: a page with ``directive`` at line 4, under a heading on
    lines 1-2. ``{data}`` in an option value is the path of the case's data files, less
    their suffix."""
    for syntax in syntaxes:
        written = directive.with_data(f"/data/{syntax}/{name}")
        lines = written.myst() if syntax == "md" else written.rst()
        text = "\n".join([name, "=" * len(name), "", *lines, "", "The text after.", ""])
        yield Case(name, syntax, text, f"timeline.{warning}", line, says, data or {}, in_data)


def by_docutils(cases: Iterator[Case]) -> Iterator[Case]:
    """The ``cases``, whose warning is docutils' own."""
    for case in cases:
        yield dc.replace(case, warning="docutils")


# --- timeline and timeline-entry ------------------------------------------------------

GOOD_ENTRY = D("timeline-entry", "2020", {"label": "Still here"}, ("The good entry.",))


def timeline(options: dict[str, str] | None = None, *entries: str | D) -> D:
    """A timeline of ``entries``, and a good one after them."""
    return D("timeline", "", options or {}, (*entries, GOOD_ENTRY))


def entry(argument: str = "2019", options: dict[str, str] | None = None) -> D:
    return D("timeline-entry", argument, options or {}, ("The entry.",))


def timeline_cases() -> Iterator[Case]:
    def option(name: str, options: dict[str, str], says: str, line: int = 5) -> Iterator[Case]:
        """A timeline's option, on line 5 and on."""
        return both(name, timeline(options), "option", line, says)

    def entry_date(name: str, argument: str, says: str) -> Iterator[Case]:
        """The date of the timeline's first entry, on line 6."""
        return both(name, timeline({}, entry(argument)), "date", 6, says)

    def entry_option(name: str, options: dict[str, str], warning: str, says: str) -> Iterator[Case]:
        """An option of the timeline's first entry, on line 7."""
        return both(name, timeline({}, entry("2019", options)), warning, 7, says)

    def inside(name: str, child: str | D) -> Iterator[Case]:
        """Something other than an entry in a timeline, on line 6."""
        return both(name, timeline({}, child), "structure", 6, "not a timeline-entry")

    yield from option("timeline-unknown-option", {"sort": "ascending"}, "unknown option :sort:")
    yield from option(
        "timeline-unknown-option-unicode", {"ördnung": "x"}, "unknown option :ördnung:"
    )
    yield from option("timeline-order-unknown", {"order": "newest"}, "'newest' is not allowed")
    yield from option("timeline-order-empty", {"order": ""}, "'' is not allowed")
    yield from option("timeline-order-huge", {"order": "d" * HUGE}, "is not allowed")
    yield from option("timeline-order-bidi", {"order": BIDI + "ascending"}, "mean 'ascending'?")
    yield from option(
        "timeline-order-zero-width-joiner", {"order": f"as{ZWJ}cending"}, "mean 'ascending'?"
    )
    yield from option(
        "timeline-order-combining-mark", {"order": "ascending" + COMBINING}, "mean 'ascending'?"
    )
    yield from option(
        "timeline-order-control-character", {"order": "as\x01cending"}, "'as\\x01cending' is not"
    )
    yield from option(
        "timeline-date-format-no-code", {"date-format": "yyyy"}, "must contain strftime codes"
    )
    yield from option(
        "timeline-date-format-emoji", {"date-format": EMOJI}, "must contain strftime codes"
    )
    yield from option("timeline-sections-empty", {"sections": ""}, "names no section")
    yield from option(
        "timeline-sections-without-events", {"sections": "work"}, "add :events: or remove"
    )
    unusual = {"class": UNUSUAL, "name": f"{UNUSUAL} {{data}}", "order": "sideways"}
    yield from option("timeline-class-and-name-unusual", unusual, "'sideways' is not allowed", 7)
    resume = {".json": '{"work": [{"name": "A", "startDate": "2019"}]}'}
    sections = timeline({"events": "{data}.json", "sections": "wrk"})
    yield from both(
        "timeline-sections-unknown", sections, "option", 6, "(did you mean 'work'?)", resume
    )
    not_resume = timeline({"events": "{data}.yaml", "sections": "work"})
    yield from both(
        "timeline-sections-not-a-resume",
        not_resume,
        "option",
        6,
        "is not one",
        {".yaml": "- date: 2019\n"},
    )
    argument = D("timeline", "My career", {}, (GOOD_ENTRY,))
    yield from both("timeline-argument", argument, "structure", 4, "timeline takes no argument")
    yield from both("timeline-empty", D("timeline"), "structure", 4, "timeline has no entries")
    dropped = D("timeline", "", {}, (entry("someday"),))  # no second warning that it is empty
    yield from both("timeline-only-entry-dropped", dropped, "date", 6, "'someday' is not a date")
    yield from inside("timeline-paragraph-inside", "A paragraph.")
    yield from inside("timeline-note-list-inside", D("note-list"))
    yield from inside("timeline-excerpt-inside", D("excerpt", "", {}, ("Summary.",)))
    yield from inside("timeline-tweet-inside", D("tweet", POST_ID, {}, ("The post.",)))
    yield from inside(
        "timeline-image-float-inside", D("image-float", "/img/photo.png", {}, ("Caption.",))
    )
    unclosed = "Unclosed\n========\n\n::::{timeline}\n\n:::{timeline-entry} 2019\nText.\n:::\n"
    yield Case(
        "timeline-fence-unclosed", "md", unclosed, "timeline.myst", 4, "fence is never closed"
    )

    yield from entry_date("entry-date-not-iso", "2019-4", "'2019-4' is not a date")
    yield from entry_date("entry-date-impossible", "2019-02-30", "is not a real date")
    yield from entry_date("entry-date-year-zero", "0000", "year 0 is out of range")
    yield from entry_date("entry-date-missing", "", "timeline-entry has no date")
    yield from entry_date("entry-date-huge", "2" * HUGE, "is not a date")
    yield from entry_date("entry-date-bidi", BIDI + "2019", "'\\u202e2019' is not a date")
    yield from entry_date("entry-date-emoji", EMOJI, "is not a date")
    yield from entry_date("entry-date-two-words", "2019 2020", "'2019 2020' is not a date")
    yield from entry_option(
        "entry-unknown-option", {"lable": "Typo"}, "option", "did you mean :label:?"
    )
    yield from entry_option("entry-end-not-a-date", {"end": "today"}, "date", "or 'present'")
    yield from entry_option(
        "entry-end-before-start", {"end": "2018"}, "date", "is before its start"
    )
    yield from entry_option(
        "entry-end-control-character", {"end": "2020\x01"}, "date", "'2020\\x01' is not"
    )
    yield from entry_option(
        "entry-icon-unknown", {"icon": "rockt"}, "option", "did you mean 'rocket'?"
    )
    yield from entry_option("entry-icon-empty", {"icon": ""}, "option", "'' is not allowed")
    yield from entry_option("entry-icon-emoji", {"icon": EMOJI}, "option", "use an octicon name")
    yield from entry_option(
        "entry-color-unknown", {"color": "ultraviolet"}, "option", "is not allowed"
    )
    yield from entry_option("entry-color-empty", {"color": ""}, "option", "'' is not allowed")
    huge = timeline({}, entry("2019", {"label": HUGE_TEXT, "end": "2018"}))
    yield from both("entry-label-huge", huge, "date", 8, "is before its start")
    unusual = {"label": UNUSUAL, "name": "{data}", "class": UNUSUAL, "color": "x"}
    yield from both(
        "entry-label-unusual", timeline({}, entry("2019", unusual)), "option", 10, "'x'"
    )
    yield from both("entry-outside-timeline", entry(), "structure", 4, "is outside a timeline")
    nested = timeline({}, D("timeline-entry", "2019", {}, (entry("2018"),)))
    yield from both("entry-inside-entry", nested, "structure", 8, "is outside a timeline")
    # docutils owns the names of targets, and reStructuredText's inline markup
    twice = timeline({}, entry("2019", {"name": "twice"}), entry("2018", {"name": "twice"}))
    yield from by_docutils(both("entry-name-twice", twice, "", 12, "Duplicate explicit target"))
    markup = timeline({}, entry("2019", {"label": "*unclosed"}))
    rst = both("entry-label-markup", markup, "", 7, "without end-string", syntaxes=("rst",))
    yield from by_docutils(rst)


# --- :events: files and JSON Resumes --------------------------------------------------


def events_cases() -> Iterator[Case]:
    def in_file(
        name: str, suffix: str, content: str | bytes, warning: str, line: int, says: str
    ) -> Iterator[Case]:
        """A mistake in the events file, at its ``line`` there."""
        directive = timeline({"events": "{data}" + suffix})
        data = {suffix: content}
        return both(f"events-{name}", directive, warning, line, says, data, in_data=True)

    def at_option(
        name: str, suffix: str, content: str | bytes, warning: str, says: str
    ) -> Iterator[Case]:
        """A mistake in the events file, reported at the :events: option (line 5): the
        file has no lines (a JSON row), or cannot be read."""
        directive = timeline({"events": "{data}" + suffix})
        return both(f"events-{name}", directive, warning, 5, says, {suffix: content})

    def option(name: str, value: str, says: str) -> Iterator[Case]:
        return both(name, timeline({"events": value}), "events", 5, says)

    yield from option("events-empty-option", "", "no events file given")
    yield from option("events-missing-file", "/data/none.yaml", "not found")
    yield from option("events-folder", "/data", "not found")
    yield from option("events-path-bidi", f"/data/{BIDI}none.yaml", "not found")
    yield from at_option("unknown-format", ".txt", "date\n2019\n", "events", "unknown format")

    yield from in_file(
        "yaml-invalid", ".yaml", "- date: 2019\n- date: [2020\n", "events", 3, "invalid YAML"
    )
    yield from in_file(
        "yaml-control-character",
        ".yaml",
        "- label: a\x01b\n",
        "events",
        1,
        "'\\x01' is not allowed",
    )
    yield from in_file(
        "yaml-python-tag",
        ".yaml",
        "- date: !!python/object:os.system x\n",
        "events",
        1,
        "invalid YAML",
    )
    yield from in_file(
        "yaml-row-not-a-mapping", ".yaml", "- date: 2019\n- 2020\n", "events", 2, "is not a mapping"
    )
    yield from in_file(
        "yaml-row-without-date",
        ".yaml",
        "- date: 2019\n- label: When?\n",
        "events",
        2,
        "has no date",
    )
    yield from in_file(
        "yaml-date-impossible", ".yaml", "- date: 2019-02-30\n", "date", 1, "is not a real date"
    )
    yield from in_file(
        "yaml-date-boolean", ".yaml", "- date: true\n", "date", 1, "'True' is not a date"
    )
    yield from in_file(
        "yaml-date-number", ".yaml", "- date: 2019.5\n", "date", 1, "'2019.5' is not a date"
    )
    yield from in_file(
        "yaml-end-before-start", ".yaml", "- date: 2019\n  end: 2018\n", "date", 1, "is before"
    )
    yield from in_file(
        "yaml-unknown-field", ".yaml", "- date: 2019\n  title: T\n", "events", 1, "field(s) title"
    )
    yield from in_file(
        "yaml-label-mapping",
        ".yaml",
        "- date: 2019\n  label: {a: 1}\n",
        "events",
        1,
        "not a mapping",
    )
    yield from in_file(
        "yaml-body-list", ".yaml", "- date: 2019\n  body: [a, b]\n", "events", 1, "not a list"
    )
    huge = f"- date: 2019\n  label: {UNUSUAL}\n  body: {HUGE_TEXT}\n- date: someday\n"
    yield from in_file("yaml-huge-body", ".yaml", huge, "date", 4, "'someday' is not a date")
    yield from at_option(
        "yaml-not-utf8", ".yaml", b"- date: 2019\n  label: caf\xe9\n", "events", "cannot be read"
    )
    yield from at_option(
        "yaml-number-too-long", ".yaml", f"- date: {'9' * 5000}\n", "events", "too many digits"
    )
    yield from at_option("yaml-empty-file", ".yaml", "", "events", "must hold a list of events")
    yield from at_option(
        "yaml-text", ".yaml", "some words\n", "events", "must hold a list of events"
    )
    yield from at_option("yaml-empty-list", ".yaml", "[]\n", "events", "holds no events")
    yield from at_option(
        "yaml-events-not-a-list", ".yaml", "events: 5\n", "events", "must hold a list"
    )
    # a label of aliases that stand for 10 ** 7 texts (in an events mapping: no lines)
    laughs = "texts:\n  - &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    laughs += "".join(f"  - &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]\n" for n in range(1, 7))
    laughs += "events:\n  - date: 2019\n    label: *a6\n"
    yield from at_option(
        "yaml-aliases", ".yaml", laughs, "events", "label must be a text, not a list"
    )

    yield from in_file(
        "json-invalid", ".json", '[\n  {"date": 2019,}\n]\n', "events", 2, "invalid JSON"
    )
    yield from in_file("json-empty-file", ".json", "", "events", 1, "invalid JSON: Expecting value")
    deep = "[" * HUGE + "]" * HUGE
    yield from at_option("json-nested-too-deeply", ".json", deep, "events", "nested too deeply")
    yield from at_option(
        "json-number-too-long", ".json", f'[{{"date": {"9" * 5000}}}]', "events", "too many digits"
    )
    yield from at_option(
        "json-not-utf8", ".json", b'[{"date": "2019", "label": "\xff"}]', "events", "cannot be read"
    )
    yield from at_option(
        "json-mapping", ".json", '{"when": 2019}', "events", "must hold a list of events"
    )
    yield from at_option(
        "json-row-not-a-mapping",
        ".json",
        '[{"date": 2019}, 2020]',
        "events",
        "row 2 is not a mapping",
    )
    yield from at_option(
        "json-date-null", ".json", '[{"date": null}]', "events", "row 1: the row has no date"
    )
    yield from at_option("json-date-nan", ".json", '[{"date": NaN}]', "date", "'nan' is not a date")
    yield from at_option(
        "json-label-list", ".json", '[{"date": "2019", "label": ["a"]}]', "events", "not a list"
    )
    controls = json.dumps(
        [{"date": "2019", "label": "a\u0000b\u0007c\u001b" + UNUSUAL}, {"date": "soon"}]
    )
    yield from at_option(
        "json-control-characters", ".json", controls, "date", "row 2: timeline-entry date 'soon'"
    )

    yield from in_file(
        "csv-no-date-column", ".csv", "when,label\n2019,A\n", "events", 1, "with a 'date' column"
    )
    yield from in_file(
        "csv-empty-file", ".csv", "", "events", 1, "a header row with a 'date' column"
    )
    yield from in_file(
        "csv-more-values", ".csv", "date,label\n2019,A,B\n", "events", 2, "more values than"
    )
    yield from in_file(
        "csv-date-bad", ".csv", "date,label\n2019,A\n2019-13,B\n", "date", 3, "is not a real date"
    )
    nul = "date,label\n2019,a\x00b\x01c\n2019-4,B\n"
    yield from in_file("csv-control-characters", ".csv", nul, "date", 3, "'2019-4' is not a date")
    separators = "date,label\n2019,a\u2028b\u0085c\x1cd\n2019-4,B\n"  # no line breaks in CSV
    yield from in_file(
        "csv-line-separators", ".csv", separators, "date", 3, "'2019-4' is not a date"
    )
    quoted = 'date,label\n2019,"two\nlines"\n2019-4,B\n'
    yield from in_file("csv-quoted-line-break", ".csv", quoted, "date", 4, "'2019-4' is not a date")
    many = "date,label\n" + "".join(f"{1000 + n},Entry {n}\n" for n in range(300)) + "later,X\n"
    yield from in_file("csv-many-rows", ".csv", many, "date", 302, "'later' is not a date")
    yield from at_option(
        "csv-not-utf8", ".csv", b"date,label\n2019,caf\xe9\n", "events", "cannot be read"
    )


def resume_cases() -> Iterator[Case]:
    def resume(name: str, data: object, line: int, says: str) -> Iterator[Case]:
        """A mistake at ``line`` of a JSON Resume (indented JSON)."""
        directive = timeline({"events": "{data}.json"})
        text = json.dumps(data, indent=2)
        return both(name, directive, "events", line, says, {".json": text}, in_data=True)

    def work(**fields: object) -> dict[str, object]:
        """A resume of one job, started in 2019: its fields are on lines 4 and on."""
        return {"work": [{"name": "Company", "startDate": "2019", **fields}]}

    yield from resume(
        "resume-section-not-a-list", {"work": {"name": "A"}}, 2, "must be a list of items"
    )
    yield from resume(
        "resume-item-not-a-mapping", {"work": [5]}, 3, "work[0] must be a mapping of fields"
    )
    yield from resume(
        "resume-start-missing", {"work": [{"name": "A"}]}, 3, "work[0] has no startDate"
    )
    yield from resume(
        "resume-start-boolean", work(startDate=True), 5, "must be a date, not a boolean"
    )
    awards = {"awards": [{"title": "Prize", "date": 2019.5}]}
    yield from resume("resume-start-number", awards, 5, "'2019.5' is not a date")
    yield from resume("resume-end-before-start", work(endDate="2018"), 6, "is before its startDate")
    yield from resume(
        "resume-end-not-a-date", work(endDate="sometime"), 6, "'sometime' is not a date"
    )
    yield from resume(
        "resume-url-javascript", work(url="javascript:alert(1)"), 6, "is not a web address"
    )
    yield from resume("resume-url-invalid", work(url="https://[x"), 6, "is not a web address")
    yield from resume(
        "resume-highlights-text", work(highlights="one"), 6, "must be a list of texts"
    )
    yield from resume("resume-highlight-mapping", work(highlights=[{"a": 1}]), 7, "not a mapping")
    yield from resume(
        "resume-highlight-null", work(highlights=[None]), 7, "must be a text, not null"
    )
    yield from resume(
        "resume-summary-list", work(summary=["x"]), 6, "summary must be a text, not a list"
    )
    name = {"work": [{"name": ["A"], "startDate": "2019"}]}
    yield from resume("resume-name-list", name, 4, "name must be a text, not a list")
    roles = {"projects": [{"name": "P", "startDate": "2019", "roles": "lead"}]}
    yield from resume("resume-roles-text", roles, 6, "roles must be a list of texts")
    score = {"education": [{"institution": "U", "startDate": "2019", "score": {"a": 1}}]}
    yield from resume("resume-score-mapping", score, 6, "score must be a text, not a mapping")
    huge = work(summary=HUGE_TEXT + "\u0000\u0007" + UNUSUAL, highlights=[UNUSUAL], endDate="2018")
    yield from resume("resume-huge-summary", huge, 10, "is before its startDate")

    def at_option(
        name: str, data: dict[str, str | bytes], says: str, sections: str = ""
    ) -> Iterator[Case]:
        """A resume with nothing to show, or that cannot be read: at :events:, line 5."""
        options = {
            "events": "{data}" + next(iter(data)),
            **({"sections": sections} if sections else {}),
        }
        return both(name, timeline(options), "events", 5, says, data)

    yield from at_option(
        "resume-no-dated-items", {".json": '{"basics": {"name": "Ann"}}'}, "has no items"
    )
    schema = {".json": '{"$schema": "https://jsonresume.org/schema"}'}
    yield from at_option("resume-schema-only", schema, "has no items in its work, volunteer")
    picked = {".json": json.dumps(work())}
    yield from at_option(
        "resume-section-not-picked", picked, "no items in its awards sections", "awards"
    )
    yield from at_option(
        "resume-not-utf8", {".json": b'{"work": [{"name": "\xff"}]}'}, "cannot be read"
    )
    nan = '{"work": [{"name": "A", "startDate": "2019", "endDate": NaN}]}'
    yield from both(
        "resume-end-nan",
        timeline({"events": "{data}.json"}),
        "events",
        1,
        "'nan' is not",
        {".json": nan},
        in_data=True,
    )
    impossible = "work:\n  - name: Company\n    startDate: 2019-02-30\n"
    yaml_resume = timeline({"events": "{data}.yaml"})
    yield from both(
        "resume-yaml-impossible",
        yaml_resume,
        "events",
        3,
        "not a real date",
        {".yaml": impossible},
        in_data=True,
    )


# --- tweet ----------------------------------------------------------------------------

CACHE_FILES: dict[str, str | bytes] = {}
"""The tweet cache, ``_tweets/<id>.json``: a post of its own for each case that reads it."""


def post(argument: str = POST_ID, options: dict[str, str] | None = None) -> D:
    """A tweet with text of its own, which reads no cache."""
    return D("tweet", argument, options or {}, ("The post.",))


def tweet_cases() -> Iterator[Case]:
    def argument(name: str, value: str, says: str) -> Iterator[Case]:
        return both(name, post(value), "tweet", 4, says)

    def option(
        name: str, options: dict[str, str], says: str, warning: str = "option"
    ) -> Iterator[Case]:
        return both(name, post(options=options), warning, 5, says)

    def cache(name: str, post_id: str, content: str | bytes, says: str) -> Iterator[Case]:
        """A tweet without text, whose cache file holds ``content``."""
        CACHE_FILES[f"_tweets/{post_id}.json"] = content
        return both(name, D("tweet", post_id), "tweet", 4, says)

    yield from argument("tweet-no-post", "", "tweet has no post")
    yield from argument("tweet-id-not-numeric", "12ab", "'12ab' is not a post's id or URL")
    yield from argument("tweet-id-too-long", "9" * 21, "is too long for a post id")
    yield from argument("tweet-id-huge", "9" * HUGE, "is too long for a post id")
    yield from argument("tweet-id-other-digits", "\u0661\u0662\u0663", "is not a post's id or URL")
    yield from argument(
        "tweet-url-other-host", "https://evil.example/a/status/1", "is not on twitter.com"
    )
    yield from argument(
        "tweet-url-port-out-of-range", "https://x.com:99999/a/status/1", "is not on twitter.com"
    )
    yield from argument(
        "tweet-url-user-name", "https://me@x.com/a/status/1", "is not on twitter.com"
    )
    yield from argument(
        "tweet-url-invalid", "https://[x.com/a/status/1", "is not a post's id or URL"
    )
    yield from argument(
        "tweet-url-zero-width-joiner", f"https://x.com/a/status/1{ZWJ}", "is not the URL of a post"
    )
    yield from argument(
        "tweet-url-javascript", "javascript:alert(1)//x.com/a/status/1", "is not a post's id"
    )

    yield from option("tweet-unknown-option", {"usr": "someone"}, "did you mean :user:?")
    yield from option("tweet-user-not-a-handle", {"user": "some one"}, "is not a handle")
    yield from option("tweet-user-huge", {"user": "u" * HUGE}, "is not a handle")
    yield from option(
        "tweet-date-not-iso", {"date": "17.07.2021"}, "'17.07.2021' is not a date", "date"
    )
    yield from option("tweet-date-impossible", {"date": "2021-02-30"}, "is not a real date", "date")
    yield from option("tweet-lang-not-a-tag", {"lang": "12"}, "is not a language tag")
    yield from option("tweet-lang-bidi", {"lang": BIDI + "en"}, "is not a language tag")
    yield from option("tweet-align-empty", {"align": ""}, "'' is not allowed")
    unusual = {"author": UNUSUAL + HUGE_TEXT, "class": UNUSUAL, "name": "{data}", "theme": "neon"}
    yield from both("tweet-theme-unknown", post(options=unusual), "option", 8, "'neon' is not")

    yield from cache(
        "tweet-cache-not-utf8", "9001", b'{"id": "9001", "text": "\xff"}', "cannot be read"
    )
    yield from cache("tweet-cache-invalid", "9002", '{"id": "9002",}', "is not valid JSON")
    yield from cache("tweet-cache-empty", "9003", "", "is not valid JSON")
    yield from cache("tweet-cache-nested-too-deeply", "9004", "[" * HUGE, "nested too deeply")
    yield from cache(
        "tweet-cache-number-too-long", "9005", f'{{"id": {"9" * 5000}}}', "too many digits"
    )
    yield from cache("tweet-cache-list", "9006", "[1]", "must hold a JSON object")
    yield from cache(
        "tweet-cache-unknown-field", "9007", '{"id": "9007", "likes": "5"}', "field(s) likes"
    )
    yield from cache(
        "tweet-cache-text-number", "9008", '{"id": "9008", "text": 5}', "text must be text"
    )
    yield from cache("tweet-cache-other-id", "9009", '{"id": "1"}', "is not for post 9009")
    yield from cache(
        "tweet-cache-handle", "9010", '{"id": "9010", "handle": "no one"}', "is not a handle"
    )
    yield from cache(
        "tweet-cache-date", "9011", '{"id": "9011", "date": "2021-13-01"}', "not a real date"
    )
    yield from cache(
        "tweet-cache-lang", "9012", '{"id": "9012", "lang": "\\u202een"}', "not a language tag"
    )
    script = '{"id": "9013", "url": "javascript:alert(1)"}'
    yield from cache("tweet-cache-url-javascript", "9013", script, "is not a post's id or URL")
    other = json.dumps(
        {"id": "9014", "text": HUGE_TEXT + UNUSUAL, "url": "https://x.com/a/status/1"}
    )
    yield from cache("tweet-cache-url-other-post", "9014", other, "is the URL of another post")


# --- image-float ----------------------------------------------------------------------

IMAGE_FILES: dict[str, str | bytes] = {
    **{
        f"img/{image.name}": image.read_bytes()
        for image in (ROOTS / "test-float" / "img").iterdir()
    },
    "img/text.png": "not a PNG",
    "img/empty.png": b"",
    "img/truncated.png": b"\x89PNG\r\n\x1a\n\x00\x00",
    "img/no-drawing.svg": "<html>not a drawing</html>",
}


def figure(argument: str = "/img/photo.png", options: dict[str, str] | None = None) -> D:
    return D("image-float", argument, options or {}, ("Caption.",))


def float_cases() -> Iterator[Case]:
    def image(name: str, argument: str, says: str) -> Iterator[Case]:
        return both(name, figure(argument), "float", 4, says)

    def option(
        name: str, options: dict[str, str], says: str, warning: str = "option"
    ) -> Iterator[Case]:
        return both(name, figure(options=options), warning, 5, says)

    yield from both(
        "float-no-image", D("image-float", "", {}, ("Caption.",)), "float", 4, "has no image"
    )
    yield from image("float-missing", "/img/missing.png", "not found")
    yield from image("float-folder", "/img", "not found")
    yield from image("float-path-bidi", f"/img/{BIDI}gnp.photo", "not found")
    yield from image("float-url", "https://example.org/a.png", "is a URL")
    yield from image("float-data-uri", "data:image/png;base64,AAAA", "is a URL")
    yield from image("float-not-an-image", "/img/text.png", "cannot be read as an image")
    yield from image("float-empty-file", "/img/empty.png", "cannot be read as an image")
    yield from image("float-truncated-png", "/img/truncated.png", "cannot be read as an image")
    yield from image(
        "float-svg-without-drawing", "/img/no-drawing.svg", "cannot be read as an image"
    )

    yield from option("float-unknown-option", {"caption": "x"}, "unknown option :caption:")
    yield from option("float-align-unknown", {"align": "middle"}, "'middle' is not allowed")
    yield from option("float-align-empty", {"align": ""}, "'' is not allowed")
    yield from option("float-width-zero", {"width": "0"}, "is not more than 0")
    yield from option("float-width-over-100", {"width": "101%"}, "is over 100%")
    yield from option("float-width-negative", {"width": "-5px"}, "is not a length")
    yield from option("float-width-huge", {"width": "9" * HUGE + "em!"}, "is not a length")
    yield from option("float-width-other-digits", {"width": "\u0664\u0660%"}, "is not a length")
    yield from option("float-lightbox-unknown", {"lightbox": "maybe"}, "is neither true nor false")
    yield from option("float-lightbox-empty", {"lightbox": ""}, "is neither true nor false")
    link = {"target": "https://example.org", "lightbox": "true"}
    yield from both(
        "float-lightbox-and-target", figure(options=link), "option", 6, "true is ignored"
    )
    yield from option(
        "float-target-javascript", {"target": "JaVaScRiPt:alert(1)"}, "javascript: link", "float"
    )
    yield from option(
        "float-target-control-prefix", {"target": "\x01javascript:x"}, "javascript: link", "float"
    )
    yield from option(
        "float-target-vbscript", {"target": "vbscript:x"}, "is a vbscript: link", "float"
    )
    yield from option(
        "float-target-data", {"target": "data:text/html,<script>"}, "is a data: link", "float"
    )
    yield from option("float-dark-missing", {"dark": "/img/night.png"}, "not found", "float")
    yield from option("float-dark-url", {"dark": "https://example.org/a.png"}, "is a URL", "float")
    yield from option(
        "float-dark-empty", {"dark": ""}, "no image-float :dark: image given", "float"
    )
    unusual = {"alt": UNUSUAL + HUGE_TEXT, "class": UNUSUAL, "name": "{data}", "align": "centre"}
    yield from both(
        "float-alt-huge", figure(options=unusual), "option", 8, "'centre' is not allowed"
    )


# --- note-list and excerpt ------------------------------------------------------------


def listing_cases() -> Iterator[Case]:
    def option(name: str, options: dict[str, str], says: str, line: int = 5) -> Iterator[Case]:
        return both(name, D("note-list", "", options), "option", line, says)

    def content(name: str, directive: D) -> Iterator[Case]:
        return both(name, directive, "listing", 4, "note-list takes no content")

    yield from option("note-list-unknown-option", {"sort": "date"}, "unknown option :sort:")
    yield from option("note-list-limit-zero", {"limit": "0"}, "is not a whole number of at least 1")
    yield from option(
        "note-list-limit-negative", {"limit": "-1"}, "is not a whole number of at least 1"
    )
    yield from option("note-list-limit-empty", {"limit": ""}, "is not a whole number of at least 1")
    yield from option(
        "note-list-limit-word", {"limit": "ten"}, "is not a whole number of at least 1"
    )
    yield from option("note-list-limit-too-many-digits", {"limit": "9" * 5000}, "has 5000 digits")
    yield from option("note-list-tags-empty", {"tags": ""}, ":tags: is empty")
    yield from option("note-list-tags-commas", {"tags": " , ,"}, ":tags: is empty")
    yield from option("note-list-category-empty", {"category": ""}, ":category: is empty")
    yield from option(
        "note-list-featured-unknown", {"featured": "maybe"}, "is neither true nor false"
    )
    yield from option("note-list-format-unknown", {"format": "grid"}, "'grid' is not allowed")
    yield from option("note-list-format-empty", {"format": ""}, "'' is not allowed")
    unusual = {"tags": f"{UNUSUAL}, {HUGE_TEXT}", "category": UNUSUAL, "format": "cardz"}
    yield from option("note-list-tags-unusual", unusual, "did you mean 'cards'?", 7)
    yield from content("note-list-content", D("note-list", "", {}, ("Some text.",)))
    yield from content("note-list-timeline-inside", D("note-list", "", {}, (timeline(),)))
    yield from content("note-list-argument", D("note-list", "recent"))

    yield from both("excerpt-empty", D("excerpt"), "listing", 4, "excerpt has no text")
    tagged = D("excerpt", "", {"tags": "a"}, ("Summary.",))
    yield from both("excerpt-unknown-option", tagged, "option", 5, "in excerpt; it takes none")


# --- front matter ---------------------------------------------------------------------


def front_matter_cases() -> Iterator[Case]:
    def markdown(
        name: str, fields: list[str], warning: str, line: int, says: str, body: str = "Text."
    ) -> Case:
        """A Markdown note whose YAML front matter holds ``fields`` (from line 2)."""
        text = "\n".join(["---", *fields, "---", "Note", "====", "", body, ""])
        return Case(name, "md", text, warning, line, says)

    def field(name: str, line: str, says: str, warning: str = "timeline.note") -> Case:
        """A bad field on line 3, after a good date."""
        return markdown(name, ["date: 2024-01-01", line], warning, 3, says)

    def date(name: str, line: str, says: str) -> Case:
        """A bad date on line 2: the page is no note."""
        return markdown(name, [line], "timeline.note", 2, says)

    def refused(name: str, *fields: str) -> Case:
        """Front matter that MyST's YAML loader refuses: MyST drops it with a warning of
        its own, at its first line, and the extension adds none (it reads the fields all
        the same, so that a draft stays held back)."""
        return markdown(name, list(fields), "myst.topmatter", 1, "Malformed YAML")

    def docinfo(name: str, fields: list[str], warning: str, line: int, says: str) -> Case:
        """A reStructuredText note whose docinfo holds ``fields`` (from line 1)."""
        text = "\n".join([*fields, "", "Note", "====", "", "Text.", ""])
        return Case(name, "rst", text, warning, line, says)

    yield date("front-matter-date-not-a-date", "date: last spring", "'last spring' is not a date")
    yield date("front-matter-date-empty", "date:", "'' is not a date")
    yield date("front-matter-date-list", "date: [2024]", "front matter date: [2024] is not a text")
    yield date("front-matter-date-bidi", f"date: {BIDI}2024-01-01", "is not a date")
    yield date("front-matter-date-huge", f"date: '{'2' * HUGE}'", "is not a date")
    yield field("front-matter-updated-not-a-date", "updated: soon", "front matter updated: 'soon'")
    yield field("front-matter-lastmod-not-a-date", "lastmod: yesterday", "lastmod: 'yesterday'")
    yield field("front-matter-draft-unknown", "draft: maybe", "'maybe' is neither true nor false")
    yield field("front-matter-draft-number", "draft: 1.5", "1.5 is neither true nor false")
    yield field(
        "front-matter-featured-list", "featured: [true]", "[True] is neither true nor false"
    )
    yield field("front-matter-tags-mapping", "tags: {a: b}", "is not a list of words")
    yield field("front-matter-tags-nested", "tags: [a, [b]]", "is not a list of words")
    yield field("front-matter-categories-mapping", "categories: {a: 1}", "is not a list of words")
    yield field("front-matter-keywords-mapping", "keywords: {a: 1}", "is not a list of words")
    yield field("front-matter-description-list", "description: [one, two]", "is not a text")
    yield field("front-matter-title-list", "title: [one, two]", "title: ['one', 'two'] is not a")
    yield field("front-matter-title-mapping", "title: {a: b}", "title: {'a': 'b'} is not a text")
    yield field("front-matter-image-list", "image: [a.png]", "image: ['a.png'] is not a text")
    yield field("front-matter-authors-without-name", "authors: {email: a@x.org}", "needs a name")
    yield field(
        "front-matter-authors-mixed", "authors: [{name: Ann}, Bob]", "is not a list of words"
    )
    yield field("front-matter-author-nested", "author: [[Ann]]", "is not a list of words")
    yield field(
        "front-matter-lightgallery-unknown", "lightgallery: maybe", "is neither", "timeline.float"
    )
    unusual = ["date: 2024-01-01", f"description: {HUGE_TEXT}{UNUSUAL}", f"tags: ['{UNUSUAL}']"]
    excerpt = ":::{excerpt}\nA short summary for the listings, which are on many pages.\n:::"
    says = "'later' is neither true nor false"
    fields = [*unusual, "draft: later"]
    yield markdown("front-matter-huge-description", fields, "timeline.note", 5, says, excerpt)
    yield refused("front-matter-date-impossible", "date: 2019-02-30")
    yield refused(
        "front-matter-updated-impossible", "date: 2024-01-01", "updated: 2024-13-01T10:00:00"
    )
    yield refused("front-matter-number-too-long", "date: 2024-01-01", f"image: {'9' * 5000}")
    yield refused("front-matter-control-character", "date: 2024-01-01", "title: a\x01b")
    yield refused("front-matter-malformed", "date: 2024-01-01", "tags: [a, b")
    yield markdown("front-matter-list", ["- a", "- b"], "myst.topmatter", 1, "YAML is not a dict")

    good = ":date: 2024-01-01"
    yield docinfo(
        "docinfo-date-not-a-date", [":date: last spring"], "timeline.note", 1, "'last spring'"
    )
    yield docinfo(
        "docinfo-updated-not-a-date", [good, ":updated: soon"], "timeline.note", 2, "'soon'"
    )
    yield docinfo(
        "docinfo-draft-unknown", [good, ":draft: maybe"], "timeline.note", 2, "'maybe' is neither"
    )
    yield docinfo(
        "docinfo-featured-unusual",
        [good, f":featured: {UNUSUAL}"],
        "timeline.note",
        2,
        "is neither",
    )
    yield docinfo(
        "docinfo-lightgallery-unknown",
        [good, ":lightgallery: 2"],
        "timeline.float",
        2,
        "'2' is neither",
    )
    # docutils itself refuses an empty date or author: its warning is the one
    empty = 'Cannot extract empty bibliographic field "date"'
    yield docinfo("docinfo-date-empty", [":date:"], "docutils", 1, empty)
    yield docinfo(
        "docinfo-authors-empty", [good, ":authors:"], "docutils", 2, "empty bibliographic field"
    )


CASES = [
    *timeline_cases(),
    *events_cases(),
    *resume_cases(),
    *tweet_cases(),
    *float_cases(),
    *listing_cases(),
    *front_matter_cases(),
]
INDEX = "Bad input\n=========\n\n.. toctree::\n   :glob:\n\n   md/*\n   rst/*\n"
CONF = 'extensions = ["sphinx_timeline"]\nshow_warning_types = True\n'
_WARNING = re.compile(
    r"<src>/(?P<file>[^:]+):(?P<line>\d+): (?:WARNING|ERROR|CRITICAL): (?P<message>.*) "
    r"\[(?P<type>[\w.]+)\]"
)


@dc.dataclass(frozen=True)
class Located:
    """A warning with a file, a line and a type."""

    file: str
    line: int
    message: str
    type: str


@dc.dataclass(frozen=True)
class Built:
    outdir: Path
    warnings: list[str]
    """The build's warnings, one a line."""

    @property
    def located(self) -> list[Located]:
        matches = [_WARNING.fullmatch(line) for line in self.warnings]
        return [
            Located(match["file"], int(match["line"]), match["message"], match["type"])
            for match in matches
            if match
        ]


def write_project(srcdir: Path) -> None:
    """The corpus as one project: a page for each case, its data files, the images and
    the tweet cache."""
    files: dict[str, str | bytes] = {"conf.py": CONF, "index.rst": INDEX}
    files |= IMAGE_FILES | CACHE_FILES
    for case in CASES:
        files[case.source] = case.text
        files |= {case.stem + suffix: content for suffix, content in case.data.items()}
    for relative, content in files.items():
        path = srcdir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")


def build(srcdir: Path, buildername: str) -> Built:
    app = build_once(srcdir, buildername, srcdir.parent / buildername)
    return Built(Path(app.outdir), warnings_of(app))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    srcdir = tmp_path_factory.mktemp("bad-input") / "src"
    write_project(srcdir)
    return srcdir


@pytest.fixture(scope="module")
def html(project: Path) -> Built:
    return build(project, "html")


def test_each_case_is_a_page_of_its_own() -> None:
    sources = [case.source for case in CASES]
    assert len(sources) == len(set(sources))


@pytest.mark.parametrize("case", CASES, ids=[case.source for case in CASES])
def test_one_located_warning(html: Built, case: Case) -> None:
    found = [warning for warning in html.located if warning.file in case.files]
    assert len(found) == 1, [warning.message[:200] for warning in found]
    warning = found[0]
    assert (warning.type, warning.file, warning.line) == (case.warning, case.named, case.line)
    assert case.says in warning.message
    assert (html.outdir / case.source).with_suffix(".html").is_file()


def test_every_warning_is_located_and_of_a_case(html: Built) -> None:
    assert [line[:200] for line in html.warnings if not _WARNING.fullmatch(line)] == []
    files = set().union(*(case.files for case in CASES))
    assert [warning for warning in html.located if warning.file not in files] == []


@pytest.mark.parametrize("buildername", ["text", "latex", "man"])
def test_other_builders_give_the_same_warnings(
    project: Path, html: Built, buildername: str
) -> None:
    assert sorted(build(project, buildername).warnings) == sorted(html.warnings)
