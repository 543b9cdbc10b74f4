"""The pages the ``html`` and ``dirhtml`` builders generate for the notes: the notes
index (featured notes first, as cards), the archive by year, the index of the tags and
a page per tag, the same for categories (names in :mod:`.pagenames`).

Which pages there are is worked out once per build, when the notes are read
(``env-updated``); each page is then rendered once (``html-collect-pages``) as docutils
nodes, and given to the theme's own ``page.html`` with the context keys themes read
for a page, so it has the theme's navigation, search box and previous/next links
(the pages of a long listing are each other's ``rel="prev"``/``"next"``). A page is
written only when its HTML differs from the file already in the output folder, so an
incremental build leaves the pages it did not change alone. ``{doc}`` links to these
pages resolve like links to any page (``missing-reference``).
"""

from __future__ import annotations

import dataclasses as dc
import hashlib
import html
import inspect
import itertools
import json
import posixpath
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.environment import CONFIG_OK
from sphinx.environment.adapters.toctree import global_toctree_for_doc
from sphinx.locale import _ as sphinx_words
from sphinx.util import docname_join
from sphinx.util.docutils import new_document
from sphinx.util.osutil import relative_uri

from ..core.files import remove_output, write_whole
from ..core.i18n import _
from ..core.nodes import html_element
from ..core.warnings_ import TimelineWarning, warn
from .domain import notes_domain
from .excerpt import setup_excerpt
from .header import SEPARATOR
from .listings import ListingMaker, listings_domain, setup_listings
from .pagenames import (
    archive_pagename,
    index_pagename,
    numbered,
    term_pagenames,
    writes_pages,
)
from .settings import NOTES_PER_PAGE

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.environment import BuildEnvironment

    from .fields import Note

TERM_KINDS = {"tags": "tag", "categories": "category"}
"""The kind of each term index page, and the kind of the pages it lists."""


def setup_pages(app: Sphinx) -> None:
    """Register excerpts and ``note-list``; plan the generated pages after reading,
    write them with the other pages, and resolve links to them."""
    setup_excerpt(app)
    setup_listings(app)
    app.connect("env-updated", plan_pages)
    app.connect("html-collect-pages", write_pages)
    app.connect("missing-reference", link_to_page)


@dc.dataclass(frozen=True)
class NotesPage:
    """One generated page."""

    name: str
    title: str
    kind: str
    """``index``, ``archive``, ``tags``, ``categories``, ``tag`` or ``category``."""
    term: str = ""
    """The tag or category a ``tag`` or ``category`` page lists."""
    notes: tuple[str, ...] = ()
    """The notes on this page, by docname, in order."""
    total: int = 0
    """How many notes the listing has, over all its pages."""
    number: int = 1
    count: int = 1
    """This page's number, and how many pages the listing has."""
    newer: str = ""
    older: str = ""
    """The pages before and after this one (``rel="prev"`` and ``rel="next"``)."""


def plan_pages(app: Sphinx, env: BuildEnvironment) -> None:
    """Work out the generated pages from the notes just read (``env-updated``), and
    which pages of earlier builds are no more."""
    domain = listings_domain(env)
    pages = {page.name: page for page in planned_pages(app, env)}
    domain.retired = sorted((set(domain.retired) | set(domain.pages)) - set(pages))
    domain.pages = pages


def planned_pages(app: Sphinx, env: BuildEnvironment) -> Iterator[NotesPage]:
    """Every generated page: none when the project has no notes."""
    notes = notes_domain(env).sorted_notes()
    if not notes:
        return
    per_page = NOTES_PER_PAGE.value(app.config)
    featured_first = [note for note in notes if note.featured]
    featured_first += [note for note in notes if not note.featured]
    yield from paginated(
        index_pagename(app.config), _("Notes"), "index", "", featured_first, per_page
    )
    yield from paginated(archive_pagename(app.config), _("Archive"), "archive", "", notes, per_page)
    for kind, label, each in (
        ("tags", _("Tags"), _("Tag: {name}")),
        ("categories", _("Categories"), _("Category: {name}")),
    ):
        pagenames = term_pagenames(kind, notes)
        if not pagenames:
            continue
        yield NotesPage(f"{kind}/index", label, kind)
        for name in sorted(pagenames, key=lambda name: (name.casefold(), name)):
            listed = [note for note in notes if name in getattr(note, kind)]
            title = each.format(name=name)
            yield from paginated(pagenames[name], title, TERM_KINDS[kind], name, listed, per_page)


def paginated(
    first: str, title: str, kind: str, term: str, notes: list[Note], per_page: int
) -> Iterator[NotesPage]:
    """The pages of one listing, ``per_page`` notes each; ``first`` names the first."""
    chunks = [notes[start : start + per_page] for start in range(0, len(notes), per_page)]
    count = len(chunks)
    for number, chunk in enumerate(chunks, 1):
        yield NotesPage(
            name=numbered(first, number),
            title=title
            if number == 1
            else _("{title}, page {number} of {count}").format(
                title=title, number=number, count=count
            ),
            kind=kind,
            term=term,
            notes=tuple(note.docname for note in chunk),
            total=len(notes),
            number=number,
            count=count,
            newer=numbered(first, number - 1) if number > 1 else "",
            older=numbered(first, number + 1) if number < count else "",
        )


def write_pages(app: Sphinx) -> list[tuple[str, dict[str, Any], str]]:
    """Write each generated page whose HTML changed (``html-collect-pages``); a page
    whose name a page of the project has is one warning, and is not written."""
    builder: StandaloneHTMLBuilder = app.builder  # type: ignore[assignment]
    if not writes_pages(builder):
        return []
    domain = listings_domain(app.env)
    pages = domain.pages
    taken = {builder.get_target_uri(docname): docname for docname in sorted(app.env.all_docs)}
    for name in domain.retired:
        if builder.get_target_uri(name) not in taken:
            remove_page(builder, name)
    written = Path(app.doctreedir, WRITTEN)
    try:
        before: dict[str, str] = json.loads(written.read_text("utf8"))
    except (OSError, ValueError):
        before = {}
    site = site_digest(app)
    same_config = app.env.config_status == CONFIG_OK  # else Sphinx writes every page too
    after: dict[str, str] = {}
    navigation = Navigation(builder)
    for page in pages.values():
        docname = taken.get(builder.get_target_uri(page.name))
        if docname is None:
            after[page.name] = page_digest(app, page, pages, site)
            target = Path(builder.get_outfilename(page.name))
            outdated = not same_config or before.get(page.name) != after[page.name]
            if (outdated or not target.is_file()) and not write_page(app, page, pages, navigation):
                del after[page.name]  # not written: tried again by the next build
            continue
        hint = "rename or move that page"
        if page.kind in ("index", "archive"):
            hint += ", or set timeline_notes_path to another folder"
        warn(
            f"the generated page {page.name!r} ({page.title}) would overwrite the page "
            f"{docname!r}, so it is not written; {hint}",
            TimelineWarning.CONFIG,
            (docname, None),
        )
    written.write_text(json.dumps(after, sort_keys=True), "utf8")
    return []  # written already, only where they changed


WRITTEN = "stl-notes-pages.json"
"""The file, beside the doctrees, that keeps what each generated page was written from."""


def site_digest(app: Sphinx) -> str:
    """What every generated page shows of the site besides its notes: the pages' titles
    and toctrees (a theme's navigation) and the templates."""
    env = app.env
    titles = sorted((docname, title.astext()) for docname, title in env.titles.items())
    includes = sorted((parent, tuple(kids)) for parent, kids in env.toctree_includes.items())
    templates = app.builder.templates.newest_template_mtime()  # type: ignore[attr-defined]
    return hashlib.sha256(repr((titles, includes, templates)).encode()).hexdigest()


def page_digest(app: Sphinx, page: NotesPage, pages: dict[str, NotesPage], site: str) -> str:
    """What one generated page is written from: itself, its notes, the other generated
    pages it links to (with their titles and how many notes they list), and the rest
    of the site."""
    notes = notes_domain(app.env).notes
    shown = [listed(notes[docname]) for docname in page.notes]
    others = sorted((other.name, other.title, other.total) for other in pages.values())
    return hashlib.sha256(repr((page, shown, others, site)).encode()).hexdigest()


def listed(note: Note) -> tuple[object, ...]:
    """What a listing shows of a note (so that a new word in its body, which changes only
    its reading time, renders no listing again)."""
    return note.docname, note.title, note.date, note.featured, note.summary


def write_page(
    app: Sphinx, page: NotesPage, pages: dict[str, NotesPage], navigation: Navigation
) -> bool:
    """Render ``page`` through the theme; write it when it differs from the last build's.
    Whether the output file now holds it."""
    builder: StandaloneHTMLBuilder = app.builder  # type: ignore[assignment]
    maker = ListingMaker(app, page.name)
    section = page_section(maker, page, pages)
    with rendering(builder, page.name):
        body = builder.render_partial(section)["fragment"]
    document = new_document(page.name)  # the page's doctree, for html-page-context
    document += section  # after rendering, which puts the section in a document of its own
    context = page_context(maker, page, pages, body)
    context["toctree"] = navigation.toctree(page.name)
    target = Path(builder.get_outfilename(page.name))
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder, target.name)
        builder.handle_page(page.name, context, "page.html", outfilename=fresh, event_arg=document)
        output = fresh.read_bytes()
    if not target.is_file() or target.read_bytes() != output:
        return write_whole(target, output)
    return True


class Navigation:
    """The theme's navigation (its ``toctree()``) on the generated pages. They are in no
    toctree, so it marks nothing current and differs between them only in its links: it
    is resolved once for each set of arguments, its links are worked out once for each
    folder, and it is rendered once for each set of links (pages at the same depth
    mostly share one)."""

    def __init__(self, builder: StandaloneHTMLBuilder) -> None:
        self.builder = builder
        self.resolved: dict[str, tuple[str, nodes.Element | None, list[str]]] = {}
        self.links: dict[tuple[str, str], tuple[str, ...]] = {}
        self.rendered: dict[tuple[str, tuple[str, ...]], str] = {}

    def toctree(self, pagename: str) -> Callable[..., str]:
        """The ``toctree()`` of the page ``pagename``'s template context."""
        return lambda **options: self.render(pagename, options)

    def render(self, pagename: str, options: dict[str, Any]) -> str:
        key = repr(sorted(options.items()))
        uri = self.builder.get_target_uri(pagename)
        if key not in self.resolved:
            tree = self.resolve(pagename, **dict(options))
            found = [ref["refuri"] for ref in internal_references(tree)] if tree else []
            self.resolved[key] = uri, tree, found
        base, tree, base_links = self.resolved[key]
        if tree is None:
            return ""
        folder = posixpath.dirname(uri)
        if (key, folder) not in self.links:
            self.links[key, folder] = tuple(rebased(link, base, uri) for link in base_links)
        links = self.links[key, folder]
        if (key, links) not in self.rendered:
            tree = tree.deepcopy()
            for reference, link in zip(internal_references(tree), links, strict=True):
                reference["refuri"] = link
            self.rendered[key, links] = self.builder.render_partial(tree)["fragment"]
        return self.rendered[key, links]

    def resolve(self, pagename: str, collapse: bool = True, **options: Any) -> nodes.Element | None:
        """The navigation as Sphinx resolves it for a page's ``toctree()``."""
        options.setdefault("includehidden", False)
        if options.get("maxdepth") == "":
            del options["maxdepth"]
        if TOCTREE_TAKES_TAGS:
            options["tags"] = self.builder.tags
        env = self.builder.env
        return global_toctree_for_doc(env, pagename, self.builder, collapse=collapse, **options)


TOCTREE_TAKES_TAGS = "tags" in inspect.signature(global_toctree_for_doc).parameters
"""Whether this Sphinx resolves toctrees for a set of tags (8.2 and later)."""


def internal_references(tree: nodes.Element) -> list[nodes.reference]:
    """The links of a toctree to the project's pages, in document order."""
    return [ref for ref in tree.findall(nodes.reference) if ref.get("internal")]


def rebased(uri: str, base: str, target: str) -> str:
    """``uri``, a link on the page at ``base``, as a link on the page at ``target``."""
    path, hash_sign, anchor = uri.partition("#")
    if not path:
        return uri
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(base), path))
    if joined == ".":
        joined = ""
    elif path.endswith("/"):
        joined += "/"
    return relative_uri(target, joined) + hash_sign + anchor


def remove_page(builder: StandaloneHTMLBuilder, pagename: str) -> None:
    """Delete the file an earlier build wrote for a generated page that is no more
    (the last page of a shorter listing, a tag no note has now), and the folders it
    leaves empty, so that the output is a clean build's."""
    remove_output(Path(builder.get_outfilename(pagename)), Path(builder.outdir))


@contextmanager
def rendering(builder: StandaloneHTMLBuilder, pagename: str) -> Iterator[None]:
    """Let the HTML translator render for ``pagename``, not for the last page written
    (whose section and figure numbers it would otherwise use)."""
    fignumbers = getattr(builder, "fignumbers", {})  # unset until a project page is written
    kept = builder.current_docname, builder.secnumbers, fignumbers, builder.imgpath
    builder.current_docname, builder.secnumbers, builder.fignumbers = pagename, {}, {}
    builder.imgpath = relative_uri(builder.get_target_uri(pagename), builder.imagedir)
    try:
        yield
    finally:
        builder.current_docname, builder.secnumbers, builder.fignumbers, builder.imgpath = kept


def page_section(
    maker: ListingMaker, page: NotesPage, pages: dict[str, NotesPage]
) -> nodes.section:
    """The page's content: its title, listing, page links and links to the other pages."""
    section = nodes.section(ids=[nodes.make_id(page.title) or page.kind], names=[page.title])
    section += nodes.title(page.title, page.title)
    notes_by_name = notes_domain(maker.app.env).notes
    notes = [notes_by_name[docname] for docname in page.notes]
    if page.kind == "index":
        featured = [note for note in notes if note.featured]
        others = [note for note in notes if not note.featured]
        if featured:
            section += maker.cards(featured)
        if others:
            section += maker.bullet_list(others)
    elif page.kind == "archive":
        for year, group in itertools.groupby(notes, key=lambda note: note.date.day.year):
            part = nodes.section(ids=[f"year-{year}"], names=[str(year)])
            part += nodes.title(str(year), str(year))
            part += maker.bullet_list(list(group))
            section += part
    elif page.kind in TERM_KINDS:
        section += term_list(maker, TERM_KINDS[page.kind], pages)
    else:
        section += maker.bullet_list(notes)
    if page.count > 1:
        section += pagination(maker, page)
    section += other_pages(maker, page, pages)
    return section


def term_list(maker: ListingMaker, kind: str, pages: dict[str, NotesPage]) -> nodes.bullet_list:
    """Each tag (or category) with its number of notes, linking to its page."""
    items = nodes.bullet_list(classes=[f"stl-note-{kind}-index"])
    for page in pages.values():
        if page.kind == kind and page.number == 1:
            line = nodes.paragraph()
            line += maker.link(page.name, page.term)
            line += nodes.Text(f" ({page.total})")
            items += nodes.list_item("", line)
    return items


def pagination(maker: ListingMaker, page: NotesPage) -> html_element:
    """Links to the newer and older pages of the listing, around this page's number."""
    nav = html_element(tag="nav", classes=["stl-pagination"], html_attrs={"aria-label": _("Pages")})
    line = nodes.paragraph()
    parts: list[nodes.Node] = []
    if page.newer:
        parts.append(rel_link(maker, page.newer, "prev", _("Newer notes")))
    here = _("Page {number} of {count}").format(number=page.number, count=page.count)
    parts.append(nodes.Text(here))
    if page.older:
        parts.append(rel_link(maker, page.older, "next", _("Older notes")))
    for index, part in enumerate(parts):
        if index:
            line += nodes.Text(SEPARATOR)
        line += part
    nav += line
    return nav


def rel_link(maker: ListingMaker, target: str, rel: str, label: str) -> html_element:
    """``<a rel="prev">`` (or ``next``) to ``target``."""
    link = html_element(
        tag="a", inline=True, html_attrs={"href": maker.uri(target) or "#", "rel": rel}
    )
    link += nodes.Text(label)
    return link


def other_pages(
    maker: ListingMaker, page: NotesPage, pages: dict[str, NotesPage]
) -> nodes.paragraph:
    """Links to the notes index, the archive and the indexes of tags and categories
    (but the one this page belongs to)."""
    config = maker.app.config
    line = nodes.paragraph(classes=["stl-notes-pages"])
    family = {"tag": "tags", "category": "categories"}.get(page.kind, page.kind)
    for name in (
        index_pagename(config),
        archive_pagename(config),
        "tags/index",
        "categories/index",
    ):
        other = pages.get(name)
        if other is None or other.kind == family:
            continue
        if len(line):
            line += nodes.Text(SEPARATOR)
        line += maker.link(name, other.title)
    return line


def page_context(
    maker: ListingMaker, page: NotesPage, pages: dict[str, NotesPage], body: str
) -> dict[str, Any]:
    """What ``page.html`` and the themes read for a page, as Sphinx gives it for one."""
    builder: StandaloneHTMLBuilder = maker.builder  # type: ignore[assignment]
    rellinks = list(builder.globalcontext["rellinks"])
    related: dict[str, dict[str, str] | None] = {"prev": None, "next": None}
    for key, other, accesskey in (("next", page.older, "N"), ("prev", page.newer, "P")):
        if other:
            title = html.escape(pages[other].title)
            related[key] = {"link": maker.uri(other) or "#", "title": title}
            rellinks.append(
                (other, title, accesskey, sphinx_words("next" if key == "next" else "previous"))
            )
    return {
        "title": html.escape(page.title),
        "body": body,
        "parents": [],
        **related,
        "rellinks": rellinks,
        "meta": None,
        "metatags": "",
        "sourcename": "",
        "toc": "",
        "display_toc": False,
        "page_source_suffix": "",
    }


def link_to_page(
    app: Sphinx, env: BuildEnvironment, node: nodes.Element, contnode: nodes.Element
) -> nodes.Element | None:
    """Resolve ``{doc}`` links to the generated pages (``missing-reference``): to the
    page in the builders that write them, the page's title as text in the others."""
    if node.get("refdomain") != "std" or node.get("reftype") != "doc":
        return None
    fromdocname = node.get("refdoc", env.docname)
    target = docname_join(fromdocname, node["reftarget"])
    page = listings_domain(env).pages.get(target)
    if page is None:
        return None
    label = contnode.astext() if node.get("refexplicit") else page.title
    inner = nodes.inline(label, label, classes=contnode.get("classes", []))
    if not writes_pages(app.builder):
        return inner
    uri = app.builder.get_relative_uri(fromdocname, target)
    return nodes.reference("", "", inner, internal=True, refuri=uri)
