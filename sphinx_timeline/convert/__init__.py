"""Converters of other sites into Sphinx projects (planned): ``convert/hugo/`` turns
Hugo front matter and shortcodes into MyST notes, without importing Sphinx."""
