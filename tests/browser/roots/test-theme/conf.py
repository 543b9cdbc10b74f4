extensions = ["sphinx_timeline", "sphinx.ext.autodoc"]
project = "Theme test site"
copyright = "2024, Ada Example"
html_theme = "sphinx_timeline"
html_static_path = ["_static"]
html_theme_options = {
    "announcement": "A new release is out <today>.",
    "profile_name": "Ada Example",
    "profile_bio": "Writes docs and notes about them.",
    "profile_photo": "photo.svg",
    "social_links": {
        "github": "https://github.com/example",
        "mastodon": "https://mastodon.example/@ada",
        "email": "mailto:ada@example.org",
    },
    "footer_text": "Written with care.",
    "edit_url": "https://github.com/example/site/edit/main/docs/{path}",
}
show_warning_types = True
