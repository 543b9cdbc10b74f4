extensions = ["sphinx_timeline"]
project = "Notes"
show_warning_types = True
html_baseurl = "https://example.org/docs/"
copyright = "2026, the authors"
version = "1"
