"""Image files of the project: their size, and the widths a float may have."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_WIDTH = re.compile(
    r"(?P<amount>\d+(?:\.\d*)?|\.\d+)\s*(?P<unit>%|px|em|ex|pt|pc|in|cm|mm)?",
    re.ASCII,  # CSS reads no other digits
)
WIDTH_HELP = (
    "write a percentage of the text column (40%) or a length in px, em, ex, pt, pc, "
    "in, cm or mm (300px, 12em)"
)


def css_width(value: str) -> str:
    """A ``:width:`` as a CSS length (a bare number is pixels).

    Raise ``ValueError`` saying how to fix a value that is not a length, is not more
    than zero, or is a percentage over 100.
    """
    match = _WIDTH.fullmatch(value.strip())
    if not match:
        raise ValueError(f"{value!r} is not a length; {WIDTH_HELP}")
    amount, unit = float(match["amount"]), match["unit"] or "px"
    if amount <= 0:
        raise ValueError(f"{value!r} is not more than 0; {WIDTH_HELP}")
    if unit == "%" and amount > 100:
        raise ValueError(
            f"{value!r} is over 100% of the text column; write a percentage up to 100%"
        )
    return match["amount"] + unit


_SVG_TAG = re.compile(r"<svg\b[^>]*>")
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_PIXELS = re.compile(r"\s*(\d+(?:\.\d*)?)\s*(?:px)?\s*")


def svg_root(path: Path) -> dict[str, str] | None:
    """The attributes of the ``<svg>`` element of an SVG file; None if there is none."""
    try:
        head = path.read_text(encoding="utf-8", errors="replace")[:65536]
    except OSError:
        return None
    tag = _SVG_TAG.search(head)
    if tag is None:
        return None
    return {name: first or second for name, first, second in _ATTRIBUTE.findall(tag.group())}


def is_svg_file(path: Path) -> bool:
    """Whether the file holds an ``<svg>`` element."""
    return svg_root(path) is not None


def svg_size(path: Path) -> tuple[int, int] | None:
    """An SVG's size in pixels: its ``width`` and ``height`` when they are pixels, else
    its ``viewBox``'s (the proportions are what keep the page from jumping)."""
    attributes = svg_root(path) or {}
    width = _PIXELS.fullmatch(attributes.get("width", ""))
    height = _PIXELS.fullmatch(attributes.get("height", ""))
    if width and height and float(width[1]) > 0 and float(height[1]) > 0:
        return round(float(width[1])), round(float(height[1]))
    box = attributes.get("viewBox", "").replace(",", " ").split()
    try:
        box_width, box_height = float(box[2]), float(box[3])
    except (IndexError, ValueError):
        return None
    if box_width > 0 and box_height > 0:
        return round(box_width), round(box_height)
    return None


@dataclass(frozen=True)
class ImageFile:
    """An image of the project: its path as written, and its size when the file tells it."""

    uri: str
    size: tuple[int, int] | None
