extensions = ["sphinx_timeline"]
project = "Feeds & <Notes>"
author = "The Editors"
show_warning_types = True
html_baseurl = "https://example.org/docs/"
