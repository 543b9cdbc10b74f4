"""Converting the pages found in Hugo sites, one at a time.

Every page's front matter is read first, so that a link to any page can be resolved
(by its file, its URL or an alias); then each page is converted on its own:
:meth:`Conversion.convert` returns the files to write for it (the note, the pictures
it uses and its bundle's resources) and what was left for the writer.
"""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from ..myst import front_matter
from .body import Fragment
from .calls import PageContext
from .frontmatter import FrontMatterError, Split, map_fields, parse, split
from .links import Linker, Record
from .report import Leftover
from .site import Discovery, Page, page_urls


@dc.dataclass(frozen=True)
class OutputFile:
    """A file to write, relative to the output folder: text, or a copy of ``source``."""

    path: PurePosixPath
    data: bytes | None = None
    source: Path | None = None


@dc.dataclass
class Converted:
    """One page's result."""

    page: Page
    files: list[OutputFile] = dc.field(default_factory=list)
    leftovers: list[Leftover] = dc.field(default_factory=list)
    error: str = ""
    needs: set[str] = dc.field(default_factory=set)
    tweets: int = 0


@dc.dataclass(frozen=True)
class _Read:
    text: str
    part: Split
    fields: dict[str, Any]


def read_text(path: Path) -> str:
    """A content file's text, without a byte order mark, with ``\\n`` line ends."""
    text = path.read_bytes().decode("utf-8-sig")
    return text.replace("\r\n", "\n").replace("\r", "\n")


class Conversion:
    """The pages of a :class:`~.site.Discovery`, to convert into ``notes_dir``."""

    def __init__(self, discovery: Discovery, notes_dir: PurePosixPath) -> None:
        self.discovery = discovery
        self.notes_dir = notes_dir
        self.errors: dict[Path, str] = {}
        self.read: dict[Path, _Read] = {}
        self.copied: dict[PurePosixPath, Path] = {}
        records = []
        taken: dict[PurePosixPath, Page] = {}
        for page in discovery.pages:
            out = notes_dir / page.rel
            if out in taken:
                self.errors[page.source] = (
                    f"{page.source}: goes to {out} as {taken[out].source} does; rename one of them"
                )
                continue
            try:
                text = read_text(page.source)
                part = split(text)
                fields = parse(part)
            except (OSError, UnicodeDecodeError) as error:
                reason = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
                self.errors[page.source] = f"{page.source}: cannot be read ({reason})"
                continue
            except FrontMatterError as error:
                self.errors[page.source] = f"{page.source}:{error.line}: {error}"
                continue
            taken[out] = page
            self.read[page.source] = _Read(text, part, fields)
            records.append(Record(page, out, tuple(page_urls(page, fields))))
        self.records = {record.page.source: record for record in records}
        self.linker = Linker(records, notes_dir)

    @property
    def pages(self) -> list[Page]:
        return self.discovery.pages

    def convert(self, page: Page) -> Converted:
        """The files of one page, and what was left in them."""
        if page.source in self.errors:
            return Converted(page, error=self.errors[page.source])
        read = self.read[page.source]
        record = self.records[page.source]
        links = self.linker.for_page(record)
        context = PageContext(page.source, read.fields, page.site.params, links, page.site.base_url)

        def image_path(value: str, field: str) -> str | None:
            if links.internal_path(value) is None:
                return value
            found = links.file(value)
            if found is None:
                context.left(
                    _field_line(read.part, field),
                    "image",
                    f"front matter {field}: no file {value!r} beside the page, in static/ or "
                    "in content/, so the note has no image; put the file there and run again",
                )
            return found

        fields = map_fields(read.fields, image_path)
        title = str(fields.get("title") or "").strip()
        body = Fragment(
            context,
            read.part.body,
            read.part.body_line,
            top=True,
            title=title or _fallback_title(page),
            title_always=not title or "date" not in fields,
        ).convert()
        head = front_matter(fields)
        text = head + ("\n" if head and body.strip() else "") + body.strip("\n") + "\n"
        result = Converted(
            page,
            [OutputFile(record.out, text.encode("utf-8"))],
            sorted(context.leftovers, key=lambda leftover: leftover.line),
            needs=context.needs | _math(read.fields),
            tweets=context.tweets,
        )
        if links.anchors:
            result.needs.add("heading_anchors")
        copies = dict(links.copies)
        for resource in self.discovery.resources.get(page.source, []):
            relative = resource.relative_to(page.folder).as_posix()
            copies.setdefault(record.out.parent / relative, resource)
        for out, source in sorted(copies.items()):
            if out in self.copied:
                continue
            self.copied[out] = source
            result.files.append(OutputFile(out, source=source))
        return result


def _fallback_title(page: Page) -> str:
    """A title for a page without one: its file's (or bundle's) name, or the site's."""
    name = page.rel.parent.name if page.bundle or page.section else page.rel.stem
    if not name:
        return page.site.title or "Home"
    return name.replace("-", " ").replace("_", " ").strip().capitalize()


def _math(fields: Mapping[str, Any]) -> set[str]:
    """``dollarmath`` for a page whose front matter asks for math (LoveIt's ``math``)."""
    value = {key.lower(): item for key, item in fields.items()}.get("math")
    if isinstance(value, dict):
        value = {key.lower(): item for key, item in value.items()}.get("enable")
    return {"dollarmath"} if value is True or str(value).lower() == "true" else set()


def _field_line(part: Split, field: str) -> int:
    """The line of the file where front matter field ``field`` is written."""
    for number, line in enumerate(part.raw.split("\n"), start=2):
        stripped = line.lstrip(' "')
        if stripped.lower().startswith(field.lower()):
            return number if part.format != "json" else number - 1
    return 1
