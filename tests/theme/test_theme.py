"""The ``sphinx_timeline`` theme's HTML: navigation, options, notes, weight, builds.

The project ``roots/test-theme-site`` is built once with the theme; pages are read with
BeautifulSoup. Smaller projects check the options' warnings and the theme loaded
without the extension in ``extensions``.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from helpers import (
    assert_same_output,
    build_without_warnings,
    copy_root,
    sphinx_build,
    warnings_of,
)
from sphinx_timeline.theme.context import read_the_docs_template

ROOT = "theme-site"
WEIGHT_LIMIT = 100_000
"""The bytes of stylesheets and scripts a note page may load, uncompressed."""


def build_root(srcdir: Path, **confoverrides: object) -> Path:
    """Build ``srcdir`` with the theme, asserting no warning; its output folder."""
    return build_without_warnings(
        srcdir, srcdir.parent / "_build", html_theme="sphinx_timeline", **confoverrides
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test site, built once."""
    srcdir = copy_root(ROOT, tmp_path_factory.mktemp("theme"))
    return build_root(srcdir)


def page(outdir: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((outdir / f"{name}.html").read_text("utf8"), "html.parser")


def nav_titles(html: BeautifulSoup) -> list[tuple[int, str, str]]:
    """The sidebar's items: depth, state (current, ancestor or ""), title."""
    found = []
    for item in html.select("#stl-sidebar li.stl-nav-item"):
        depth = len(item.find_parents("ul", class_="stl-nav-list"))
        classes = item["class"]
        state = next(
            (name[8:] for name in classes if name in ("stl-nav-current", "stl-nav-ancestor")), ""
        )
        found.append((depth, state, item.find("a").get_text()))
    return found


def test_the_sidebar_shows_the_trail_of_the_current_page(site: Path) -> None:
    leaf = page(site, "guide/deep/leaf")
    assert nav_titles(leaf) == [
        (1, "ancestor", "Guide"),
        (2, "", "Guide A"),
        (2, "ancestor", "Deep"),
        (3, "current", "Leaf"),
        (1, "", "Other page"),
        (1, "", "Note one"),
    ]
    assert [p.get_text() for p in leaf.select(".stl-nav-caption")] == ["Guide", "Notes"]
    links = {a.get_text(): a["href"] for a in leaf.select("#stl-sidebar a.stl-nav-link")}
    assert links == {
        "Guide": "../index.html",
        "Guide A": "../guide-a.html",
        "Deep": "index.html",
        "Leaf": "#",
        "Other page": "../../other.html",
        "Note one": "../../notes/one.html",
    }
    assert leaf.select_one(".stl-nav-current > a")["aria-current"] == "page"


def test_other_branches_stay_closed(site: Path) -> None:
    other = page(site, "other")
    assert nav_titles(other) == [
        (1, "", "Guide"),
        (1, "current", "Other page"),
        (1, "", "Note one"),
    ]
    assert "stl-nav-has-children" in other.select_one("#stl-sidebar li.stl-nav-item")["class"]


def test_the_page_has_its_parts(site: Path) -> None:
    html = page(site, "guide/guide-a")
    assert html.select_one("html")["data-theme"] == "auto"
    assert html.select_one("a.stl-skip-link")["href"] == "#stl-content"
    assert html.select_one("#stl-content")["role"] == "main"
    assert html.select_one("form[role=search]")["action"] == "../search.html"
    assert [a["href"] for a in html.select(".stl-toc a")] == ["#a-section"]
    prev_next = {a["rel"][0]: a["href"] for a in html.select(".stl-prev-next a")}
    assert prev_next == {"prev": "index.html", "next": "deep/index.html"}
    edit = html.select_one(".stl-edit a")["href"]
    assert edit == "https://github.com/example/site/edit/main/docs/guide/guide-a.md"
    assert html.select_one("link[rel=icon]")["href"] == "../_static/sphinx-timeline-favicon.svg"
    assert html.select_one("style").get_text() == ":root{--stl-accent:#884400}"
    assert (site / "_static" / "pygments_dark.css").is_file()


def test_a_generated_page_has_no_edit_link(site: Path) -> None:
    """A listing of notes has no source file to edit."""
    listing = page(site, "blog/index")
    assert listing.select_one("h1").get_text(strip=True).startswith("Notes")
    assert listing.select_one(".stl-edit") is None


def test_what_the_writer_typed_is_escaped(site: Path) -> None:
    html = page(site, "other")
    assert html.select_one(".stl-announcement p").get_text() == (
        "New <script>alert(1)</script> & more"
    )
    assert html.select(".stl-announcement script") == []
    assert html.select_one(".stl-footer p").get_text() == "Made by <b>me</b>"
    assert html.select_one(".stl-profile-name").get_text() == "Ada <Example>"
    social = [(a["href"], a.get_text()) for a in html.select(".stl-social a")]
    assert social == [
        ("https://github.com/example", "GitHub"),
        ("https://example.org/atom.xml", "Feed"),
    ]


def descriptions(html: BeautifulSoup) -> list[str]:
    return [str(meta["content"]) for meta in html.select('meta[name="description"]')]


def test_every_page_gets_a_description(build: Callable[..., SphinxTestApp]) -> None:
    long = " ".join(["word"] * 60)
    app = build(
        {
            "index.md": "# Home\n\n```{note}\nNot this.\n```\n\nThe home page[^a] <&>.\n\n"
            f"{long}\n\n[^a]: A footnote.\n\n```{{toctree}}\nlong\nown\nnote\n```\n",
            "long.md": f"# Long\n\n{long}\n",
            "own.md": "---\nmyst:\n  html_meta:\n    description: Its own words.\n---\n"
            "# Own\n\nText.\n",
            "note.md": "---\ndate: 2024-01-10\ndescription: A note's.\n---\n# Note\n\nText.\n",
        },
        html_theme="sphinx_timeline",
    )
    assert warnings_of(app) == []
    html = {name: page(app.outdir, name) for name in ("index", "long", "own", "note", "search")}
    assert descriptions(html["index"]) == ["The home page <&>."]
    assert 'content="The home page &lt;&amp;&gt;."' in str(html["index"].head)
    shortened = descriptions(html["long"])[0]
    assert shortened.endswith("word…")
    assert len(shortened) <= 160
    assert long.startswith(shortened[:-1])
    assert descriptions(html["own"]) == ["Its own words."]
    assert descriptions(html["note"]) == ["A note's."]
    assert descriptions(html["search"]) == []


def test_a_note_page_gets_the_reading_layout(site: Path) -> None:
    note = page(site, "notes/one")
    assert "stl-note-page" in note.select_one("body")["class"]
    assert "min read" in note.select_one(".stl-note-meta").get_text()
    assert note.select(".stl-prev-next") == []  # a note links its neighbours by date
    assert "stl-note-page" not in page(site, "other").select_one("body")["class"]


def test_a_note_page_loads_less_than_100_kb_of_css_and_js(site: Path) -> None:
    note = page(site, "notes/one")
    files = [link["href"] for link in note.select("link[rel=stylesheet]")]
    files += [script["src"] for script in note.select("script[src]")]
    sizes = {name: (site / "notes" / name.split("?")[0]).resolve().stat().st_size for name in files}
    assert "../_static/sphinx-timeline-theme.css" in {name.split("?")[0] for name in sizes}
    inline = sum(len(script.get_text().encode()) for script in note.select("script:not([src])"))
    assert sum(sizes.values()) + inline < WEIGHT_LIMIT, sizes


def test_the_search_page_is_sphinx_s(site: Path) -> None:
    html = page(site, "search")
    scripts = {script["src"].split("?")[0] for script in html.select("script[src]")}
    assert {"_static/searchtools.js", "searchindex.js"} <= scripts
    assert html.select_one("#search-results") is not None
    assert not html.select_one("form.stl-search-page-form").has_attr("action")  # this page


def test_reading_time_can_be_left_out(tmp_path: Path) -> None:
    srcdir = copy_root(ROOT, tmp_path)
    outdir = build_root(srcdir, html_theme_options={"reading_time": False})
    meta = page(outdir, "notes/one").select_one(".stl-note-meta").get_text()
    assert "min read" not in meta
    assert meta == "10 January 2024" or meta.startswith("January")


def test_bad_options_warn_once_each_and_fall_back(
    build: Callable[..., SphinxTestApp],
) -> None:
    conf = (
        'extensions = ["sphinx_timeline"]\nshow_warning_types = True\n'
        'html_theme = "sphinx_timeline"\n'
        "html_theme_options = {\n"
        '    "accent_color": "red;}</style><script>",\n'
        '    "navigation_depth": 0,\n'
        '    "social_links": {"github": "javascript:alert(1)"},\n'
        '    "default_scheme": "sepia",\n'
        "}\n"
    )
    app = build({"conf.py": conf, "index.rst": "Title\n=====\n"}, html_theme="sphinx_timeline")
    where = "<src>/conf.py:4"
    fix = "; using the default. Fix the value in conf.py (the options are listed on the "
    assert warnings_of(app) == [
        f"{where}: WARNING: html_theme_options['accent_color'] must be a CSS colour such "
        f"as '#0b7285', not 'red;}}</style><script>'{fix}theme's docs page). [timeline.theme]",
        f"{where}: WARNING: html_theme_options['navigation_depth'] must be a whole number "
        f"of levels, 1 or more, not 0{fix}theme's docs page). [timeline.theme]",
        f"{where}: WARNING: html_theme_options['default_scheme'] must be one of 'auto', "
        f"'light', 'dark', not 'sepia'{fix}theme's docs page). [timeline.theme]",
        f"{where}: WARNING: html_theme_options['social_links'] has 'github': "
        "'javascript:alert(1)'; each address must start with https://, http:// or mailto:"
        f"{fix}theme's docs page). [timeline.theme]",
    ]
    html = BeautifulSoup((app.outdir / "index.html").read_text("utf8"), "html.parser")
    assert html.select("style") == []
    assert html.select(".stl-social") == []
    assert html.select_one("html")["data-theme"] == "auto"


def test_the_theme_alone_loads_the_extension(tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text('html_theme = "sphinx_timeline"\n', "utf8")
    (srcdir / "index.rst").write_text(
        "Title\n=====\n\n.. timeline::\n\n   .. timeline-entry:: 2019-04\n\n      Words.\n",
        "utf8",
    )
    sphinx_build(srcdir, tmp_path / "out")  # -W: no warning
    html = BeautifulSoup((tmp_path / "out" / "index.html").read_text("utf8"), "html.parser")
    assert html.select_one("ol.stl-timeline time")["datetime"] == "2019-04"
    assert html.select_one("#stl-sidebar") is not None


def test_a_changed_title_rewrites_every_sidebar(tmp_path: Path) -> None:
    srcdir = copy_root(ROOT, tmp_path)
    outdir = build_root(srcdir)
    (srcdir / "other.md").write_text("# Renamed page\n\nWords.\n", "utf8")
    build_root(srcdir)
    clean = copy_root(ROOT, tmp_path / "clean")
    (clean / "other.md").write_text("# Renamed page\n\nWords.\n", "utf8")
    assert "Renamed page" in (outdir / "guide" / "deep" / "leaf.html").read_text("utf8")
    rebuilt, fresh = html_pages(outdir), html_pages(build_root(clean))
    assert rebuilt == fresh  # (Sphinx's own search index keeps the old words, empty)


def html_pages(outdir: Path) -> dict[str, str]:
    """The HTML pages of a build, by path."""
    return {
        str(path.relative_to(outdir)): path.read_text("utf8") for path in outdir.rglob("*.html")
    }


def test_parallel_builds_give_the_same_pages(site: Path, tmp_path: Path) -> None:
    srcdir = copy_root(ROOT, tmp_path)
    sphinx_build(srcdir, tmp_path / "j2", "-j", "2")
    assert_same_output(site, tmp_path / "j2")


@pytest.mark.parametrize(
    ("clone", "expected"),
    [
        (
            "https://github.com/me/site.git",
            "https://github.com/me/site/edit/latest-branch/docs/{path}",
        ),
        (
            "https://gitlab.com/me/site.git",
            "https://gitlab.com/me/site/-/edit/latest-branch/docs/{path}",
        ),
        ("https://example.org/me/site.git", ""),
    ],
)
def test_the_edit_link_from_read_the_docs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, clone: str, expected: str
) -> None:
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("READTHEDOCS", "True")
    monkeypatch.setenv("READTHEDOCS_GIT_CLONE_URL", clone)
    monkeypatch.setenv("READTHEDOCS_GIT_IDENTIFIER", "latest-branch")

    class App:
        srcdir = tmp_path / "docs"

    assert read_the_docs_template(App()) == expected  # type: ignore[arg-type]


def test_the_edit_link_from_html_context(tmp_path: Path) -> None:
    srcdir = copy_root(ROOT, tmp_path)
    conf = (srcdir / "conf.py").read_text("utf8").replace('    "edit_url"', '    "no_edit"')
    conf = conf.replace('"no_edit": "https://github.com/example/site/edit/main/docs/{path}",', "")
    conf += 'html_context = {"github_user": "me", "github_repo": "site", '
    conf += '"github_version": "dev", "conf_py_path": "/docs/"}\n'
    (srcdir / "conf.py").write_text(conf, "utf8")
    outdir = build_root(srcdir)
    edit = page(outdir, "other").select_one(".stl-edit a")["href"]
    assert edit == "https://github.com/me/site/edit/dev/docs/other.md"
    shutil.rmtree(outdir)


def test_the_code_colours_come_from_the_packages_dependencies() -> None:
    """The Pygments styles theme.toml names are installed with the package itself, not
    only with the test extras (Furo and PyData bring accessible-pygments too)."""
    import importlib.metadata
    import inspect
    import tomllib

    from pygments.styles import get_style_by_name

    root = Path(__file__).parent.parent.parent
    theme = tomllib.loads(
        (root / "sphinx_timeline/theme/sphinx_timeline/theme.toml").read_text("utf8")
    )
    project = tomllib.loads((root / "pyproject.toml").read_text("utf8"))["project"]
    required = {
        re.split(r"[<>=!~ \[;]", requirement)[0].lower().replace("_", "-")
        for requirement in project["dependencies"]
    }
    providers = importlib.metadata.packages_distributions()
    for style_name in theme["theme"]["pygments_style"].values():
        module = inspect.getmodule(get_style_by_name(style_name))
        assert module is not None
        top = module.__name__.split(".")[0]
        distributions = {name.lower().replace("_", "-") for name in providers.get(top, [])}
        assert distributions & (required | {"pygments"}), (style_name, distributions)
