"""Reading timeline entries from a data file (YAML, JSON or CSV), or a JSON Resume."""

from __future__ import annotations

import csv
import dataclasses as dc
import io
import json
from pathlib import Path
from typing import Any

import yaml

from ..core.source import load_yaml
from .resume import CONTROL_CHARACTERS, Resume, is_resume, json_lines, kind, yaml_lines

FIELDS = ("date", "end", "label", "body")
SUFFIXES = (".yaml", ".yml", ".json", ".csv")


class EventsError(ValueError):
    """A data file, or one row of it, that cannot be used; ``line`` is 1-based or None."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


@dc.dataclass(frozen=True)
class EventRow:
    """One row of a data file: the fields of a ``timeline-entry``, and where it stands."""

    date: str
    end: str
    label: str
    body: str
    line: int | None
    index: int | None = None
    unknown_fields: tuple[str, ...] = ()


Rows = list["EventRow | EventsError"]


def load_events(path: Path) -> Rows | Resume:
    """The rows of ``path``, a bad row as its :class:`EventsError`; or the
    :class:`.Resume` that a JSON or YAML file holds.

    Raise :class:`EventsError` when the file as a whole cannot be used.
    """
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise EventsError(
            f"events file {path.name!r} has an unknown format; use a {', '.join(SUFFIXES)} file"
        )
    try:
        content = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise EventsError(f"events file {str(path)!r} cannot be read: {error}") from None
    if suffix == ".csv":
        return _from_csv(content)
    if suffix == ".json":
        return _from_json(content)
    return _from_yaml(content)


def _from_csv(content: str) -> Rows:
    reader = csv.DictReader(io.StringIO(content, newline=""))
    try:
        if "date" not in (reader.fieldnames or ()):
            raise EventsError("the CSV file needs a header row with a 'date' column", 1)
        return [_csv_row(record, reader.line_num) for record in reader]
    except csv.Error as error:
        raise EventsError(f"invalid CSV: {error}", reader.line_num) from None


def _csv_row(record: dict[str | None, Any], line: int) -> EventRow | EventsError:
    """One row of a CSV file, or the error that says why it cannot be used."""
    if None in record:  # csv's key for the values beyond the header's columns
        return EventsError(
            "this row has more values than the header row has columns; put a value that "
            "holds a comma in double quotes",
            line,
        )
    return _row(record, line)


def _from_json(content: str) -> Rows | Resume:
    try:
        data = json.loads(content)
    except json.JSONDecodeError as error:
        raise EventsError(f"invalid JSON: {error.msg}", error.lineno) from None
    except (ValueError, RecursionError):  # too many digits, or nested too deeply
        raise EventsError(
            "invalid JSON: a number has too many digits (quote it to make it a text), or "
            "lists and objects are nested too deeply"
        ) from None
    if is_resume(data):
        return Resume(data, json_lines(content))
    return [_row(item, None, index) for index, item in enumerate(_as_list(data), 1)]


def _from_yaml(content: str) -> Rows | Resume:
    try:
        data, tree = load_yaml(content)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(error, "problem", None) or str(error)
        if isinstance(error, yaml.reader.ReaderError):
            line = content.count("\n", 0, error.position) + 1
            problem = f"the character {chr(error.character)!r} is not allowed; remove it"
        raise EventsError(f"invalid YAML: {problem}", line) from None
    if is_resume(data):
        return Resume(data, yaml_lines(tree))
    items = _as_list(data)
    lines: list[int | None] = [None] * len(items)
    if isinstance(tree, yaml.SequenceNode):
        lines = [item.start_mark.line + 1 for item in tree.value]
    return [_row(item, line) for item, line in zip(items, lines, strict=True)]


def _as_list(data: Any) -> list[Any]:
    """The list of rows: the document itself, or its ``events`` key."""
    if isinstance(data, dict) and isinstance(data.get("events"), list):
        data = data["events"]
    if not isinstance(data, list):
        raise EventsError(
            "the file must hold a list of events (or a mapping with an 'events' list), "
            "or be a JSON Resume"
        )
    return data


def _row(item: Any, line: int | None, index: int | None = None) -> EventRow | EventsError:
    """One row, or the error that says why it cannot be used."""
    where = f"row {index}" if index is not None else "this row"
    if not isinstance(item, dict):
        return EventsError(f"{where} is not a mapping of {', '.join(FIELDS)}", line)
    for field in FIELDS:
        if isinstance(item.get(field), (list, dict)):
            return EventsError(f"{where}'s {field} must be a text, not {kind(item[field])}", line)
    values = {field: _as_text(item.get(field)) for field in FIELDS}
    unknown = tuple(str(key) for key in item if key not in FIELDS)
    return EventRow(**values, line=line, index=index, unknown_fields=unknown)


def _as_text(value: Any) -> str:
    """A field as text (YAML hands over a year as an ``int``), without control characters."""
    return "" if value is None else CONTROL_CHARACTERS.sub("", str(value)).strip()
