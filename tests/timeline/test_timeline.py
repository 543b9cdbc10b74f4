"""The timeline in HTML: structure, order, dates, references and data files."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from helpers import copy_root, expect, soup, warnings_of
from sphinx_timeline.timeline.nodes import timeline as timeline_node

Build = Callable[..., SphinxTestApp]


def entries(app: SphinxTestApp, page: str, index: int = 0) -> list[tuple[str, str]]:
    """(id, shown dates) of each entry of the ``index``-th timeline of ``page``."""
    timeline = soup(app, page).select("div.body ol.stl-timeline")[index]
    return [
        (
            item["id"],
            " ".join(item.select_one(".stl-timeline-when").get_text().split()).rstrip(" ¶"),
        )
        for item in timeline.select(":scope > li")
    ]


@pytest.mark.sphinx("html", testroot="timeline")
def test_html_structure(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    timeline = soup(app, "career").select_one("div.body ol.stl-timeline")
    expect("timeline-career.html", timeline.prettify())


@pytest.mark.sphinx("html", testroot="timeline")
def test_doctree(app: SphinxTestApp) -> None:
    app.build()
    doctree = app.env.get_doctree("career")
    timeline = next(iter(doctree.findall(timeline_node)))
    text = re.sub(r' source="[^"]*"', "", timeline.pformat())
    # docutils < 0.22 writes booleans as False/True
    text = text.replace('translatable="False"', 'translatable="0"')
    text = text.replace('translatable="True"', 'translatable="1"')
    expect("timeline-career.xml", text)


@pytest.mark.sphinx("html", testroot="timeline")
def test_myst_and_rst_give_the_same_html(app: SphinxTestApp) -> None:
    app.build()
    myst = soup(app, "career").select_one("div.body ol.stl-timeline")
    rst = soup(app, "career-rst").select_one("div.body ol.stl-timeline")
    normalise = lambda html: re.sub(r'(id="|href="#)rst-', r"\1", html).replace("\n", "")  # noqa: E731
    assert "career-timeline" in myst["id"]
    del myst["id"]
    assert normalise(str(myst)) == normalise(str(rst))


@pytest.mark.sphinx("html", testroot="timeline")
def test_order_precision_and_ids(app: SphinxTestApp) -> None:
    app.build()
    assert entries(app, "career") == [
        ("timeline-2012", "2012 – January 2013"),
        ("first-pr", "February 11, 2013"),
        ("timeline-2015-06-a-talk", "June 2015"),
        ("maintainer", "April 2019 – present"),
    ]
    assert entries(app, "career", 1) == [
        ("timeline-2016-03-09-day", "09.03.2016"),
        ("timeline-2016-03-month", "03.2016"),
        ("timeline-2016-year", "2016"),
    ]
    times = soup(app, "career").select("div.body ol.stl-timeline time")
    assert [t["datetime"] for t in times][:3] == ["2012", "2013-01", "2013-02-11"]


@pytest.mark.sphinx("html", testroot="timeline")
def test_entries_in_document_order_by_default(app: SphinxTestApp) -> None:
    app.build()
    assert [when for _, when in entries(app, "events")] == ["March 2017", "2018 – present"]


@pytest.mark.sphinx("html", testroot="timeline")
def test_each_entry_has_a_permalink_marker_and_label(app: SphinxTestApp) -> None:
    app.build()
    for item in soup(app, "career").select("div.body ol.stl-timeline > li"):
        link = item.select_one(".stl-timeline-when a.headerlink")
        assert link["href"] == f"#{item['id']}"
        assert item.select_one(".stl-timeline-marker")["aria-hidden"] == "true"
    maintainer = soup(app, "career").select_one("#maintainer")
    assert maintainer["class"] == ["stl-timeline-entry", "stl-color-success"]
    assert maintainer.select_one(".stl-timeline-marker svg.sd-octicon-rocket")
    assert maintainer.select_one(".stl-timeline-label").get_text() == "Maintainer of the project"
    assert maintainer.select_one(".stl-timeline-label em").get_text() == "the"
    first = soup(app, "career").select_one("#first-pr")
    assert first.select_one("img")["src"] == "_images/badge.png"
    assert (app.outdir / "_images" / "badge.png").is_file()
    talk = soup(app, "career").select_one("#timeline-2015-06-a-talk")
    assert talk["class"] == ["stl-timeline-entry", "talk", "highlight"]
    assert talk.select_one("div.admonition.note")


@pytest.mark.sphinx("html", testroot="timeline")
def test_references_reach_entries_across_pages(app: SphinxTestApp) -> None:
    app.build()
    links = [(a["href"], a.get_text()) for a in soup(app, "refs").select("div.body p a")]
    assert links == [
        ("career.html#first-pr", "First pull request"),
        ("career.html#maintainer", "Maintainer of the project"),
        ("career-rst.html#rst-first-pr", "First pull request"),
        ("career.html#career-timeline", "the timeline"),
    ]


@pytest.mark.sphinx("html", testroot="timeline")
def test_events_from_yaml_json_and_csv(app: SphinxTestApp) -> None:
    app.build()
    timelines = soup(app, "events").select("div.body ol.stl-timeline")
    yaml, json, csv = (
        [li.get_text(" ", strip=True) for li in t.select(":scope > li")] for t in timelines
    )
    assert yaml[0].startswith(
        "March 2017 ¶ Core developer Joined the core team; see the announcement"
    )
    assert json == list(reversed(csv))
    assert csv == [
        "March 2017 ¶ Core developer Joined the core team.",
        "2018 – present ¶ Release manager",
    ]
    first = timelines[0].select_one("li")
    assert first.select_one("a.reference.external")["href"] == "https://example.org/core"
    assert [li.get_text() for li in first.select("ul li")] == ["reviews", "mentoring"]
    assert timelines[1].select_one("li em").get_text() == "core"


@pytest.mark.sphinx("html", testroot="timeline")
def test_stylesheet_only_on_pages_with_a_timeline_and_no_script(app: SphinxTestApp) -> None:
    app.build()
    assert (app.outdir / "_static" / "sphinx-timeline.css").is_file()
    for page, has_timeline in [
        ("career", True),
        ("events", True),
        ("plain", False),
        ("refs", False),
    ]:
        links = [link["href"] for link in soup(app, page).select("link[rel=stylesheet]")]
        assert any("sphinx-timeline.css" in href for href in links) is has_timeline, page
    scripts = [s.get("src", "") for s in soup(app, "career").select("script")]
    assert not any("timeline" in src for src in scripts)


def test_assets_policy_always_adds_the_stylesheet_everywhere(build: Build) -> None:
    conf = (
        'extensions = ["sphinx_timeline"]\n'
        'def setup(app):\n    app.set_html_assets_policy("always")\n'
    )
    app = build({"conf.py": conf, "index.md": "# Plain\n"})
    links = [link["href"] for link in soup(app, "index").select("link[rel=stylesheet]")]
    assert any("sphinx-timeline.css" in href for href in links)


TWO_DATES = """\
# P

::::{timeline}
:::{timeline-entry} 2013-02-11
:::
:::{timeline-entry} 2013
:::
::::
"""


def test_date_format_from_config(build: Build) -> None:
    app = build({"index.md": TWO_DATES}, timeline_date_format="%Y/%m/%d")
    assert [when for _, when in entries(app, "index")] == ["2013/02/11", "2013"]


@pytest.mark.parametrize(
    ("language", "shown", "link_title"),
    [
        ("en", ["February 11, 2013", "May 2013 – present"], "Link to this entry"),
        ("de", ["11. Februar 2013", "Mai 2013 – heute"], "Link zu diesem Eintrag"),
        ("fr", ["11 février 2013", "mai 2013 – aujourd’hui"], "Lien vers cette entrée"),
        ("es", ["11 de febrero de 2013", "mayo de 2013 – actualidad"], "Enlace a esta entrada"),
    ],
)
def test_dates_and_words_follow_the_language(
    build: Build, language: str, shown: list[str], link_title: str
) -> None:
    page = TWO_DATES.replace(
        ":::{timeline-entry} 2013\n", ":::{timeline-entry} 2013-05\n:end: present\n"
    )
    app = build({"index.md": page}, language=language)
    assert [when for _, when in entries(app, "index")] == shown
    assert soup(app, "index").select_one("ol.stl-timeline a.headerlink")["title"] == link_title


def test_bad_config_value_warns_and_uses_the_default(build: Build) -> None:
    conf = 'extensions = ["sphinx_timeline"]\n\ntimeline_date_format = "Year"\n'
    app = build({"conf.py": conf, "index.md": TWO_DATES}, show_warning_types=True)
    assert warnings_of(app) == [
        "<src>/conf.py:3: WARNING: timeline_date_format must contain strftime codes such as "
        "%Y, %B or %d (got 'Year'); using the default ''. Fix the value in conf.py. "
        "[timeline.config]"
    ]
    assert [when for _, when in entries(app, "index")] == ["February 11, 2013", "2013"]


def test_editing_an_events_file_rebuilds_its_page(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    srcdir = copy_root("timeline", tmp_path)
    app = make_app("html", srcdir=srcdir)
    app.build()
    data = srcdir / "data" / "career.csv"
    data.write_text(data.read_text("utf8").replace("Release manager", "Steering council"), "utf8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert "Steering council" in soup(app, "events").get_text()
    dependencies = {(srcdir / path).resolve() for path in app.env.dependencies["events"]}
    assert dependencies == {
        (srcdir / "data" / name).resolve() for name in ("career.yaml", "career.json", "career.csv")
    }


def test_bold_inside_a_label_is_not_nested_in_text(build: Build) -> None:
    page = (
        "# Page\n\n::::{timeline}\n:::{timeline-entry} 2019\n"
        ":label: Maintainer of **docs-kit**\nBody.\n:::\n::::\n"
    )
    app = build({"index.md": page}, "text")
    assert "**Maintainer of docs-kit**" in (app.outdir / "index.txt").read_text("utf8")
