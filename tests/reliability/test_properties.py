"""Random input through real Sphinx builds and through the Hugo converter: directive
options, dates, bodies, front matter, events files, JSON Resumes and Hugo pages.

Whatever a writer types, no exception escapes, the build completes, and every warning
of the extension is a ``timeline.*`` one at a file and line. The budget is the
Hypothesis profile's (``conftest.py``); the converter, which needs no Sphinx, gets a
few times more examples.
"""

from __future__ import annotations

import csv
import dataclasses as dc
import datetime
import io
import json
import re
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

from helpers import ROOTS, build_once, strip_colours
from sphinx_timeline.cli import build_parser
from sphinx_timeline.notes.fields import FIELDS
from sphinx_timeline.timeline.resume import SECTION_NAMES, SECTIONS

Strategy = st.SearchStrategy

CONF = (
    'extensions = ["sphinx_timeline"]\n'
    "show_warning_types = True\n"
    'html_baseurl = "https://example.org/docs/"\n'
)
PICTURE = (ROOTS / "test-float" / "img" / "photo.png").read_bytes()
PROJECT_FILES: dict[str, str | bytes] = {
    "img.png": PICTURE,
    "dark.png": PICTURE,
    "broken.png": b"not a picture",
    "pic.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="20"></svg>',
    "bad.svg": "<svg",
    "note.md": "---\ndate: 2020-05-01\ntags: [a, b]\ncategories: c\nfeatured: true\n---\n"
    "# A note\n\nIts first paragraph.\n",
}
"""Files the random pages may point at, and a note for their listings."""

_OURS = re.compile(r"\[timeline\.[a-z]+\]$")
_LOCATED = re.compile(r"<src>/[^:]+:\d+: (WARNING|ERROR): ")


def build(
    folder: Path, pages: Mapping[str, str | bytes], buildername: str = "html", **conf: Any
) -> None:
    """Build a project of ``pages`` in ``folder`` (emptied first) in process; it must
    complete, and each ``timeline.*`` warning must have a file and line."""
    shutil.rmtree(folder, ignore_errors=True)
    srcdir = folder / "src"
    for name, content in {"conf.py": CONF, **pages}.items():
        path = srcdir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    app = build_once(srcdir, buildername, folder / "build", **conf)
    assert any(Path(app.outdir).iterdir())
    check_warnings(app)


def check_warnings(app: SphinxTestApp) -> None:
    """Each ``timeline.*`` warning of the build has a file and line.

    Lines end at ``\\n`` only: a message may hold a line separator a writer typed.
    """
    text = strip_colours(app.warning.getvalue()).replace(f"{app.srcdir}/", "<src>/")
    lines = text.split("\n")
    unlocated = [line for line in lines if _OURS.search(line) and not _LOCATED.match(line)]
    assert not unlocated, "warnings without a file and line:\n" + "\n".join(unlocated)


# -- text ---------------------------------------------------------------------------------

ODD = (
    "\u200b", "\u202e", "\u2028", "\ufeff", "\u00a0", "e\u0301", "日本語", "🚀", "\t",
    "<script>alert(1)</script>", "&amp;", "{", "}", "`", "**", "|", ":", "%", "\\", "$",
    "[x]", "(y)", "#", "---", ":::", "..", "'", '"', "-", "present", "2019-04",
)  # fmt: skip
"""Pieces that mean something to a parser, or trouble to a renderer."""

LINE = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\n\r"), max_size=30),
    st.lists(st.sampled_from(ODD), max_size=5).map(" ".join),
)
"""A line of text: random characters (odd Unicode, control characters), or odd pieces."""


def choice(*allowed: str) -> Strategy[str]:
    """One of ``allowed`` (the values a writer means), or any line."""
    return st.one_of(st.sampled_from(allowed), LINE)


def iso_date(day: datetime.date, precision: int) -> str:
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"[: (4, 7, 10)[precision]]


ISO_DATES = st.builds(iso_date, st.dates(), st.integers(0, 2))
MOMENTS = st.datetimes(
    timezones=st.none()
    | st.integers(-23 * 60, 23 * 60).map(
        lambda minutes: datetime.timezone(datetime.timedelta(minutes=minutes))
    )
)
DATE_TEXT = st.one_of(
    ISO_DATES,
    ISO_DATES,
    MOMENTS.map(datetime.datetime.isoformat),
    st.sampled_from(
        [
            "2019-02-30",
            "2019-13",
            "0000",
            "2019-4",
            "99999",
            "2019-00",
            "٢٠١٩",
            "２０１９-０４",
            " 2019 ",
            "present",
            "",
            "2020-03-03T16:29:41+08:00",
            "2020-03-03 16:29",
            "2020-03-03T25:00",
            "0001-01-01T00:00:00+01:00",
            "9999-12-31T23:59:59-01:00",
        ]
    ),
    LINE,
)
"""What a writer types as a date: ISO dates at each precision, dates and times, near
misses, and anything."""


# -- directives ---------------------------------------------------------------------------


@dc.dataclass(frozen=True)
class Directive:
    """A directive to write in MyST or reStructuredText."""

    name: str
    argument: str = ""
    options: tuple[tuple[str, str], ...] = ()
    body: tuple[str | Directive, ...] = ()

    @property
    def depth(self) -> int:
        """How many directives deep it is, itself included."""
        return 1 + max((b.depth for b in self.body if isinstance(b, Directive)), default=0)


def myst(block: str | Directive) -> str:
    if isinstance(block, str):
        return block
    fence = ":" * (2 + block.depth)
    head = f"{fence}{{{block.name}}} {block.argument}".rstrip()
    lines = [head, *(f":{name}: {value}".rstrip() for name, value in block.options)]
    if block.body:
        lines += ["", "\n\n".join(map(myst, block.body))]
    return "\n".join([*lines, fence])


def rst(block: str | Directive, indent: str = "") -> str:
    if isinstance(block, str):
        return "\n".join(indent + line for line in block.split("\n"))
    head = f"{indent}.. {block.name}:: {block.argument}".rstrip()
    inner = indent + "   "
    lines = [head, *(f"{inner}:{name}: {value}".rstrip() for name, value in block.options)]
    if block.body:
        lines += ["", "\n\n".join(rst(part, inner) for part in block.body)]
    return "\n".join(lines)


def options(spec: Mapping[str, Strategy[str]]) -> Strategy[tuple[tuple[str, str], ...]]:
    """Some of the options of ``spec`` with their values, and now and then an unknown one."""
    names = st.lists(st.sampled_from(sorted(spec)), unique=True) if spec else st.just([])
    known = names.flatmap(
        lambda chosen: st.tuples(*(st.tuples(st.just(name), spec[name]) for name in chosen))
    )
    unknown = st.lists(
        st.tuples(st.from_regex(r"[a-z][a-z-]{0,8}", fullmatch=True), LINE), max_size=1
    )
    return st.tuples(known, unknown).map(lambda pair: (*pair[0], *pair[1]))


MYST_SNIPPETS = (
    "**bold** and *emphasis*",
    "[a link](https://example.org)",
    "- one\n- two",
    "`code`",
    "```python\nx = 1\n```",
    "<!--more-->",
    "[a span]{.excerpt}",
    "> a quote",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "<b>html</b>",
    "![an image](img.png)",
    "## A heading",
    "Term\n: Definition",
    "---",
    "% a comment",
    "(a-target)=",
    ":::{note}\nA note.\n:::",
    "::::{timeline}\n:::{timeline-entry} 2019\nNested.\n:::\n::::",
)
RST_SNIPPETS = (
    "**bold** and *emphasis*",
    "`a link <https://example.org>`_",
    "- one\n- two",
    "``code``",
    "::\n\n   literal",
    ".. note:: A note.",
    "A heading\n---------",
    ".. _a-target:",
    "|sub|",
    ".. timeline::\n\n   .. timeline-entry:: 2019\n\n      Nested.",
)


def paragraphs(snippets: tuple[str, ...]) -> Strategy[str]:
    """A block of a directive's body: any text, a construct of the syntax, or odd pieces."""
    return st.one_of(
        st.text(st.characters(exclude_categories=("Cs",)), max_size=40),
        st.sampled_from(snippets),
        st.lists(st.sampled_from(ODD + snippets), min_size=1, max_size=4).map(" ".join),
    )


ENTRY_OPTIONS = {
    "end": st.one_of(DATE_TEXT, st.sampled_from(["present", "Present"])),
    "label": LINE,
    "icon": choice("rocket", "star", "mortar-board", "no-such-icon"),
    "color": choice("primary", "success", "danger", "pink"),
    "class": LINE,
    "name": LINE,
}
TIMELINE_OPTIONS = {
    "order": choice("document", "ascending", "descending"),
    "date-format": choice("%B %Y", "%Y", "%d %b %Y", "%A", "%", "%Q", "%-d", "%%", "%c"),
    "sections": choice("work", "education, work", "nope"),
    "class": LINE,
    "name": LINE,
}
TWEET_OPTIONS = {
    "user": choice("someone", "@someone", "a" * 16, "@"),
    "author": LINE,
    "date": DATE_TEXT,
    "lang": choice("en", "pt-BR", "x", "en_US"),
    "align": choice("left", "center", "right"),
    "theme": choice("auto", "light", "dark"),
    "class": LINE,
    "name": LINE,
}
TWEET_ARGUMENTS = choice(
    "1416186020509360129",
    "https://twitter.com/someone/status/1416186020509360129",
    "https://x.com/i/web/status/1?s=20",
    "https://x.com:99999/a/status/1",
    "https://x.com:port/a/status/1",
    "http://[::1/status/1",
    "https://example.org/a/status/1",
    "123456789012345678901234567890",
    "١٢٣",
    "",
)
FLOAT_OPTIONS = {
    "align": choice("right", "left", "center"),
    "width": choice("40%", "200px", "3em", "0", "-5%", "100", "1e3%", "calc(1px)"),
    "alt": LINE,
    "lightbox": choice("true", "false", "yes", "maybe", ""),
    "target": choice("https://example.org", "javascript:alert(1)", " JaVaScRiPt:x", "page.html"),
    "dark": choice("dark.png", "missing.png", "https://example.org/a.png", "broken.png"),
    "class": LINE,
    "name": LINE,
}
FLOAT_ARGUMENTS = choice(
    "img.png",
    "/img.png",
    "pic.svg",
    "bad.svg",
    "broken.png",
    "missing.png",
    "https://example.org/a.png",
    "data:image/png;base64,AAAA",
    "../outside.png",
    "",
)
LIST_OPTIONS = {
    "tags": choice("a", "a, b", ",", "none"),
    "category": choice("c", "c, d", ""),
    "limit": choice("1", "2", "0", "-1", "x", "", "99999999999999999999"),
    "featured": choice("", "true", "false", "maybe"),
    "format": choice("list", "cards", "timeline"),
}


def directives(body: Strategy[str]) -> Strategy[Directive]:
    """A random ``timeline`` (with entries), ``timeline-entry``, ``tweet``, ``image-float``,
    ``note-list`` or ``excerpt``; the simple ones may sit inside an entry's body."""

    def make(
        name: str,
        argument: Strategy[str],
        spec: Mapping[str, Strategy[str]],
        inner: Strategy[str] | Strategy[str | Directive],
    ) -> Strategy[Directive]:
        return st.builds(
            Directive,
            st.just(name),
            argument,
            options(spec),
            st.lists(inner, max_size=2).map(tuple),
        )

    simple = st.one_of(
        make("tweet", TWEET_ARGUMENTS, TWEET_OPTIONS, body),
        make("image-float", FLOAT_ARGUMENTS, FLOAT_OPTIONS, body),
        make("note-list", st.just(""), LIST_OPTIONS, st.just("Some text.")),
        make("excerpt", st.just(""), {}, body),
    )
    entry = make("timeline-entry", DATE_TEXT, ENTRY_OPTIONS, st.one_of(body, body, simple))
    timeline = make("timeline", st.just(""), TIMELINE_OPTIONS, st.one_of(entry, entry, body))
    return st.one_of(timeline, timeline, entry, simple)


@st.composite
def directive_pages(draw: st.DrawFn) -> tuple[str, str]:
    """A page (``index.md`` or ``index.rst``) of random directives, and its file name."""
    syntax = draw(st.sampled_from(["md", "rst"]))
    body = paragraphs(MYST_SNIPPETS if syntax == "md" else RST_SNIPPETS)
    blocks = draw(st.lists(st.one_of(directives(body), body), min_size=1, max_size=4))
    if syntax == "md":
        text = "# A page\n\n" + "\n\n".join(map(myst, blocks))
        return "index.md", text + "\n\n```{toctree}\n:hidden:\n\nnote\n```\n"
    text = "A page\n======\n\n" + "\n\n".join(map(rst, blocks))
    return "index.rst", text + "\n\n.. toctree::\n   :hidden:\n\n   note\n"


@given(
    page=directive_pages(),
    builder=st.sampled_from(["html", "html", "latex", "text"]),
    theme=st.sampled_from(["alabaster", "sphinx_timeline"]),
)
@example(  # an option's value over two lines, quoted in the warning
    page=("index.rst", "A page\n======\n\n.. image-float:: img.png\n   :dark: a\n      b\n"),
    builder="html",
    theme="alabaster",
)
def test_random_directives_build(
    tmp_path: Path, page: tuple[str, str], builder: str, theme: str
) -> None:
    name, text = page
    build(tmp_path / "project", {**PROJECT_FILES, name: text}, builder, html_theme=theme)


# -- front matter -------------------------------------------------------------------------

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.dates(),
    MOMENTS,
    DATE_TEXT,
    LINE,
    st.sampled_from(["true", "False", "yes", "off", "a, b", "", "Ann <ann@example.org>"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["name", "x", ""]), inner, max_size=2)
    ),
    max_leaves=5,
)
"""Front matter values of every YAML type: lists, mappings, numbers, dates, booleans,
null, and texts with odd Unicode."""

FLAGS = st.one_of(st.booleans(), st.sampled_from(["true", "False", "yes", "maybe"]))
FIELD_VALUES = {
    **dict.fromkeys((*FIELDS, "lastmod", "authors", "unknown"), VALUES),
    **dict.fromkeys(("date", "updated", "lastmod"), st.one_of(DATE_TEXT, MOMENTS, VALUES)),
    **dict.fromkeys(("draft", "featured", "lightgallery"), st.one_of(FLAGS, VALUES)),
    **dict.fromkeys(("tags", "categories", "keywords"), st.one_of(st.lists(LINE), VALUES)),
}
"""Each front matter field a note reads, with values of its own type most of the time."""
RAW_YAML = (
    "date: [",
    "tags: !!set {a, b}",
    "image: !!binary aGVsbG8=",
    "authors: &who [Ann]\nauthor: *who",
    "? [a, b]\n: 1",
    "featured: 1e400",
    "updated: 0x1F",
    "date: 2020-01-01 10:00:00 +8",
    "categories: !!omap [{a: 1}]",
    "tags:\n  - [nested]",
)
"""Front matter lines that ``yaml.safe_dump`` never writes."""


def front_matter_yaml(fields: Mapping[str, Any], raw: list[str]) -> str:
    text = yaml.safe_dump(dict(fields), allow_unicode=True, sort_keys=False) if fields else ""
    return "---\n" + text + "".join(line + "\n" for line in raw) + "---\n"


@st.composite
def notes(draw: st.DrawFn, index: int) -> tuple[str, str]:
    """A note with random front matter (YAML) or docinfo (reStructuredText), and its name."""
    fields = draw(st.fixed_dictionaries({}, optional=FIELD_VALUES))
    if index == 0:  # one note at least has a date, so that the listings have something
        fields.setdefault("date", draw(DATE_TEXT))
    body = draw(paragraphs(MYST_SNIPPETS))
    if draw(st.booleans()):
        raw = draw(
            st.lists(
                st.sampled_from(RAW_YAML)
                | st.builds("{}: {}".format, st.sampled_from(sorted(FIELD_VALUES)), LINE),
                max_size=2,
            )
        )
        title = draw(st.sampled_from(["# A title\n\n", ""]))
        return f"note{index}.md", front_matter_yaml(fields, raw) + title + body + "\n"
    docinfo = "".join(
        f":{name}: {' '.join(str(value).split())}\n" for name, value in fields.items()
    )
    return f"note{index}.rst", docinfo + "\nA title\n=======\n\n" + body + "\n"


LISTING_PAGE = """\
# Notes

::::{{timeline}}
:::{{timeline-entry}} 2019
An entry.
:::
::::

:::{{note-list}}
:format: {format}
:::

```{{toctree}}
:glob:

note*
```
"""


@given(
    pages=st.lists(st.integers(0, 2), min_size=1, max_size=3, unique=True).flatmap(
        lambda numbers: st.tuples(*(notes(number) for number in numbers))
    ),
    form=st.sampled_from(["list", "cards", "timeline"]),
    conf=st.fixed_dictionaries(
        {
            "html_theme": st.sampled_from(["alabaster", "sphinx_timeline"]),
            "timeline_drafts": st.booleans(),
            "timeline_future": st.booleans(),
        }
    ),
)
@example(  # a date and time that is before the year 1 in UTC
    pages=(("note0.md", "---\ndate: 0001-01-01T00:00:00+01:00\n---\n# A note\n"),),
    form="list",
    conf={"html_theme": "alabaster", "timeline_drafts": False, "timeline_future": False},
)
def test_random_front_matter_builds(
    tmp_path: Path, pages: tuple[tuple[str, str], ...], form: str, conf: dict[str, Any]
) -> None:
    files = {"index.md": LISTING_PAGE.format(format=form), **dict(pages)}
    build(tmp_path / "project", files, **conf)


# -- events files and JSON Resumes ----------------------------------------------------------

ROWS = st.one_of(
    st.lists(
        st.dictionaries(
            st.sampled_from(["date", "end", "label", "body", "Date", "extra"]),
            st.one_of(DATE_TEXT, VALUES),
            max_size=5,
        )
        | VALUES,
        max_size=4,
    ),
    VALUES,
)
"""An events file's data: a list of rows (mappings of the fields, or not), or anything."""

RESUME_FIELDS = sorted(
    {
        field
        for section in SECTIONS.values()
        for field in (
            section.start,
            section.end,
            *section.label,
            section.linked,
            *section.details,
            section.text,
            section.items,
        )
        if field
    }
    | {"url", "company", "website"}
)
RESUMES = st.dictionaries(
    st.sampled_from([*SECTION_NAMES, "basics", "$schema", "meta"]),
    st.lists(
        st.dictionaries(st.sampled_from(RESUME_FIELDS), st.one_of(DATE_TEXT, VALUES), max_size=5),
        max_size=3,
    )
    | VALUES,
    min_size=1,
    max_size=4,
)
"""JSON Resume documents: sections with items of random fields, or anything."""


def serialized(data: Any, suffix: str) -> str:
    """``data`` as the text of a ``suffix`` file (CSV: the mappings among it as rows)."""
    if suffix == ".json":
        return json.dumps(data, default=str, ensure_ascii=False, indent=1)
    if suffix == ".csv":
        rows = [row for row in data if isinstance(row, dict)] if isinstance(data, list) else []
        names = list(dict.fromkeys(str(key) for row in rows for key in row)) or ["date"]
        out = io.StringIO()
        writer = csv.DictWriter(out, names)
        writer.writeheader()
        writer.writerows({str(key): value for key, value in row.items()} for row in rows)
        return out.getvalue()
    return yaml.safe_dump(data, allow_unicode=True)


EVENTS_PAGE = """\
# Events

::::{{timeline}}
:events: {events}
{sections}
:::{{timeline-entry}} 2019
An entry beside the file's.
:::
::::

:::{{timeline}}
:events: {resume}
:sections: {resume_sections}
:::
"""


@given(
    rows=ROWS,
    suffix=st.sampled_from([".yaml", ".json", ".csv", ".txt"]),
    resume=RESUMES,
    resume_suffix=st.sampled_from([".json", ".yml"]),
    sections=st.sampled_from(["", ":sections: work"]),
    resume_sections=choice("work, education", "projects", "basics", "work work"),
    garbage=st.none() | st.text(max_size=40),
)
@example(  # a heading inside a timeline is a rubric, whose line Sphinx's i18n sets to 0
    rows=[],
    suffix=".yaml",
    resume={"work": []},
    resume_suffix=".json",
    sections="",
    resume_sections="\u2028#",
    garbage=None,
)
def test_random_events_files_build(
    tmp_path: Path,
    rows: Any,
    suffix: str,
    resume: dict[str, Any],
    resume_suffix: str,
    sections: str,
    resume_sections: str,
    garbage: str | None,
) -> None:
    events = garbage if garbage is not None else serialized(rows, suffix)
    page = EVENTS_PAGE.format(
        events=f"events{suffix}",
        sections=sections,
        resume=f"resume{resume_suffix}",
        resume_sections=resume_sections,
    )
    files = {
        "index.md": page,
        f"events{suffix}": events,
        f"resume{resume_suffix}": serialized(resume, resume_suffix),
    }
    build(tmp_path / "project", files)


# -- the Hugo converter ---------------------------------------------------------------------

SHORTCODES = (
    "tweet", "twitter", "x", "figure", "image", "admonition", "highlight", "link", "youtube",
    "vimeo", "gist", "instagram", "ref", "relref", "param", "bilibili", "timeline",
    "details", "fa-icon", "echarts",
)  # fmt: skip


def quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


PARAM_NAMES = (
    "src", "class", "caption", "alt", "width", "id", "user", "type", "title", "timelinedate",
    "end", "href", "content", "details", "name",
)  # fmt: skip
PARAM_VALUES = st.one_of(
    choice("/img/a.png", "imageright", "2015-05-01", "tip", "other.md", "1416186020509360129"),
    st.sampled_from(["true", "present", "linenos=table,hl_lines=8 15-17"]),
)
PARAMS = st.one_of(
    st.lists(PARAM_VALUES.map(quoted), max_size=3).map(" ".join),
    st.lists(
        st.tuples(
            st.sampled_from(PARAM_NAMES),
            st.one_of(PARAM_VALUES.map(quoted), st.from_regex(r"[\w%.-]{1,8}", fullmatch=True)),
        ),
        max_size=3,
    ).map(lambda pairs: " ".join(f"{name}={value}" for name, value in pairs)),
    LINE,
)


@st.composite
def shortcodes(draw: st.DrawFn) -> str:
    """A shortcode call: ``{{< name params >}}`` or ``{{% … %}}``, closed or not, with
    inner text, escaped, or self-closing."""
    name = draw(st.sampled_from(SHORTCODES))
    left, right = draw(st.sampled_from([("<", ">"), ("%", "%")]))
    params = draw(PARAMS)
    form = draw(st.sampled_from(["single", "pair", "pair", "escaped", "self", "closing"]))
    if form == "escaped":
        return f"{{{{{left}/* {name} {params} */{right}}}}}"
    if form == "self":
        return f"{{{{{left} {name} {params} /{right}}}}}"
    if form == "closing":
        return f"{{{{{left} /{name} {right}}}}}"
    call = f"{{{{{left} {name} {params} {right}}}}}"
    if form == "single":
        return call
    inner = draw(st.sampled_from(["Label:: text", "", "A **body**\n\nwith lines", "x::"]) | LINE)
    return f"{call}{inner}{{{{{left} /{name} {right}}}}}"


HUGO_SNIPPETS = (
    "<!--more-->",
    "<excerpt>A summary</excerpt>",
    "<small>small print</small>",
    ":smile: :heart_eyes: :not_an_emoji:",
    "```go {linenos=true}\nfunc main() {}\n```",
    '<img src="/img/a.png" alt="x">',
    "![alt](/images/x.png)",
    "[a link](/posts/other/)",
    '[ref]({{< ref "other.md" >}})',
    "# A heading {#an-id}",
    "Title\n=====",
    "% of readers",
    "(not-a-target)=",
    "$x^2$",
    '<div class="timeline">\n{{% timeline timelinedate="2015-05-01" %}}Label:: text'
    "{{% /timeline %}}\n</div>",
    "<div>\n\nHTML block\n\n</div>",
    ":::{note}\nMyST already\n:::",
)
HUGO_BODY = st.lists(
    st.one_of(shortcodes(), st.sampled_from(HUGO_SNIPPETS), LINE),
    max_size=6,
).flatmap(
    lambda parts: st.lists(
        st.sampled_from(["", " ", "\n", "\n\n"]), min_size=len(parts), max_size=len(parts)
    ).map(lambda gaps: "".join(part + gap for part, gap in zip(parts, gaps, strict=True)))
)
"""A Hugo page's body: shortcodes, inline HTML, emoji, links and odd text."""

HUGO_FIELDS = (
    "title", "date", "lastmod", "publishDate", "draft", "tags", "categories", "description",
    "summary", "images", "featuredImage", "featuredImagePreview", "author", "authors",
    "keywords", "lightgallery", "math", "aliases", "slug", "url", "weight",
)  # fmt: skip


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value if item is not None) + "]"
    if isinstance(value, dict):
        pairs = (f"{quoted(str(key))} = {toml_value(item)}" for key, item in value.items())
        return "{" + ", ".join(pairs) + "}"
    return json.dumps(str(value), ensure_ascii=False)


def hugo_front_matter(fields: Mapping[str, Any], form: str, raw: list[str]) -> str:
    """``fields`` as YAML (with the ``raw`` lines), TOML or JSON front matter."""
    if form == "yaml":
        return front_matter_yaml(fields, raw)
    if form == "toml":
        lines = (
            f"{quoted(key)} = {toml_value(value)}"
            for key, value in fields.items()
            if value is not None
        )
        return "+++\n" + "".join(line + "\n" for line in lines) + "+++\n"
    return json.dumps(fields, default=str, ensure_ascii=False, indent=2) + "\n"


HUGO_DATES = st.one_of(DATE_TEXT, MOMENTS, VALUES)
HUGO_PAGES = st.builds(
    hugo_front_matter,
    st.fixed_dictionaries(
        {},
        optional={
            **dict.fromkeys(HUGO_FIELDS, VALUES),
            **dict.fromkeys(("date", "lastmod", "publishDate"), HUGO_DATES),
        },
    ),
    st.sampled_from(["yaml", "toml", "json"]),
    st.lists(st.sampled_from(RAW_YAML), max_size=1),
).flatmap(lambda head: HUGO_BODY.map(lambda body: head + body))


def convert(folder: Path, page: str) -> tuple[int, Path, list[str]]:
    """Convert a Hugo site of one page (beside another) into a new project; the exit
    status, the project and what was reported on the error output."""
    shutil.rmtree(folder, ignore_errors=True)
    content = folder / "site" / "content" / "posts"
    content.mkdir(parents=True)
    (folder / "site" / "hugo.toml").write_text(
        'title = "A site"\nbaseURL = "https://blog.example.org/"\n[params]\nx = 1\n', "utf8"
    )
    (content / "page.md").write_text(page, encoding="utf-8")
    (content / "other.md").write_text("---\ntitle: Other\n---\nText.\n", encoding="utf-8")
    (folder / "site" / "static" / "img").mkdir(parents=True)
    (folder / "site" / "static" / "img" / "a.png").write_bytes(PICTURE)
    out, err = io.StringIO(), io.StringIO()
    args = build_parser().parse_args(
        ["convert", "hugo", str(folder / "site"), "--out", str(folder / "out")]
    )
    status = args.run(args, out, err)
    lines = err.getvalue().splitlines()
    return status, folder / "out", lines


_REPORTED = re.compile(r"(?:error: )?(?P<path>/\S+?):(?P<line>\d+): ")


def assert_located(lines: list[str], folder: Path) -> None:
    """Each report names a file of the site and a line inside it (into a new folder,
    nothing else is reported: no file is kept because two outputs of the run collide)."""
    for line in lines:
        found = _REPORTED.match(line)
        assert found, f"not located: {line}"
        path = Path(found["path"])
        assert path.is_relative_to(folder / "site")
        length = len(path.read_text("utf-8").split("\n"))
        assert 1 <= int(found["line"]) <= length, line


@settings(max_examples=settings.default.max_examples * 4)
@given(page=HUGO_PAGES)
@example(page='---\n{}\n---\n{{< figure "other.md" >}}')  # a page is no picture to copy
def test_random_hugo_pages_convert(tmp_path: Path, page: str) -> None:
    status, _, lines = convert(tmp_path / "convert", page)
    assert status in (0, 1)
    assert_located(lines, tmp_path / "convert")


@given(page=HUGO_PAGES)
def test_converted_hugo_pages_build(tmp_path: Path, page: str) -> None:
    status, project, _ = convert(tmp_path / "convert", page)
    if not (project / "notes" / "posts" / "page.md").is_file():
        assert status == 1  # the page could not be converted, and the command said so
        return
    shutil.rmtree(tmp_path / "build", ignore_errors=True)
    check_warnings(build_once(project, builddir=tmp_path / "build", show_warning_types=True))
