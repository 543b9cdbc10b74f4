"""A page's front matter: MyST's YAML block or reStructuredText's docinfo, read tolerantly.

Sphinx collects both into ``env.metadata[docname]``, but hands values over as the
parsers give them: MyST passes ``false`` as the string ``'False'``, docinfo gives
every value as text. :class:`PageMetadata` reads them as the types a writer meant,
and knows the source line of each field, for warnings.
"""

from __future__ import annotations

import dataclasses as dc
import functools
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .source import front_matter_lines

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
    """The front matter of one page."""

    docname: str
    fields: Mapping[str, Any]
    source: Path | None = None

    @classmethod
    def of(cls, env: BuildEnvironment, docname: str) -> PageMetadata:
        """The front matter of ``docname``, as Sphinx collected it."""
        return cls(docname, env.metadata.get(docname, {}), Path(env.doc2path(docname)))

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

    def location(self, name: str) -> tuple[str, int | None]:
        """``(docname, line)`` of field ``name``, for a warning."""
        return self.docname, self._lines.get(name)

    @functools.cached_property
    def _lines(self) -> dict[str, int]:
        try:
            text = self.source.read_text(encoding="utf-8") if self.source else ""
        except (OSError, UnicodeDecodeError):
            return {}
        return front_matter_lines(text.splitlines())
