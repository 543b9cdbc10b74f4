"""Static assets: each feature's ``static/`` folder, and the files each page gets.

A component names the stylesheets and scripts it needs in its ``assets`` (see
:class:`.nodes.html_element`); a page gets exactly those, or all of them under
Sphinx's ``html_assets_policy = "always"``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import sphinx_design.extension

from .config import when_configured
from .nodes import html_element

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.config import Config

PACKAGE_DIR = Path(__file__).parent.parent


def setup_assets(app: Sphinx) -> None:
    """Copy sphinx-design's assets, and give each page the assets it needs."""
    design_static = getattr(sphinx_design.extension, "STATIC_DIR", None)
    if design_static is not None:
        add_static_folder(app, Path(design_static))
    app.connect("builder-inited", restore_static_paths, priority=900)
    app.connect("html-page-context", add_page_assets)


def add_static_folder(app: Sphinx, folder: Path) -> None:
    """Let HTML builders copy the files of ``folder`` (other builders ignore the path).

    Done when the configuration is read, so that the configuration stored by the last
    build matches the new one and an incremental build reports no change. (sphinx-design
    adds its own folder only once the builder starts; before 0.8 that folder is in the
    output and is not known here.)
    """
    when_configured(app, lambda app, config: _add_static_path(config, folder))


def _add_static_path(config: Config, folder: Path) -> None:
    if str(folder) not in config.html_static_path:
        config.html_static_path.append(str(folder))


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
    or all of ours under Sphinx's ``html_assets_policy = "always"``."""
    assets: set[str] = set()
    if app.registry.html_assets_policy == "always":
        for folder in map(Path, app.config.html_static_path):
            if folder.is_relative_to(PACKAGE_DIR):
                assets.update(path.name for path in folder.iterdir())
    elif doctree is not None:
        for node in doctree.findall(html_element):
            assets.update(node.get("assets", ()))
    for name in sorted(assets):
        if name.endswith(".css"):
            app.add_css_file(name)
        elif name.endswith(".js"):
            app.add_js_file(name, loading_method="defer")
