"""Loading MyST-Parser and sphinx-design, and the MyST syntax the directives rely on."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.errors import ConfigError

from .config import loaded_late, set_by_project
from .project import source_files
from .source import is_markdown, markdown_directives, markdown_lines_outside_code
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

UNCLOSED_FENCES = "stl_unclosed_fences"
"""The key, in the environment's data of the page being read, of the lines of the
directives whose ``:::`` fence is never closed."""


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
    if not set_by_project(config, "myst_enable_extensions"):
        config.myst_enable_extensions = sorted(MYST_SYNTAX)


def check_myst_syntax(app: Sphinx, docname: str, source: list[str]) -> None:
    """Warn about the MyST syntax of a Markdown page that would silently go wrong: a
    ``:::`` fence never closed, or syntax whose MyST extension the project leaves out."""
    if not is_markdown(app.config, app.env.doc2path(docname)):
        return
    lines = source[0].splitlines()
    enabled = set(app.config.myst_enable_extensions)
    if "colon_fence" in enabled:
        app.env.temp_data[UNCLOSED_FENCES] = check_fences_closed(docname, lines)
    missing = {name: spec for name, spec in MYST_SYNTAX.items() if name not in enabled}
    if not missing:
        return
    for number, line in markdown_lines_outside_code(lines):
        for name, (pattern, syntax) in list(missing.items()):
            if pattern.search(line):
                del missing[name]
                warn(
                    f"{syntax} needs MyST's {name!r} extension, which this project's "
                    f"myst_enable_extensions leaves out; add {name!r} to it in conf.py",
                    TimelineWarning.MYST,
                    (docname, number),
                )


def check_fences_closed(docname: str, lines: list[str]) -> set[int]:
    """Warn at the first line of each directive whose ``:::`` fence is never closed: it
    would hold the rest of the page (or of the directive around it), headings included.
    The lines of those directives."""
    blocks = list(markdown_directives(lines))
    unclosed = set()
    for block in blocks:
        if not block.fence.startswith(":") or block.closed:
            continue
        message = (
            f"the '{block.fence}{{{block.name}}}' fence is never closed, so the directive "
            "holds everything after it; "
        )
        stolen = next(
            (
                inner
                for inner in blocks
                if inner.line > block.line and len(inner.closed_by) > len(inner.fence)
            ),
            None,
        )
        if stolen is None:
            message += f"close it with a line of {len(block.fence)} colons ({block.fence!r})"
        else:
            message += (
                f"the '{stolen.fence}{{{stolen.name}}}' of line {stolen.line} is closed by the "
                f"longer {stolen.closed_by!r} meant for this one: close it with "
                f"{stolen.fence!r} first"
            )
        warn(message, TimelineWarning.MYST, (docname, block.line))
        unclosed.add(block.line)
    return unclosed
