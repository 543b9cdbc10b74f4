"""``note-list`` in its three forms and every builder, and a note's summary: its
``excerpt``, ``{.excerpt}`` span or ``<!--more-->``, else description, else first
paragraph."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from sphinx.testing.util import SphinxTestApp

from helpers import build_once, copy_root, soup, warnings_of

Build = Callable[..., SphinxTestApp]


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """The listings project, built once with the HTML builder."""
    return build_once(copy_root("notes-listings", tmp_path_factory.mktemp("listings")))


def section(page: BeautifulSoup, section_id: str) -> Tag:
    found = page.select_one(f"section#{section_id}")
    assert found is not None, section_id
    return found


def items(listing: Tag) -> list[tuple[str, str, str, str]]:
    """Title, link, date and summary of each note of a list."""
    return [
        (
            item.select_one("p.stl-note-item-head a").get_text(),
            item.select_one("p.stl-note-item-head a")["href"],
            item.select_one("time")["datetime"],
            item.select_one("p.stl-note-summary").get_text(),
        )
        for item in listing.select("ul.stl-note-list > li")
    ]


SUMMARIES = {
    "notes/first": "A typo fix, merged after three rounds of review.",  # excerpt, not description
    "notes/second": "Before the divider, the summary.",  # everything before <!--more-->
    "notes/third": "this span is the summary",  # the {.excerpt} span
    "notes/fourth": "The description is the summary of the fourth note.",
    "notes/fifth": "Its first paragraph is the summary.",
}


def test_the_listings_build_without_warnings(html: SphinxTestApp) -> None:
    assert warnings_of(html) == []


def test_a_notes_summary_is_its_excerpt_else_description_else_first_paragraph(
    html: SphinxTestApp,
) -> None:
    notes = html.env.get_domain("notes").notes
    assert {name: note.summary for name, note in notes.items()} == SUMMARIES


def test_excerpts_are_shown_in_place(html: SphinxTestApp) -> None:
    first = soup(html, "notes/first")
    assert first.select_one("div.stl-excerpt p").get_text() == (
        "A typo fix, merged after three rounds of review."
    )
    assert first.select_one("div.stl-excerpt em").get_text() == "three"
    assert soup(html, "notes/third").select_one("span.excerpt").get_text() == (
        "this span is the summary"
    )
    second = (html.outdir / "notes" / "second.html").read_text("utf8")
    assert "<!--more-->" in second  # a comment, as in Hugo: nothing shows
    assert "After the divider, the rest." in second


def test_a_list_shows_every_note_newest_first(html: SphinxTestApp) -> None:
    listing = section(soup(html, "listings"), "every-note")
    assert items(listing) == [
        ("Fifth, in reStructuredText", "notes/fifth.html", "2024-05-05", SUMMARIES["notes/fifth"]),
        ("Fourth", "notes/fourth.html", "2024-02-02", SUMMARIES["notes/fourth"]),
        ("Third <time>", "notes/third.html", "2023-01-05T09:30:00+01:00", SUMMARIES["notes/third"]),
        ("Second thoughts", "notes/second.html", "2022-06-10", SUMMARIES["notes/second"]),
        ("First pull request", "notes/first.html", "2021-03-01", SUMMARIES["notes/first"]),
    ]
    featured = [item.select_one("a").get_text() for item in listing.select("li.stl-note-featured")]
    assert featured == ["Fourth", "First pull request"]
    badges = listing.select("li.stl-note-featured span.sd-badge")
    assert [badge.get_text() for badge in badges] == ["Featured", "Featured"]
    assert listing.select("time")[0].get_text() == "May 5, 2024"


def test_cards_of_one_tag_cut_to_the_limit_link_the_tag_page(html: SphinxTestApp) -> None:
    page = soup(html, "listings")
    listing = section(page, "python-as-cards-two-at-most")
    cards = listing.select("div.sd-row > div.sd-col > div.sd-card.stl-note-card")
    assert [
        (card.select_one("a.sd-stretched-link").get_text(), card.select_one("a")["href"])
        for card in cards
    ] == [("Fifth, in reStructuredText", "notes/fifth.html"), ("Third <time>", "notes/third.html")]
    assert cards[1].select_one("p.stl-note-summary").get_text() == SUMMARIES["notes/third"]
    more = listing.select_one("p.stl-note-more a")
    assert (more.get_text(), more["href"]) == ("More notes", "tags/python-2.html")
    assert page.select_one('link[href*="sphinx-design"]'), "the cards' stylesheet"


def test_a_timeline_draws_the_notes_as_the_timeline_directive_does(html: SphinxTestApp) -> None:
    page = soup(html, "listings")
    timeline = section(page, "work-as-a-timeline").select_one("ol.stl-timeline.stl-note-timeline")
    entries = [
        (
            entry.select_one("p.stl-timeline-when time")["datetime"],
            entry.select_one("p.stl-timeline-when time").get_text(),
            entry.select_one("p.stl-timeline-label strong a")["href"],
            entry.select_one("div.stl-timeline-content > p:last-child").get_text(),
        )
        for entry in timeline.select("li.stl-timeline-entry")
    ]
    assert entries == [
        ("2022-06-10", "June 10, 2022", "notes/second.html", SUMMARIES["notes/second"]),
        ("2021-03-01", "March 1, 2021", "notes/first.html", SUMMARIES["notes/first"]),
    ]
    assert [entry["id"] for entry in timeline.select("li")] == [
        "note-notes-second",
        "note-notes-first",
    ]
    assert page.select_one('link[href*="sphinx-timeline.css"]'), "the timeline's stylesheet"


def test_featured_or_not(html: SphinxTestApp) -> None:
    page = soup(html, "listings")
    assert [item[0] for item in items(section(page, "featured"))] == [
        "Fourth",
        "First pull request",
    ]
    others = section(page, "the-others")
    assert [item[0] for item in items(others)] == ["Fifth, in reStructuredText"]
    more = others.select_one("p.stl-note-more a")
    assert (more.get_text(), more["href"]) == ("More notes", "blog/index.html")


def test_a_listing_of_no_note_says_so(html: SphinxTestApp) -> None:
    listing = section(soup(html, "listings"), "a-tag-only-a-draft-has")
    assert listing.select_one("p.stl-note-list-empty").get_text() == "No notes yet."
    assert "DRAFT-SECRET-TEXT" not in (html.outdir / "listings.html").read_text("utf8")


FEATURED_AS_TEXT = """\
Featured
========

* **Fourth** · February 2, 2024 · Featured

  The description is the summary of the fourth note.

* **First pull request** · March 1, 2021 · Featured

  A typo fix, merged after three rounds of review.
"""


@pytest.mark.parametrize(
    ("buildername", "suffix"), [("text", "txt"), ("latex", "tex"), ("man", "1")]
)
def test_every_builder_gets_a_plain_list(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, buildername: str, suffix: str
) -> None:
    app = make_app(buildername, srcdir=copy_root("notes-listings", tmp_path))
    app.build()
    assert warnings_of(app) == []
    output = next(app.outdir.glob(f"*.{suffix}" if suffix != "txt" else "listings.txt"))
    text = output.read_text("utf8")
    for title in ("Fifth, in reStructuredText", "Second thoughts", "No notes yet."):
        assert title in text
    assert "More notes" not in text, "no generated page to link"
    if buildername == "text":
        assert FEATURED_AS_TEXT in text
        assert "June 10, 2022\n   **Second thoughts**\n\n   Before the divider" in text


def test_rst_pages_have_the_same_directives(build: Build) -> None:
    app = build(
        {
            "index.rst": "Home\n====\n\n.. toctree::\n\n   note\n\n.. note-list::\n"
            "   :format: timeline\n",
            "note.rst": ":date: 2023-01-01\n\n.. role:: excerpt\n\nA note\n======\n\n"
            "Only :excerpt:`this part` is the summary.\n",
        }
    )
    assert warnings_of(app) == []
    assert app.env.get_domain("notes").notes["note"].summary == "this part"
    entry = soup(app, "index").select_one("ol.stl-timeline li")
    assert entry.select_one("p.stl-timeline-label a").get_text() == "A note"
    assert entry.select_one("div.stl-timeline-content > p:last-child").get_text() == "this part"


def test_every_mistake_is_one_warning_at_its_line(build: Build) -> None:
    page = (
        "---\ndate: 2024-01-01\n---\n# Bad listings\n\n"
        ":::{note-list}\n:tag: a\n:format: grid\n:limit: 0\n:::\n\n"
        ":::{note-list}\n:featured: maybe\n:tags:\n:category: ,\nSome text.\n:::\n\n"
        ":::{excerpt}\n:::\n"
    )
    rst = ":date: 2023-01-01\n\nA note\n======\n\n.. excerpt::\n"
    app = build({"index.md": page + "\n```{toctree}\nother\n```\n", "other.rst": rst})
    assert warnings_of(app) == [
        "<src>/index.md:7: WARNING: unknown option :tag: in note-list; did you mean :tags:? "
        "The known options are :tags:, :category:, :limit:, :featured:, :format: "
        "[timeline.option]",
        "<src>/index.md:8: WARNING: note-list :format: 'grid' is not allowed; use one of "
        "list, cards, timeline [timeline.option]",
        "<src>/index.md:9: WARNING: note-list :limit: '0' is not a whole number of at least "
        "1; write how many notes to show at most [timeline.option]",
        "<src>/index.md:12: WARNING: note-list takes no content, only options; remove the "
        "text inside it [timeline.listing]",
        "<src>/index.md:13: WARNING: note-list :featured: 'maybe' is neither true nor false; "
        "write true or false [timeline.option]",
        "<src>/index.md:14: WARNING: note-list :tags: is empty; give one or more names, "
        "separated by commas [timeline.option]",
        "<src>/index.md:15: WARNING: note-list :category: is empty; give one or more names, "
        "separated by commas [timeline.option]",
        "<src>/index.md:19: WARNING: excerpt has no text; write the note's summary between "
        "':::{excerpt}' and its closing ':::' [timeline.listing]",
        "<src>/other.rst:6: WARNING: excerpt has no text; write the note's summary indented "
        "under '.. excerpt::' [timeline.listing]",
    ]
    listings = soup(app, "index").select("ul.stl-note-list")
    assert len(listings) == 2, "each listing still shows, with its defaults"
    assert [link.get_text() for link in listings[0].select("a")] == ["Bad listings", "A note"]
