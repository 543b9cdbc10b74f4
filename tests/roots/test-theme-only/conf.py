# No extensions: the stand-in theme loads sphinx_timeline through its entry point.
html_theme = "standin"
show_warning_types = True
timeline_date_format = 3
