"""Every mistake a writer can make gives one located ``timeline.*`` warning, and the
rest of the page still builds."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sphinx.testing.util import SphinxTestApp

from helpers import soup, warnings_of

Build = Callable[..., SphinxTestApp]

GOOD_ENTRY = ":::{timeline-entry} 2020\n:label: Still here\nThe good entry.\n:::\n"


def myst_timeline(entries: str, options: str = "") -> str:
    # the blank line keeps MyST's line numbers of the nested entries exact
    return f"# Page\n\n::::{{timeline}}\n{options}\n{entries}{GOOD_ENTRY}::::\n"


MYST_MISTAKES = {
    "bad date": (
        myst_timeline(":::{timeline-entry} 2019-4\nBody.\n:::\n"),
        "index.md:5: WARNING: timeline-entry date '2019-4' is not a date; write it as YYYY, "
        "YYYY-MM or YYYY-MM-DD, for example 2019-04 [timeline.date]",
    ),
    "impossible date": (
        myst_timeline(":::{timeline-entry} 2019-02-30\nBody.\n:::\n"),
        "index.md:5: WARNING: timeline-entry date '2019-02-30' is not a real date (day is out "
        "of range for month); write it as YYYY, YYYY-MM or YYYY-MM-DD, for example 2019-04 "
        "[timeline.date]",
    ),
    "missing date": (
        myst_timeline(":::{timeline-entry}\nBody.\n:::\n"),
        "index.md:5: WARNING: timeline-entry has no date; give it one as its argument, for "
        "example ':::{timeline-entry} 2019-04' [timeline.date]",
    ),
    "end before start": (
        myst_timeline(":::{timeline-entry} 2019-04\n:end: 2018\nBody.\n:::\n"),
        "index.md:6: WARNING: timeline-entry :end: 2018 is before its start 2019-04; swap "
        "them or correct the end [timeline.date]",
    ),
    "end not a date": (
        myst_timeline(":::{timeline-entry} 2019-04\n:end: today\nBody.\n:::\n"),
        "index.md:6: WARNING: timeline-entry :end: 'today' is not a date; write it as YYYY, "
        "YYYY-MM or YYYY-MM-DD, for example 2019-04, or 'present' [timeline.date]",
    ),
    "unknown entry option": (
        myst_timeline(":::{timeline-entry} 2019\n:lable: Typo\nBody.\n:::\n"),
        "index.md:6: WARNING: unknown option :lable: in timeline-entry; did you mean :label:? "
        "The known options are :end:, :label:, :icon:, :color:, :class:, :name: [timeline.option]",
    ),
    "unknown timeline option": (
        myst_timeline("", ":sort: ascending\n"),
        "index.md:4: WARNING: unknown option :sort: in timeline; the known options are "
        ":order:, :date-format:, :events:, :sections:, :class:, :name: [timeline.option]",
    ),
    "unknown order": (
        myst_timeline("", ":order: newest\n"),
        "index.md:4: WARNING: timeline :order: 'newest' is not allowed; use one of document, "
        "ascending, descending [timeline.option]",
    ),
    "misspelt order": (
        myst_timeline("", ":order: decending\n"),
        "index.md:4: WARNING: timeline :order: 'decending' is not allowed; did you mean "
        "'descending'? Otherwise use one of document, ascending, descending [timeline.option]",
    ),
    "unknown icon": (
        myst_timeline(":::{timeline-entry} 2019\n:icon: no-such-icon\nBody.\n:::\n"),
        "index.md:6: WARNING: timeline-entry :icon: 'no-such-icon' is not allowed; use an "
        "octicon name, such as rocket [timeline.option]",
    ),
    "misspelt icon": (
        myst_timeline(":::{timeline-entry} 2019\n:icon: rockt\nBody.\n:::\n"),
        "index.md:6: WARNING: timeline-entry :icon: 'rockt' is not allowed; did you mean "
        "'rocket'? Otherwise use an octicon name, such as rocket [timeline.option]",
    ),
    "unknown color": (
        myst_timeline(":::{timeline-entry} 2019\n:color: ultraviolet\nBody.\n:::\n"),
        "index.md:6: WARNING: timeline-entry :color: 'ultraviolet' is not allowed; use one of "
        "primary, secondary, success, info, warning, danger, light, muted, dark, white, black "
        "[timeline.option]",
    ),
    "date format without codes": (
        myst_timeline("", ":date-format: yyyy\n"),
        "index.md:4: WARNING: timeline :date-format: must contain strftime codes such as %Y, "
        "%B or %d (got 'yyyy') [timeline.option]",
    ),
    "stray content": (
        myst_timeline("Just a paragraph.\n\n"),
        "index.md:5: WARNING: timeline holds content that is not a timeline-entry; it is shown "
        "after the timeline. Move it into an entry or out of the timeline [timeline.structure]",
    ),
    "missing events file": (
        myst_timeline("", ":events: missing.yaml\n"),
        "index.md:4: WARNING: events file 'missing.yaml' not found (looked for "
        "<src>/missing.yaml); the path is relative to the page, or to the source folder "
        "when it starts with '/' [timeline.events]",
    ),
    "events file of unknown format": (
        myst_timeline("", ":events: events.txt\n"),
        "index.md:4: WARNING: events file 'events.txt' has an unknown format; use a .yaml, "
        ".yml, .json, .csv file [timeline.events]",
    ),
}


@pytest.mark.parametrize("mistake", MYST_MISTAKES)
def test_each_mistake_gives_one_located_warning(build: Build, mistake: str) -> None:
    page, warning = MYST_MISTAKES[mistake]
    app = build({"index.md": page, "events.txt": "date\n2019\n"})
    assert warnings_of(app) == [f"<src>/{warning}"]
    entries = soup(app, "index").select("ol.stl-timeline > li")
    assert "The good entry." in entries[-1].get_text(), "the rest of the timeline still builds"


def test_empty_timeline(build: Build) -> None:
    app = build({"index.md": "# Page\n\n::::{timeline}\n::::\n\nAfter.\n"})
    assert warnings_of(app) == [
        "<src>/index.md:3: WARNING: timeline has no entries; add ':::{timeline-entry} DATE' "
        "entries inside it, or an :events: data file [timeline.structure]"
    ]
    assert not soup(app, "index").select("ol")
    assert "After." in soup(app, "index").get_text()


def test_entry_outside_a_timeline_keeps_its_text(build: Build) -> None:
    app = build({"index.md": "# Page\n\n:::{timeline-entry} 2019\n:label: Lost\nKept text.\n:::\n"})
    assert warnings_of(app) == [
        "<src>/index.md:3: WARNING: timeline-entry is outside a timeline; place it directly "
        "inside a timeline directive (in Markdown, the timeline's fence needs more colons than "
        "its entries') [timeline.structure]"
    ]
    text = soup(app, "index").select_one("div.body").get_text()
    assert "Lost" in text
    assert "Kept text." in text


def test_entry_nested_deeper_than_a_timeline_is_outside_it(build: Build) -> None:
    page = (
        "# Page\n\n:::::{timeline}\n\n::::{note}\n\n:::{timeline-entry} 2019\nDeep.\n:::\n::::\n"
        + GOOD_ENTRY
        + ":::::\n"
    )
    app = build({"index.md": page})
    assert warnings_of(app) == [
        "<src>/index.md:5: WARNING: timeline holds content that is not a timeline-entry; it is "
        "shown after the timeline. Move it into an entry or out of the timeline "
        "[timeline.structure]",
        "<src>/index.md:7: WARNING: timeline-entry is outside a timeline; place it directly "
        "inside a timeline directive (in Markdown, the timeline's fence needs more colons than "
        "its entries') [timeline.structure]",
    ]


RST_PAGE = """\
Page
====

.. timeline::

   .. timeline-entry:: 2015-13
      :label: Bad month

   .. timeline-entry:: 2016
      :end: 2015

      Bad end.

   .. timeline-entry:: 2017
      :colour: red

      Unknown option.

   .. timeline-entry::

.. timeline::

.. timeline-entry:: 2018

   Orphan.
"""


def test_rst_mistakes_are_reported_the_same_way(build: Build) -> None:
    app = build({"index.rst": RST_PAGE})
    assert warnings_of(app) == [
        "<src>/index.rst:6: WARNING: timeline-entry date '2015-13' is not a real date (month "
        "must be in 1..12); write it as YYYY, YYYY-MM or YYYY-MM-DD, for example 2019-04 "
        "[timeline.date]",
        "<src>/index.rst:10: WARNING: timeline-entry :end: 2015 is before its start 2016; swap "
        "them or correct the end [timeline.date]",
        "<src>/index.rst:15: WARNING: unknown option :colour: in timeline-entry; did you mean "
        ":color:? The known options are :end:, :label:, :icon:, :color:, :class:, :name: "
        "[timeline.option]",
        "<src>/index.rst:19: WARNING: timeline-entry has no date; give it one as its argument, "
        "for example '.. timeline-entry:: 2019-04' [timeline.date]",
        "<src>/index.rst:21: WARNING: timeline has no entries; add '.. timeline-entry:: DATE' "
        "entries inside it, or an :events: data file [timeline.structure]",
        "<src>/index.rst:23: WARNING: timeline-entry is outside a timeline; place it directly "
        "inside a timeline directive [timeline.structure]",
    ]
    dates = [t["datetime"] for t in soup(app, "index").select("ol.stl-timeline time")]
    assert dates == ["2016", "2017"]


EVENTS_ROWS = """\
- date: 2017-03
  label: Good row
- date: 2018
  end: present
  colour: red
- date: 2019-02-30
- label: No date
- just a string
"""


def test_bad_rows_of_an_events_file_are_reported_at_their_line(build: Build) -> None:
    app = build(
        {
            "index.md": "# Page\n\n::::{timeline}\n:events: events.yaml\n::::\n",
            "events.yaml": EVENTS_ROWS,
        }
    )
    assert warnings_of(app) == [
        "<src>/events.yaml:3: WARNING: unknown field(s) colour; the fields are date, end, "
        "label and body [timeline.events]",
        "<src>/events.yaml:6: WARNING: timeline-entry date '2019-02-30' is not a real date "
        "(day is out of range for month); write it as YYYY, YYYY-MM or YYYY-MM-DD, for "
        "example 2019-04 [timeline.date]",
        "<src>/events.yaml:7: WARNING: the row has no date; give each row a 'date' field "
        "[timeline.events]",
        "<src>/events.yaml:8: WARNING: this row is not a mapping of date, end, label, body; "
        "skipped [timeline.events]",
    ]
    dates = [t["datetime"] for t in soup(app, "index").select("ol.stl-timeline time")]
    assert dates == ["2017-03", "2018"]


@pytest.mark.parametrize(
    ("name", "content", "warning"),
    [
        ("bad.yaml", "- date: 2019\n  label: [unclosed\n", "bad.yaml:3: WARNING: invalid YAML: "),
        ("bad.json", '[{"date": "2019",}]', "bad.json:1: WARNING: invalid JSON: "),
        ("bad.csv", "when,label\n2019,x\n", "bad.csv:1: WARNING: the CSV file needs a header row"),
        ("bad.json", '{"date": "2019"}', "index.md:4: WARNING: the file must hold a list of"),
    ],
)
def test_unparsable_events_file(build: Build, name: str, content: str, warning: str) -> None:
    page = f"# Page\n\n::::{{timeline}}\n:events: {name}\n\n{GOOD_ENTRY}::::\n"
    app = build({"index.md": page, name: content})
    (line,) = warnings_of(app)
    assert line.startswith(f"<src>/{warning}")
    assert line.endswith("[timeline.events]")
    assert "The good entry." in soup(app, "index").select_one("ol.stl-timeline").get_text()


def test_warnings_are_suppressible_by_subtype(build: Build) -> None:
    page, _ = MYST_MISTAKES["bad date"]
    app = build({"index.md": page}, suppress_warnings=["timeline.date"])
    assert warnings_of(app) == []


def test_markup_in_labels_and_bodies_is_escaped(build: Build) -> None:
    page = (
        "# Page\n\n::::{timeline}\n"
        ":::{timeline-entry} 2019\n:label: <script>alert(1)</script> & co\n"
        ':class: a"b\n'
        "Body: 1 < 2 & 3 > 2\n:::\n::::\n"
    )
    app = build({"index.md": page}, myst_enable_extensions=["colon_fence", "attrs_inline"])
    html = (app.outdir / "index.html").read_text("utf8")
    entry = soup(app, "index").select_one("ol.stl-timeline > li")
    assert entry.select_one(".stl-timeline-label").get_text() == "<script>alert(1)</script> & co"
    assert "<script>alert" not in html
    assert "Body: 1 &lt; 2 &amp; 3 &gt; 2" in html
    assert entry["class"] == ["stl-timeline-entry", "a-b"]


def test_suppressing_events_warnings_leaves_none(build: Build) -> None:
    page = "# Page\n\n::::{timeline}\n:events: missing.yaml\n::::\n"
    app = build({"index.md": page}, suppress_warnings=["timeline.events"])
    assert warnings_of(app) == []
