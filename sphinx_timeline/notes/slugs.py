"""The names of the pages generated for tags and categories: ASCII, stable, and
distinct for distinct names."""

from __future__ import annotations

import re
from collections.abc import Iterable

from anyascii import anyascii

_NOT_WORD = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """``name`` as lower-case ASCII words joined by ``-`` (transliterated: ``Über`` is
    ``uber``, ``日本`` is ``riben``); ``-`` when nothing is left."""
    return _NOT_WORD.sub("-", anyascii(name).lower()).strip("-") or "-"


def slugs(names: Iterable[str]) -> dict[str, str]:
    """A slug for each name, distinct for distinct names: names that slug alike get
    ``-2``, ``-3``... in the order of the names, so the first keeps its slug."""
    taken: dict[str, str] = {}
    result: dict[str, str] = {}
    for name in sorted(set(names), key=lambda name: (slug(name), name)):
        base = candidate = slug(name)
        serial = 1
        while candidate in taken:
            serial += 1
            candidate = f"{base}-{serial}"
        taken[candidate] = name
        result[name] = candidate
    return result
