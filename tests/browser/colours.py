"""Contrast as the browser shows it, of text and of shapes, by the WCAG 2 formulas.

The browser reports an element's text, border and background colours and the
background colour of each of its ancestors; a canvas turns every colour it can
compute into 0-255 RGBA.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from playwright.sync_api import Locator

# what the browser paints behind the page in each colour scheme, as 0-255 RGBA
CANVAS = {"light": [255, 255, 255, 255], "dark": [18, 18, 18, 255]}

# a function that turns any CSS colour into 0-255 RGBA, through a 1x1 canvas
RGBA = """
(() => {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const context = canvas.getContext('2d', {willReadFrequently: true});
  return (colour) => {
    context.clearRect(0, 0, 1, 1);
    context.fillStyle = colour;
    context.fillRect(0, 0, 1, 1);
    return [...context.getImageData(0, 0, 1, 1).data];
  };
})()
"""

# what an element is, and whether it shows
ELEMENT = """
(element) => ({
  name: element.tagName.toLowerCase() + [...element.classList].map((c) => `.${c}`).join(''),
  visible: element.getClientRects().length > 0
    && getComputedStyle(element).visibility === 'visible',
})
"""

# the text colour of an element and the backgrounds behind it, innermost first
TEXT_COLOURS = f"""
(element) => {{
  const rgba = {RGBA};
  const backgrounds = [];
  for (let node = element; node; node = node.parentElement) {{
    backgrounds.push(rgba(getComputedStyle(node).backgroundColor));
  }}
  return {{...({ELEMENT})(element), text: rgba(getComputedStyle(element).color), backgrounds}};
}}
"""

# the border and fill colours of an element and the backgrounds behind it, innermost first
EDGE_COLOURS = f"""
(element) => {{
  const rgba = {RGBA};
  const backgrounds = [];
  for (let node = element.parentElement; node; node = node.parentElement) {{
    backgrounds.push(rgba(getComputedStyle(node).backgroundColor));
  }}
  const style = getComputedStyle(element);
  const bordered = style.borderTopStyle !== 'none' && parseFloat(style.borderTopWidth) > 0;
  return {{
    ...({ELEMENT})(element),
    border: bordered ? rgba(style.borderTopColor) : [0, 0, 0, 0],
    fill: rgba(style.backgroundColor),
    backgrounds,
  }};
}}
"""


class Measured(NamedTuple):
    """A contrast the browser shows: of what (tag and classes), whether it is visible,
    the ratio, and the relative luminance of the background behind."""

    name: str
    visible: bool
    ratio: float
    background: float


def over(top: list[float], bottom: list[float]) -> list[float]:
    """An RGBA colour composited over an opaque one."""
    alpha = top[3] / 255
    return [top[i] * alpha + bottom[i] * (1 - alpha) for i in range(3)] + [255]


def relative_luminance(rgb: list[float]) -> float:
    """WCAG 2 relative luminance of an sRGB colour (0-255 channels)."""

    def linear(channel: float) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(channel) for channel in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: list[float], second: list[float]) -> float:
    """WCAG 2 contrast ratio of two opaque colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def behind(backgrounds: list[list[float]], scheme: str) -> list[float]:
    """The opaque colour that ``backgrounds`` (innermost first) make on the page's canvas
    in the colour ``scheme``."""
    background = CANVAS[scheme]
    for layer in reversed(backgrounds):
        background = over(layer, background)
    return background


def _text(colours: dict[str, Any], scheme: str) -> Measured:
    background = behind(colours["backgrounds"], scheme)
    text = over(colours["text"], background)
    ratio = contrast_ratio(text, background)
    return Measured(colours["name"], colours["visible"], ratio, relative_luminance(background))


def _edge(colours: dict[str, Any], scheme: str) -> Measured:
    background = behind(colours["backgrounds"], scheme)
    fill = over(colours["fill"], background)
    border = over(colours["border"], fill)  # a translucent border shows the fill through
    ratio = max(contrast_ratio(border, background), contrast_ratio(fill, background))
    return Measured(colours["name"], colours["visible"], ratio, relative_luminance(background))


def text_contrast(element: Locator, scheme: str) -> tuple[float, float]:
    """The contrast of ``element``'s text on what is behind it, in the colour ``scheme``
    the page is shown in, and the relative luminance of that background."""
    measured = _text(element.evaluate(TEXT_COLOURS), scheme)
    return measured.ratio, measured.background


def text_contrasts(elements: Locator, scheme: str) -> list[Measured]:
    """The text contrast of every element ``elements`` matches, in document order,
    asked of the browser at once."""
    found = elements.evaluate_all(f"(elements) => elements.map({TEXT_COLOURS})")
    return [_text(colours, scheme) for colours in found]


def edge_contrasts(elements: Locator, scheme: str) -> list[Measured]:
    """The non-text contrast (WCAG 1.4.11) of every shape ``elements`` matches with what
    is behind it, in document order: the higher of its border's and its fill's, each on
    the background behind the shape, in the colour ``scheme``."""
    found = elements.evaluate_all(f"(elements) => elements.map({EDGE_COLOURS})")
    return [_edge(colours, scheme) for colours in found]
