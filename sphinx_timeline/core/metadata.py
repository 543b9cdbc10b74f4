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

from .source import front_matter_lines, is_markdown, yaml_front_matter

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

    @classmethod
    def of(cls, env: BuildEnvironment, docname: str) -> PageMetadata:
        """The front matter of ``docname``: a Markdown page's YAML read as YAML (MyST
        hands every value over as text), a reStructuredText page's docinfo as Sphinx
        collected it. Read once per page while the page is read."""
        cache: dict[str, PageMetadata] | None = env.temp_data.get(_CACHE)
        if cache is None:
            cache = env.temp_data[_CACHE] = {}
        if docname not in cache:
            cache[docname] = cls._read(env, docname)
        return cache[docname]

    @classmethod
    def _read(cls, env: BuildEnvironment, docname: str) -> PageMetadata:
        source = Path(env.doc2path(docname))
        try:
            lines = source.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            lines = []
        if is_markdown(env.config, source):
            fields, lines_of = yaml_front_matter(lines)
            return cls(docname, fields, lines_of)
        return cls(docname, env.metadata.get(docname, {}), front_matter_lines(lines))

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


_CACHE = "stl_page_metadata"
