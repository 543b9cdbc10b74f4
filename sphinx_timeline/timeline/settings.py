"""The timeline's ``timeline_*`` settings."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sphinx_design.icons import list_octicons

from ..core.config import Setting, instance_of
from .resume import SECTION_NAMES, SECTIONS

if TYPE_CHECKING:
    from sphinx.config import Config


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


def resume_icons(value: Any) -> None:
    """A ``dict`` from JSON Resume section names to octicon names (or ``""``)."""
    instance_of(dict)(value)
    for section, icon in value.items():
        if section not in SECTIONS:
            raise ValueError(
                f"has the key {section!r}, which is not a JSON Resume section with dates; "
                + _hint(section, SECTION_NAMES, f"use one of {', '.join(SECTION_NAMES)}")
            )
        if not isinstance(icon, str) or (icon and icon not in list_octicons()):
            raise ValueError(
                f"maps {section!r} to {icon!r}, which is not an octicon name; "
                + _hint(icon, list_octicons(), "give an octicon name, such as rocket, or ''")
            )


def _hint(word: object, choices: Sequence[str], use: str) -> str:
    """``use``, after the choice closest to ``word`` when there is one."""
    close = difflib.get_close_matches(str(word), choices, n=1)
    return f"did you mean {close[0]!r}? Otherwise {use}" if close else use


def resume_icon(config: Config, section: str) -> str:
    """The octicon of the entries of ``section`` (``""`` for none)."""
    icons: dict[str, str] = RESUME_ICONS.value(config)
    return icons.get(section, SECTIONS[section].icon)


RESUME_ICONS = Setting(
    "resume_icons",
    {},
    resume_icons,
    "The icons of the entries drawn from a JSON Resume, by section, over the built-in "
    f"ones ({', '.join(f'``{name}`` {section.icon}' for name, section in SECTIONS.items())}). "
    "A value is an octicon name, or ``''`` for no icon: "
    "``{'work': 'rocket', 'awards': ''}``. See :doc:`timeline`.",
)

SETTINGS = (DATE_FORMAT, RESUME_ICONS)
