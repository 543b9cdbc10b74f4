"""Wiring: each feature's ``setup_<feature>`` and the assets they share."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import sphinx_design.extension

from .config import setup_config
from .html import html_element, setup_html
from .image_float import setup_image_float
from .myst import setup_myst
from .shared import MESSAGE_CATALOG
from .timeline import setup_timeline
from .tweet import setup_tweet

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.config import Config

STATIC_DIR = Path(__file__).parent / "static"
LOCALE_DIR = Path(__file__).parent / "locale"


def setup_extension(app: Sphinx) -> None:
    """Set up every feature of the extension."""
    setup_config(app)
    app.add_message_catalog(MESSAGE_CATALOG, str(LOCALE_DIR))
    setup_myst(app)
    setup_html(app)
    setup_timeline(app)
    setup_image_float(app)
    setup_tweet(app)
    app.connect("config-inited", add_static_paths)
    app.connect("builder-inited", restore_static_paths, priority=900)
    app.connect("html-page-context", add_page_assets)


def add_static_paths(app: Sphinx, config: Config) -> None:
    """Let HTML builders copy our assets and sphinx-design's (other builders ignore the path).

    Done when the configuration is read, so that the configuration stored by the last
    build matches the new one and an incremental build reports no change. (sphinx-design
    adds its own folder only once the builder starts; before 0.8 that folder is in the
    output and is not known here.)
    """
    design_static = getattr(sphinx_design.extension, "STATIC_DIR", None)
    for path in (STATIC_DIR, design_static):
        if path is not None and str(path) not in config.html_static_path:
            config.html_static_path.append(str(path))


def restore_static_paths(app: Sphinx) -> None:
    """Drop the second copy of its folder that sphinx-design appends once the builder starts."""
    paths = app.config.html_static_path
    paths[:] = list(dict.fromkeys(paths))


def add_page_assets(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """Add to a page the stylesheets and scripts its components ask for (their ``assets``),
    or all of them under Sphinx's ``html_assets_policy = "always"``."""
    assets: set[str] = set()
    if app.registry.html_assets_policy == "always":
        assets.update(path.name for path in STATIC_DIR.iterdir())
    elif doctree is not None:
        for node in doctree.findall(html_element):
            assets.update(node.get("assets", ()))
    for name in sorted(assets):
        if name.endswith(".css"):
            app.add_css_file(name)
        elif name.endswith(".js"):
            app.add_js_file(name, loading_method="defer")
