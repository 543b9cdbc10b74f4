extensions = ["sphinx_timeline"]
project = "Notes"
show_warning_types = True
html_baseurl = "https://example.org/docs/"
copyright = "2026, the authors"
version = "1"
# No global table of contents in the sidebar: Sphinx does not rewrite every page when a
# title changes, and these tests compare incremental builds with clean ones.
html_sidebars = {"**": []}
