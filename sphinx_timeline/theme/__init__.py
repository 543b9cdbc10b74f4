"""The ``sphinx_timeline`` HTML theme: a docs theme that also reads like a good blog.

Chosen with ``html_theme = "sphinx_timeline"`` (found through the ``sphinx.html_themes``
entry point); it loads the ``sphinx_timeline`` extension itself. Its files (``theme.toml``,
templates, ``static/``) are in the ``sphinx_timeline/`` folder beside this module.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

THEME_DIR = Path(__file__).parent / "sphinx_timeline"


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the theme, and the extension it styles."""
    from .. import __version__
    from .context import add_context, check_options, drop_reading_time, navigation_changed

    app.add_html_theme("sphinx_timeline", str(THEME_DIR))
    app.setup_extension("sphinx_timeline")
    app.connect("builder-inited", check_options)
    app.connect("env-updated", navigation_changed)
    app.connect("doctree-resolved", drop_reading_time, priority=600)
    app.connect("html-page-context", add_context)
    return {
        "version": __version__,
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
