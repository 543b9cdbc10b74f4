"""Note pages' metadata (description, keywords, Open Graph, canonical link, JSON-LD
``BlogPosting``), read back as a crawler reads it: with extruct, and the head parsed by
BeautifulSoup."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import extruct
import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from helpers import assert_same_output, copy_root, soup, strip_colours, warnings_of

BASE = "https://example.org/docs/"
RTD = "https://notes.readthedocs.io/en/latest/"
SITE = 'Notes "&" <more>'
TRICKY_TITLE = "</script><script>alert(1)</script> \"quoted\" & 'single' \u2028line\u2029end"
MISSING_IMAGE = (
    "<src>/notes/missing.md:4: WARNING: front matter image: no file 'pictures/nowhere.png' "
    "in the project; write the path of an image file relative to the note (or to the "
    "project's folder, starting with /), or a URL such as https://example.org/picture.png "
    "[timeline.note]"
)


def sphinx_run(srcdir: Path, outdir: Path, *args: str) -> str:
    """Run ``sphinx-build -q -b html`` in a subprocess (the theme tests leave their
    templates loaded in this one); its warnings, the source folder shown as ``<src>``."""
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", *args, str(srcdir), str(outdir)],
        capture_output=True,
        text=True,
        check=True,
    )
    return strip_colours(result.stderr).replace(f"{srcdir}{os.sep}", "<src>/").strip()


ONLY_FULL = {"exclude_patterns": ["notes/tricky.md", "notes/missing.md", "notes/rst-note.rst"]}
"""Leave out every note but ``notes/full`` (the index finds the notes by a glob)."""


def build(path: Path, buildername: str = "html", **confoverrides: Any) -> SphinxTestApp:
    """The metadata project, built once in ``path``."""
    app = SphinxTestApp(
        buildername, srcdir=copy_root("notes-metadata", path), confoverrides=confoverrides
    )
    try:
        app.build()
    finally:
        app.cleanup()  # Sphinx's global registrations; the output and data stay
    return app


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """The project with ``html_baseurl``, built once."""
    return build(tmp_path_factory.mktemp("metadata"))


def crawl(app: SphinxTestApp, page: str, base: str = BASE) -> dict[str, list[Any]]:
    """What a crawler reads of ``page``: its JSON-LD and Open Graph."""
    text = (app.outdir / f"{page}.html").read_text("utf8")
    return extruct.extract(text, base_url=f"{base}{page}.html", syntaxes=["json-ld", "opengraph"])


def open_graph(app: SphinxTestApp, page: str) -> list[tuple[str, str]]:
    """The page's Open Graph properties, in order."""
    found = crawl(app, page)["opengraph"]
    assert len(found) <= 1
    return [tuple(item) for item in found[0]["properties"]] if found else []


def named(app: SphinxTestApp, page: str, name: str) -> list[str]:
    """The contents of the page's ``<meta name=...>`` tags of that name."""
    return [meta["content"] for meta in soup(app, page).select(f'head meta[name="{name}"]')]


def canonical(app: SphinxTestApp, page: str) -> list[str]:
    """The page's canonical links."""
    return [link["href"] for link in soup(app, page).select('head link[rel="canonical"]')]


def full_open_graph(base: str) -> list[tuple[str, str]]:
    """The Open Graph of ``notes/full`` with a base URL."""
    return [
        ("og:title", "From a typo fix to maintainer"),
        ("og:description", "How a typo fix turned into maintaining a project."),
        ("og:type", "article"),
        ("og:url", f"{base}notes/full.html"),
        ("og:image", f"{base}_images/cover.png"),
        ("og:site_name", SITE),
        ("article:published_time", "2024-03-01T10:00:00+02:00"),
        ("article:modified_time", "2024-04-02"),
        ("article:tag", "career"),
        ("article:tag", "python"),
    ]


def full_blog_posting(base: str) -> dict[str, Any]:
    """The JSON-LD of ``notes/full`` with a base URL."""
    return {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": "From a typo fix to maintainer",
        "description": "How a typo fix turned into maintaining a project.",
        "datePublished": "2024-03-01T10:00:00+02:00",
        "dateModified": "2024-04-02",
        "author": [
            {"@type": "Person", "name": "Ann Example"},
            {"@type": "Person", "name": "Bo Writer"},
        ],
        "keywords": ["open source", "maintainer"],
        "image": f"{base}_images/cover.png",
        "url": f"{base}notes/full.html",
        "mainEntityOfPage": {"@type": "WebPage", "@id": f"{base}notes/full.html"},
    }


def test_one_warning_for_the_image_that_is_not_there(site: SphinxTestApp) -> None:
    assert warnings_of(site) == [MISSING_IMAGE]


def test_open_graph_description_and_keywords(site: SphinxTestApp) -> None:
    assert open_graph(site, "notes/full") == full_open_graph(BASE)
    assert named(site, "notes/full", "description") == [
        "How a typo fix turned into maintaining a project."
    ]
    assert named(site, "notes/full", "keywords") == ["open source, maintainer"]
    assert named(site, "notes/rst-note", "description") == [
        "Its picture is named from the project's folder."  # the summary
    ]
    assert named(site, "notes/rst-note", "keywords") == []


def test_json_ld_blog_posting(site: SphinxTestApp) -> None:
    assert crawl(site, "notes/full")["json-ld"] == [full_blog_posting(BASE)]
    (script,) = soup(site, "notes/full").select('script[type="application/ld+json"]')
    assert json.loads(script.string) == full_blog_posting(BASE)


def test_the_image_is_copied_and_named_absolutely(site: SphinxTestApp) -> None:
    picture = site.srcdir / "img" / "cover.png"
    assert (site.outdir / "_images" / "cover.png").read_bytes() == picture.read_bytes()
    rst = dict(open_graph(site, "notes/rst-note"))  # "/img/cover.png": from the project folder
    assert rst["og:image"] == f"{BASE}_images/cover.png"
    assert crawl(site, "notes/rst-note")["json-ld"][0]["image"] == f"{BASE}_images/cover.png"
    tricky = dict(open_graph(site, "notes/tricky"))  # a URL stays as it is
    assert tricky["og:image"] == 'https://cdn.example.com/cover.png?size=1&fit="crop"'
    missing = dict(open_graph(site, "notes/missing"))
    assert "og:image" not in missing
    assert "image" not in crawl(site, "notes/missing")["json-ld"][0]


def test_nothing_a_writer_types_escapes(site: SphinxTestApp) -> None:
    page = soup(site, "notes/tricky")
    (script,) = page.select('script[type="application/ld+json"]')
    assert not set("<>&\u2028\u2029") & set(script.string)
    data = json.loads(script.string)
    assert data["headline"] == TRICKY_TITLE
    assert data["description"] == "Ends <!--<script> here --> and -->"
    assert data["keywords"] == ['say "hi"', "<b>bold</b>"]
    scripts = page.find_all("script")
    assert [s for s in scripts if "alert" in (s.string or "")] == [script]
    theirs = [s for s in soup(site, "notes/full").find_all("script") if not s.get("type")]
    assert [s for s in scripts if s is not script] == theirs  # the theme's own
    assert page.head.find("b") is None
    assert open_graph(site, "notes/tricky") == [
        ("og:title", TRICKY_TITLE),
        ("og:description", "Ends <!--<script> here --> and -->"),
        ("og:type", "article"),
        ("og:url", f"{BASE}notes/tricky.html"),
        ("og:image", 'https://cdn.example.com/cover.png?size=1&fit="crop"'),
        ("og:site_name", SITE),
        ("article:published_time", "2024-05"),
        ("article:modified_time", "2024-05"),
        ("article:tag", 'x"><script>alert(2)</script>'),
    ]
    assert named(site, "notes/tricky", "keywords") == ['say "hi", <b>bold</b>']


def test_tags_the_page_has_already_are_not_repeated(site: SphinxTestApp) -> None:
    """``notes/missing`` writes its own description and og:title (MyST's html_meta)."""
    assert named(site, "notes/missing", "description") == ["A description written by hand."]
    properties = [key for key, _value in open_graph(site, "notes/missing")]
    assert Counter(properties)["og:title"] == 1
    assert dict(open_graph(site, "notes/missing"))["og:title"] == "A title written by hand"


@pytest.mark.parametrize("page", ["index", "plain"])
def test_pages_that_are_not_notes_get_nothing(site: SphinxTestApp, page: str) -> None:
    assert crawl(site, page) == {"json-ld": [], "opengraph": []}
    assert named(site, page, "description") == []
    assert named(site, page, "keywords") == []


OLD = "https://old.example/"


@pytest.mark.parametrize(
    ("confoverrides", "environ", "base", "links"),
    [
        pytest.param({"html_baseurl": ""}, {}, "", {}, id="neither"),
        pytest.param(
            {"html_baseurl": ""},
            {"READTHEDOCS_CANONICAL_URL": RTD},
            RTD,
            {"notes/full": RTD},  # pages that are not notes get nothing from us
            id="read-the-docs",
        ),
        pytest.param(
            {},
            {"READTHEDOCS_CANONICAL_URL": RTD},
            BASE,  # html_baseurl wins; Sphinx writes the link on every page
            {"notes/full": BASE, "plain": BASE},
            id="both",
        ),
        pytest.param(
            {
                "html_baseurl": "",
                "html_theme": "sphinx_rtd_theme",
                "html_theme_options": {"canonical_url": OLD},  # deprecated, still honoured
            },
            {"READTHEDOCS_CANONICAL_URL": RTD},
            RTD,
            {"notes/full": OLD, "plain": OLD},  # the theme's own link, not a second one
            id="theme-option",
        ),
    ],
)
def test_canonical_link(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    confoverrides: dict[str, Any],
    environ: dict[str, str],
    base: str,
    links: dict[str, str],
) -> None:
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    app = build(tmp_path, **ONLY_FULL, **confoverrides)
    assert warnings_of(app) == []
    for page in ("notes/full", "plain"):
        expected = [f"{links[page]}{page}.html"] if page in links else []
        assert canonical(app, page) == expected, page
    if base:
        assert open_graph(app, "notes/full") == full_open_graph(base)
        assert crawl(app, "notes/full")["json-ld"] == [full_blog_posting(base)]
    else:  # no absolute URL: no og:url, no og:image (a project file), no url in the JSON-LD
        left_out = {"og:url", "og:image"}
        expected_og = [item for item in full_open_graph(BASE) if item[0] not in left_out]
        assert open_graph(app, "notes/full") == expected_og
        posting = full_blog_posting(BASE)
        for key in ("url", "mainEntityOfPage", "image"):
            del posting[key]
        assert crawl(app, "notes/full")["json-ld"] == [posting]
        assert (app.outdir / "_images" / "cover.png").is_file()


def test_an_image_url_needs_no_base_url(tmp_path: Path) -> None:
    app = build(tmp_path, html_baseurl="")
    assert warnings_of(app) == [MISSING_IMAGE]
    tricky = dict(open_graph(app, "notes/tricky"))
    assert tricky["og:image"] == 'https://cdn.example.com/cover.png?size=1&fit="crop"'
    assert "og:url" not in tricky


def test_no_duplicates_with_sphinxext_opengraph(tmp_path: Path) -> None:
    app = build(tmp_path, extensions=["sphinx_timeline", "sphinxext.opengraph"])
    assert warnings_of(app) == [MISSING_IMAGE]
    # (notes/missing's own og:title, from html_meta, sphinxext-opengraph writes again)
    for page in ("notes/full", "notes/tricky", "notes/rst-note"):
        head = soup(app, page).head
        keys = Counter(
            key
            for meta in head.find_all("meta")
            if (key := meta.get("property") or meta.get("name"))
            and key.startswith(("og:", "article:", "description", "keywords"))
        )
        repeated = {key: count for key, count in keys.items() if count > 1}
        assert repeated == ({"article:tag": 2} if page == "notes/full" else {}), page
        assert len(head.select('script[type="application/ld+json"]')) == 1
        assert len(head.select('link[rel="canonical"]')) == 1
    full = dict(open_graph(app, "notes/full"))
    assert full["og:type"] == "article"
    assert full["og:description"] == "How a typo fix turned into maintaining a project."
    assert full["og:image"] == f"{BASE}_images/cover.png"
    assert full["article:published_time"] == "2024-03-01T10:00:00+02:00"
    assert named(app, "notes/full", "description") == [
        "How a typo fix turned into maintaining a project."
    ]
    assert dict(open_graph(app, "notes/rst-note"))["og:image"] == "https://example.org/its-own.png"
    assert named(app, "notes/missing", "description") == ["A description written by hand."]
    assert crawl(app, "notes/full")["json-ld"] == [full_blog_posting(BASE)]
    plain = dict(open_graph(app, "plain"))  # sphinxext-opengraph's own, nothing of ours
    assert plain["og:type"] == "website"
    assert not [key for key in plain if key.startswith("article:")]
    assert crawl(app, "plain")["json-ld"] == []


@pytest.mark.parametrize("theme", ["furo", "pydata_sphinx_theme", "sphinx_rtd_theme", "alabaster"])
def test_every_theme_writes_the_metadata(tmp_path: Path, theme: str) -> None:
    app = build(tmp_path, html_theme=theme, **ONLY_FULL)
    assert warnings_of(app) == []
    assert open_graph(app, "notes/full") == full_open_graph(BASE)
    assert crawl(app, "notes/full")["json-ld"] == [full_blog_posting(BASE)]
    assert named(app, "notes/full", "description") == [
        "How a typo fix turned into maintaining a project."
    ]
    assert canonical(app, "notes/full") == [f"{BASE}notes/full.html"]


def test_parallel_build_gives_the_same_pages(tmp_path: Path) -> None:
    srcdir = copy_root("notes-metadata", tmp_path)
    for jobs in ("1", "2"):
        assert sphinx_run(srcdir, tmp_path / jobs, "-j", jobs) == MISSING_IMAGE
        assert (tmp_path / jobs / "_images" / "cover.png").is_file()
    assert_same_output(tmp_path / "1", tmp_path / "2")


def test_an_image_added_later_is_found_by_an_incremental_build(tmp_path: Path) -> None:
    confoverrides = {"exclude_patterns": ["notes/full.md", "notes/tricky.md", "notes/rst-*"]}
    srcdir = copy_root("notes-metadata", tmp_path)
    first = SphinxTestApp("html", srcdir=srcdir, confoverrides=confoverrides)
    try:
        first.build()
    finally:
        first.cleanup()
    assert warnings_of(first) == [MISSING_IMAGE]
    (srcdir / "notes" / "pictures").mkdir()
    (srcdir / "img" / "cover.png").rename(srcdir / "notes" / "pictures" / "nowhere.png")
    second = SphinxTestApp("html", srcdir=srcdir, confoverrides=confoverrides)
    try:
        second.build()
    finally:
        second.cleanup()
    assert warnings_of(second) == []
    assert dict(open_graph(second, "notes/missing"))["og:image"] == f"{BASE}_images/nowhere.png"
    assert (second.outdir / "_images" / "nowhere.png").is_file()
    clean = SphinxTestApp(
        "html", srcdir=srcdir, builddir=tmp_path / "clean", confoverrides=confoverrides
    )
    try:
        clean.build()
    finally:
        clean.cleanup()
    assert_same_output(second.outdir, clean.outdir)


def test_e_books_get_nothing(tmp_path: Path) -> None:
    app = build(tmp_path, "epub", **ONLY_FULL)
    assert warnings_of(app) == []
    page = BeautifulSoup((app.outdir / "notes" / "full.xhtml").read_text("utf8"), "html.parser")
    assert page.select('meta[property], script[type="application/ld+json"]') == []
    assert not (app.outdir / "_images" / "cover.png").exists()
