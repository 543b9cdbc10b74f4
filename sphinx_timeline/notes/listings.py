"""Listings of notes: the ``note-list`` directive, and the nodes every listing is made of
(a list, sphinx-design cards, a timeline), which the generated pages use too.

A ``note-list`` is a placeholder while pages are read; it is filled when its page is
written (``doctree-resolved``), from every note's data, in every builder: cards in
HTML (a plain list elsewhere), a timeline through the ``timeline`` directive's own
nodes. Each page records what its listings ask for, so that an incremental build
rewrites it only when the notes it lists change (``env-get-updated``).
"""

from __future__ import annotations

import dataclasses as dc
import hashlib
from collections.abc import Iterable, Set
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.domains import Domain
from sphinx.errors import NoUri
from sphinx_design.shared import PassthroughTextElement, create_component

from ..core.directive import BaseDirective, OptionError, Options, checked, one_of, text
from ..core.i18n import _
from ..core.metadata import parse_flag
from ..core.nodes import set_unique_id
from ..core.warnings_ import TimelineWarning
from ..timeline.directives import fill_dates, label_node, make_entry
from ..timeline.nodes import timeline
from ..timeline.settings import DATE_FORMAT
from ..timeline.transforms import TimelineHtmlTransform
from .domain import notes_domain
from .header import SEPARATOR, date_node
from .pagenames import index_pagename, term_pagenames, writes_pages

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from .fields import Note
    from .pages import NotesPage

FORMATS = ("list", "cards", "timeline")
FEATURED_BADGE = ["sd-sphinx-override", "sd-badge", "sd-bg-primary", "sd-bg-text-primary"]
"""The classes of sphinx-design's ``bdg-primary`` badge, which marks a featured note."""
CARD_COLUMNS = ("1", "xs-1", "sm-2", "md-2", "lg-2")
"""Cards per row: one on a phone, two from a small screen up (sphinx-design's sizes)."""


def setup_listings(app: Sphinx) -> None:
    """Register the ``note-list`` directive, its placeholder, domain and events."""
    app.add_domain(NoteListsDomain)
    app.add_node(note_list)  # replaced before any writer sees it
    app.add_directive("note-list", NoteListDirective)
    app.connect("doctree-resolved", fill_listings)
    app.connect("env-get-updated", listings_to_rewrite)


@dc.dataclass(frozen=True)
class Query:
    """Which notes a listing shows, and how."""

    tags: tuple[str, ...] = ()
    """Notes with any of these tags (all notes when empty)."""
    categories: tuple[str, ...] = ()
    """Notes in any of these categories (all notes when empty)."""
    limit: int = 0
    """At most this many notes, the newest (0: all)."""
    featured: bool | None = None
    """Only featured notes (True), only the others (False), or both (None)."""
    format: str = "list"

    def matches(self, note: Note) -> bool:
        """Whether ``note`` belongs in the listing."""
        return (
            (not self.tags or bool(set(self.tags) & set(note.tags)))
            and (not self.categories or bool(set(self.categories) & set(note.categories)))
            and (self.featured is None or note.featured == self.featured)
        )

    def select(self, notes: Iterable[Note]) -> tuple[list[Note], bool]:
        """The notes shown, from ``notes`` (newest first), and whether ``limit`` left
        some out."""
        chosen = [note for note in notes if self.matches(note)]
        if self.limit and len(chosen) > self.limit:
            return chosen[: self.limit], True
        return chosen, False


class note_list(nodes.General, nodes.Element):
    """Where a ``note-list`` goes; its attributes are its :class:`Query`'s fields."""

    def query(self) -> Query:
        """The query the directive wrote."""
        return Query(**{field.name: self[field.name] for field in dc.fields(Query)})


def words(value: str | None) -> tuple[str, ...] | OptionError:
    """Names separated by commas, as front matter writes them."""
    names = tuple(dict.fromkeys(" ".join(name.split()) for name in text(value).split(",")))
    names = tuple(name for name in names if name)
    if not names:
        return OptionError("", "is empty; give one or more names, separated by commas")
    return names


def positive(word: str) -> int:
    """A whole number of at least 1."""
    write = "write how many notes to show at most"
    try:
        number = int(word) if word.isdigit() else 0
    except ValueError:  # more digits than int() reads
        raise ValueError(f"has {len(word)} digits; {write}") from None
    if number < 1:
        raise ValueError(f"{word!r} is not a whole number of at least 1; {write}")
    return number


def flag(value: str | None) -> bool | OptionError:
    """``:featured:`` alone is true; else ``true`` or ``false`` (``yes``, ``off``...)."""
    word = text(value)
    parsed = parse_flag(word) if word else True
    if parsed is None:
        return OptionError(word, f"{word!r} is neither true nor false; write true or false")
    return parsed


class NoteListDirective(BaseDirective):
    """A listing of notes, filled once every note is known."""

    has_content = True
    option_spec: ClassVar[Options] = Options(
        {
            "tags": words,
            "category": words,
            "limit": checked(positive, skip_empty=False),
            "featured": flag,
            "format": one_of(FORMATS),
        }
    )

    def render(self) -> list[nodes.Node]:
        if self.content:
            self.warn(
                "note-list takes no content, only options; remove the text inside it",
                TimelineWarning.LISTING,
            )
        query = Query(
            tags=self.options.get("tags", ()),
            categories=self.options.get("category", ()),
            limit=self.options.get("limit", 0),
            featured=self.options.get("featured"),
            format=self.options.get("format", "list"),
        )
        node = note_list(**dc.asdict(query))
        self.set_source_info(node)
        listings_domain(self.env).add_query(self.env.docname, query)
        return [node]


def fill_listings(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Fill each ``note-list`` of the page, in every builder (``doctree-resolved``)."""
    placeholders = list(doctree.findall(note_list))
    if not placeholders:
        return
    notes = notes_domain(app.env).sorted_notes()
    maker = ListingMaker(app, docname)
    for placeholder in placeholders:
        query = placeholder.query()
        shown, cut = query.select(notes)
        result = maker.listing(shown, query.format, doctree)
        more = more_page(app, query) if cut else ""
        if more:
            result.append(maker.more_link(more))
        placeholder.replace_self(result)


def more_page(app: Sphinx, query: Query) -> str:
    """The generated page that lists every note a cut listing stands for: its tag's or
    category's page when it names just one, else the notes index; ``""`` when the
    builder writes no such pages."""
    if not writes_pages(app.builder):
        return ""
    notes = notes_domain(app.env).notes.values()
    if len(query.tags) == 1 and not query.categories:
        return term_pagenames("tags", notes)[query.tags[0]]
    if len(query.categories) == 1 and not query.tags:
        return term_pagenames("categories", notes)[query.categories[0]]
    return index_pagename(app.config)


@dc.dataclass(frozen=True)
class ListingMaker:
    """Makes the nodes of listings on one page, for the builder at work."""

    app: Sphinx
    page: str
    """The document, or generated page, the listings are on."""

    @property
    def builder(self) -> Builder:
        return self.app.builder

    @property
    def html(self) -> bool:
        """Whether the builder writes HTML."""
        return self.builder.format == "html"

    def listing(self, notes: list[Note], form: str, document: nodes.document) -> list[nodes.Node]:
        """``notes`` as a ``list``, ``cards`` (HTML; a list elsewhere) or ``timeline``."""
        if not notes:
            empty = _("No notes yet.")
            return [nodes.paragraph(empty, empty, classes=["stl-note-list-empty"])]
        if form == "timeline":
            drawn = self.timeline(notes, document)
            if self.html:  # as the timeline's own transform writes it, which has run
                return [TimelineHtmlTransform(document).html_list(drawn)]
            return [drawn]
        if form == "cards" and self.html:
            return [self.cards(notes)]
        return [self.bullet_list(notes)]

    def uri(self, target: str) -> str | None:
        """The link from this page to ``target``; None when the builder has no page for it."""
        try:
            return self.builder.get_relative_uri(self.page, target)
        except NoUri:
            return None

    def link(self, target: str, label: str, classes: list[str] | None = None) -> nodes.Node:
        """A link to ``target`` showing ``label``; the bare label without a page to link."""
        uri = self.uri(target)
        if uri is None:
            return nodes.Text(label)
        return nodes.reference(label, label, internal=True, refuri=uri, classes=classes or [])

    def date(self, note: Note) -> nodes.Element:
        """The note's date as the page's language writes it (``<time>`` in HTML)."""
        return date_node(note.date, self.app.config.language, self.html)

    def featured_badge(self) -> nodes.inline:
        word = _("Featured")
        return nodes.inline(word, word, classes=["stl-note-featured-badge", *FEATURED_BADGE])

    def summary(self, note: Note, classes: list[str]) -> list[nodes.Node]:
        if not note.summary:
            return []
        return [nodes.paragraph(note.summary, note.summary, classes=classes)]

    def bullet_list(self, notes: list[Note]) -> nodes.bullet_list:
        """Each note's title (a link), date and summary."""
        items = nodes.bullet_list(classes=["stl-note-list"])
        for note in notes:
            head = nodes.paragraph(classes=["stl-note-item-head"])
            head += nodes.strong("", "", self.link(note.docname, note.title))
            head += nodes.Text(SEPARATOR)
            head += self.date(note)
            if note.featured:
                head += nodes.Text(SEPARATOR)
                head += self.featured_badge()
            item = nodes.list_item(classes=["stl-note-item"])
            if note.featured:
                item["classes"].append("stl-note-featured")
            item += head
            item.extend(self.summary(note, ["stl-note-summary"]))
            items += item
        return items

    def cards(self, notes: list[Note]) -> nodes.container:
        """A sphinx-design grid of cards, each clickable as a whole."""
        grid = create_component(
            "grid-container",
            ["sd-container-fluid", "sd-sphinx-override", "sd-mb-4", "stl-note-cards"],
        )
        row = create_component(
            "grid-row",
            ["sd-row", "sd-g-3", *(f"sd-row-cols-{size}" for size in CARD_COLUMNS)],
        )
        grid += row
        for note in notes:
            classes = ["sd-card", "sd-sphinx-override", "sd-w-100", "sd-shadow-sm"]
            classes += ["sd-card-hover", "stl-note-card"]
            if note.featured:
                classes.append("stl-note-featured")
            card = create_component("card", classes)
            body = create_component("card-body", ["sd-card-body"])
            title = create_component("card-title", ["sd-card-title", "sd-font-weight-bold"])
            title += PassthroughTextElement(
                "", "", self.link(note.docname, note.title, ["sd-stretched-link"])
            )
            body += title
            when = nodes.paragraph(classes=["sd-card-text", "stl-note-card-date"])
            when += self.date(note)
            if note.featured:
                when += nodes.Text(SEPARATOR)
                when += self.featured_badge()
            body += when
            body.extend(self.summary(note, ["sd-card-text", "stl-note-summary"]))
            card += body
            row += create_component("grid-item", ["sd-col", "sd-d-flex-row"], children=[card])
        return grid

    def timeline(self, notes: list[Note], document: nodes.document) -> timeline:
        """The notes as the ``timeline`` directive draws its entries, dated by their
        front matter."""
        config = self.app.config
        node = timeline(classes=["stl-timeline", "stl-note-timeline"])
        for note in notes:
            label = label_node([self.link(note.docname, note.title)], note.title, None, None)
            entry = make_entry(note.date.day, None, label, self.summary(note, []))
            entry["stl_title"] = note.title
            set_unique_id(document, entry, nodes.make_id(f"note {note.docname}"))
            fill_dates(entry, str(DATE_FORMAT.value(config)), config.language)
            node += entry
        return node

    def more_link(self, target: str) -> nodes.paragraph:
        """A link to the page that lists every note a cut listing stands for."""
        return nodes.paragraph(
            "", "", self.link(target, _("More notes")), classes=["stl-note-more"]
        )


class NoteListsDomain(Domain):
    """What each page's ``note-list`` directives ask for, a digest of what they showed
    when each builder last wrote the page, and the generated pages of the build (and
    of earlier builds)."""

    name = "notelists"
    label = "Note listings"
    initial_data: ClassVar[dict[str, Any]] = {
        "queries": {},
        "shown": {},
        "pages": {},
        "retired": [],
    }
    data_version = 1

    @property
    def queries(self) -> dict[str, list[Query]]:
        """The listings of each page, by docname."""
        queries: dict[str, list[Query]] = self.data["queries"]
        return queries

    @property
    def pages(self) -> dict[str, NotesPage]:
        """The generated pages of this build, by name (see :mod:`.pages`)."""
        pages: dict[str, NotesPage] = self.data["pages"]
        return pages

    @pages.setter
    def pages(self, pages: dict[str, NotesPage]) -> None:
        self.data["pages"] = pages

    @property
    def retired(self) -> list[str]:
        """The generated pages of earlier builds that this build has not (their files
        are removed)."""
        retired: list[str] = self.data["retired"]
        return retired

    @retired.setter
    def retired(self, names: list[str]) -> None:
        self.data["retired"] = names

    def shown(self, builder: Builder) -> dict[str, str]:
        """What the listings of each page showed when ``builder`` last wrote it (a
        digest, by docname)."""
        shown: dict[str, dict[str, str]] = self.data["shown"]
        return shown.setdefault(f"{builder.name}:{builder.outdir}", {})

    def add_query(self, docname: str, query: Query) -> None:
        self.queries.setdefault(docname, []).append(query)

    def clear_doc(self, docname: str) -> None:
        self.queries.pop(docname, None)
        for shown in self.data["shown"].values():
            shown.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata["queries"]:
                self.queries[docname] = otherdata["queries"][docname]

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[Any]:
        return []


def listings_domain(env: BuildEnvironment) -> NoteListsDomain:
    """The project's listings."""
    domain: NoteListsDomain = env.get_domain(NoteListsDomain.name)  # type: ignore[assignment]
    return domain


def listed(note: Note) -> tuple[object, ...]:
    """What a listing shows of a note."""
    return note.docname, note.title, note.date.isoformat(), note.featured, note.summary


def listings_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The pages whose listings would now show other notes, or other things of them,
    than when this builder last wrote them (``env-get-updated``)."""
    domain = listings_domain(env)
    notes = notes_domain(env).sorted_notes()
    shown = domain.shown(app.builder)
    changed = []
    for docname, queries in sorted(domain.queries.items()):
        seen = []
        for query in queries:
            chosen, cut = query.select(notes)
            seen.append((tuple(map(listed, chosen)), more_page(app, query) if cut else ""))
        digest = hashlib.sha256(repr(seen).encode()).hexdigest()
        if shown.get(docname) != digest:
            shown[docname] = digest
            changed.append(docname)
    return changed
