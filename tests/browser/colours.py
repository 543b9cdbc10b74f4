"""Text contrast as the browser shows it, by the WCAG 2 formulas.

The browser reports an element's text colour and the background colour of it and of
each of its ancestors; a canvas turns every colour it can compute into 0-255 RGBA.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Locator

# what the browser paints behind the page in each colour scheme, as 0-255 RGBA
CANVAS = {"light": [255, 255, 255, 255], "dark": [18, 18, 18, 255]}

# the text colour of an element and the backgrounds behind it, innermost first
TEXT_COLOURS = """
(element) => {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const context = canvas.getContext('2d', {willReadFrequently: true});
  const rgba = (colour) => {
    context.clearRect(0, 0, 1, 1);
    context.fillStyle = colour;
    context.fillRect(0, 0, 1, 1);
    return [...context.getImageData(0, 0, 1, 1).data];
  };
  const backgrounds = [];
  for (let node = element; node; node = node.parentElement) {
    backgrounds.push(rgba(getComputedStyle(node).backgroundColor));
  }
  return {text: rgba(getComputedStyle(element).color), backgrounds};
}
"""


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


def text_contrast(element: Locator, scheme: str) -> tuple[float, float]:
    """The contrast of ``element``'s text on what is behind it, in the colour ``scheme``
    the page is shown in, and the relative luminance of that background."""
    colours = element.evaluate(TEXT_COLOURS)
    background = CANVAS[scheme]
    for layer in reversed(colours["backgrounds"]):
        background = over(layer, background)
    text = over(colours["text"], background)
    return contrast_ratio(text, background), relative_luminance(background)
