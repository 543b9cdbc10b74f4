"""Author notes: their fields, header, closing links, drafts and future notes."""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
import sphinx
from sphinx.testing.util import SphinxTestApp

from helpers import build_once, copy_root, soup, warnings_of

Build = Callable[..., SphinxTestApp]
SECRETS = ("DRAFT-SECRET-TEXT", "FUTURE-SECRET-TEXT")


@pytest.fixture(scope="module")
def notes_html(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """The notes project, built once with the HTML builder."""
    return build_once(copy_root("notes", tmp_path_factory.mktemp("notes")))


def output_text(outdir: Path) -> str:
    """Every file a build wrote, as text (objects.inv decompressed)."""
    texts = []
    for path in sorted(outdir.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.name == "objects.inv":
            head, _, body = data.partition(b"zlib.\n")
            data = head + zlib.decompress(body)
        texts.append(data.decode("utf8", errors="replace"))
    return "\n".join(texts)


def test_the_notes_build_without_warnings(notes_html: SphinxTestApp) -> None:
    assert warnings_of(notes_html) == []


def test_the_header_under_the_title(notes_html: SphinxTestApp) -> None:
    page = soup(notes_html, "notes/second")
    title = page.select_one("section > h1")
    meta = title.find_next_sibling("p")
    assert meta["class"] == ["stl-note-meta"]
    assert [(t["datetime"], t.get_text()) for t in meta.select("time")] == [
        ("2024-03-01T10:00:00+02:00", "March 1, 2024"),
        ("2024-04-02", "April 2, 2024"),
    ]
    assert meta.get_text() == (
        "March 1, 2024 · Updated April 2, 2024 · 1 min read · By Ann Example, Bo Writer"
    )
    tags = page.select_one("p.stl-note-tags")
    assert [(a.get_text(), a["href"]) for a in tags.select("a")] == [
        ("career", "../tags/career.html")
    ]


def test_a_rst_note_and_a_title_from_the_front_matter(notes_html: SphinxTestApp) -> None:
    rst = soup(notes_html, "notes/rst-note")
    assert rst.select_one("time")["datetime"] == "2023-05-05"
    assert [a.get_text() for a in rst.select("p.stl-note-tags a")] == ["python", "rst"]
    domain = notes_html.env.get_domain("notes")
    assert domain.notes["notes/rst-note"].draft is False


def test_a_rst_note_without_a_heading_takes_its_docinfo_title(build: Build) -> None:
    rst = ":date: 2024-01-01\n:title: Untitled no more\n:tags: a, b\n\nThe text of it.\n"
    app = build({"index.rst": "Home\n====\n\n.. toctree::\n\n   note\n", "note.rst": rst})
    assert warnings_of(app) == []
    page = soup(app, "note")
    assert page.select_one("h1").get_text(strip=True).startswith("Untitled no more")
    assert [a.get_text() for a in page.select("p.stl-note-tags a")] == ["a", "b"]


def test_reading_time_counts_words_and_wide_script_characters(notes_html: SphinxTestApp) -> None:
    notes = notes_html.env.get_domain("notes").notes
    assert notes["notes/first"].words == 18  # title and body
    assert notes["notes/cjk"].words == len("日本語のノート") + len("日本語で書いたノートです。")


def test_previous_next_and_related(notes_html: SphinxTestApp) -> None:
    page = soup(notes_html, "notes/first")
    navigation = page.select_one("p.stl-note-navigation")
    assert [(a.get_text(), a["href"]) for a in navigation.select("a")] == [
        ("A note in reStructuredText", "rst-note.html"),
        ("Maintainer", "second.html"),
    ]
    related = page.select_one("div.stl-note-related")
    assert [a.get_text() for a in related.select("a")] == [
        "Maintainer",  # shares career, newest
        "A note in reStructuredText",  # shares python
    ]


def test_closing_links_are_not_searched(notes_html: SphinxTestApp) -> None:
    """A search for a note's title finds that note, not the notes that link to it."""
    text = (notes_html.outdir / "searchindex.js").read_text("utf8")
    index = json.loads(text.removeprefix("Search.setIndex(").removesuffix(")"))

    def pages_with(stem: str) -> set[str]:
        found: set[str] = set()
        for kind in ("terms", "titleterms"):
            numbers = index[kind].get(stem, [])
            for number in numbers if isinstance(numbers, list) else [numbers]:
                found.add(index["docnames"][number])
        return found

    assert "notes/second" in pages_with("maintain")  # its title: Maintainer
    searched = sphinx.version_info < (8, 2)  # no "no-search" class before Sphinx 8.2
    assert ("notes/first" in pages_with("maintain")) is searched  # links to it at its end


def test_drafts_and_future_notes_are_never_read_or_written(notes_html: SphinxTestApp) -> None:
    outdir = notes_html.outdir
    assert not (outdir / "notes" / "draft.html").exists()
    assert not (outdir / "notes" / "future.html").exists()
    text = output_text(outdir)
    for secret in SECRETS:
        assert secret not in text
    assert "notes/draft" not in notes_html.env.all_docs
    assert "An unfinished note" not in text
    index = soup(notes_html, "index")
    toctree = [a.get_text() for a in index.select("div.toctree-wrapper a")]
    assert "An unfinished note" not in toctree
    assert "First pull request" in toctree


@pytest.mark.parametrize("buildername", ["text", "latex", "man", "texinfo", "epub", "gettext"])
def test_drafts_are_in_no_builder(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, buildername: str
) -> None:
    app = make_app(buildername, srcdir=copy_root("notes", tmp_path))
    app.build()
    assert warnings_of(app) == []
    text = output_text(app.outdir)
    for secret in SECRETS:
        assert secret not in text


@pytest.mark.parametrize(
    ("how", "confoverrides", "environ"),
    [
        ("setting", {"timeline_drafts": True}, {}),
        ("environment", {}, {"SPHINX_TIMELINE_DRAFTS": "1"}),
        ("preview", {}, {"READTHEDOCS_VERSION_TYPE": "external"}),
    ],
)
def test_drafts_shown_with_a_banner_and_noindex(
    make_app: Callable[..., SphinxTestApp],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    how: str,
    confoverrides: dict,
    environ: dict,
) -> None:
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    app = make_app("html", srcdir=copy_root("notes", tmp_path), confoverrides=confoverrides)
    app.build()
    assert warnings_of(app) == []
    draft = soup(app, "notes/draft")
    assert draft.select_one(".stl-draft-banner .admonition-title").get_text() == "Draft"
    assert draft.select_one('meta[name="robots"]')["content"] == "noindex"
    assert not soup(app, "notes/first").select_one('meta[name="robots"]')
    assert "DRAFT-SECRET-TEXT" in draft.get_text()
    assert not (app.outdir / "notes" / "future.html").exists()


def test_future_notes_are_shown_when_asked_for_or_when_their_date_has_come(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    srcdir = copy_root("notes", tmp_path)
    app = make_app("html", srcdir=srcdir, confoverrides={"timeline_future": True})
    app.build()
    assert soup(app, "notes/future").select_one("h1").get_text() == "A note from the future¶"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(32503680000 + 86400))  # 2999-01-02
    later = make_app("html", srcdir=srcdir, builddir=tmp_path / "later")
    later.build()
    assert (later.outdir / "notes" / "future.html").is_file()


BAD_FIELDS = {
    "date": (
        "date: last spring",
        "front matter date: 'last spring' is not a date; write it as YYYY, YYYY-MM or "
        "YYYY-MM-DD, for example 2019-04, or as a date and time such as "
        "2020-03-03T16:29:41+08:00 (as Hugo writes it); the page is not a note until then",
    ),
    "updated": (
        "updated: soon",
        "front matter updated: 'soon' is not a date; write it as YYYY, YYYY-MM or "
        "YYYY-MM-DD, for example 2019-04, or as a date and time such as "
        "2020-03-03T16:29:41+08:00 (as Hugo writes it)",
    ),
    "draft": (
        "draft: maybe",
        "front matter draft: 'maybe' is neither true nor false; write true or false",
    ),
    "tags": (
        "tags: {a: b}",
        "front matter tags: {'a': 'b'} is not a list of words; write a list, or words "
        "separated by commas",
    ),
    "description": (
        "description: [one, two]",
        "front matter description: ['one', 'two'] is not a text; write one line",
    ),
}


@pytest.mark.parametrize("field", BAD_FIELDS)
def test_a_bad_value_is_one_warning_at_its_line(build: Build, field: str) -> None:
    line, message = BAD_FIELDS[field]
    date = "" if field == "date" else "date: 2024-01-01\n"
    page = f"---\ntitle: T\n{date}{line}\n---\n# Note\n\nText.\n"
    app = build({"index.md": page})
    line_number = 3 if field == "date" else 4
    assert warnings_of(app) == [f"<src>/index.md:{line_number}: WARNING: {message} [timeline.note]"]
    assert soup(app, "index").select_one("h1"), "the page still builds"


def test_every_documented_field_is_read() -> None:
    from sphinx_timeline.core.metadata import PageMetadata
    from sphinx_timeline.notes.fields import FIELDS, read_note

    values = {
        "date": "2024",
        "updated": "2024-02",
        "draft": "yes",
        "featured": "on",
        "description": "A note.",
        "tags": "a, b",
        "categories": ["c"],
        "keywords": "k",
        "author": "Ann",
        "image": "img/a.png",
    }
    read = read_note(PageMetadata("page", values), lambda message, field: pytest.fail(message))
    assert read is not None
    assert read["date"].isoformat() == "2024"
    assert read["updated"].isoformat() == "2024-02"
    assert (read["draft"], read["featured"]) == (True, True)
    assert (read["tags"], read["categories"], read["keywords"]) == (("a", "b"), ("c",), ("k",))
    assert (read["description"], read["authors"], read["image"]) == (
        "A note.",
        ("Ann",),
        "img/a.png",
    )
    # title is read by the title transform, lightgallery by image-float
    assert set(FIELDS) == {*values, "title", "lightgallery"}


def test_drafts_are_not_in_the_sitemap(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    srcdir = copy_root("notes", tmp_path)
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text("utf8") + 'extensions.append("sphinx_sitemap")\n', "utf8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    sitemap = (app.outdir / "sitemap.xml").read_text("utf8")
    assert "notes/first.html" in sitemap
    assert "notes/draft" not in sitemap
    assert "notes/future" not in sitemap


def test_closing_links_can_be_switched_off(build: Build) -> None:
    note = "---\ndate: 2024-0{month}-01\ntags: [a]\n---\n# Note {month}\n\nText.\n"
    files = {f"n{month}.md": note.format(month=month) for month in (1, 2)}
    files["index.md"] = "# Notes\n\n```{toctree}\n:glob:\n\nn*\n```\n"
    app = build(files, timeline_note_navigation=False, timeline_related_notes=0)
    assert warnings_of(app) == []
    page = soup(app, "n1")
    assert not page.select(".stl-note-navigation, .stl-note-related")
    assert page.select_one(".stl-note-meta")


def test_tags_are_plain_words_where_no_tag_pages_are_written(build: Build) -> None:
    page = "---\ndate: 2024-01-01\ntags: [career]\n---\n# Note\n\nText.\n"
    app = build({"index.md": page}, "singlehtml")
    assert warnings_of(app) == []
    tags = soup(app, "index").select_one("p.stl-note-tags")
    assert tags.get_text() == "Tags: career"
    assert not tags.select("a")
