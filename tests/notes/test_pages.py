"""The generated notes pages: notes index, archive, tag and category pages, paginated,
in the theme's own layout, written only when they change."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from helpers import (
    assert_same_output,
    build_once,
    build_without_warnings,
    copy_root,
    soup,
    sphinx_build,
    warnings_of,
)

Build = Callable[..., SphinxTestApp]

GENERATED = [
    "blog/archive.html",
    "blog/archive/page/2.html",
    "blog/archive/page/3.html",
    "blog/index.html",
    "blog/page/2.html",
    "blog/page/3.html",
    "categories/index.html",
    "categories/life.html",
    "categories/work.html",
    "tags/career.html",
    "tags/index.html",
    "tags/index_.html",
    "tags/python-2.html",
    "tags/python-2/page/2.html",
    "tags/python.html",
    "tags/r-d-b.html",
    "tags/riben.html",
]
"""Every page generated for the notes of ``test-notes-listings`` (two notes a page)."""


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """The listings project, built once with the HTML builder."""
    return build_once(copy_root("notes-listings", tmp_path_factory.mktemp("pages")))


def generated(outdir: Path) -> list[str]:
    """The HTML files in the folders of the generated pages."""
    return sorted(
        path.relative_to(outdir).as_posix()
        for folder in ("blog", "tags", "categories")
        if (outdir / folder).is_dir()
        for path in (outdir / folder).rglob("*.html")
    )


def listed(page: BeautifulSoup) -> list[tuple[str, str]]:
    """The title and link of each note a generated page lists."""
    links = page.select("div.body a.sd-stretched-link, div.body p.stl-note-item-head a")
    return [(link.get_text(), link["href"]) for link in links]


def test_the_pages_build_without_warnings(html: SphinxTestApp) -> None:
    assert warnings_of(html) == []


def test_every_listing_gets_its_pages(html: SphinxTestApp) -> None:
    assert generated(html.outdir) == GENERATED


def test_the_notes_index_shows_featured_notes_first_as_cards(html: SphinxTestApp) -> None:
    first = soup(html, "blog/index")
    assert first.select_one("div.body h1").get_text() == "Notes¶"
    cards = first.select("div.body .sd-card.stl-note-card")
    assert [card.select_one(".sd-card-title a").get_text() for card in cards] == [
        "Fourth",
        "First pull request",
    ]
    assert listed(first) == [
        ("Fourth", "../notes/fourth.html"),
        ("First pull request", "../notes/first.html"),
    ]
    assert cards[0].select_one("time")["datetime"] == "2024-02-02"
    assert cards[0].select_one("p.stl-note-summary").get_text() == (
        "The description is the summary of the fourth note."
    )
    assert listed(soup(html, "blog/page/2")) == [
        ("Fifth, in reStructuredText", "../../notes/fifth.html"),
        ("Third <time>", "../../notes/third.html"),
    ]
    assert listed(soup(html, "blog/page/3")) == [("Second thoughts", "../../notes/second.html")]


@pytest.mark.parametrize(
    ("page", "newer", "older", "shown"),
    [
        ("blog/index", "", "page/2.html", "Page 1 of 3 · Older notes"),
        ("blog/page/2", "../index.html", "3.html", "Newer notes · Page 2 of 3 · Older notes"),
        ("blog/page/3", "2.html", "", "Newer notes · Page 3 of 3"),
        ("tags/python-2/page/2", "../../python-2.html", "", "Newer notes · Page 2 of 2"),
    ],
)
def test_long_listings_are_split_into_linked_pages(
    html: SphinxTestApp, page: str, newer: str, older: str, shown: str
) -> None:
    parsed = soup(html, page)
    expected = {rel: href for rel, href in (("prev", newer), ("next", older)) if href}
    head = parsed.select("head link[rel=prev], head link[rel=next]")
    assert {link["rel"][0]: link["href"] for link in head} == expected
    nav = parsed.select_one("div.body nav.stl-pagination")
    assert {link["rel"][0]: link["href"] for link in nav.select("a[rel]")} == expected
    assert nav.get_text(" ", strip=True) == shown


def test_a_single_page_listing_has_no_page_links(html: SphinxTestApp) -> None:
    page = soup(html, "tags/career")
    assert page.select("link[rel=prev], link[rel=next], nav.stl-pagination") == []


def test_the_archive_groups_the_notes_by_year_newest_first(html: SphinxTestApp) -> None:
    def years(page: str) -> list[tuple[str, list[str]]]:
        parsed = soup(html, page)
        return [
            (
                section.select_one("h2").get_text().rstrip("¶"),
                [link.get_text() for link in section.select("p.stl-note-item-head a")],
            )
            for section in parsed.select("div.body section section")
        ]

    assert years("blog/archive") == [("2024", ["Fifth, in reStructuredText", "Fourth"])]
    assert years("blog/archive/page/2") == [
        ("2023", ["Third <time>"]),
        ("2022", ["Second thoughts"]),
    ]
    assert years("blog/archive/page/3") == [("2021", ["First pull request"])]


def test_tags_get_distinct_ascii_pages_that_the_note_header_links(html: SphinxTestApp) -> None:
    index = soup(html, "tags/index")
    entries = [
        (item.select_one("a").get_text(), item.select_one("a")["href"], item.get_text())
        for item in index.select("div.body ul.stl-note-tag-index li")
    ]
    assert entries == [
        ("career", "career.html", "career (2)"),
        ("Index", "index_.html", "Index (1)"),
        ("Python", "python.html", "Python (1)"),
        ("python", "python-2.html", "python (3)"),
        ("R&D <b>", "r-d-b.html", "R&D <b> (1)"),
        ("日本", "riben.html", "日本 (1)"),
    ]
    assert index.select("div.body b") == [], "a tag's name is text, never markup"
    header = soup(html, "notes/third").select("p.stl-note-tags a")
    assert [link["href"] for link in header] == [
        "../tags/index_.html",
        "../tags/python-2.html",
        "../tags/r-d-b.html",
    ]
    python = soup(html, "tags/python-2")
    assert python.select_one("div.body h1").get_text() == "Tag: python¶"
    assert python.select_one("title").get_text().startswith("Tag: python — ")
    assert listed(python) == [
        ("Fifth, in reStructuredText", "../notes/fifth.html"),
        ("Third <time>", "../notes/third.html"),
    ]
    assert listed(soup(html, "tags/python")) == [("Second thoughts", "../notes/second.html")]


def test_categories_get_pages_too(html: SphinxTestApp) -> None:
    index = soup(html, "categories/index")
    assert [item.get_text() for item in index.select("div.body li")] == ["life (1)", "work (2)"]
    work = soup(html, "categories/work")
    assert work.select_one("div.body h1").get_text() == "Category: work¶"
    assert listed(work) == [
        ("Second thoughts", "../notes/second.html"),
        ("First pull request", "../notes/first.html"),
    ]


def test_each_page_links_the_other_listings(html: SphinxTestApp) -> None:
    def others(page: str) -> list[tuple[str, str]]:
        links = soup(html, page).select("div.body p.stl-notes-pages a")
        return [(link.get_text(), link["href"]) for link in links]

    assert others("blog/index") == [
        ("Archive", "archive.html"),
        ("Tags", "../tags/index.html"),
        ("Categories", "../categories/index.html"),
    ]
    assert others("tags/python-2/page/2") == [
        ("Notes", "../../../blog/index.html"),
        ("Archive", "../../../blog/archive.html"),
        ("Categories", "../../../categories/index.html"),
    ]


def test_every_generated_page_navigation_reaches_the_pages(tmp_path: Path) -> None:
    """The theme's navigation, rendered once and re-linked for each folder, links each
    generated page to the project's pages as Sphinx links a page of the project."""
    srcdir = copy_root("notes-listings", tmp_path)
    sidebars = {"**": ["globaltoc.html"]}  # the whole toctree, in every page
    outdir = build_without_warnings(srcdir, tmp_path / "build", html_sidebars=sidebars)
    expected = {  # the project's pages (the held-back draft has none)
        (outdir / source.relative_to(srcdir)).with_suffix(".html").resolve()
        for source in [*srcdir.rglob("*.md"), *srcdir.rglob("*.rst")]
        if source.stem != "draft"
    }
    for name in generated(outdir):
        page = parse(outdir / name)
        links = page.select("div.sphinxsidebar a.reference.internal")
        found = {(outdir / name).parent.joinpath(link["href"]).resolve() for link in links}
        assert found <= expected, name
        assert len(found) >= 3, name


def test_doc_links_reach_the_generated_pages(html: SphinxTestApp) -> None:
    links = soup(html, "index").select("div.body p a")
    assert [(link.get_text(), link["href"]) for link in links[1:]] == [
        ("Notes", "blog/index.html"),
        ("every tag", "tags/index.html"),
        ("the Python notes", "tags/python.html"),
    ]


@pytest.mark.parametrize("buildername", ["singlehtml", "text"])
def test_other_builders_have_no_generated_pages(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, buildername: str
) -> None:
    app = make_app(buildername, srcdir=copy_root("notes-listings", tmp_path))
    app.build()
    assert warnings_of(app) == []  # nitpicky: the doc links are known, shown as text
    assert generated(app.outdir) == []
    if buildername == "text":
        assert "See the listings, *Notes*, *every tag* and *the Python notes*." in (
            (app.outdir / "index.txt").read_text("utf8")
        )
    else:
        paragraph = soup(app, "index").select_one("#notes-and-listings p")
        assert [link.get_text() for link in paragraph.select("a")] == ["the listings"]


def test_dirhtml_writes_each_page_in_its_folder(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    app = make_app("dirhtml", srcdir=copy_root("notes-listings", tmp_path))
    app.build()
    assert warnings_of(app) == []
    assert generated(app.outdir) == [
        page if page.endswith("index.html") else page.removesuffix(".html") + "/index.html"
        for page in GENERATED
    ]
    page = soup(app, "blog/page/2/index")
    assert listed(page)[0] == ("Fifth, in reStructuredText", "../../../notes/fifth/")
    head = page.select("head link[rel=prev], head link[rel=next]")
    assert {link["rel"][0]: link["href"] for link in head} == {"prev": "../../", "next": "../3/"}
    assert soup(app, "notes/third/index").select("p.stl-note-tags a")[0]["href"] == (
        "../../tags/index_/"
    )


THEMES = {
    "alabaster": ("#searchbox form.search", ".sphinxsidebar .toctree-l1 > a", "div.body"),
    "furo": ("form.sidebar-search-container", ".sidebar-tree .toctree-l1 > a", "article"),
    "pydata_sphinx_theme": ("form.bd-search", ".bd-header .navbar-nav a", "article.bd-article"),
    "sphinx_rtd_theme": (
        "form#rtd-search-form",
        ".wy-menu-vertical .toctree-l1 > a",
        "div[itemprop=articleBody]",
    ),
}
"""Each theme's search form, navigation links and main content, as it writes them."""
THEME_PROJECT = {
    "conf.py": 'extensions = ["sphinx_timeline"]\ntimeline_notes_per_page = 1\n',
    "index.md": "# Home\n\n```{toctree}\n\na\nb\n```\n",
    "a.md": "---\ndate: 2024-01-01\ntags: [x]\n---\n# Note A\n\nText A.\n",
    "b.md": "---\ndate: 2024-02-02\ntags: [x]\n---\n# Note B\n\nText B.\n",
}


def parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf8"), "html.parser")


@pytest.mark.parametrize("theme", THEMES)
def test_generated_pages_look_native_in_each_theme(tmp_path: Path, theme: str) -> None:
    """Each theme in a build of its own (a theme's templates can outlive its build in a
    process: pydata-sphinx-theme adds to the shared default ``templates_path``)."""
    for name, content in THEME_PROJECT.items():
        (tmp_path / "src" / name).parent.mkdir(exist_ok=True)
        (tmp_path / "src" / name).write_text(content, "utf8")
    outdir = tmp_path / "out"
    sphinx_build(tmp_path / "src", outdir, "-D", f"html_theme={theme}")  # -W: no warnings
    search, navigation, content = THEMES[theme]
    note, page = parse(outdir / "a.html"), parse(outdir / "tags/x/page/2.html")
    assert page.select_one(search)["action"] == "../../../search.html"
    assert note.select_one(search)["action"] == "search.html"
    links = page.select(navigation)
    assert [link.get_text(strip=True) for link in links] == ["Note A", "Note B"]
    assert [link.get_text(strip=True) for link in note.select(navigation)] == ["Note A", "Note B"]
    assert {(outdir / "tags/x/page" / link["href"]).resolve() for link in links} == {
        (outdir / "a.html").resolve(),
        (outdir / "b.html").resolve(),
    }
    main = page.select_one(content)
    assert main.select_one("h1").get_text().rstrip("¶#\uf0c1") == "Tag: x, page 2 of 2"
    assert [link.get_text() for link in main.select("p.stl-note-item-head a")] == ["Note A"]
    assert page.select_one("head link[rel=prev]")["href"] == "../../x.html"


def test_a_generated_page_never_overwrites_a_page_of_the_project(build: Build) -> None:
    app = build(
        {
            "index.md": "# Home\n\n```{toctree}\n\nnote\nblog/index\ntags/python\n```\n",
            "note.md": "---\ndate: 2024-01-01\ntags: [python]\n---\n# A note\n\nText.\n",
            "blog/index.md": "# My own blog page\n",
            "tags/python.md": "# My own python page\n",
        }
    )
    assert warnings_of(app) == [
        "<src>/blog/index.md: WARNING: the generated page 'blog/index' (Notes) would "
        "overwrite the page 'blog/index', so it is not written; rename or move that page, "
        "or set timeline_notes_path to another folder [timeline.config]",
        "<src>/tags/python.md: WARNING: the generated page 'tags/python' (Tag: python) would "
        "overwrite the page 'tags/python', so it is not written; rename or move that page "
        "[timeline.config]",
    ]
    assert soup(app, "blog/index").select_one("h1").get_text() == "My own blog page¶"
    assert soup(app, "tags/python").select_one("h1").get_text() == "My own python page¶"
    assert soup(app, "blog/archive").select_one("div.body h1").get_text() == "Archive¶"


def test_a_bad_setting_is_one_warning_and_its_default(build: Build) -> None:
    conf = (
        'extensions = ["sphinx_timeline"]\nshow_warning_types = True\n'
        'timeline_notes_path = "tags/notes"\ntimeline_notes_per_page = 0\n'
    )
    app = build({"conf.py": conf, "index.md": "---\ndate: 2024-01-01\n---\n# A note\n\nText.\n"})
    assert warnings_of(app) == [
        "<src>/conf.py:3: WARNING: timeline_notes_path must not be in 'tags' or "
        "'categories', which hold the tag and category pages, not 'tags/notes'; using the "
        "default 'blog'. Fix the value in conf.py. [timeline.config]",
        "<src>/conf.py:4: WARNING: timeline_notes_per_page must be at least 1, not 0; using "
        "the default 10. Fix the value in conf.py. [timeline.config]",
    ]
    assert generated(app.outdir) == ["blog/archive.html", "blog/index.html"]


def test_the_notes_folder_is_a_setting(build: Build) -> None:
    app = build(
        {"index.md": "---\ndate: 2024-01-01\n---\n# A note\n\nText {doc}`/notes/all/index`.\n"},
        timeline_notes_path="notes/all",
    )
    assert warnings_of(app) == []
    assert (app.outdir / "notes/all/index.html").is_file()
    assert (app.outdir / "notes/all/archive.html").is_file()
    assert soup(app, "index").select_one("div.body p a")["href"] == "notes/all/index.html"


def test_a_project_without_notes_gets_no_pages(build: Build) -> None:
    app = build({"index.md": "# Home\n\nNo notes here.\n"})
    assert warnings_of(app) == []
    assert generated(app.outdir) == []


def modification_times(outdir: Path, names: list[str]) -> dict[str, int]:
    return {name: (outdir / name).stat().st_mtime_ns for name in names}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf8")
    assert old in text
    path.write_text(text.replace(old, new), "utf8")


def test_an_incremental_build_rewrites_only_the_listings_that_change(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    srcdir = copy_root("notes-listings", tmp_path)

    def build(**options: object) -> SphinxTestApp:
        app = make_app("html", srcdir=srcdir, **options)
        app.build()
        app.cleanup()  # before the next build registers the extension again
        return app

    outdir = build().outdir
    watched = [*GENERATED, "listings.html"]
    before = modification_times(outdir, watched)

    edit(srcdir / "notes" / "first.md", "The rest of the story", "The rest of this story")
    assert warnings_of(build()) == []
    assert modification_times(outdir, watched) == before

    edit(srcdir / "notes" / "first.md", "# First pull request", "# My first pull request")
    build()
    after = modification_times(outdir, watched)
    assert sorted(name for name in watched if after[name] != before[name]) == [
        "blog/archive/page/3.html",
        "blog/index.html",
        "categories/work.html",
        "listings.html",
        "tags/career.html",
        "tags/python-2/page/2.html",
    ]
    clean = build(builddir=tmp_path / "clean", freshenv=True)
    for name in watched:
        assert (outdir / name).read_bytes() == (clean.outdir / name).read_bytes(), name
    assert "My first pull request" in soup(clean, "tags/career").get_text()

    (srcdir / "notes" / "fifth.rst").unlink()  # two notes fewer for python: one page less
    (srcdir / "notes" / "second.md").unlink()  # no more Python, 日本, two pages less
    build()
    clean = build(builddir=tmp_path / "clean-again", freshenv=True)
    assert generated(outdir) == generated(clean.outdir)
    assert not (outdir / "tags" / "python-2").exists(), "no empty folder is left"
    for name in generated(outdir):
        assert (outdir / name).read_bytes() == (clean.outdir / name).read_bytes(), name


def test_parallel_and_serial_builds_are_identical(tmp_path: Path) -> None:
    srcdir = copy_root("notes-listings", tmp_path)
    sphinx_build(srcdir, tmp_path / "serial", "-j", "1")
    sphinx_build(srcdir, tmp_path / "parallel", "-j", "2")
    assert_same_output(tmp_path / "serial", tmp_path / "parallel")
