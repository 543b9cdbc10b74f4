"""Wiring: each feature's ``setup_<feature>`` and the assets they share."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import setup_config
from .html import html_element, setup_html
from .myst import setup_myst
from .timeline import setup_timeline

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

STATIC_DIR = Path(__file__).parent / "static"
CSS_FILE = "sphinx-timeline.css"


def setup_extension(app: Sphinx) -> None:
    """Set up every feature of the extension."""
    setup_config(app)
    setup_myst(app)
    setup_html(app)
    setup_timeline(app)
    app.connect("builder-inited", add_static_path)
    app.connect("html-page-context", add_page_assets)


def add_static_path(app: Sphinx) -> None:
    """Let HTML builders copy the extension's assets (no other builder needs them)."""
    if app.builder.format == "html":
        app.config.html_static_path.append(str(STATIC_DIR))


def add_page_assets(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """Add the stylesheet to the pages that show one of the extension's components."""
    if app.registry.html_assets_policy == "always" or (
        doctree is not None and next(doctree.findall(html_element), None) is not None
    ):
        app.add_css_file(CSS_FILE)
