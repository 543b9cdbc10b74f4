"""Static assets: each feature's ``static/`` folder, and the files each page gets.

A component names the stylesheets and scripts it needs in its ``assets`` (see
:class:`.nodes.html_element`); a page gets exactly those, or all of them under
Sphinx's ``html_assets_policy = "always"``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import sphinx_design.extension
from docutils import nodes

from .config import when_configured
from .nodes import html_element

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

PACKAGE_DIR = Path(__file__).parent.parent

DESIGN = "sphinx-design"
"""The ``assets`` name of a component that uses sphinx-design's stylesheet (its colour
variables, say) without carrying an ``sd-*`` class."""


def setup_assets(app: Sphinx) -> None:
    """Copy sphinx-design's assets, and give each page the assets it needs."""
    design_static = getattr(sphinx_design.extension, "STATIC_DIR", None)
    if design_static is not None:
        add_static_folder(app, Path(design_static))
    if "sphinx_design" not in app.config.extensions and take_over_design_assets(app):
        app.connect("builder-inited", record_design_assets)
    else:  # the project loads sphinx-design itself: its assets go on every page, as it says
        app.connect("builder-inited", restore_static_paths, priority=900)
    app.connect("html-page-context", add_page_assets)


def take_over_design_assets(app: Sphinx) -> bool:
    """Stop sphinx-design from adding its stylesheet and script to every page; ``False``
    when its hook cannot be found (then it keeps adding them)."""
    hook = getattr(sphinx_design.extension, "add_static_assets", None)
    listeners = app.events.listeners.get("builder-inited", [])
    found = [listener.id for listener in listeners if listener.handler is hook]
    for listener_id in found:
        app.disconnect(listener_id)
    return bool(found)


class _DesignAssets:
    """Stands in for the application while sphinx-design registers its assets, and
    keeps them (name and attributes) for the pages that need them."""

    def __init__(self, app: Sphinx) -> None:
        self._app = app
        self.css: list[tuple[str, dict[str, Any]]] = []
        self.js: list[tuple[str, dict[str, Any]]] = []
        self.config = _DesignConfig(app.config)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._app, name)

    def add_css_file(self, filename: str, **attributes: Any) -> None:
        self.css.append((filename, attributes))

    def add_js_file(self, filename: str, **attributes: Any) -> None:
        self.js.append((filename, attributes))


class _DesignConfig:
    """The configuration, but the static folder sphinx-design appends is ours already."""

    def __init__(self, config: Config) -> None:
        self._config = config
        self.html_static_path: list[str] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._config, name)


def record_design_assets(app: Sphinx) -> None:
    """Let sphinx-design name its assets, without adding them to every page."""
    recorder = _DesignAssets(app)
    sphinx_design.extension.add_static_assets(cast("Sphinx", recorder))
    app.builder.stl_design_assets = recorder  # type: ignore[attr-defined]


def uses_design(doctree: nodes.document) -> tuple[bool, bool]:
    """Whether a page shows sphinx-design components (any ``sd-*`` class, or an
    octicon), and whether it has tabs."""
    styled = tabs = False
    for node in doctree.findall(nodes.Element):
        classes: list[str] = node.get("classes", [])
        if any(name.startswith("sd-") for name in classes):
            styled = True
            tabs = tabs or "sd-tab-set" in classes
        elif isinstance(node, nodes.raw) and 'class="sd-' in node.astext():
            styled = True
        if tabs:
            break
    return styled, tabs


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
    always = app.registry.html_assets_policy == "always"
    if always:
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
    design: _DesignAssets | None = getattr(app.builder, "stl_design_assets", None)
    if design is None or (doctree is None and not always):
        return
    styled, tabs = (True, True) if always else uses_design(doctree)  # type: ignore[arg-type]
    styled = styled or DESIGN in assets
    for filename, attributes in design.css if styled else ():
        app.add_css_file(filename, **attributes)
    for filename, attributes in design.js if tabs else ():
        app.add_js_file(filename, **attributes)
