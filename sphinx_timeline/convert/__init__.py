"""Converters of other sites into Sphinx projects, and the MyST they write.

``convert/hugo/`` turns a Hugo site's content (front matter, shortcodes, inline HTML,
page bundles and static files) into MyST notes that the extension reads, and writes a
project around them; :mod:`.myst` writes MyST (front matter, directives, code), also for
``sphinx-timeline new`` (:mod:`.note`). Nothing here imports Sphinx or docutils: the
command converts without loading them.
"""
