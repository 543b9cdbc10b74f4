"""Hugo front matter: read from YAML (``---``), TOML (``+++``) or JSON (``{…}``), and mapped
onto the fields a note reads (:data:`sphinx_timeline.notes.fields.FIELDS`).

Dates are kept as written (YAML's are not turned into dates and back; TOML's are written
in ISO 8601 with their time zone). Keys Hugo reads in any case (``lastMod``,
``featuredImage``) are found in any case; every key the mapping does not use is kept as
it is.
"""

from __future__ import annotations

import dataclasses as dc
import datetime
import json
import re
import tomllib
from collections.abc import Callable, Mapping
from typing import Any

import yaml

FIRST = (
    "title",
    "description",
    "date",
    "updated",
    "draft",
    "author",
    "authors",
    "tags",
    "categories",
    "keywords",
    "featured",
    "image",
    "lightgallery",
)
"""The note fields, in the order they are written."""
SAME = ("title", "draft", "author", "authors", "tags", "categories", "keywords", "featured",
        "lightgallery")  # fmt: skip
"""Fields Hugo and the notes name alike."""
DATES = ("date", "publishdate", "pubdate", "published")
UPDATES = ("updated", "lastmod", "modified")
IMAGES = ("image", "images", "featured_image", "featuredimage", "featuredimagepreview")

_TOML_LINE = re.compile(r"\s*\(at (?:line (\d+), column \d+|end of document)\)")


class FrontMatterError(ValueError):
    """Front matter that cannot be read; ``line`` is its line in the file."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


@dc.dataclass(frozen=True)
class Split:
    """A content file cut into its front matter and its body."""

    format: str
    """``yaml``, ``toml``, ``json``, or ``""`` for a file without front matter."""
    raw: str
    body: str
    body_line: int
    """The line of the file where the body starts (1 for the first)."""


def split(text: str) -> Split:
    """Cut ``text`` (with ``\\n`` line ends) into front matter and body."""
    first = text.split("\n", 1)[0].rstrip()
    if first in ("---", "+++"):
        fence = first
        lines = text.split("\n")
        for number, line in enumerate(lines[1:], start=1):
            if line.rstrip() == fence or (fence == "---" and line.rstrip() == "..."):
                return Split(
                    "yaml" if fence == "---" else "toml",
                    "\n".join(lines[1:number]),
                    "\n".join(lines[number + 1 :]),
                    number + 2,
                )
        raise FrontMatterError(
            f"the front matter opened with {fence!r} is never closed; end it with a line {fence!r}",
            1,
        )
    if text.lstrip().startswith("{"):
        start = len(text) - len(text.lstrip())
        try:
            _, end = json.JSONDecoder().raw_decode(text, start)
        except json.JSONDecodeError as error:
            raise FrontMatterError(
                f"the front matter is not valid JSON: {error.msg}; fix it, then run again",
                error.lineno,
            ) from None
        line_end = text.find("\n", end)
        body_start = len(text) if line_end == -1 else line_end + 1
        return Split(
            "json", text[start:end], text[body_start:], text.count("\n", 0, body_start) + 1
        )
    return Split("", "", text, 1)


class _Loader(yaml.SafeLoader):
    """YAML without implicit timestamps, so dates stay as written."""


_Loader.yaml_implicit_resolvers = {
    first: [resolver for resolver in resolvers if resolver[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse(part: Split) -> dict[str, Any]:
    """The fields of the front matter (``{}`` when there is none)."""
    if not part.format:
        return {}
    try:
        if part.format == "yaml":
            fields = yaml.load(part.raw, Loader=_Loader)
        elif part.format == "toml":
            fields = tomllib.loads(part.raw)
        else:
            fields = json.loads(part.raw)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error).split("\n")[0]
        line = 2 + (mark.line if mark else 0)
        raise FrontMatterError(
            f"the front matter is not valid YAML: {problem}; fix it, then run again", line
        ) from None
    except tomllib.TOMLDecodeError as error:
        found = _TOML_LINE.search(str(error))
        end = part.raw.count("\n") + 1
        line = 1 + (int(found.group(1)) if found and found.group(1) else end)
        message = _TOML_LINE.sub("", str(error)).strip()
        raise FrontMatterError(
            f"the front matter is not valid TOML: {message}; fix it, then run again", line
        ) from None
    if fields is None:
        return {}
    if not isinstance(fields, dict):
        raise FrontMatterError(
            f"the front matter is a {type(fields).__name__}, not fields; write 'name: value' lines",
            2,
        )
    value = plain(fields)
    assert isinstance(value, dict)
    return {str(key): item for key, item in value.items()}


def plain(value: Any) -> Any:
    """``value`` with every date and time written as ISO 8601 text."""
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


ImagePath = Callable[[str, str], str | None]
"""Resolves a front matter image ``(value, field)``: its path for the note, or ``None``
when there is no such file (and says so)."""


def map_fields(fields: Mapping[str, Any], image_path: ImagePath) -> dict[str, Any]:
    """Hugo's ``fields`` as a note's: :data:`FIRST` first, then every other key as it was."""
    keys: dict[str, str] = {}
    for key in fields:
        keys.setdefault(key.lower(), key)
    used: set[str] = set()

    def take(*names: str) -> tuple[str, Any] | None:
        for name in names:
            if name in keys and keys[name] not in used:
                used.add(keys[name])
                return name, fields[keys[name]]
        return None

    mapped: dict[str, Any] = {}
    for name in SAME:
        found = take(name)
        if found is not None:
            mapped[name] = found[1]
    if "title" in mapped and not isinstance(mapped["title"], str):
        mapped["title"] = str(mapped["title"])
    for target, names in (("date", DATES), ("updated", UPDATES)):
        found = take(*names)
        if found is not None:
            mapped[target] = str(found[1])
    found = take("description") or take("summary")
    if found is not None:
        mapped["description"] = found[1]
    image = _image(fields, keys, used, image_path)
    if image:
        mapped["image"] = image
    ordered = {name: mapped[name] for name in FIRST if name in mapped}
    ordered.update((key, value) for key, value in fields.items() if key not in used)
    return ordered


def _image(
    fields: Mapping[str, Any], keys: Mapping[str, str], used: set[str], image_path: ImagePath
) -> str | None:
    """The note's image: the first of Hugo's image fields that names a file."""
    for name in IMAGES:
        key = keys.get(name)
        if key is None:
            continue
        value = fields[key]
        several = isinstance(value, list) and len(value) > 1
        if isinstance(value, list):
            value = value[0] if value else None
        if not isinstance(value, str) or not value.strip():
            continue
        path = image_path(value.strip(), key)
        if path is not None and not several:
            used.add(key)
        return path
    cover = fields.get(keys.get("cover", ""))
    if isinstance(cover, dict) and isinstance(cover.get("image"), str):
        return image_path(cover["image"], "cover")
    resources = fields.get(keys.get("resources", ""))
    if isinstance(resources, list):
        for resource in resources:
            if (
                isinstance(resource, dict)
                and str(resource.get("name", "")).lower() == "featured-image"
                and isinstance(resource.get("src"), str)
            ):
                return image_path(resource["src"], "resources")
    return None
