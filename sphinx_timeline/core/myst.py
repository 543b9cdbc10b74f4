"""Loading MyST-Parser and sphinx-design, and the MyST syntax the directives rely on."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.errors import ConfigError

from .config import loaded_late
from .project import source_files
from .source import is_markdown, markdown_lines_outside_code
from .warnings_ import TimelineWarning, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

MYST_SYNTAX = {
    "colon_fence": (re.compile(r"^ {0,3}:{3,}\{"), "a ':::{directive}' fence"),
    "attrs_inline": (re.compile(r"\]\{[.#][^\s}]"), "a '[text]{.class}' span"),
}
"""The MyST extensions the directives and their docs use: how to spot the syntax each
one enables in a page, and what to call it."""


def setup_myst(app: Sphinx) -> None:
    """Load MyST-Parser and sphinx-design, then enable the MyST syntax we rely on."""
    app.setup_extension("myst_parser")
    app.setup_extension("sphinx_design")
    if loaded_late(app):
        refuse_unread_markdown(app)
    else:
        app.connect("config-inited", enable_myst_syntax)
    app.connect("source-read", check_myst_syntax)


def refuse_unread_markdown(app: Sphinx) -> None:
    """Stop with one clear message when a theme loaded the extension, ``conf.py`` does not
    list it, and the project has Markdown pages: Sphinx has chosen its source parsers
    before any theme loads, so those pages would not be read."""
    if "myst_parser" in app.config.extensions or "sphinx_timeline" in app.config.extensions:
        return
    exclude = app.config.exclude_patterns
    markdown = next(source_files(Path(app.srcdir), (".md",), exclude), None)
    if markdown is None:
        return
    raise ConfigError(
        f"{markdown} is a Markdown page, which Sphinx reads only when conf.py lists "
        "the extension: the theme loads sphinx_timeline after Sphinx has chosen its "
        "source parsers. Add extensions = ['sphinx_timeline'] to conf.py"
    )


def enable_myst_syntax(app: Sphinx, config: Config) -> None:
    """Enable :data:`MYST_SYNTAX`, unless the project chose its own MyST extensions."""
    if not _set_by_project(config, "myst_enable_extensions"):
        config.myst_enable_extensions = sorted(MYST_SYNTAX)


def check_myst_syntax(app: Sphinx, docname: str, source: list[str]) -> None:
    """Warn, at the first line that needs it, about each MyST extension a Markdown page
    uses but the project's ``myst_enable_extensions`` leaves out."""
    enabled = set(app.config.myst_enable_extensions)
    missing = {name: spec for name, spec in MYST_SYNTAX.items() if name not in enabled}
    if not missing or not is_markdown(app.config, app.env.doc2path(docname)):
        return
    for number, line in markdown_lines_outside_code(source[0].splitlines()):
        for name, (pattern, syntax) in list(missing.items()):
            if pattern.search(line):
                del missing[name]
                warn(
                    f"{syntax} needs MyST's {name!r} extension, which this project's "
                    f"myst_enable_extensions leaves out; add {name!r} to it in conf.py",
                    TimelineWarning.MYST,
                    (docname, number),
                )


def _set_by_project(config: Config, name: str) -> bool:
    """Whether ``conf.py`` or a ``-D`` override set ``name``."""
    return name in getattr(config, "_raw_config", {}) or name in getattr(config, "_overrides", {})
