"""The timeline's ``timeline_*`` settings."""

from __future__ import annotations

from typing import Any

from ..core.config import Setting, instance_of


def strftime_format(value: str) -> str:
    """``value``; ``ValueError`` unless it has a strftime code (``%Y``, ...) or is empty."""
    if value and "%" not in value:
        raise ValueError(f"must contain strftime codes such as %Y, %B or %d (got {value!r})")
    return value


def date_format(value: Any) -> None:
    """A ``str`` of strftime codes, or ``""``."""
    instance_of(str)(value)
    strftime_format(value)


DATE_FORMAT = Setting(
    "date_format",
    "",
    date_format,
    "How timeline dates are shown: strftime codes as in Sphinx's ``today_fmt`` "
    "(``%B %Y``, ``%d.%m.%Y``, ...), localised for the project's ``language``. Codes "
    "finer than a date's precision are left out, so ``2019`` stays a year. Empty: the "
    "language's own long format (``February 11, 2013``, ``11. Februar 2013``).",
)

SETTINGS = (DATE_FORMAT,)
