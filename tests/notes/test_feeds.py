"""Atom feeds of the notes, read as a feed reader reads them (feedparser)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import feedparser
import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree
from sphinx.testing.util import SphinxTestApp

from helpers import DOCS, copy_root, soup, sphinx_build, warnings_of
from sphinx_timeline import __version__
from sphinx_timeline.notes import feeds, settings
from sphinx_timeline.notes.pagenames import tag_pagename

SITE = "https://example.org/docs/"
PROJECT = "Feeds & <Notes>"
ESCAPED_TITLE = "A <b>bold</b> & ]]> title"
ESCAPED_SUMMARY = "Bell  and escape  are not XML; <i>tags</i> & ]]> are text."
SECRETS = (b"DRAFT-SECRET-TEXT", b"FUTURE-SECRET-TEXT", b"unfinished", b"future")


def build_once(
    tmp_path_factory: pytest.TempPathFactory, buildername: str, **conf: Any
) -> SphinxTestApp:
    """The feeds project, built once (Sphinx's global registrations cleaned up after)."""
    srcdir = copy_root("notes-feeds", tmp_path_factory.mktemp(buildername))
    app = SphinxTestApp(buildername, srcdir=srcdir, confoverrides=conf)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


@pytest.fixture(scope="module")
def feeds_html(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """The project built with the defaults."""
    return build_once(tmp_path_factory, "html")


@pytest.fixture(scope="module")
def feeds_full(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """The project built as directories, with the whole notes in the feeds, at most two
    entries a feed, other file names, and the drafts shown."""
    return build_once(
        tmp_path_factory,
        "dirhtml",
        timeline_feed_content="full",
        timeline_feed_limit=2,
        timeline_feed_path="feeds/all.atom",
        timeline_tag_feed_name="feed.atom",
        timeline_drafts=True,
    )


def feed_files(outdir: Path) -> dict[str, bytes]:
    """Every feed a build wrote, by its path in the output folder."""
    return {
        path.relative_to(outdir).as_posix(): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.suffix in {".xml", ".atom"}
    }


def read_feed(outdir: Path, path: str) -> Any:
    """A feed as a reader sees it; it must parse without an error."""
    data = (outdir / path).read_bytes()
    parsed = feedparser.parse(data)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    root = ElementTree.fromstring(data)  # a strict XML parser agrees
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    return parsed


def entries(feed: Any) -> list[tuple[Any, ...]]:
    """Each entry's title, link, id, dates, categories, summary and authors."""
    return [
        (
            entry.title,
            entry.link,
            entry.id,
            entry.published,
            entry.updated,
            [tag.term for tag in entry.get("tags", [])],
            entry.get("summary"),
            [author.name for author in entry.get("authors", [])],
        )
        for entry in feed.entries
    ]


def head_links(page: BeautifulSoup) -> list[tuple[str, str]]:
    """The feeds a page's head links to: (title, address)."""
    return [
        (link["title"], link["href"])
        for link in page.select('head link[rel="alternate"][type="application/atom+xml"]')
    ]


def test_the_feeds_build_without_warnings(feeds_html: SphinxTestApp) -> None:
    assert warnings_of(feeds_html) == []


def test_the_feed_of_every_note(feeds_html: SphinxTestApp) -> None:
    feed = read_feed(feeds_html.outdir, "atom.xml")
    assert feed.feed.title == PROJECT
    assert feed.feed.id == SITE + "atom.xml"
    assert feed.feed.updated == "2023-05-05T00:00:00Z"  # the newest note's, not the build's
    assert feed.feed.language == "en"
    assert [(link.rel, link.href) for link in feed.feed.links] == [
        ("self", SITE + "atom.xml"),
        ("alternate", SITE + "index.html"),
    ]
    assert feed.feed.author == "The Editors"  # for the entries without an author
    assert entries(feed) == [
        (
            ESCAPED_TITLE,
            SITE + "notes/escaped.html",
            "tag:example.org,2023-05-05:/docs/notes/escaped",
            "2023-05-05T00:00:00Z",
            "2023-05-05T00:00:00Z",
            ["R&D <lab>"],
            ESCAPED_SUMMARY,
            [],
        ),
        (
            "Maintainer",
            SITE + "notes/second.html",
            "tag:example.org,2022-03-01:/docs/notes/second",
            "2022-03-01T10:00:00+02:00",
            "2022-04-02T00:00:00Z",
            ["career"],
            "The second note, about becoming a maintainer.",
            ["Ann Example", "Bo Writer"],
        ),
        (
            "First pull request",
            SITE + "notes/first.html",
            "tag:example.org,2021-01-10:/docs/notes/first",
            "2021-01-10T00:00:00Z",
            "2021-01-10T00:00:00Z",
            ["career", "python", "work"],
            "Hello world: a typo fix in a docs page.",
            ["Ann Example"],
        ),
    ]
    assert all("content" not in entry for entry in feed.entries)  # summaries only


def test_a_feed_for_each_tag_and_category(feeds_html: SphinxTestApp) -> None:
    outdir = feeds_html.outdir
    assert sorted(feed_files(outdir)) == [
        "atom.xml",
        "categories/r-d-lab/atom.xml",
        "categories/work/atom.xml",
        "tags/career/atom.xml",
        "tags/python/atom.xml",
    ]  # none for the tag only a draft has
    shown = {}
    for path in feed_files(outdir):
        feed = read_feed(outdir, path)
        shown[path] = (feed.feed.title, feed.feed.link, [entry.title for entry in feed.entries])
    assert shown["tags/career/atom.xml"] == (
        f"{PROJECT}: notes tagged career",
        SITE + f"{tag_pagename('tags', 'career')}.html",
        ["Maintainer", "First pull request"],
    )
    career = read_feed(outdir, "tags/career/atom.xml")
    assert career.feed.updated == "2022-04-02T00:00:00Z"  # Maintainer's lastmod, its newest
    assert shown["tags/python/atom.xml"][2] == ["First pull request"]
    assert shown["categories/work/atom.xml"][:2] == (
        f"{PROJECT}: notes in the category work",
        SITE + f"{tag_pagename('categories', 'work')}.html",
    )
    assert shown["categories/r-d-lab/atom.xml"][0] == (
        f"{PROJECT}: notes in the category R&D <lab>"
    )
    assert shown["categories/r-d-lab/atom.xml"][2] == [ESCAPED_TITLE]


def test_what_a_writer_types_is_escaped(feeds_html: SphinxTestApp) -> None:
    data = (feeds_html.outdir / "atom.xml").read_bytes()
    assert b"<title>A &lt;b&gt;bold&lt;/b&gt; &amp; ]]&gt; title</title>" in data
    assert not {b"\x01", b"\x07", b"\x1b"} & {bytes([byte]) for byte in data}


def test_drafts_and_future_notes_are_in_no_feed(
    feeds_html: SphinxTestApp, feeds_full: SphinxTestApp
) -> None:
    assert (feeds_full.outdir / "notes" / "draft" / "index.html").is_file()  # shown, yet...
    for app in (feeds_html, feeds_full):
        for path, data in feed_files(app.outdir).items():
            assert not [secret for secret in SECRETS if secret in data.lower()], path


def test_every_page_links_the_feed_of_every_note(feeds_html: SphinxTestApp) -> None:
    for page in ("index", "plain", "notes/first", "genindex"):
        assert head_links(soup(feeds_html, page)) == [(PROJECT, SITE + "atom.xml")], page


def test_a_tag_page_links_its_own_feed_too(feeds_html: SphinxTestApp) -> None:
    for kind, slug, title in (
        ("tags", "career", f"{PROJECT}: notes tagged career"),
        ("categories", "r-d-lab", f"{PROJECT}: notes in the category R&D <lab>"),
    ):
        page = soup(feeds_html, tag_pagename(kind, slug))
        assert head_links(page) == [
            (PROJECT, SITE + "atom.xml"),
            (title, SITE + f"{kind}/{slug}/atom.xml"),
        ]


def test_other_paths_limits_and_directories(
    feeds_html: SphinxTestApp, feeds_full: SphinxTestApp
) -> None:
    outdir = feeds_full.outdir
    assert warnings_of(feeds_full) == []
    assert sorted(feed_files(outdir)) == [
        "categories/r-d-lab/feed.atom",
        "categories/work/feed.atom",
        "feeds/all.atom",
        "tags/career/feed.atom",
        "tags/python/feed.atom",
    ]
    feed = read_feed(outdir, "feeds/all.atom")
    assert feed.feed.id == SITE + "feeds/all.atom"
    assert [(entry.title, entry.link) for entry in feed.entries] == [
        (ESCAPED_TITLE, SITE + "notes/escaped/"),
        ("Maintainer", SITE + "notes/second/"),
    ]
    html_ids = [entry.id for entry in read_feed(feeds_html.outdir, "atom.xml").entries]
    assert [entry.id for entry in feed.entries] == html_ids[:2]  # the same in every builder
    page = BeautifulSoup((outdir / "plain" / "index.html").read_text("utf8"), "html.parser")
    assert head_links(page) == [(PROJECT, SITE + "feeds/all.atom")]
    tag_page = outdir / tag_pagename("tags", "career") / "index.html"
    assert head_links(BeautifulSoup(tag_page.read_text("utf8"), "html.parser")) == [
        (PROJECT, SITE + "feeds/all.atom"),
        (f"{PROJECT}: notes tagged career", SITE + "tags/career/feed.atom"),
    ]


def test_the_full_notes_with_absolute_links(feeds_full: SphinxTestApp) -> None:
    entry = read_feed(feeds_full.outdir, "feeds/all.atom").entries[0]
    assert entry.summary == ESCAPED_SUMMARY
    (content,) = entry.content
    assert content.type == "text/html"
    body = BeautifulSoup(content.value, "html.parser")
    assert [(a.get_text(), a["href"]) for a in body.select("a")] == [
        ("the first note", SITE + "notes/first/"),
        ("the end", SITE + "notes/escaped/#the-end"),
        ("A raw link", SITE + "notes/escaped/raw.html"),  # where the page's browser goes
    ]
    assert [img["src"] for img in body.select("img")] == [SITE + "_images/pic.png"]
    assert (feeds_full.outdir / "_images" / "pic.png").is_file()
    text = body.get_text()
    assert "See the first note, the end and the picture:" in text
    assert ESCAPED_TITLE not in text  # the entry's title, not repeated
    assert not body.select(".stl-note-meta, .stl-note-navigation, .headerlink, h1")


@pytest.mark.parametrize(
    ("case", "buildername", "conf", "expected"),
    [
        (
            "asked for, no address",
            "html",
            "timeline_feeds = True\n",
            "<src>/conf.py:2: WARNING: timeline_feeds is on, but html_baseurl is not set, and "
            "an Atom feed needs the site's address for its links: no feed is written. Set "
            "html_baseurl in conf.py to the address the site is published at, such as "
            "html_baseurl = 'https://example.org/docs/', or set timeline_feeds = False "
            "[timeline.config]",
        ),
        (
            "relative address",
            "html",
            'html_baseurl = "docs/"\n',
            "<src>/conf.py:2: WARNING: html_baseurl 'docs/' is not an absolute URL, and an "
            "Atom feed needs the site's address for its links: no feed is written. Set "
            "html_baseurl to the address the site is published at, such as "
            "'https://example.org/docs/', or set timeline_feeds = False [timeline.config]",
        ),
        ("by default, no address", "html", "", None),
        ("switched off", "html", f"html_baseurl = {SITE!r}\ntimeline_feeds = False\n", None),
        ("one page", "singlehtml", f"html_baseurl = {SITE!r}\n", None),
    ],
)
def test_no_feeds_without_an_address_or_when_switched_off(
    build: Callable[..., SphinxTestApp],
    case: str,
    buildername: str,
    conf: str,
    expected: str | None,
) -> None:
    note = "---\ndate: 2020-01-01\n---\n# A note\n\nText.\n"
    conf_py = f'extensions = ["sphinx_timeline"]\n{conf}show_warning_types = True\n'
    app = build({"conf.py": conf_py, "index.md": note}, buildername)
    assert warnings_of(app) == ([expected] if expected else [])
    assert feed_files(app.outdir) == {}
    assert head_links(soup(app, "index")) == []


def test_the_address_from_read_the_docs_and_future_notes_let_through(
    build: Callable[..., SphinxTestApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READTHEDOCS_CANONICAL_URL", "https://ann.example.org/en/latest/")
    note = "---\ndate: 2999-01-01\n---\n# A note from the future\n"
    app = build({"index.md": note}, timeline_future=True)
    assert warnings_of(app) == []
    feed = read_feed(app.outdir, "atom.xml")
    assert feed.feed.id == "https://ann.example.org/en/latest/atom.xml"
    assert [(entry.title, entry.link) for entry in feed.entries] == [
        ("A note from the future", "https://ann.example.org/en/latest/index.html")
    ]


FULL_ARGS = (
    *("-b", "dirhtml", "-D", "timeline_feed_content=full", "-D", "timeline_feed_limit=2"),
    *("-D", "timeline_feed_path=feeds/all.atom", "-D", "timeline_tag_feed_name=feed.atom"),
    *("-D", "timeline_drafts=1"),
)
"""The settings of ``feeds_full``, on the command line."""


@pytest.mark.parametrize(("built", "args"), [("feeds_html", ()), ("feeds_full", FULL_ARGS)])
def test_reproducible_and_parallel_builds_write_the_same_feeds(
    request: pytest.FixtureRequest, tmp_path: Path, built: str, args: tuple[str, ...]
) -> None:
    """A build in another process, in parallel, writes the bytes of the serial build."""
    serial = request.getfixturevalue(built)
    srcdir = copy_root("notes-feeds", tmp_path)
    sphinx_build(srcdir, tmp_path / "parallel", "-j", "2", *args)
    assert feed_files(tmp_path / "parallel") == feed_files(serial.outdir)


def test_a_feed_is_written_only_when_it_changes(tmp_path: Path) -> None:
    srcdir = copy_root("notes-feeds", tmp_path)
    outdir = tmp_path / "out"

    def build_in(out: Path, **kwargs: Any) -> None:
        app = SphinxTestApp("html", srcdir=srcdir, builddir=out, **kwargs)
        try:
            app.build()
            assert warnings_of(app) == []
        finally:
            app.cleanup()

    def age_feeds() -> dict[str, int]:
        paths = list(feed_files(outdir / "html"))
        for path in paths:
            os.utime(outdir / "html" / path, ns=(10**18, 10**18))
        return dict.fromkeys(paths, 10**18)

    def times() -> dict[str, int]:
        return {
            path: (outdir / "html" / path).stat().st_mtime_ns
            for path in feed_files(outdir / "html")
        }

    build_in(outdir)
    old = age_feeds()
    plain = srcdir / "plain.md"
    plain.write_text(plain.read_text("utf8") + "\nMore words.\n", "utf8")
    build_in(outdir)
    assert times() == old  # the pages were written again, the feeds were the same
    first = srcdir / "notes" / "first.md"
    first.write_text(first.read_text("utf8").replace("First pull request", "First PR"), "utf8")
    build_in(outdir)
    rewritten = {path for path, mtime in times().items() if mtime != old[path]}
    assert rewritten == {
        "atom.xml",
        "categories/work/atom.xml",
        "tags/career/atom.xml",
        "tags/python/atom.xml",
    }
    build_in(tmp_path / "clean")
    assert feed_files(outdir / "html") == feed_files(tmp_path / "clean" / "html")


def test_pages_link_the_feed_once_a_note_is_published(tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        f'extensions = ["sphinx_timeline"]\nproject = "Home"\nhtml_baseurl = {SITE!r}\n', "utf8"
    )
    (srcdir / "index.md").write_text("# Home\n\n```{toctree}\nnote\n```\n", "utf8")
    (srcdir / "other.md").write_text("---\norphan: true\n---\n# Unrelated to the note\n", "utf8")
    note = srcdir / "note.md"

    def links_after(draft: str) -> list[tuple[str, str]]:
        note.write_text(f"---\ndate: 2020-01-01\ndraft: {draft}\n---\n# A note\n", "utf8")
        app = SphinxTestApp("html", srcdir=srcdir)
        try:
            app.build()
        finally:
            app.cleanup()
        return head_links(soup(app, "other"))

    assert links_after("true") == []
    assert links_after("false") == [("Home", SITE + "atom.xml")]  # other.md did not change
    assert links_after("true") == []


def test_feed_paths_are_checked() -> None:
    for good in ("atom.xml", "feeds/notes.xml"):
        settings.feed_path(good)
    for bad in ("", "/atom.xml", "../atom.xml", "feeds/", "a\\b.xml"):
        with pytest.raises(ValueError, match="must be the path of a file inside the output"):
            settings.feed_path(bad)
    settings.file_name("")
    with pytest.raises(ValueError, match=r"must be a file name such as 'atom\.xml', or ''"):
        settings.file_name("feeds/atom.xml")


def test_relative_addresses_made_absolute() -> None:
    base = "https://example.org/docs/notes/page.html"
    fragment = (
        '<p><a href="other.html#x">a &amp; b</a> <a href="#top">top</a> '
        '<a href="mailto:a@example.org">mail</a> <a href="//cdn.example.org/x">cdn</a>'
        '<img src="../_images/a.png" srcset="a.png 1x, b.png 2x" alt="&quot;A&quot;"/>'
        "<!-- kept --> &#169;</p>"
    )
    assert feeds.absolute_links(fragment, base) == (
        '<p><a href="https://example.org/docs/notes/other.html#x">a &amp; b</a> '
        '<a href="https://example.org/docs/notes/page.html#top">top</a> '
        '<a href="mailto:a@example.org">mail</a> <a href="https://cdn.example.org/x">cdn</a>'
        '<img src="https://example.org/docs/_images/a.png" srcset="https://example.org/docs/'
        'notes/a.png 1x, https://example.org/docs/notes/b.png 2x" alt="&quot;A&quot;" />'
        "<!-- kept --> &#169;</p>"
    )


def test_the_example_in_the_docs_is_what_is_written(build: Callable[..., SphinxTestApp]) -> None:
    example = (DOCS / "feeds.md").read_text("utf8").partition("## An example")[2]
    conf, note, feed = (
        text for _language, text in re.findall(r"```(\w+)\n(.*?)```", example, re.S)
    )
    index = "# Ann's notes\n\n```{toctree}\n:glob:\n\nnotes/*\n```\n"
    app = build({"conf.py": conf, "index.md": index, "notes/maintainer.md": note})
    assert warnings_of(app) == []
    assert sorted(feed_files(app.outdir)) == [
        "atom.xml",
        "categories/work/atom.xml",
        "tags/career/atom.xml",
        "tags/open-source/atom.xml",
    ]
    written = (app.outdir / "atom.xml").read_text("utf8")
    assert written.replace(f'version="{__version__}"', 'version="..."') == feed
