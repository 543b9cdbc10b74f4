"""Hugo sites into MyST notes, without Sphinx: ``sphinx-timeline convert hugo``.

- :mod:`.site`: the site's configuration, languages and content files;
- :mod:`.frontmatter`: YAML, TOML and JSON front matter, mapped onto a note's fields;
- :mod:`.shortcodes`: the tokenizer and parser of shortcode calls;
- :mod:`.render`: the MyST of each shortcode; :mod:`.calls`: what a renderer is handed;
- :mod:`.body`: a page's body (where the MyST goes, inline HTML, links, emoji, headings);
- :mod:`.links`: what links and pictures lead to in the converted project;
- :mod:`.convert`: one page at a time; :mod:`.writer`: the files and the project.
"""
