extensions = ["sphinx_timeline"]
project = "Components in every theme"
html_theme = "alabaster"
show_warning_types = True
