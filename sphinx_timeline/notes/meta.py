"""Page metadata for each note's HTML page: its description and keywords, Open Graph,
a canonical link and a JSON-LD ``BlogPosting``, written into the page's ``metatags``
(every theme writes them in the page's head).

Absolute URLs start from ``html_baseurl``, else from Read the Docs'
``READTHEDOCS_CANONICAL_URL``; without either, the tags that need one are left out.
When ``sphinxext-opengraph`` is loaded too, it writes the Open Graph tags it knows
(handed the note's type, description and image through its per-page fields) and this
module writes only the others. A tag already in the page (from a ``meta`` directive
or MyST's ``html_meta``) is not written twice. A note's ``image``, when it is a file of
the project, is copied where the HTML builder copies images.
"""

from __future__ import annotations

import html
import json
import os
import posixpath
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from sphinx.builders.html import StandaloneHTMLBuilder

from ..core.metadata import PageMetadata
from ..core.warnings_ import TimelineWarning, warn
from .domain import notes_domain

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

    from .fields import Note

OPENGRAPH = "sphinxext.opengraph"
"""The extension that writes Open Graph tags itself, when it is loaded."""

RTD_CANONICAL_URL = "READTHEDOCS_CANONICAL_URL"
"""The environment variable in which Read the Docs gives the built version's base URL."""

_SCRIPT_SAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)
"""JSON escapes for the characters that could end a script element or a line in it."""


def setup_metadata(app: Sphinx) -> None:
    """Check and copy each note's image (the metadata is written by ``add_to_head``)."""
    app.connect("doctree-read", check_note_image, priority=700)  # after collect_note
    app.connect("doctree-resolved", copy_note_image)


def is_url(image: str) -> bool:
    """Whether a note's ``image`` is a web address (``https://...``) rather than a project
    file; ``javascript:`` and other addresses are none."""
    try:
        parts = urlsplit(image)
    except ValueError:  # such as an unclosed IPv6 bracket: a path, which is no file
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def check_note_image(app: Sphinx, doctree: nodes.document) -> None:
    """Note the image file of the note being read as one of the project's images (so
    the HTML builder names it in ``_images``), or warn that there is no such file."""
    env = app.env
    note = notes_domain(env).notes.get(env.docname)
    if note is None or not note.image or is_url(note.image):
        return
    path, full_path = env.relfn2path(note.image, note.docname)
    if Path(full_path).is_file():
        env.note_dependency(path)  # read the note again when the file changes or goes
        env.images.add_file(note.docname, path)
        return
    env.note_reread()  # and again at the next build, to see whether the file has come
    metadata = PageMetadata.of(env, note.docname)
    warn(
        f"front matter image: no file {note.image!r} in the project; write the path of an "
        "image file relative to the note (or to the project's folder, starting with /), "
        "or a URL such as https://example.org/picture.png",
        TimelineWarning.NOTE,
        metadata.location("image"),
    )


def image_file(env: BuildEnvironment, note: Note) -> str:
    """The project path of a note's image file, when it has one that exists, else ``""``."""
    if not note.image or is_url(note.image):
        return ""
    path = env.relfn2path(note.image, note.docname)[0]
    return path if path in env.images else ""


def web_builder(app: Sphinx) -> StandaloneHTMLBuilder | None:
    """The builder when it writes web pages (not an e-book or a help file)."""
    builder = app.builder
    if isinstance(builder, StandaloneHTMLBuilder) and not builder.embedded:
        return builder
    return None


def copy_note_image(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Have the HTML builder copy the image of the note it is about to write, as it
    copies the images a page shows (``doctree-resolved`` runs in the main process, also
    when pages are written in parallel)."""
    builder = web_builder(app)
    note = notes_domain(app.env).notes.get(docname)
    if builder is None or note is None:
        return
    path = image_file(app.env, note)
    if path:
        builder.images[path] = app.env.images[path][1]


def site_url(config: Config) -> str:
    """The site's base URL: ``html_baseurl``, else Read the Docs' canonical URL; ``""``
    when neither is known."""
    baseurl: str = config.html_baseurl
    return baseurl or os.environ.get(RTD_CANONICAL_URL, "")


def add_page_metadata(app: Sphinx, pagename: str, context: dict[str, Any]) -> None:
    """Write a note page's metadata into its ``metatags`` (``html-page-context``)."""
    builder = web_builder(app)
    note = notes_domain(app.env).notes.get(pagename)
    if builder is None or note is None:
        return
    site = site_url(app.config)
    sphinx_canonical: str = context.get("pageurl") or ""
    page_url = sphinx_canonical or (
        posixpath.join(site, builder.get_target_uri(pagename)) if site else ""
    )
    image_url = note_image_url(app.env, builder, note, site)
    description = note.description or note.summary
    metatags: str = context.get("metatags") or ""
    present = tags_in(metatags)
    tags = [
        ("name", "description", description),
        ("name", "keywords", ", ".join(note.keywords)),
    ]
    open_graph = {
        "og:title": note.title,
        "og:description": description,
        "og:type": "article",
        "og:url": page_url,
        "og:image": image_url,
        "og:site_name": app.config.project,
    }
    if OPENGRAPH in app.extensions:
        hand_over(context, open_graph)
    else:
        tags += [("property", key, value) for key, value in open_graph.items()]
    modified = note.updated or note.date
    tags += [
        ("property", "article:published_time", note.date.isoformat()),
        ("property", "article:modified_time", modified.isoformat()),
    ]
    tags += [("property", "article:tag", tag) for tag in note.tags]
    lines = [
        f'<meta {attribute}="{key}" content="{html.escape(value, quote=True)}">'
        for attribute, key, value in tags
        if value and key not in present
    ]
    if page_url and not sphinx_canonical and not context.get("theme_canonical_url"):
        lines.append(f'<link rel="canonical" href="{html.escape(page_url, quote=True)}">')
    data = blog_posting(note, description, page_url, image_url)
    lines.append(f'<script type="application/ld+json">{json_for_script(data)}</script>')
    context["metatags"] = metatags + "".join(line + "\n" for line in lines)


def note_image_url(
    env: BuildEnvironment, builder: StandaloneHTMLBuilder, note: Note, site: str
) -> str:
    """A note's image as an absolute URL: a URL as written, a project file where the
    builder copies it; ``""`` without an image or a base URL."""
    if is_url(note.image):
        return note.image
    path = image_file(env, note)
    if not path or not site:
        return ""
    return posixpath.join(site, builder.imagedir, quote(env.images[path][1]))


def hand_over(context: dict[str, Any], open_graph: dict[str, str]) -> None:
    """Give ``sphinxext-opengraph`` the note's type, description and image through its
    per-page fields (the page's own fields win); it writes the Open Graph tags."""
    fields = dict(context.get("meta") or {})
    for key in ("og:type", "og:description", "og:image"):
        if open_graph[key]:
            fields.setdefault(key, open_graph[key])
    context["meta"] = fields


def blog_posting(note: Note, description: str, page_url: str, image_url: str) -> dict[str, Any]:
    """The note as a schema.org ``BlogPosting``, without the values it does not have."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": note.title,
        "description": description,
        "datePublished": note.date.isoformat(),
        "dateModified": (note.updated or note.date).isoformat(),
        "author": [{"@type": "Person", "name": name} for name in note.authors],
        "keywords": list(note.keywords),
        "image": image_url,
        "url": page_url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": page_url} if page_url else None,
    }
    return {key: value for key, value in data.items() if value}


def json_for_script(data: dict[str, Any]) -> str:
    """``data`` as JSON that no value can end its script element with (``</script>``,
    ``<!--``) or break a line of (U+2028, U+2029)."""
    return json.dumps(data, ensure_ascii=False).translate(_SCRIPT_SAFE)


class _MetaNames(HTMLParser):
    """Collects the ``name`` and ``property`` of each ``<meta>`` tag it is fed."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self.names.update(
                value.lower() for key, value in attrs if key in {"name", "property"} and value
            )


def tags_in(metatags: str) -> set[str]:
    """The names and properties of the ``<meta>`` tags already in a page's ``metatags``."""
    parser = _MetaNames()
    parser.feed(metatags)
    parser.close()
    return parser.names
