"""Loading MyST-Parser and sphinx-design, and the MyST syntax the directives rely on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .warnings_ import TimelineWarning, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

MYST_SYNTAX = {
    "colon_fence": "':::' fences around directives",
    "attrs_inline": "'[text]{.class}' spans",
}
"""The MyST extensions the directives and their docs use, with what each one enables."""


def setup_myst(app: Sphinx) -> None:
    """Load MyST-Parser and sphinx-design, then enable the MyST syntax we rely on."""
    app.setup_extension("myst_parser")
    app.setup_extension("sphinx_design")
    app.connect("config-inited", enable_myst_syntax)


def enable_myst_syntax(app: Sphinx, config: Config) -> None:
    """Enable :data:`MYST_SYNTAX`, or, if the project chose its own MyST extensions,
    leave them as they are and warn about each missing one."""
    if not _set_by_project(config, "myst_enable_extensions"):
        config.myst_enable_extensions = sorted(MYST_SYNTAX)
        return
    chosen = set(config.myst_enable_extensions)
    for name, enables in MYST_SYNTAX.items():
        if name not in chosen:
            warn(
                f"myst_enable_extensions lacks {name!r}, so {enables} in MyST pages "
                f"are not understood; add {name!r} to myst_enable_extensions in conf.py",
                TimelineWarning.MYST,
            )


def _set_by_project(config: Config, name: str) -> bool:
    """Whether ``conf.py`` or a ``-D`` override set ``name``."""
    return name in getattr(config, "_raw_config", {}) or name in getattr(config, "_overrides", {})
