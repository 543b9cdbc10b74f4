extensions = ["sphinx_timeline"]
project = "Theme site"
html_theme = "sphinx_timeline"
html_theme_options = {
    "announcement": "New <script>alert(1)</script> & more",
    "footer_text": "Made by <b>me</b>",
    "profile_name": "Ada <Example>",
    "social_links": {"github": "https://github.com/example", "rss": "https://example.org/atom.xml"},
    "edit_url": "https://github.com/example/site/edit/main/docs/{path}",
    "accent_color": "#884400",
}
show_warning_types = True
