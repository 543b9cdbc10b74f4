"""A JSON Resume as an ``:events:`` file: each dated section's mapping, ``:sections:``,
plain text, the warnings of bad values, the dependency and the other builders."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from sphinx.testing.util import SphinxTestApp

from helpers import soup, warnings_of
from sphinx_timeline.timeline.events import EventsError, load_events
from sphinx_timeline.timeline.resume import json_lines, section_names
from sphinx_timeline.timeline.settings import resume_icons

CONF = """\
extensions = ["sphinx_timeline"]
show_warning_types = True
project = "Resume"
version = "1"
copyright = "2026, the testers"
"""
SCHEMA = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"

RESUME = {
    "$schema": SCHEMA,
    "basics": {"name": "Sam Example", "summary": "Not an entry."},
    "work": [
        {
            "name": "Acme",
            "position": "Engineer",
            "url": "https://acme.example/",
            "location": "Berlin",
            "startDate": "2019-04",
            "summary": "Builds things.\n\nAnd more\n  things.",
            "highlights": ["Shipped v2", "On call"],
        },
        {
            "company": "Old Co",
            "position": "Intern",
            "website": "http://old.example/",
            "startDate": "2017-06-01",
            "endDate": "2017-09-30",
        },
    ],
    "volunteer": [
        {
            "organization": "Open Org",
            "position": "Mentor",
            "startDate": "2018",
            "summary": "Weekly mentoring.",
        }
    ],
    "education": [
        {
            "institution": "Example University",
            "url": "https://university.example/",
            "area": "Physics",
            "studyType": "Bachelor",
            "startDate": "2013",
            "endDate": "2016",
            "score": "3.7",
            "courses": ["Optics", "Mechanics"],
        }
    ],
    "awards": [
        {
            "title": "Best talk",
            "awarder": "ExampleConf",
            "date": "2020-11-05",
            "summary": "For a talk on docs.",
        }
    ],
    "certificates": [
        {
            "name": "Cloud basics",
            "issuer": "Example Academy",
            "date": "2021-02",
            "url": "https://academy.example/cert",
        }
    ],
    "publications": [
        {
            "name": "On timelines",
            "publisher": "Example Journal",
            "releaseDate": "2022",
            "url": "https://journal.example/timelines",
            "summary": "A short paper.",
        }
    ],
    "projects": [
        {
            "name": "Tooling",
            "entity": "Acme",
            "roles": ["Lead", "Developer"],
            "startDate": "2020-01",
            "description": "Internal tools.",
            "highlights": ["Fast builds"],
            "url": "https://acme.example/tooling",
        }
    ],
    "skills": [{"name": "Python", "keywords": ["docutils"]}],
    "languages": [{"language": "English", "fluency": "Native"}],
    "interests": [{"name": "Hiking"}],
    "references": [{"name": "Jo", "reference": "Reliable."}],
}

MARKUP = {
    "work": [
        {
            "position": "<b>Lead</b> & co",
            "name": "*Stars* `code`",
            "url": 'https://x.example/?a=1&b="2"',
            "startDate": "2020",
            "summary": "<script>alert(1)</script> [not a link](https://a.example) **not bold**",
            "highlights": ["<img src=x onerror=alert(1)>", ".TH roff at a line start"],
        }
    ]
}
"""Markup of every kind in a resume, which must reach each output as text."""


def timeline_page(events: str, options: str = "") -> str:
    return f"# Page\n\n::::{{timeline}}\n:events: {events}\n{options}::::\n"


SITE = {
    "conf.py": CONF + 'timeline_resume_icons = {"awards": "", "projects": "rocket"}\n',
    "resume.json": json.dumps(RESUME, indent=2),
    "resume.yml": yaml.safe_dump(RESUME, sort_keys=False),
    "markup.json": json.dumps(MARKUP, indent=2),
    "index.md": (
        "# Resume\n\n```{toctree}\nyaml\nrst\nsections\nsorted\nmarkup\n```\n\n"
        + timeline_page("resume.json").split("\n", 2)[2]
    ),
    "yaml.md": timeline_page("resume.yml"),
    "rst.rst": "Page\n====\n\n.. timeline::\n   :events: resume.json\n",
    "sections.md": timeline_page("resume.json", ":sections: education, work\n"),
    "sorted.md": (
        "# Page\n\n::::{timeline}\n:events: resume.json\n:order: ascending\n"
        ":date-format: %Y\n:sections: work, awards\n\n"
        ":::{timeline-entry} 2018-01\n:label: Written in the page\n:::\n::::\n"
    ),
    "markup.md": timeline_page("markup.json"),
}


def write(srcdir: Path, files: dict[str, str]) -> Path:
    for name, content in files.items():
        (srcdir / name).write_text(content, "utf8")
    return srcdir


def build_once(srcdir: Path, buildername: str = "html") -> SphinxTestApp:
    app = SphinxTestApp(buildername, srcdir=srcdir)
    try:
        app.build()
    finally:
        app.cleanup()  # Sphinx's global registrations; the output and data stay
    return app


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """The resume project, built once with the HTML builder."""
    return build_once(write(tmp_path_factory.mktemp("resume"), SITE))


def items(app: SphinxTestApp, page: str) -> list[Tag]:
    return soup(app, page).select("div.body ol.stl-timeline > li")


def facts(item: Tag) -> dict[str, object]:
    """What an entry shows, part by part."""
    marker = item.select_one(".stl-timeline-marker svg")
    icons = [name for name in (marker["class"] if marker else []) if name != "sd-octicon"]
    details = item.select_one(".stl-resume-details")
    content = item.select_one(".stl-timeline-content")
    when = item.select_one(".stl-timeline-when").select("time, span")
    return {
        "class": item["class"],
        "icon": icons[0].removeprefix("sd-octicon-") if icons else "",
        "when": [part["datetime"] if part.name == "time" else part.get_text() for part in when],
        "label": label.get_text() if (label := item.select_one(".stl-timeline-label")) else "",
        "links": [(a.get_text(), a["href"]) for a in content.select("a.reference")],
        "details": details.get_text() if details else None,
        "paragraphs": [p.get_text() for p in content.select(":scope > p:not([class])")],
        "list": [li.get_text() for li in content.select(":scope > ul > li")],
    }


def entry(section: str, icon: str, when: list[str], label: str, **shown: object) -> dict:
    return {
        "class": ["stl-timeline-entry", f"stl-resume-{section}"],
        "icon": icon,
        "when": when,
        "label": label,
        "links": shown.get("links", []),
        "details": shown.get("details"),
        "paragraphs": shown.get("paragraphs", []),
        "list": shown.get("list", []),
    }


EXPECTED = [
    entry(
        "work",
        "briefcase",
        ["2019-04", "present"],
        "Engineer, Acme",
        links=[("Acme", "https://acme.example/")],
        details="Berlin",
        paragraphs=["Builds things.", "And more things."],
        list=["Shipped v2", "On call"],
    ),
    entry(
        "work",
        "briefcase",
        ["2017-06-01", "2017-09-30"],
        "Intern, Old Co",
        links=[("Old Co", "http://old.example/")],
    ),
    entry(
        "volunteer",
        "heart",
        ["2018", "present"],
        "Mentor, Open Org",
        paragraphs=["Weekly mentoring."],
    ),
    entry(
        "education",
        "mortar-board",
        ["2013", "2016"],
        "Bachelor, Physics, Example University",
        links=[("Example University", "https://university.example/")],
        details="Score: 3.7",
        list=["Optics", "Mechanics"],
    ),
    entry(
        "awards", "", ["2020-11-05"], "Best talk, ExampleConf", paragraphs=["For a talk on docs."]
    ),
    entry(
        "certificates",
        "verified",
        ["2021-02"],
        "Cloud basics, Example Academy",
        links=[("Cloud basics", "https://academy.example/cert")],
    ),
    entry(
        "publications",
        "book",
        ["2022"],
        "On timelines, Example Journal",
        links=[("On timelines", "https://journal.example/timelines")],
        paragraphs=["A short paper."],
    ),
    entry(
        "projects",
        "rocket",
        ["2020-01"],
        "Tooling, Acme",
        links=[("Tooling", "https://acme.example/tooling")],
        details="Lead, Developer",
        paragraphs=["Internal tools."],
        list=["Fast builds"],
    ),
]


def test_the_site_builds_without_warnings(site: SphinxTestApp) -> None:
    assert warnings_of(site) == []


def test_each_dated_section_is_drawn_and_the_others_are_not(site: SphinxTestApp) -> None:
    assert [facts(item) for item in items(site, "index")] == EXPECTED
    text = soup(site, "index").select_one("div.body").get_text()
    assert "Not an entry." not in text
    assert "Python" not in text


def test_entries_have_ids_and_references_show_their_labels(site: SphinxTestApp) -> None:
    assert [item["id"] for item in items(site, "index")][:2] == [
        "timeline-2019-04-engineer-acme",
        "timeline-2017-06-01-intern-old-co",
    ]
    doctree = site.env.get_doctree("index")
    titles = [node["stl_title"] for node in doctree.findall(lambda n: "stl_title" in n)]
    assert titles[0] == "Engineer, Acme"


def body_html(app: SphinxTestApp, page: str) -> str:
    return str(soup(app, page).select_one("div.body ol.stl-timeline"))


def test_yaml_and_rst_give_the_same_html(site: SphinxTestApp) -> None:
    assert body_html(site, "yaml") == body_html(site, "index")
    assert body_html(site, "rst") == body_html(site, "index")


def test_sections_pick_and_order(site: SphinxTestApp) -> None:
    assert [facts(item)["class"][1] for item in items(site, "sections")] == [
        "stl-resume-education",
        "stl-resume-work",
        "stl-resume-work",
    ]


def test_order_and_date_format_apply_as_usual(site: SphinxTestApp) -> None:
    shown = [
        (facts(item)["label"], item.select_one(".stl-timeline-when").get_text(" ", strip=True))
        for item in items(site, "sorted")
    ]
    assert shown == [
        ("Intern, Old Co", "2017 – 2017 ¶"),
        ("Written in the page", "2018 ¶"),
        ("Engineer, Acme", "2019 – present ¶"),
        ("Best talk, ExampleConf", "2020 ¶"),
    ]


def test_resume_text_is_plain_text_in_html(site: SphinxTestApp) -> None:
    (item,) = items(site, "markup")
    assert facts(item) == entry(
        "work",
        "briefcase",
        ["2020", "present"],
        "<b>Lead</b> & co, *Stars* `code`",
        links=[("*Stars* `code`", 'https://x.example/?a=1&b="2"')],
        paragraphs=["<script>alert(1)</script> [not a link](https://a.example) **not bold**"],
        list=["<img src=x onerror=alert(1)>", ".TH roff at a line start"],
    )
    content = item.select_one(".stl-timeline-content")
    assert not content.select("script, img, b, em, strong strong, code")
    html = (site.outdir / "markup.html").read_text("utf8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_resume_is_a_dependency(make_app: Callable[..., SphinxTestApp], tmp_path: Path) -> None:
    srcdir = write(tmp_path, {"conf.py": CONF, "index.md": timeline_page("resume.json")})
    resume = srcdir / "resume.json"
    resume.write_text(json.dumps(RESUME), "utf8")
    make_app("html", srcdir=srcdir).build()
    edited = json.loads(resume.read_text("utf8"))
    edited["work"][0]["position"] = "Staff engineer"
    resume.write_text(json.dumps(edited), "utf8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert facts(items(app, "index")[0])["label"] == "Staff engineer, Acme"
    assert {(srcdir / path).resolve() for path in app.env.dependencies["index"]} == {
        resume.resolve()
    }


OTHER_BUILDERS = ["latex", "text", "man", "epub", "gettext"]


@pytest.fixture(scope="module", params=OTHER_BUILDERS)
def other_builder(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> SphinxTestApp:
    """The resume project, built once with each builder that is not ``html``."""
    return build_once(write(tmp_path_factory.mktemp(request.param), SITE), request.param)


def test_other_builders_without_warnings_and_text_kept_as_text(
    other_builder: SphinxTestApp,
) -> None:
    assert warnings_of(other_builder) == []
    out = other_builder.outdir
    name = other_builder.builder.name
    if name == "latex":
        tex = next(out.glob("*.tex")).read_text("utf8")
        assert r"\sphinxstylestrong{Engineer, \sphinxhref{https://acme.example/}{Acme}}" in tex
        assert r"\textless{}script\textgreater{}alert(1)\textless{}/script\textgreater{}" in tex
        assert r"*Stars* \textasciigrave{}code\textasciigrave{}" in tex
    elif name == "text":
        text = " ".join((out / "markup.txt").read_text("utf8").split())
        assert "**<b>Lead</b> & co, *Stars* `code`**" in text
        assert "<script>alert(1)</script> [not a link](https://a.example) **not bold**" in text
        assert "April 2019 – present\n   **Engineer, Acme**" in (out / "index.txt").read_text(
            "utf8"
        )
    elif name == "man":
        man = next(out.glob("*.1")).read_text("utf8")
        assert "\n\\&.TH roff at a line start" in man
        assert "\n.TH roff" not in man
    elif name == "epub":
        page = BeautifulSoup((out / "markup.xhtml").read_text("utf8"), "html.parser")
        summary = page.select_one("ol.stl-timeline .stl-timeline-content > p:not([class])")
        assert summary.get_text().startswith("<script>alert(1)</script>")
        assert not page.select("ol.stl-timeline script, ol.stl-timeline img")
    else:
        pot = (out / "index.pot").read_text("utf8")
        assert 'msgid "Engineer, Acme"' in pot
        assert 'msgid "And more things."' in pot
        assert 'msgid "Shipped v2"' in pot
        assert "2019" not in pot.split("msgid", 2)[-1]


BAD_JSON = """\
{
  "work": [
    {
      "name": "Good Co",
      "position": "Still drawn",
      "startDate": "2020-01"
    },
    {
      "name": "Typo Co",
      "startDate": "2013-12-021"
    },
    {
      "name": "Words Co",
      "startDate": "May 2011"
    },
    {
      "name": "Undated Co"
    },
    {
      "name": "List Co",
      "startDate": ["2019"]
    },
    {
      "name": "Backwards Co",
      "startDate": "2019",
      "endDate": "2018"
    },
    {
      "name": "Bad end Co",
      "startDate": "2019",
      "endDate": "soon"
    },
    {
      "name": {"nested": true},
      "position": "Wrong types",
      "startDate": "2015",
      "highlights": "not a list",
      "url": "javascript:alert(1)"
    },
    "not an item"
  ],
  "education": [
    {
      "institution": "Example University",
      "startDate": "2010",
      "courses": ["Optics", true, {"name": "Mechanics"}]
    }
  ],
  "awards": {"title": "Not a list"}
}
"""

BAD_YAML = """\
work:
- name: Good Co
  position: Still drawn
  startDate: 2020-01
- name: Typo Co
  startDate: 2013-12-021
- name: Words Co
  startDate: May 2011
- name: Undated Co
- name: List Co
  startDate: [2019]
- name: Backwards Co
  startDate: 2019
  endDate: 2018
- name: Bad end Co
  startDate: 2019
  endDate: soon
- name:
    nested: true
  position: Wrong types
  startDate: 2015
  highlights: not a list
  url: javascript:alert(1)
- not an item
education:
- institution: Example University
  startDate: 2010
  courses:
  - Optics
  - true
  - name: Mechanics
awards:
  title: Not a list
"""

DATE_HELP = "write it as YYYY, YYYY-MM or YYYY-MM-DD, for example 2019-04"


def bad_value_warnings(file: str, lines: list[int]) -> list[str]:
    """The warnings of ``BAD_JSON`` or ``BAD_YAML``, at ``lines``."""
    messages = [
        f"work[1].startDate: '2013-12-021' is not a date; {DATE_HELP}; the item is left out",
        f"work[2].startDate: 'May 2011' is not a date; {DATE_HELP}; the item is left out",
        f"work[3] has no startDate; add it and {DATE_HELP}; the item is left out",
        f"work[4].startDate must be a date, not a list; {DATE_HELP}; the item is left out",
        "work[5].endDate 2018 is before its startDate 2019; swap them or correct the end; "
        "the end is left out",
        f"work[6].endDate: 'soon' is not a date; {DATE_HELP}; the end is left out",
        "work[7].name must be a text, not a mapping; it is left out",
        "work[7].highlights must be a list of texts, not a text; it is left out",
        "work[7].url: 'javascript:alert(1)' is not a web address starting with https:// or "
        "http://, so it is not made a link",
        "work[8] must be a mapping of fields such as position, name, startDate, not a text; "
        "the item is left out",
        "education[0].courses[1] must be a text, not a boolean (true or false); it is left out",
        "education[0].courses[2] must be a text, not a mapping; it is left out",
        "awards must be a list of items, not a mapping; it is left out",
    ]
    return [
        f"<src>/{file}:{line}: WARNING: {message} [timeline.events]"
        for line, message in zip(lines, messages, strict=True)
    ]


MISTAKES = {
    "conf.py": CONF + 'timeline_resume_icons = {"wrk": "rocket"}\n',
    "bad.json": BAD_JSON,
    "bad.yaml": BAD_YAML,
    "ok.json": json.dumps({"work": RESUME["work"][:1], "awards": RESUME["awards"]}),
    "empty.json": json.dumps({"$schema": "https://jsonresume.org/schema", "basics": {}}),
    "rows.yaml": "- date: 2019\n  label: A row\n",
    "index.md": "# Mistakes\n\n```{toctree}\nbad-json\nbad-yaml\nempty\nsections\n```\n",
    "bad-json.md": timeline_page("bad.json"),
    "bad-yaml.md": timeline_page("bad.yaml"),
    "empty.md": timeline_page("empty.json"),
    "sections.md": (
        timeline_page("ok.json", ":sections: wrk, skills\n")
        + "\n"
        + timeline_page("rows.yaml", ":sections: work\n").split("\n", 2)[2]
        + "\n::::{timeline}\n:sections: work\n\n:::{timeline-entry} 2019\n:label: Written\n:::\n"
        + "::::\n"
    ),
}


@pytest.fixture(scope="module")
def mistakes(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """A project of resumes with mistakes, built once with the HTML builder."""
    return build_once(write(tmp_path_factory.mktemp("mistakes"), MISTAKES))


def test_each_bad_value_gives_one_located_warning(mistakes: SphinxTestApp) -> None:
    json_lines_of_values = [10, 14, 16, 21, 26, 31, 34, 37, 38, 40, 46, 46, 49]
    yaml_lines_of_values = [6, 8, 9, 11, 14, 17, 19, 22, 23, 24, 30, 31, 33]
    assert warnings_of(mistakes) == [
        f"<src>/conf.py:{CONF.count(chr(10)) + 1}: WARNING: timeline_resume_icons has the key "
        "'wrk', which is not a JSON Resume section with dates; did you mean 'work'? Otherwise "
        "use one of work, volunteer, education, awards, certificates, publications, projects; "
        "using the default {}. Fix the value in conf.py. [timeline.config]",
        *bad_value_warnings("bad.json", json_lines_of_values),
        *bad_value_warnings("bad.yaml", yaml_lines_of_values),
        "<src>/empty.md:4: WARNING: JSON Resume 'empty.json' has no items in its work, "
        "volunteer, education, awards, certificates, publications, projects sections; add "
        "items with dates to them, or pick other :sections: [timeline.events]",
        "<src>/sections.md:5: WARNING: timeline :sections: 'wrk' (did you mean 'work'?), "
        "'skills' are not JSON Resume sections with dates; use one or more of work, "
        "volunteer, education, awards, certificates, publications, projects, separated by "
        "commas [timeline.option]",
        "<src>/sections.md:10: WARNING: timeline :sections: picks the sections of a JSON "
        "Resume, and the :events: file 'rows.yaml' is not one; remove :sections: "
        "[timeline.option]",
        "<src>/sections.md:14: WARNING: timeline :sections: picks the sections of a JSON "
        "Resume :events: file; add :events: or remove :sections: [timeline.option]",
    ]


@pytest.mark.parametrize("page", ["bad-json", "bad-yaml"])
def test_the_other_entries_still_build(mistakes: SphinxTestApp, page: str) -> None:
    shown = [facts(item) for item in items(mistakes, page)]
    assert [(e["label"], e["when"], e["links"], e["list"]) for e in shown] == [
        ("Still drawn, Good Co", ["2020-01", "present"], [], []),
        ("Backwards Co", ["2019"], [], []),
        ("Bad end Co", ["2019"], [], []),
        ("Wrong types", ["2015", "present"], [], []),
        ("Example University", ["2010"], [], ["Optics"]),
    ]
    assert "javascript" not in str(soup(mistakes, page).select_one("div.body"))
    assert [icon for e in shown if (icon := e["icon"])] == ["briefcase"] * 4 + ["mortar-board"]


def test_a_bad_sections_option_draws_every_section(mistakes: SphinxTestApp) -> None:
    labels = [facts(item)["label"] for item in items(mistakes, "sections")]
    assert labels == ["Engineer, Acme", "Best talk, ExampleConf", "A row", "Written"]


def test_a_mapping_that_is_no_resume_is_still_an_error(tmp_path: Path) -> None:
    path = tmp_path / "events.json"
    path.write_text('{"rows": []}', "utf8")
    with pytest.raises(EventsError) as error:
        load_events(path)
    assert str(error.value).endswith("), or be a JSON Resume")


def test_json_lines_follow_the_structure() -> None:
    text = '{"a": [1,\n {"b": "x\\n,]}",\n  "c": {"d": [[0],\n\n 2]}}],\n"e": {}}'
    assert json_lines(text) == {
        (): 1,
        ("a",): 1,
        ("a", 0): 1,
        ("a", 1): 2,
        ("a", 1, "b"): 2,
        ("a", 1, "c"): 3,
        ("a", 1, "c", "d"): 3,  # four levels deep: what it holds is not walked
        ("e",): 6,
    }
    assert json_lines('{"a": 1,\n"a": 2}')[("a",)] == 2, "the last, as json.loads keeps it"


@pytest.mark.parametrize(
    ("value", "names"),
    [("work, education", ("work", "education")), ("projects work,work", ("projects", "work"))],
)
def test_section_names(value: str, names: tuple[str, ...]) -> None:
    assert section_names(value) == names


def test_an_empty_sections_option_is_refused() -> None:
    with pytest.raises(ValueError, match=r"^names no section; use one or more of work, "):
        section_names(" , ")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            {"work": "rockt"},
            "maps 'work' to 'rockt', which is not an octicon name; did you mean 'rocket'? "
            "Otherwise give an octicon name, such as rocket, or ''",
        ),
        (
            {"work": None},
            "maps 'work' to None, which is not an octicon name; give an octicon name, such as "
            "rocket, or ''",
        ),
        (["work"], "must be a dict, not ['work']"),
    ],
)
def test_bad_icon_settings_are_refused(value: object, message: str) -> None:
    with pytest.raises((TypeError, ValueError)) as error:
        resume_icons(value)
    assert str(error.value) == message
