"""The HTML form of an ``image-float``.

:class:`ImageFloatHtmlTransform` turns the figure into :class:`float_figure` (a
``<figure>`` carrying its width as ``--stl-float-width``) holding a
:class:`float_media` (the ``<a>`` to the full file, or a ``<span>``) with one
:class:`float_image` per variant (``<img loading="lazy" decoding="async" width height>``).
Their visitors write the image URLs the HTML builder gives the copied files.
"""

from __future__ import annotations

import posixpath
import urllib.parse
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..core.i18n import _
from ..core.nodes import html_element

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator

STYLESHEET = "sphinx-timeline-float.css"
SCRIPT = "sphinx-timeline-lightbox.js"


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
