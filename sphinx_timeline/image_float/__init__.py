"""The ``image-float`` feature: captioned images beside the text, with a lightbox."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..core.assets import add_static_folder
from ..core.config import add_settings
from .directive import ImageFloatDirective
from .html import (
    ImageFloatHtmlTransform,
    ImageFloatOtherTransform,
    depart_float_figure,
    depart_float_image,
    depart_float_media,
    float_figure,
    float_image,
    float_media,
    visit_float_figure,
    visit_float_image,
    visit_float_media,
)
from .latex import (
    ImageFloatLatexTransform,
    ImageFloatTextTransform,
    depart_in_place_figure,
    depart_wrapped_figure,
    in_place_figure,
    visit_in_place_figure,
    visit_wrapped_figure,
    wrapped_figure,
)
from .lightbox import resolve_lightboxes
from .settings import SETTINGS

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    """Register the settings, directive, HTML and LaTeX nodes, transforms, the lightbox
    switch and the assets."""
    add_settings(app, SETTINGS)
    app.add_directive("image-float", ImageFloatDirective)
    # the HTML figure is numbered as a figure: its caption shows "Fig. N"
    app.add_enumerable_node(float_figure, "figure", html=(visit_float_figure, depart_float_figure))
    app.add_node(float_media, html=(visit_float_media, depart_float_media))
    app.add_node(float_image, html=(visit_float_image, depart_float_image))
    app.connect("doctree-read", resolve_lightboxes, priority=600)
    app.add_post_transform(ImageFloatHtmlTransform)
    app.add_post_transform(ImageFloatOtherTransform)
    # made by the LaTeX transform only, so only the LaTeX writer meets them
    app.add_enumerable_node(
        in_place_figure, "figure", latex=(visit_in_place_figure, depart_in_place_figure)
    )
    app.add_enumerable_node(
        wrapped_figure, "figure", latex=(visit_wrapped_figure, depart_wrapped_figure)
    )
    app.add_post_transform(ImageFloatLatexTransform)
    app.add_post_transform(ImageFloatTextTransform)
    add_static_folder(app, Path(__file__).parent / "static")
