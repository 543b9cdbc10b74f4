extensions = ["sphinx_timeline"]
project = "Timeline test"
show_warning_types = True
version = "1.0"
copyright = "2026, the testers"
