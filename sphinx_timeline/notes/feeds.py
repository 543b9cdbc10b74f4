"""Atom feeds of the notes: one of every note, and one for each tag and each category.

The ``html`` and ``dirhtml`` builders write them once the pages are written
(``html-collect-pages``), from the notes' domain: drafts and future notes are never in
them, and drafts that a build shows are left out all the same. (``singlehtml`` writes
none: it is one page, not the site a reader subscribes to.) Every link in a feed is
absolute, from the site's address (``html_baseurl``, else Read the Docs' canonical
URL); without one, no feed is written. Every page's head links to the feed of every
note, and the page of a tag or category to that tag's feed too.

A feed is the same bytes for the same notes: its ``updated`` is its newest note's,
never the time of the build, its entries are the newest notes first, and a file is
written only when its bytes change. The XML is built with :mod:`xml.etree.ElementTree`,
which escapes every text; the characters XML 1.0 forbids are taken out first.
"""

from __future__ import annotations

import contextlib
import dataclasses as dc
import html
import json
import posixpath
import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import quote, urljoin, urlsplit
from xml.etree import ElementTree as ET

from docutils import nodes
from sphinx import addnodes
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.util import logging
from sphinx.util.osutil import relative_uri

from .. import __version__
from ..core.config import conf_location, set_by_project
from ..core.files import remove_output, write_whole
from ..core.i18n import _
from ..core.warnings_ import TimelineWarning, warn
from .collect import note_header, note_links
from .domain import notes_domain
from .meta import site_url
from .pagenames import term_pagenames
from .settings import FEED_CONTENT, FEED_LIMIT, FEED_PATH, FEEDS, TAG_FEED_NAME

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.writers.html5 import HTML5Translator

    from .fields import Note, NoteDate

LOGGER = logging.getLogger(__name__)

FEED_BUILDERS = ("html", "dirhtml")
"""The builders that write feeds."""

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ATOM_TYPE = "application/atom+xml"
GENERATOR = ("sphinx-career-timeline", "https://sphinx-career-timeline.readthedocs.io")

PLAN = "stl_feed_plan"
"""The builder's attribute that holds this build's :class:`FeedPlan` (or ``None``)."""
LINKED_BEFORE = "stl_feed_linked_before"
"""The builder's attribute that says whether the last build's pages linked to a feed."""

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""The characters that XML 1.0 does not allow in a document (named as such: the
complement of the allowed ones takes Python 15 ms to compile, in every build)."""

URL_ATTRIBUTES = ("href", "src", "poster", "cite", "srcset")
"""The HTML attributes whose value is an address (``srcset``: addresses and sizes)."""


@dc.dataclass(frozen=True)
class Feed:
    """One feed file and the notes in it."""

    path: str
    """Where the file is written, relative to the output folder, ``/`` between folders."""
    title: str
    url: str
    page_url: str
    """The page that the feed is the feed of: the root document, or a tag's page."""
    notes: tuple[Note, ...]
    """Newest first."""


@dc.dataclass(frozen=True)
class FeedPlan:
    """The feeds of this build."""

    site: Feed
    """The feed of every note."""
    of_pages: dict[str, Feed]
    """The feed of each tag's and each category's page, by the page's name."""


def setup_feeds(app: Sphinx) -> None:
    """Plan the feeds once the notes are read, link them from every page's head and
    write them after the pages."""
    app.connect("env-get-outdated", remember_linked, priority=400)  # before hold_back
    app.connect("env-updated", plan_feeds)
    app.connect("html-collect-pages", write_feeds)


def feed_builder(app: Sphinx) -> StandaloneHTMLBuilder | None:
    """The builder when it writes feeds."""
    builder = app.builder
    if isinstance(builder, StandaloneHTMLBuilder) and builder.name in FEED_BUILDERS:
        return builder
    return None


def is_absolute(url: str) -> bool:
    """Whether ``url`` is a whole address (``https://example.org/docs/``)."""
    parts = urlsplit(url)
    return bool(parts.scheme and parts.netloc)


def published(env: BuildEnvironment) -> list[Note]:
    """The notes a feed may hold, newest first: every note but the drafts a build shows."""
    return [note for note in notes_domain(env).sorted_notes() if not note.draft]


def feeds_wanted(app: Sphinx) -> bool:
    """Whether this build writes feeds when it has notes to put in them."""
    return (
        feed_builder(app) is not None
        and bool(FEEDS.value(app.config))
        and is_absolute(site_url(app.config))
    )


def remember_linked(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> set[str]:
    """Note whether the pages of the last build linked to a feed (``env-get-outdated``,
    while the domain still holds the last build's notes)."""
    setattr(app.builder, LINKED_BEFORE, feeds_wanted(app) and bool(published(env)))
    return set()


def plan_feeds(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Plan this build's feeds (``env-updated``); every page when the feed they link to
    comes or goes (the first note published, the last one withdrawn)."""
    plan = feed_plan(app) if feed_builder(app) and FEEDS.value(app.config) else None
    setattr(app.builder, PLAN, plan)
    if getattr(app.builder, LINKED_BEFORE, False) != (plan is not None):
        return sorted(env.found_docs)
    return []


def feed_plan(app: Sphinx) -> FeedPlan | None:
    """The feeds of this build; ``None`` without notes, or when the site's address is
    unknown (with a warning, when the writer asked for feeds in ``conf.py``)."""
    builder = cast("StandaloneHTMLBuilder", app.builder)
    config = app.config
    notes = published(app.env)
    if not notes:
        return None
    site = site_url(config)
    if not is_absolute(site):
        report_site_url(app, site)
        return None
    limit = FEED_LIMIT.value(config) or None

    def feed(path: str, title: str, page: str, notes: list[Note]) -> Feed:
        url = posixpath.join(site, path)
        page_url = posixpath.join(site, builder.get_target_uri(page))
        return Feed(path, title, url, page_url, tuple(notes[:limit]))

    project = config.project
    site_feed = feed(FEED_PATH.value(config), project, config.root_doc, notes)
    of_pages: dict[str, Feed] = {}
    name = TAG_FEED_NAME.value(config)
    if name:
        every_note = notes_domain(app.env).notes.values()
        for kind, title in (
            ("tags", _("{project}: notes tagged {name}")),
            ("categories", _("{project}: notes in the category {name}")),
        ):
            pagename_of = term_pagenames(kind, every_note)
            by_term: dict[str, list[Note]] = {}
            for note in notes:
                for term in getattr(note, kind):
                    by_term.setdefault(term, []).append(note)
            for term, term_notes in sorted(by_term.items()):
                page = pagename_of[term]
                path = posixpath.join(page, name)
                of_pages[page] = feed(
                    path, title.format(project=project, name=term), page, term_notes
                )
    return FeedPlan(site_feed, of_pages)


def report_site_url(app: Sphinx, site: str) -> None:
    """Say why no feed is written: a warning when ``html_baseurl`` is not an address, or
    when the writer set ``timeline_feeds`` in ``conf.py``; else a line in the log."""
    if site:
        warn(
            f"html_baseurl {site!r} is not an absolute URL, and an Atom feed needs the "
            "site's address for its links: no feed is written. Set html_baseurl to the "
            "address the site is published at, such as 'https://example.org/docs/', or "
            "set timeline_feeds = False",
            TimelineWarning.CONFIG,
            conf_location(app.confdir, "html_baseurl"),
        )
    elif set_by_project(app.config, FEEDS.key):
        warn(
            "timeline_feeds is on, but html_baseurl is not set, and an Atom feed needs the "
            "site's address for its links: no feed is written. Set html_baseurl in conf.py "
            "to the address the site is published at, such as "
            "html_baseurl = 'https://example.org/docs/', or set timeline_feeds = False",
            TimelineWarning.CONFIG,
            conf_location(app.confdir, FEEDS.key),
        )
    else:
        LOGGER.info("no Atom feeds written: html_baseurl, the site's address, is not set")


def link_feeds(app: Sphinx, pagename: str, context: dict[str, Any]) -> None:
    """Link the feed of every note from the page's head, and a tag's or category's feed
    from its page (``html-page-context``)."""
    plan: FeedPlan | None = getattr(app.builder, PLAN, None)
    if plan is None:
        return
    feeds = [plan.site]
    if pagename in plan.of_pages:
        feeds.append(plan.of_pages[pagename])
    context["metatags"] = context.get("metatags", "") + "".join(
        f'<link rel="alternate" type="{ATOM_TYPE}" title="{html.escape(xml_text(feed.title))}"'
        f' href="{html.escape(feed.url)}">\n'
        for feed in feeds
    )


def write_feeds(app: Sphinx) -> list[tuple[str, dict[str, Any], str]]:
    """Write the planned feeds whose bytes changed, and delete the last build's feeds
    that are no more (``html-collect-pages``); no pages."""
    builder = feed_builder(app)
    if builder is None:
        return []
    plan: FeedPlan | None = getattr(builder, PLAN, None)
    feeds = [] if plan is None else [plan.site, *plan.of_pages.values()]
    remove_old_feeds(app, builder, {feed.path for feed in feeds})
    contents: dict[str, str] = {}

    def content(note: Note) -> str:
        if note.docname not in contents:
            contents[note.docname] = full_content(app, builder, note)
        return contents[note.docname]

    full = FEED_CONTENT.value(app.config) == "full"
    for feed in feeds:
        data = feed_xml(app, builder, feed, content if full else None)
        path = Path(app.outdir, feed.path)
        if not path.is_file() or path.read_bytes() != data:
            write_whole(path, data)
    return []


WRITTEN = "stl-feeds-{builder}.json"
"""The file, beside the doctrees, that lists the feeds a builder's last build wrote."""


def remove_old_feeds(app: Sphinx, builder: StandaloneHTMLBuilder, paths: set[str]) -> None:
    """Delete the feeds of the last build that this one does not write (those of a tag
    no note has now, or all of them when feeds are turned off), and the folders they
    leave empty, so that the output is a clean build's; remember ``paths``."""
    written = Path(app.doctreedir, WRITTEN.format(builder=builder.name))
    try:
        before = set(json.loads(written.read_text("utf8")))
    except (OSError, ValueError, TypeError):
        before = set()
    outdir = Path(app.outdir)
    for old in sorted(before - paths):
        remove_output(outdir / old, outdir)
    if before != paths:
        written.write_text(json.dumps(sorted(paths)), "utf8")


def feed_xml(
    app: Sphinx,
    builder: StandaloneHTMLBuilder,
    feed: Feed,
    content: Callable[[Note], str] | None,
) -> bytes:
    """The Atom document of ``feed``; ``content(note)`` gives a note's HTML, if wanted."""
    config = app.config
    root = ET.Element("feed", {"xmlns": ATOM, XML_LANG: xml_text(config.language or "en")})
    add(root, "id", feed.url)
    add(root, "title", feed.title)
    newest = max((changed(note) for note in feed.notes), key=lambda date: date.as_utc())
    add(root, "updated", atom_date(newest))
    add(root, "link", rel="self", type=ATOM_TYPE, href=feed.url)
    add(root, "link", rel="alternate", type="text/html", href=feed.page_url)
    if not all(note.authors for note in feed.notes):
        feed_author = config.author if set_by_project(config, "author") else config.project
        add(add(root, "author"), "name", feed_author)
    add(root, "generator", GENERATOR[0], uri=GENERATOR[1], version=__version__)
    site = site_url(config)
    for note in feed.notes:
        url = posixpath.join(site, builder.get_target_uri(note.docname))
        entry = add(root, "entry")
        add(entry, "id", tag_uri(site, note))
        add(entry, "title", note.title)
        add(entry, "link", rel="alternate", type="text/html", href=url)
        add(entry, "published", atom_date(note.date))
        add(entry, "updated", atom_date(changed(note)))
        for author in note.authors:
            add(add(entry, "author"), "name", author)
        for term in dict.fromkeys((*note.tags, *note.categories)):
            add(entry, "category", term=term)
        if note.summary:
            add(entry, "summary", note.summary)
        if content is not None:
            add(entry, "content", content(note), type="html")
    ET.indent(root)
    document: bytes = ET.tostring(root, "utf-8", xml_declaration=True)
    return document + b"\n"


def add(parent: ET.Element, tag: str, text: str = "", **attributes: str) -> ET.Element:
    """A child ``tag`` of ``parent`` (in the Atom namespace, the root's), with ``text``."""
    element = ET.SubElement(
        parent, tag, {name: xml_text(value) for name, value in attributes.items()}
    )
    if text:
        element.text = xml_text(text)
    return element


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (most control characters)."""
    return _NOT_XML.sub("", text)


def changed(note: Note) -> NoteDate:
    """When a note last changed: its ``updated``, else its ``date``."""
    return note.updated or note.date


def atom_date(date: NoteDate) -> str:
    """A date as Atom writes it (RFC 3339): with its time and offset as written, else
    the first moment of the day (or month, or year) in UTC."""
    moment = date.moment if date.moment and date.moment.tzinfo else date.as_utc()
    return moment.isoformat().replace("+00:00", "Z")


def tag_uri(site: str, note: Note) -> str:
    """A note's lasting id (RFC 4151): the site's host, the note's date and its name,
    the same in every builder (``tag:example.org,2024-05-01:/docs/notes/first``)."""
    parts = urlsplit(site)
    path = quote(posixpath.join(parts.path or "/", note.docname))
    return f"tag:{parts.hostname},{note.date.day.isoformat()}:{path}"


def full_content(app: Sphinx, builder: StandaloneHTMLBuilder, note: Note) -> str:
    """A note as HTML, without its title, header and closing links, every link and image
    in it absolute. Its warnings were given when its page was written."""
    env = app.env
    doctree = env.get_doctree(note.docname)
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is not None and section.children and isinstance(section[0], nodes.title):
        section.remove(section[0])
    for node in list(doctree.findall(left_out)):
        node.parent.remove(node)
    with logging.suppress_logging(), writing(builder, note.docname):
        env.apply_post_transforms(doctree, note.docname)
        builder.post_process_images(doctree)
        doctree.settings = builder.docsettings
        visitor = cast("HTML5Translator", builder.create_translator(doctree, builder))
        doctree.walkabout(visitor)
    page_url = posixpath.join(site_url(app.config), builder.get_target_uri(note.docname))
    return absolute_links("".join(visitor.fragment), page_url)


def left_out(node: nodes.Node) -> bool:
    """Whether a node of a note's page is left out of its feed entry: the header, the
    closing links, tables of contents."""
    if isinstance(node, nodes.compound) and "toctree-wrapper" in node["classes"]:
        return True
    return isinstance(node, (note_header, note_links, addnodes.toctree))


PAGE_STATE = ("secnumbers", "fignumbers", "imgpath", "dlpath", "current_docname", "add_permalinks")
"""The builder's attributes that :func:`writing` sets."""


@contextlib.contextmanager
def writing(builder: StandaloneHTMLBuilder, docname: str) -> Iterator[None]:
    """The builder set up as to write the page ``docname`` (as ``write_doc`` does), with
    no permalinks beside headings; as it was, afterwards."""
    state = vars(builder)
    saved = {name: state[name] for name in PAGE_STATE if name in state}
    target = builder.get_target_uri(docname)
    builder.secnumbers = builder.env.toc_secnumbers.get(docname, {})
    builder.fignumbers = builder.env.toc_fignumbers.get(docname, {})
    builder.imgpath = relative_uri(target, builder.imagedir)
    builder.dlpath = relative_uri(target, "_downloads")
    builder.current_docname = docname
    builder.add_permalinks = False
    try:
        yield
    finally:
        for name in PAGE_STATE:
            state.pop(name, None)
        state.update(saved)


def absolute_links(fragment: str, page_url: str) -> str:
    """``fragment`` with every relative link and image address made absolute from the
    page at ``page_url``; everything else as it was."""
    parser = _AbsoluteLinks(page_url)
    parser.feed(fragment)
    parser.close()
    return "".join(parser.out)


class _AbsoluteLinks(HTMLParser):
    """Copies HTML, rewriting the URL attributes that are relative."""

    def __init__(self, base: str) -> None:
        super().__init__(convert_charrefs=False)
        self.base = base
        self.out: list[str] = []

    def absolute(self, name: str, value: str | None) -> str | None:
        if value is None or name not in URL_ATTRIBUTES:
            return value
        if name == "srcset":
            candidates = (candidate.strip().split(" ", 1) for candidate in value.split(","))
            return ", ".join(
                " ".join([self.join(url), *descriptor]) for url, *descriptor in candidates
            )
        return self.join(value)

    def join(self, url: str) -> str:
        if not url or urlsplit(url).scheme:
            return url
        return urljoin(self.base, url)

    def tag(self, tag: str, attrs: list[tuple[str, str | None]], end: str) -> str:
        rewritten = [(name, self.absolute(name, value)) for name, value in attrs]
        if rewritten == attrs:
            return self.get_starttag_text() or ""
        written = "".join(
            f" {name}" if value is None else f' {name}="{html.escape(value)}"'
            for name, value in rewritten
        )
        return f"<{tag}{written}{end}>"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.tag(tag, attrs, ""))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.tag(tag, attrs, " /"))

    def handle_endtag(self, tag: str) -> None:
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")
