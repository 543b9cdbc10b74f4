extensions = ["sphinx_timeline"]
project = "Tweets"
show_warning_types = True
