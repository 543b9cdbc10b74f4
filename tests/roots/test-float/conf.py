extensions = ["sphinx_timeline"]
project = "Floats"
show_warning_types = True
numfig = True
version = "1"
copyright = "2026, the authors"
