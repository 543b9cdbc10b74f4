"""The ``image-float`` directive: an image beside the text, with a caption.

The directive builds a standard figure (an image node and a caption), aligned left or
right with a width, so image copying, numbering, ``{numref}`` and LaTeX's wrapfigure
work in every builder. A ``:dark:`` variant is a second image node, so that Sphinx
copies it; builders other than HTML drop it.
"""

from __future__ import annotations

import urllib.parse
from typing import Any, ClassVar

from docutils import nodes
from sphinx.util.images import get_image_size

from ..core.directive import BaseDirective, Options, checked, class_names, one_of, text
from ..core.metadata import parse_flag
from ..core.warnings_ import TimelineWarning
from .images import ImageFile, css_width, is_svg_file, svg_size
from .lightbox import FRONT_MATTER_FIELD

ALIGNMENTS = ("right", "left")
DEFAULT_WIDTH = "40%"
UNSAFE_SCHEMES = ("javascript", "vbscript", "data")


def float_width(value: str) -> str:
    """A ``:width:`` option as a CSS length; ``ValueError`` says how to fix it."""
    try:
        return css_width(value)
    except ValueError as error:
        raise ValueError(f"{error}. Using {DEFAULT_WIDTH}") from None


def lightbox_flag(value: str) -> bool:
    """A ``:lightbox:`` option; ``ValueError`` unless it is true or false."""
    flag = parse_flag(value)
    if flag is None:
        raise ValueError(
            f"{value!r} is neither true nor false; the page's {FRONT_MATTER_FIELD} and "
            "timeline_lightbox decide. Write true or false"
        )
    return flag


def safe_target(value: str) -> str:
    """A ``:target:`` link; ``ValueError`` when its scheme would run code in the reader's
    browser."""
    scheme = urllib.parse.urlsplit(value).scheme.lower()
    if scheme in UNSAFE_SCHEMES:
        raise ValueError(
            f"{value!r} is a {scheme}: link, which is never followed; link to a page or a file"
        )
    return value


class ImageFloatDirective(BaseDirective):
    """An image floated beside the text; the content is its caption."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[Options] = Options(
        {
            "align": one_of(ALIGNMENTS),
            "width": checked(float_width),
            "alt": text,
            "lightbox": checked(lightbox_flag, skip_empty=False),
            "target": checked(safe_target, TimelineWarning.FLOAT),
            "dark": text,
            "class": class_names,
            "name": text,
        }
    )

    def render(self) -> list[nodes.Node]:
        if not self.arguments:
            example = self.in_syntax(
                ":::{image-float} img/plans.png", ".. image-float:: img/plans.png"
            )
            self.warn(
                f"image-float has no image; give its path as the argument, for example {example!r}",
                TimelineWarning.FLOAT,
            )
            return []
        light = self.image_file(self.arguments[0], "image")
        if light is None:
            return []  # the warning says why the figure is left out
        dark = (
            self.image_file(self.options["dark"], ":dark: image", "dark")
            if "dark" in self.options
            else None
        )
        align = self.options.get("align", "right")
        target = self.options.get("target", "")
        lightbox = self.lightbox(target)
        caption, legend = self.caption()
        alt = self.options.get("alt", caption.astext() if caption else "")

        figure = nodes.figure(
            "",
            classes=["stl-float", f"stl-float-{align}", *self.options.get("class", [])],
            align=align,
            width=self.options.get("width", DEFAULT_WIDTH),
            stl_float=True,
        )
        if lightbox is not None:
            figure["stl_lightbox"] = lightbox
        self.set_source_info(figure)
        self.add_name(figure)
        image = self.image_node(light, alt)
        if target:
            figure += nodes.reference("", "", image, refuri=target)
        else:
            figure += image
        if dark is not None:
            figure += self.image_node(dark, alt, stl_dark=True)
        if caption is not None:
            figure += caption
        if legend is not None:
            figure += legend
        return [figure]

    def image_file(self, path_text: str, what: str, option: str = "") -> ImageFile | None:
        """The image at ``path_text`` (relative to the page, or to the source folder when
        it starts with ``/``); ``None``, with a warning, when it cannot be used."""
        if "://" in path_text or path_text.startswith("data:"):
            self.warn(
                f"image-float {what} {path_text!r} is a URL; image-float needs a file of "
                "the project, whose size it reads. Save the image beside the page",
                TimelineWarning.FLOAT,
                option,
            )
            return None
        path = self.project_file(path_text, f"image-float {what}", TimelineWarning.FLOAT, option)
        if path is None:
            return None
        is_svg = path.suffix.lower() == ".svg"
        size = svg_size(path) if is_svg else get_image_size(path)
        if size is None and (not is_svg or not is_svg_file(path)):
            self.warn(
                f"image-float {what} {path_text!r} cannot be read as an image; use a PNG, "
                "JPEG, GIF, WebP or SVG file",
                TimelineWarning.FLOAT,
                option,
            )
            return None
        return ImageFile(path_text, size)

    def image_node(self, image: ImageFile, alt: str, **attributes: Any) -> nodes.image:
        """The image node; it fills the figure's width (LaTeX reads that)."""
        node = nodes.image("", uri=image.uri, width="100%", **attributes)
        if alt:
            node["alt"] = alt
        if image.size is not None:
            node["stl_width"], node["stl_height"] = image.size
        self.set_source_info(node)
        return node

    def lightbox(self, target: str) -> bool | None:
        """The ``:lightbox:`` option: ``None`` when absent or unintelligible (the page and
        the configuration then decide), ``False`` with a ``:target:``."""
        flag = self.options.get("lightbox")
        if flag and target:
            self.warn(
                "image-float :lightbox: true is ignored, because :target: makes the image "
                "a link already; remove one of the two options",
                TimelineWarning.OPTION,
                "lightbox",
            )
        return False if target else flag

    def caption(self) -> tuple[nodes.caption | None, nodes.legend | None]:
        """The body: its first paragraph is the caption, anything after it the legend."""
        holder = nodes.Element()
        self.state.nested_parse(self.content, self.content_offset, holder)
        children = list(holder.children)
        caption = None
        first = children[0] if children else None
        if isinstance(first, nodes.paragraph):
            children.pop(0)
            caption = nodes.caption(first.rawsource, "", *first.children)
            caption.source, caption.line = first.source, first.line
        legend = nodes.legend("", *children) if children else None
        return caption, legend
