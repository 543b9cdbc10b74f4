extensions = ["sphinx_timeline"]
project = "Floats in the browser"
html_theme = "alabaster"
html_static_path = ["_static"]
html_css_files = ["test.css"]
show_warning_types = True
