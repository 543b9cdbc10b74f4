"""The site navigation of the sidebar, worked out once per build.

Sphinx's stock themes render the whole toctree into every page, so a build's cost grows
with the square of its page count. Here the toctrees are read once from the
environment (``env.tocs`` holds each page's toctree nodes, globs already expanded); a
page's navigation shows the top level, and the children of the current page and of its
ancestors only. Each link's HTML is made once per folder of the pages that show it (a
relative address depends on that folder only) and reused, so a page costs a join of
ready strings.
"""

from __future__ import annotations

import dataclasses as dc
import hashlib
from html import escape
from typing import TYPE_CHECKING

from sphinx import addnodes

if TYPE_CHECKING:
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.environment import BuildEnvironment


@dc.dataclass(frozen=True)
class Entry:
    """A toctree entry: a page of the project or an address elsewhere."""

    title: str
    """Escaped HTML text."""
    docname: str | None = None
    url: str | None = None


@dc.dataclass(frozen=True)
class Section:
    """One toctree of a page: its caption and entries."""

    caption: str
    """Escaped HTML text, or empty."""
    entries: tuple[Entry, ...]


def read_sections(env: BuildEnvironment) -> dict[str, tuple[Section, ...]]:
    """Each page's toctrees, in the order they appear on it (pages without any left out)."""
    sections: dict[str, tuple[Section, ...]] = {}
    for docname in sorted(env.tocs):
        found = []
        for toctree in env.tocs[docname].findall(addnodes.toctree):
            entries = []
            for title, ref in toctree["entries"]:
                if ref in env.titles and ref != docname:
                    shown = title or env.titles[ref].astext()
                    entries.append(Entry(escape(shown), docname=ref))
                elif "://" in ref or ref.startswith("mailto:"):
                    entries.append(Entry(escape(title or ref), url=ref))
            if entries:
                found.append(Section(escape(toctree.get("caption") or ""), tuple(entries)))
        if found:
            sections[docname] = tuple(found)
    return sections


def signature(env: BuildEnvironment) -> str:
    """A digest of everything the navigation shows: when it changes, every page's
    sidebar is out of date."""
    digest = hashlib.sha256(env.config.root_doc.encode())
    for docname, found in read_sections(env).items():
        digest.update(repr((docname, found)).encode())
    return digest.hexdigest()


class SiteNavigation:
    """The project's toctrees, and the sidebar navigation of any page."""

    def __init__(self, builder: StandaloneHTMLBuilder, depth: int) -> None:
        self.builder = builder
        self.depth = depth
        self.root = builder.config.root_doc
        self.sections = read_sections(builder.env)
        self.parents = self._parents()
        self._links: dict[tuple[Entry, str], str] = {}

    def _parents(self) -> dict[str, str]:
        """Each page's parent: the first page whose toctree names it, walking from the
        root in toctree order."""
        parents: dict[str, str] = {}
        seen = {self.root}
        stack = [self.root]
        while stack:
            docname = stack.pop()
            children = [
                entry.docname
                for section in self.sections.get(docname, ())
                for entry in section.entries
                if entry.docname is not None and entry.docname not in seen
            ]
            for child in children:
                seen.add(child)
                parents[child] = docname
            stack.extend(reversed(children))
        return parents

    def trail(self, pagename: str) -> list[str]:
        """The ancestors of ``pagename``, the root first, and the page itself."""
        trail = [pagename]
        while trail[-1] in self.parents:
            trail.append(self.parents[trail[-1]])
        return trail[::-1]

    def html(self, pagename: str) -> str:
        """The navigation lists of ``pagename``'s sidebar."""
        trail = self.trail(pagename)
        folder = self.builder.get_target_uri(pagename).rpartition("/")[0]
        if not trail or trail[0] != self.root:
            trail = [self.root]
        return "".join(self._lists(self.root, 1, pagename, set(trail), folder))

    def _lists(
        self, docname: str, level: int, pagename: str, open_: set[str], folder: str
    ) -> list[str]:
        parts: list[str] = []
        for section in self.sections.get(docname, ()):
            if section.caption and level == 1:
                parts.append(f'<p class="stl-nav-caption">{section.caption}</p>')
            parts.append(f'<ul class="stl-nav-list stl-nav-level-{level}">')
            for entry in section.entries:
                if entry.docname in open_ or entry.docname == pagename:
                    parts.extend(self._open_item(entry, level, pagename, open_, folder))
                else:
                    parts.append(self._link_item(entry, pagename, folder))
            parts.append("</ul>")
        return parts

    def _open_item(
        self, entry: Entry, level: int, pagename: str, open_: set[str], folder: str
    ) -> list[str]:
        """The item of the current page or of one of its ancestors, its children shown."""
        assert entry.docname is not None
        current = entry.docname == pagename
        if current:
            state = "stl-nav-current"
            link = f'<a class="stl-nav-link" href="#" aria-current="page">{entry.title}</a>'
        else:
            state = "stl-nav-ancestor"
            href = escape(self.builder.get_relative_uri(pagename, entry.docname))
            link = f'<a class="stl-nav-link" href="{href}">{entry.title}</a>'
        parts = [f'<li class="stl-nav-item {state}">{link}']
        if level < self.depth:
            parts.extend(self._lists(entry.docname, level + 1, pagename, open_, folder))
        parts.append("</li>")
        return parts

    def _link_item(self, entry: Entry, pagename: str, folder: str) -> str:
        """A closed item: made once for each folder of the pages that show it."""
        key = (entry, folder)
        found = self._links.get(key)
        if found is None:
            if entry.docname is None:
                href, kind = entry.url or "", " stl-nav-external"
            else:
                href = self.builder.get_relative_uri(pagename, entry.docname)
                kind = " stl-nav-has-children" if entry.docname in self.sections else ""
            found = (
                f'<li class="stl-nav-item{kind}"><a class="stl-nav-link" '
                f'href="{escape(href)}">{entry.title}</a></li>'
            )
            self._links[key] = found
        return found
