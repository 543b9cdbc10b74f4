"""Sphinx configuration for the sphinx-career-timeline documentation."""

from sphinx_timeline import __version__

project = "sphinx-career-timeline"
author = "sphinx-career-timeline developers"
copyright = "sphinx-career-timeline developers"
version = release = __version__

# sphinx_timeline loads myst_parser and sphinx_design itself;
# sphinx_timeline._docs generates the reference tables from the code.
extensions = ["sphinx_timeline", "sphinx_timeline._docs"]

# The snippets are shown through include and literalinclude, never built as pages.
exclude_patterns = ["_build", "snippets"]

# "[Order](#order)" links to headings need slug anchors under MyST-Parser 4
myst_heading_anchors = 3
# Setting this replaces the extension's own choice (colon_fence, attrs_inline): keep both.
myst_enable_extensions = ["attrs_inline", "colon_fence", "deflist"]

# The package's own theme; `tox -e docs-themes` builds the docs under four others too
# (`-D html_theme=...`), so no option here may be one only this theme knows.
html_theme = "sphinx_timeline"
html_title = f"{project} {version}"
