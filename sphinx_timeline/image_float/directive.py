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

from ..core.directive import BaseDirective, Options, class_names, text
from ..core.metadata import parse_flag
from ..core.warnings_ import TimelineWarning
from .images import WIDTH_HELP, ImageFile, css_width, is_svg_file, svg_size
from .lightbox import FRONT_MATTER_FIELD

ALIGNMENTS = ("right", "left")
DEFAULT_WIDTH = "40%"
UNSAFE_SCHEMES = ("javascript", "vbscript", "data")


class ImageFloatDirective(BaseDirective):
    """An image floated beside the text; the content is its caption."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[Options] = Options(
        {
            "align": text,
            "width": text,
            "alt": text,
            "lightbox": text,
            "target": text,
            "dark": text,
            "class": class_names,
            "name": text,
        }
    )

    def run(self) -> list[nodes.Node]:
        self.check_unknown_options()
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
            self.image_file(self.options["dark"], ":dark: image")
            if "dark" in self.options
            else None
        )
        align = self.choice("align", ALIGNMENTS, "right", subtype=TimelineWarning.FLOAT)
        target = self.target()
        lightbox = self.lightbox(target)
        caption, legend = self.caption()
        alt = self.options.get("alt", caption.astext() if caption else "")

        figure = nodes.figure(
            "",
            classes=["stl-float", f"stl-float-{align}", *self.options.get("class", [])],
            align=align,
            width=self.width(),
            stl_float=True,
        )
        if lightbox is not None:
            figure["stl_lightbox"] = lightbox
        self.set_source_info(figure)
        self.add_name(figure)
        image = self.image_node(light, alt)
        if target:
            figure["stl_target"] = True
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

    def image_file(self, path_text: str, what: str) -> ImageFile | None:
        """The image at ``path_text`` (relative to the page, or to the source folder when
        it starts with ``/``); ``None``, with a warning, when it cannot be used."""
        if "://" in path_text or path_text.startswith("data:"):
            self.warn(
                f"image-float {what} {path_text!r} is a URL; image-float needs a file of "
                "the project, whose size it reads. Save the image beside the page",
                TimelineWarning.FLOAT,
            )
            return None
        path = self.project_file(path_text, f"image-float {what}", TimelineWarning.FLOAT)
        if path is None:
            return None
        is_svg = path.suffix.lower() == ".svg"
        size = svg_size(path) if is_svg else get_image_size(path)
        if size is None and (not is_svg or not is_svg_file(path)):
            self.warn(
                f"image-float {what} {path_text!r} cannot be read as an image; use a PNG, "
                "JPEG, GIF, WebP or SVG file",
                TimelineWarning.FLOAT,
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

    def width(self) -> str:
        """The ``:width:`` as a CSS length, else the default with a warning."""
        value = self.options.get("width")
        if value is None:
            return DEFAULT_WIDTH
        width = css_width(value)
        if width is None:
            self.warn(
                f"image-float :width: {value!r} is not a length; {WIDTH_HELP}. "
                f"Using {DEFAULT_WIDTH}",
                TimelineWarning.FLOAT,
            )
            return DEFAULT_WIDTH
        return width

    def target(self) -> str:
        """The ``:target:`` link, unless its scheme would run code in the reader's browser."""
        target = str(self.options.get("target", ""))
        scheme = urllib.parse.urlsplit(target).scheme.lower()
        if scheme in UNSAFE_SCHEMES:
            self.warn(
                f"image-float :target: {target!r} is a {scheme}: link, which is never "
                "followed; link to a page or a file",
                TimelineWarning.FLOAT,
            )
            return ""
        return target

    def lightbox(self, target: str) -> bool | None:
        """The ``:lightbox:`` option: ``None`` when absent or unintelligible (the page and
        the configuration then decide), ``False`` with a ``:target:``."""
        value = self.options.get("lightbox")
        if value is None:
            return False if target else None
        flag = parse_flag(value)
        if flag is None:
            self.warn(
                f"image-float :lightbox: {value!r} is neither true nor false; the page's "
                f"{FRONT_MATTER_FIELD} and timeline_lightbox decide. Write true or false",
                TimelineWarning.FLOAT,
            )
        elif flag and target:
            self.warn(
                "image-float :lightbox: true is ignored, because :target: makes the image "
                "a link already; remove one of the two options",
                TimelineWarning.FLOAT,
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
