"""The tweet cache: one ``<id>.json`` file per post, in one folder for the build and for
``sphinx-timeline tweets fetch``."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..core.dates import PartialDate
from .post import PostRef, check_handle, check_lang

CACHE_FIELDS = ("id", "text", "author", "handle", "date", "lang", "url")
"""The fields of a cache file, all strings; ``id`` is required."""


class CacheError(ValueError):
    """A cache file that cannot be used; the message says how to fix it."""


def cache_dir(confdir: Path, setting: str | os.PathLike[str]) -> Path:
    """The cache folder: ``timeline_tweet_cache`` (``setting``), relative to the folder of
    ``conf.py`` (``confdir``) unless it is absolute."""
    return Path(confdir, setting)


def read_cache(path: Path, post_id: str) -> dict[str, str]:
    """The fields of the cache file ``path`` for post ``post_id``; ``{}`` when there is none.

    Raise :class:`CacheError` when the file is not a JSON object of known string fields,
    is for another post, or has a bad handle, date, language or URL.
    """
    if not path.is_file():
        return {}
    fix = "fix it, or delete it and run 'sphinx-timeline tweets fetch'"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise CacheError(f"cache file {path} cannot be read ({error}); {fix}") from None
    except json.JSONDecodeError as error:
        raise CacheError(
            f"cache file {path} is not valid JSON ({error.msg} at line {error.lineno}); {fix}"
        ) from None
    except (ValueError, RecursionError):  # too many digits, or nested too deeply
        raise CacheError(
            f"cache file {path} is not valid JSON (a number with too many digits, or lists "
            f"and objects nested too deeply); {fix}"
        ) from None
    if not isinstance(data, dict):
        raise CacheError(f"cache file {path} must hold a JSON object; {fix}")
    unknown = sorted(set(data) - set(CACHE_FIELDS))
    if unknown:
        raise CacheError(
            f"cache file {path} has unknown field(s) {', '.join(unknown)}; the fields are "
            f"{', '.join(CACHE_FIELDS)}; {fix}"
        )
    wrong = sorted(name for name, value in data.items() if not isinstance(value, str))
    if wrong:
        raise CacheError(f"cache file {path}: {', '.join(wrong)} must be text; {fix}")
    if data.get("id") != post_id:
        raise CacheError(
            f"cache file {path} is not for post {post_id} (its id is {data.get('id')!r}); {fix}"
        )
    fields: dict[str, str] = data
    try:
        if fields.get("handle"):
            check_handle(fields["handle"])
        if fields.get("date"):
            PartialDate.parse(fields["date"])
        if fields.get("lang"):
            check_lang(fields["lang"])
        if fields.get("url") and PostRef.parse(fields["url"]).id != post_id:
            raise ValueError(f"url {fields['url']!r} is the URL of another post")
    except ValueError as error:
        raise CacheError(f"cache file {path}: {error}; {fix}") from None
    return fields


def is_cached(path: Path, post_id: str) -> bool:
    """Whether ``path`` is a usable cache file (a broken one is fetched again)."""
    try:
        return bool(read_cache(path, post_id))
    except CacheError:
        return False


def write_cache(path: Path, fields: dict[str, Any]) -> None:
    """Write ``fields`` to ``path`` as sorted JSON, atomically (a re-run is safe)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(
        json.dumps(fields, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    os.replace(partial, path)
