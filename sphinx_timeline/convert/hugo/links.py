"""Where a Hugo page's links and pictures lead, in the converted project.

A converted page keeps Hugo's layout under the notes folder: content files at their
place in ``content/``, the site's static files (``/img/…``) at their URL path. A link to
another page (by URL, ``/posts/x/``, or by file, ``x.md``) becomes a relative link to
its converted ``.md`` file, which MyST turns into a link to the document; a picture or
file becomes a relative path to the copy the converter makes of it.
"""

from __future__ import annotations

import dataclasses as dc
import posixpath
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from .site import CONTENT_SUFFIXES, Page, normal_url


@dc.dataclass(frozen=True)
class Record:
    """A page of the conversion: its file, where it goes, and its URLs on the Hugo site."""

    page: Page
    out: PurePosixPath
    urls: tuple[str, ...]


class Linker:
    """Every page's file and URLs, to find what a link leads to."""

    def __init__(self, records: Iterable[Record], notes_dir: PurePosixPath) -> None:
        self.notes_dir = notes_dir
        self.by_file: dict[Path, Record] = {}
        self.by_url: dict[str, Record] = {}
        self.by_name: dict[str, list[Record]] = {}
        for record in records:
            self.by_file[record.page.source.resolve()] = record
            for url in record.urls:
                self.by_url.setdefault(url, record)
            self.by_name.setdefault(record.page.source.name.lower(), []).append(record)

    def for_page(self, record: Record) -> PageLinks:
        """The link resolver of one page."""
        return PageLinks(self, record)


@dc.dataclass
class PageLinks:
    """Resolves the links of one page, and collects the files they need copied."""

    linker: Linker
    record: Record
    copies: dict[PurePosixPath, Path] = dc.field(default_factory=dict)
    anchors: bool = False
    """Whether a link goes to a heading of another page (MyST's heading anchors)."""

    @property
    def page(self) -> Page:
        return self.record.page

    def internal_path(self, target: str) -> str | None:
        """The path of a link into the site (``/posts/x/``, ``../img/a.png``), or ``None``
        for an address elsewhere (another host, ``mailto:``) or an anchor of this page."""
        if not target or target.startswith(("#", "?")):
            return None
        parts = urlsplit(target)
        if parts.scheme or parts.netloc:
            base = urlsplit(self.page.site.base_url)
            if parts.scheme not in ("http", "https") or not base.netloc:
                return None
            if parts.netloc.lower() != base.netloc.lower():
                return None
            path = parts.path
            prefix = base.path.rstrip("/")
            if prefix and path.startswith(prefix + "/"):
                path = path[len(prefix) :]
            return path + (f"#{parts.fragment}" if parts.fragment else "")
        return target

    def link(self, target: str) -> str | None:
        """What to write for a link to ``target``: the same text for an outside address,
        a relative path for a page or a file of the site, ``None`` for a link into the
        site that leads to nothing converted."""
        internal = self.internal_path(target)
        if internal is None:
            return target
        path, _, fragment = internal.partition("#")
        path = path.split("?", 1)[0]
        suffix = PurePosixPath(path).suffix.lower()
        if suffix in CONTENT_SUFFIXES:
            found = self._content_file(path)
            return self._to_page(found, fragment) if found else None
        if suffix and suffix not in (".html", ".htm"):
            copied = self.file(path)
            if copied is not None:
                return copied + (f"#{fragment}" if fragment else "")
        page = self._url(path)
        if page is not None:
            return self._to_page(page, fragment)
        return self.file(path) if path else None

    def old_url(self, target: str) -> str:
        """The address of ``target`` on the Hugo site (``""`` without its ``baseURL``)."""
        base = self.page.site.base_url
        internal = self.internal_path(target)
        if not base or internal is None:
            return ""
        return base.rstrip("/") + urljoin(self._page_url(), internal)

    def ref(self, target: str) -> str | None:
        """The relative path of the page a ``ref`` / ``relref`` names, as Hugo finds it:
        beside this page, then from the content root, then by its unique file name."""
        path, _, fragment = target.partition("#")
        if not path:
            return f"#{fragment}" if fragment else None
        found = self._content_file(path, by_name=True)
        return self._to_page(found, fragment) if found else None

    def file(self, target: str) -> str | None:
        """The relative path of the copy of a picture or file, or ``None`` when it is
        nowhere: beside the page (or its bundle), under ``static/``, or in ``content/``
        (and not a Markdown page)."""
        path = unquote(target.split("#", 1)[0].split("?", 1)[0])
        if not path or path.endswith("/"):
            return None
        site = self.page.site
        candidates: list[tuple[Path, PurePosixPath]] = []
        if path.startswith("/"):
            relative = path.lstrip("/")
            roots = [*site.static_dirs, self.page.content_root]
            candidates.extend((root / relative, PurePosixPath(relative)) for root in roots)
        else:
            here = self.record.out.parent.relative_to(self.linker.notes_dir)
            candidates.append((self.page.folder / path, _join(here, path)))
            url = urljoin(self._page_url(), path).lstrip("/")
            for root in (*site.static_dirs, self.page.content_root):
                candidates.append((root / unquote(url), PurePosixPath(unquote(url))))
        for source, rel in candidates:
            # a content page is converted, never copied (the copy would be its note's path)
            content = source.suffix.lower() in CONTENT_SUFFIXES
            if source.is_file() and ".." not in rel.parts and not content:
                out = self.linker.notes_dir / rel
                self.copies.setdefault(out, source)
                return self.relative(out)
        return None

    def relative(self, out: PurePosixPath) -> str:
        """The path of ``out`` (relative to the output folder) from this page."""
        return posixpath.relpath(out.as_posix(), self.record.out.parent.as_posix())

    def _to_page(self, record: Record, fragment: str) -> str:
        if fragment:
            self.anchors = True
        path = self.relative(record.out) if record is not self.record else ""
        return path + (f"#{fragment}" if fragment else "") if path or fragment else "#"

    def _page_url(self) -> str:
        return self.record.urls[0] if self.record.urls else "/"

    def _url(self, path: str) -> Record | None:
        absolute = urljoin(self._page_url(), path) if not path.startswith("/") else path
        return self.linker.by_url.get(normal_url(unquote(absolute)))

    def _content_file(self, path: str, by_name: bool = False) -> Record | None:
        path = unquote(path)
        roots = (
            [self.page.content_root]
            if path.startswith("/")
            else [
                self.page.folder,
                self.page.content_root,
            ]
        )
        relative = path.lstrip("/")
        for root in roots:
            base = root / relative
            names = [base, *(base.with_name(base.name + s) for s in CONTENT_SUFFIXES)]
            names += [base / f"{stem}{s}" for stem in ("index", "_index") for s in CONTENT_SUFFIXES]
            for candidate in names:
                record = self.linker.by_file.get(candidate.resolve())
                if record is not None:
                    return record
        if by_name:
            name = PurePosixPath(relative).name.lower()
            matches = self.linker.by_name.get(name) or self.linker.by_name.get(name + ".md")
            if matches and len(matches) == 1:
                return matches[0]
        return None


def _join(folder: PurePosixPath, path: str) -> PurePosixPath:
    """``path`` relative to ``folder``, with ``..`` worked out (never above the top)."""
    joined = posixpath.normpath(posixpath.join(folder.as_posix(), unquote(path)))
    return PurePosixPath(joined)
