"""The ``image-float`` directive: an image beside the text, with a caption and a lightbox.

The directive builds a standard figure (an image node and a caption), aligned left or
right with a width, so image copying, numbering, ``{numref}`` and LaTeX's wrapfigure
work in every builder. A ``:dark:`` variant is a second image node, so that Sphinx
copies it; builders other than HTML drop it.

Whether a click enlarges the image is decided once the page is read
(:func:`resolve_lightboxes`): the ``:lightbox:`` option, else the page's
``lightgallery`` front matter, else ``timeline_lightbox``.

For HTML, :class:`ImageFloatHtmlTransform` turns the figure into :class:`float_figure`
(a ``<figure>`` carrying its width as ``--stl-float-width``) holding a
:class:`float_media` (the ``<a>`` to the full file, or a ``<span>``) with one
:class:`float_image` per variant (``<img loading="lazy" decoding="async" width height>``).
Their visitors write the image URLs the HTML builder gives the copied files.
"""

from __future__ import annotations

import posixpath
import re
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.images import get_image_size

from .config import get_config
from .html import html_element
from .shared import Options, TimelineBaseDirective, _, class_names, find_line, text
from .warnings_ import TimelineWarning, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

STYLESHEET = "sphinx-timeline-float.css"
SCRIPT = "sphinx-timeline-lightbox.js"
ALIGNMENTS = ("right", "left")
DEFAULT_WIDTH = "40%"
FRONT_MATTER_FIELD = "lightgallery"
UNSAFE_SCHEMES = ("javascript", "vbscript", "data")

TRUE_WORDS = ("true", "yes", "on", "1")
FALSE_WORDS = ("false", "no", "off", "0")

_WIDTH = re.compile(r"(?P<amount>\d+(?:\.\d*)?|\.\d+)\s*(?P<unit>%|px|em|ex|pt|pc|in|cm|mm)?")
WIDTH_HELP = (
    "write a percentage of the text column (40%) or a length in px, em, ex, pt, pc, "
    "in, cm or mm (300px, 12em)"
)


def setup_image_float(app: Sphinx) -> None:
    """Register the directive, its HTML nodes and transforms, and the lightbox switch."""
    app.add_directive("image-float", ImageFloatDirective)
    # the HTML figure is numbered as a figure: its caption shows "Fig. N"
    app.add_enumerable_node(float_figure, "figure", html=(visit_float_figure, depart_float_figure))
    app.add_node(float_media, html=(visit_float_media, depart_float_media))
    app.add_node(float_image, html=(visit_float_image, depart_float_image))
    app.connect("doctree-read", resolve_lightboxes, priority=600)
    app.add_post_transform(ImageFloatHtmlTransform)
    app.add_post_transform(ImageFloatOtherTransform)


def parse_flag(value: object) -> bool | None:
    """``True`` or ``False`` from a bool or a word (``true``, ``'False'``, ``yes``,
    ``off``, ...) in any case; ``None`` when the value means neither."""
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None


def css_width(value: str) -> str | None:
    """A ``:width:`` as a CSS length (a bare number is pixels); ``None`` if it is not one."""
    match = _WIDTH.fullmatch(value.strip())
    if not match or float(match["amount"]) <= 0:
        return None
    unit = match["unit"] or "px"
    if unit == "%" and float(match["amount"]) > 100:
        return None
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


class ImageFloatDirective(TimelineBaseDirective):
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


def resolve_lightboxes(app: Sphinx, doctree: nodes.document) -> None:
    """Decide, for each float of the page just read, whether a click enlarges it;
    warn about a ``lightgallery`` front matter value that is neither true nor false.

    Runs after Sphinx has collected the page's front matter into ``env.metadata``.
    """
    env = app.env
    docname = env.docname
    metadata = env.metadata.get(docname, {})
    page_choice = None
    if FRONT_MATTER_FIELD in metadata:
        page_choice = parse_flag(metadata[FRONT_MATTER_FIELD])
        if page_choice is None:
            warn(
                f"front matter {FRONT_MATTER_FIELD}: {metadata[FRONT_MATTER_FIELD]!r} is "
                "neither true nor false; write true or false (timeline_lightbox decides "
                "meanwhile)",
                TimelineWarning.FLOAT,
                (docname, front_matter_line(env.doc2path(docname), FRONT_MATTER_FIELD)),
            )
    default = get_config(env).lightbox if page_choice is None else page_choice
    for figure in doctree.findall(nodes.figure):
        if figure.get("stl_float"):
            figure.setdefault("stl_lightbox", default)


def front_matter_line(source: str | Path, field: str) -> int | None:
    """The line of ``field:`` (MyST front matter) or ``:field:`` (reStructuredText
    docinfo) in the file ``source``."""
    return find_line(source, re.compile(rf":?{re.escape(field)}\s*:"))


class float_figure(nodes.figure):
    """The HTML form of an ``image-float``: ``<figure>`` with ``--stl-float-width``."""


class float_media(html_element):
    """The image's box: ``<a>`` to the full file (lightbox) or to the ``:target:``, else
    ``<span>``. It names the assets the page needs."""


class float_image(nodes.image):
    """``<img>`` with lazy loading and the file's intrinsic size."""


class ImageFloatHtmlTransform(SphinxPostTransform):
    """Turn each ``image-float`` figure into :class:`float_figure` and its parts."""

    default_priority = 200
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for figure in list(self.document.findall(nodes.figure)):
            if type(figure) is nodes.figure and figure.get("stl_float"):
                figure.replace_self(self.html_figure(figure))

    def html_figure(self, figure: nodes.figure) -> float_figure:
        reference = next((c for c in figure.children if isinstance(c, nodes.reference)), None)
        lightbox = bool(figure.get("stl_lightbox")) and reference is None
        html = float_figure("", ids=figure["ids"], names=figure["names"], classes=figure["classes"])
        html["stl_width"] = figure["width"]
        html.source, html.line = figure.source, figure.line

        classes = ["stl-float-media"]
        attrs: dict[str, str] = {}
        if reference is not None:
            attrs["href"] = reference["refuri"]
        elif lightbox:
            classes.append("stl-lightbox")
            attrs["data-close-label"] = _("Close")
        media = float_media(
            tag="a" if reference is not None or lightbox else "span",
            classes=classes,
            html_attrs=attrs,
            stl_full_file=lightbox,
            assets=[STYLESHEET, *([SCRIPT] if lightbox else [])],
        )
        images = list(figure.findall(nodes.image))
        has_dark = any(image.get("stl_dark") for image in images)
        for image in images:
            classes = ["stl-float-image"]
            if image.get("stl_dark"):
                classes += ["stl-float-dark", "only-dark"]
            elif has_dark:
                classes += ["stl-float-light", "only-light"]
            node = float_image(
                "",
                uri=image["uri"],
                candidates=image["candidates"],
                alt=image.get("alt", ""),
                classes=classes,
            )
            for key in ("stl_width", "stl_height"):
                if key in image:
                    node[key] = image[key]
            node.source, node.line = image.source, image.line
            media += node
        html += media
        html.extend(
            child.deepcopy()
            for child in figure.children
            if isinstance(child, (nodes.caption, nodes.legend))
        )
        return html


class ImageFloatOtherTransform(SphinxPostTransform):
    """Drop the ``:dark:`` variants where there is no dark mode: every builder but HTML,
    whose transform has turned them into :class:`float_image` nodes before."""

    default_priority = 210

    def run(self, **kwargs: Any) -> None:
        for image in list(self.document.findall(nodes.image)):
            if image.get("stl_dark"):
                image.parent.remove(image)


def image_url(translator: HTML5Translator, uri: str) -> str:
    """The URL of a copied image, relative to the page, as Sphinx's own ``<img>`` has it."""
    images = translator.builder.images
    if uri in images:
        return posixpath.join(translator.builder.imgpath, urllib.parse.quote(images[uri]))
    return uri


def visit_float_figure(self: HTML5Translator, node: float_figure) -> None:
    self.body.append(self.starttag(node, "figure", style=f"--stl-float-width: {node['stl_width']}"))


def depart_float_figure(self: HTML5Translator, node: float_figure) -> None:
    # the caption's visitor opens <figcaption>, which holds the legend too
    if any(isinstance(child, (nodes.caption, nodes.legend)) for child in node.children):
        self.body.append("</figcaption>\n")
    self.body.append("</figure>\n")


def visit_float_media(self: HTML5Translator, node: float_media) -> None:
    attrs = dict(node["html_attrs"])
    image = node.next_node(float_image)
    if node["stl_full_file"] and image is not None:
        attrs["href"] = image_url(self, image["uri"])
    self.body.append(self.starttag(node, node["tag"], "\n", **attrs))


def depart_float_media(self: HTML5Translator, node: float_media) -> None:
    self.body.append(f"</{node['tag']}>\n")


def visit_float_image(self: HTML5Translator, node: float_image) -> None:
    attrs = {
        "src": image_url(self, node["uri"]),
        "alt": node["alt"],
        "loading": "lazy",
        "decoding": "async",
    }
    if "stl_width" in node:
        attrs["width"], attrs["height"] = str(node["stl_width"]), str(node["stl_height"])
    self.body.append(self.emptytag(node, "img", "\n", **attrs))
    raise nodes.SkipNode


def depart_float_image(self: HTML5Translator, node: float_image) -> None:
    pass  # SkipNode: never called
