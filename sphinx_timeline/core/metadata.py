"""A page's front matter: MyST's YAML block or reStructuredText's docinfo, read tolerantly.

Sphinx collects both into ``env.metadata[docname]``, but hands values over as the
parsers give them: MyST passes ``false`` as the string ``'False'`` and a list as a
JSON text, docinfo gives every value as text. :class:`PageMetadata` reads them as the
types a writer meant, and knows the source line of each field, for warnings.
"""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .source import is_markdown, refused_by_myst, rst_docinfo, yaml_front_matter
from .warnings_ import TimelineWarning, warn

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

TRUE_WORDS = ("true", "yes", "on", "1")
FALSE_WORDS = ("false", "no", "off", "0")


def parse_flag(value: object) -> bool | None:
    """``True`` or ``False`` from a bool or a word (``true``, ``'False'``, ``yes``,
    ``off``, ...) in any case; ``None`` when the value means neither."""
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None


class FieldError(ValueError):
    """A front-matter value that cannot be understood; the message says how to fix it."""


@dc.dataclass(frozen=True)
class PageMetadata:
    """The front matter of one page, and the line of each field."""

    docname: str
    fields: Mapping[str, Any]
    lines: Mapping[str, int] = dc.field(default_factory=dict)
    reported: bool = False
    """Whether the page's parser has warned already that it cannot read the front matter
    (MyST, which drops it for an impossible date such as ``2019-02-30``): its fields are
    read all the same, so that a draft stays held back, but :meth:`warn` is silent."""

    @classmethod
    def of(cls, env: BuildEnvironment, docname: str) -> PageMetadata:
        """The front matter of ``docname``: a Markdown page's YAML read as YAML (MyST
        hands every value over as text), a reStructuredText page's docinfo as Sphinx
        collected it. Read once per page while the page is read."""
        cache: dict[str, PageMetadata] | None = env.temp_data.get(_CACHE)
        if cache is None:
            cache = env.temp_data[_CACHE] = {}
        if docname in cache:
            return cache[docname]
        metadata, complete = cls._read(env, docname)
        if complete:
            cache[docname] = metadata
        return metadata

    @classmethod
    def _read(cls, env: BuildEnvironment, docname: str) -> tuple[PageMetadata, bool]:
        """The page's front matter, and whether it is read for good: before Sphinx has
        collected a reStructuredText page's docinfo (when the page is read, at
        ``doctree-read``), its fields are the text written in the source."""
        source = Path(env.doc2path(docname))
        try:
            lines = source.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            lines = []
        if is_markdown(env.config, source):
            fields, lines_of = yaml_front_matter(lines)
            refused = bool(fields) and refused_by_myst(lines)
            return cls(docname, fields, lines_of, refused), True
        written, lines_of = rst_docinfo(lines)
        collected = env.metadata.get(docname)
        # an empty field is left out: docutils warns of an empty date or author itself
        fields = {
            name: value
            for name, value in (written if collected is None else collected).items()
            if written.get(name) != ""
        }
        return cls(docname, fields, lines_of), collected is not None

    def __contains__(self, name: str) -> bool:
        return name in self.fields

    def flag(self, name: str) -> bool | None:
        """Field ``name`` as a boolean, ``None`` when it is absent.

        Raise :class:`FieldError` when it is neither true nor false.
        """
        if name not in self.fields:
            return None
        value = parse_flag(self.fields[name])
        if value is None:
            raise FieldError(
                f"front matter {name}: {self.fields[name]!r} is neither true nor false; "
                "write true or false"
            )
        return value

    def text(self, name: str) -> str:
        """Field ``name`` as one line of text (``""`` when absent).

        Raise :class:`FieldError` for a list or a mapping.
        """
        value = self.fields.get(name)
        if value is None:
            return ""
        if isinstance(value, (list, dict)):
            raise FieldError(f"front matter {name}: {value!r} is not a text; write one line")
        return " ".join(str(value).split())

    def words(self, name: str) -> tuple[str, ...]:
        """Field ``name`` as a list of words: a YAML list, or a comma-separated text.

        Raise :class:`FieldError` for a mapping or a list that holds one.
        """
        value = self.fields.get(name)
        if value is None:
            return ()
        if isinstance(value, str):
            items: list[Any] = value.split(",")
        elif isinstance(value, list) and not any(isinstance(v, (list, dict)) for v in value):
            items = value
        else:
            raise FieldError(
                f"front matter {name}: {value!r} is not a list of words; write a list, "
                "or words separated by commas"
            )
        words = (" ".join(str(item).split()) for item in items if item is not None)
        return tuple(dict.fromkeys(word for word in words if word))

    def location(self, name: str) -> tuple[str, int | None]:
        """``(docname, line)`` of field ``name``, for a warning."""
        return self.docname, self.lines.get(name)

    def warn(self, message: str, subtype: TimelineWarning, name: str) -> None:
        """Warn about field ``name`` at its line, unless the parser has (:attr:`reported`)."""
        if not self.reported:
            warn(message, subtype, self.location(name))


_CACHE = "stl_page_metadata"
