"""The ``sphinx_timeline`` HTML theme (planned): ``theme.toml``, templates and static
files under ``theme/sphinx_timeline/``, loaded through the ``sphinx.html_themes``
entry point."""
