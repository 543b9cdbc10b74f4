extensions = ["sphinx_timeline"]
project = "Listings"
show_warning_types = True
copyright = "2026, the authors"
version = "1"
timeline_notes_per_page = 2
# no sidebar navigation: a title edit then changes only the pages that list the note
html_sidebars = {"**": ["searchbox.html"]}
nitpicky = True
