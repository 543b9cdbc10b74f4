extensions = ["sphinx_timeline"]
project = "Floats in a PDF"
show_warning_types = True
numfig = True
version = "1"
copyright = "2026, the authors"
