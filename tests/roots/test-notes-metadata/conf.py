extensions = ["sphinx_timeline"]
project = 'Notes "&" <more>'
show_warning_types = True
html_baseurl = "https://example.org/docs/"
smartquotes = False
copyright = "2026, the authors"
version = "1"
