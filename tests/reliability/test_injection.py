"""Injection: markup, script, URL, XML and LaTeX payloads in every directive option, front
matter field, JSON Resume field, theme option and converted Hugo shortcode parameter.

One project carries the payload everywhere (its directive bodies are Markdown, where raw
HTML is the writer's own, so they carry LaTeX's specials only). It is built once per
builder: every HTML page is parsed (no injected element, attribute or link; the payload
shown as text and kept whole in the page's metadata), every Atom feed is well-formed
XML that feedparser reads, and the LaTeX output compiles with latexmk and shows the
LaTeX specials as text. A small Hugo site with the payload in its front matter and
shortcode parameters is converted, built and checked the same way.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

import feedparser
import pytest
from bs4 import BeautifulSoup, Tag
from sphinx.testing.util import SphinxTestApp

from helpers import ROOTS, Pdf, build_once, latexmk, warnings_of
from sphinx_timeline.cli import build_parser

PAYLOADS = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='alert(1)",
    "javascript:alert(1)",
    "</script><script>alert(1)</script>",
    "<!--",
    "]]>",
    "\x1b[31m",
    "& % $ # _ { } ~ ^ \\",
)
"""What a writer might type that could break out of a text: elements, attributes, a
``javascript:`` link, the end of a script or of CDATA, LaTeX's special characters and
a control character (a terminal's colour code, which XML 1.0 cannot carry)."""
PAYLOAD = " ".join(PAYLOADS)
PRINTABLE = PAYLOAD.replace("\x1b", "")
"""The payload without its control character: what a feed can carry, and what the LaTeX
project is written with (LaTeX refuses a control character, and Sphinx's LaTeX writer
passes those of any text through as they are, a page's own text too)."""
SPECIALS = "& % $ # _ { } ~ ^ \\"
BODY = f"A body with {SPECIALS} in it."
"""The text of the directive bodies."""
JAVASCRIPT = "javascript:alert(1)"
PICTURE = "https://example.org/picture.png?"
"""The start of a note's ``image`` address, the payload after it."""
IMAGE = ROOTS / "test-float" / "img" / "photo.png"
STATIC_IMAGE = '"><img src=x onerror=alert(1)>.png'
"""A theme picture whose file name would end an attribute."""
TWEET_ID = "1416186020509360129"
CACHED_TWEET_ID = "20"
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "cite", "poster", "data", "srcset")
"""The HTML attributes whose value a browser follows or loads."""


# --- the project --------------------------------------------------------------------


def yaml_text(value: object) -> str:
    """``value`` as YAML (JSON is YAML), every character kept."""
    return json.dumps(value)


def directive(
    kind: str, argument: str = "", body: str = "", fence: str = ":::", **options: str
) -> str:
    """A MyST directive whose options are a YAML block, so that every character of a value
    reaches the directive (``#`` would start a comment in ``:name: value`` options)."""
    block = "".join(
        f"{key.replace('_', '-')}: {yaml_text(value)}\n" for key, value in options.items()
    )
    head = f"{fence}{{{kind}}} {argument}".rstrip()
    return f"{head}\n---\n{block}---\n{body}\n{fence}\n" if block else f"{head}\n{body}\n{fence}\n"


def front_matter(**fields: object) -> str:
    """The opening of a front matter block (its closing ``---`` left to the caller)."""
    return "---\n" + "".join(f"{name}: {yaml_text(value)}\n" for name, value in fields.items())


def myst_note(payload: str) -> str:
    """A MyST note with the payload in every front matter field and directive option."""
    head = front_matter(
        title=payload,
        description=payload,
        date="2024-05-01",
        updated=payload,
        draft=payload,
        featured=payload,
        tags=[payload, "plain"],
        categories=[payload],
        keywords=[payload],
        authors=[payload],
        image=PICTURE + payload,
        lightgallery=payload,
    )
    entries = directive(
        "timeline-entry",
        "2019-04",
        BODY,
        end=payload,
        label=payload,
        icon=payload,
        color=payload,
        name=f"entry {payload}",
        **{"class": payload},
    ) + directive("timeline-entry", payload, BODY)
    parts = [
        directive("excerpt", body=BODY),
        directive(
            "timeline",
            body=entries,
            fence="::::",
            order=payload,
            date_format=payload,
            name=payload,
            **{"class": payload},
        ),
        directive("timeline", events="resume.json", sections=payload),
        directive("timeline", events="resume.json"),
        directive("timeline", events="events.yaml"),
        directive(
            "tweet",
            TWEET_ID,
            BODY,
            user=payload,
            author=payload,
            lang=payload,
            align=payload,
            theme=payload,
            name=f"tweet {payload}",
            **{"class": payload},
        ),
        directive("tweet", TWEET_ID, BODY, date=payload),
        directive("tweet", TWEET_ID, payload, author=payload, name=f"post {payload}"),
        directive("tweet", CACHED_TWEET_ID),
        directive("tweet", payload),
        directive(
            "image-float",
            "photo.png",
            BODY,
            align=payload,
            width=payload,
            alt=payload,
            lightbox=payload,
            dark=payload,
            name=f"float {payload}",
            **{"class": payload},
        ),
        directive("image-float", "photo.png", BODY, target=JAVASCRIPT),
        directive("image-float", "photo.png", BODY, target="https://example.org/?" + payload),
        directive(
            "note-list",
            tags=payload,
            category=payload,
            limit=payload,
            featured=payload,
            format=payload,
        ),
        directive("note-list", tags=f"{payload}, plain"),
        directive("note-list", format="cards"),
        directive("note-list", format="timeline"),
    ]
    return head + "---\n\n" + "\n".join(parts)


def rst_note(payload: str) -> str:
    """A reStructuredText note with the payload in its docinfo fields; its image is no
    address at all (an IPv6 bracket never closed)."""
    names = ("description", "tags", "categories", "keywords", "author")
    fields = "".join(f":{name}: {payload}\n" for name in names)
    title = "A note in reStructuredText"
    head = f":date: 2024-04-01\n{fields}:image: http://[{payload}\n"
    return f"{head}\n{title}\n{'=' * len(title)}\n\n{BODY}\n"


def resume(payload: str) -> dict[str, object]:
    """A JSON Resume with the payload in every field a timeline shows."""
    return {
        "basics": {"name": payload},
        "work": [
            {
                "name": payload,
                "position": payload,
                "url": "https://example.org/?" + payload,
                "location": payload,
                "startDate": "2019-04",
                "summary": payload,
                "highlights": [payload],
            },
            {"name": payload, "url": JAVASCRIPT, "startDate": "2018"},
        ],
        "volunteer": [
            {
                "organization": payload,
                "position": payload,
                "startDate": "2017",
                "summary": payload,
                "highlights": [payload],
            }
        ],
        "education": [
            {
                "institution": payload,
                "area": payload,
                "studyType": payload,
                "startDate": "2010",
                "endDate": "2014",
                "score": payload,
                "courses": [payload],
            }
        ],
        "awards": [{"title": payload, "awarder": payload, "date": "2015", "summary": payload}],
        "certificates": [{"name": payload, "issuer": payload, "date": "2016"}],
        "publications": [
            {"name": payload, "publisher": payload, "releaseDate": "2016-05", "summary": payload}
        ],
        "projects": [
            {
                "name": payload,
                "entity": payload,
                "roles": [payload],
                "startDate": "2012",
                "description": payload,
                "highlights": [payload],
            }
        ],
    }


def theme_options(payload: str) -> dict[str, object]:
    """Every option of the theme, with the payload (the checked ones refuse it)."""
    return {
        "profile_name": payload,
        "profile_bio": payload,
        "profile_photo": STATIC_IMAGE,
        "logo_dark": payload,
        "footer_text": payload,
        "announcement": payload,
        "edit_url": "https://example.org/edit/{path}?" + payload,
        "social_links": {payload: "https://example.org/?" + payload, "website": JAVASCRIPT},
        "accent_color": payload,
        "accent_color_dark": "red}</style><script>alert(1)</script>",
        "default_scheme": payload,
        "navigation_depth": payload,
        "show_project_name": payload,
        "reading_time": payload,
    }


def conf_py(payload: str) -> str:
    """The project's settings: its name and author the payload, the theme, feeds on."""
    return (
        'extensions = ["sphinx_timeline"]\n'
        "show_warning_types = True\n"
        "smartquotes = False  # the texts are compared as written\n"
        f"project = {payload!r}\n"
        f"author = {payload!r}\n"
        'html_theme = "sphinx_timeline"\n'
        'html_baseurl = "https://example.org/docs/"\n'
        'html_static_path = ["_static"]\n'
        f"html_theme_options = {theme_options(payload)!r}\n"
        'timeline_feed_content = "full"\n'
    )


def write_files(folder: Path, files: dict[str, str]) -> None:
    """Write ``files`` (text by relative path) into ``folder``."""
    for relative, content in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf8")


def write_project(folder: Path, payload: str) -> Path:
    """The payload project in ``folder``."""
    write_files(
        folder,
        {
            "conf.py": conf_py(payload),
            "index.md": "# Injection\n\n```{toctree}\n:glob:\n\nnotes/*\n```\n",
            "notes/payload.md": myst_note(payload),
            "notes/rst-note.rst": rst_note(payload),
            "notes/script-image.md": front_matter(
                date="2024-03-01", image="javascript://example.org/%0Aalert(1)"
            )
            + "---\n\n# A note whose image is a script\n\nText.\n",
            "notes/resume.json": json.dumps(resume(payload), indent=2),
            "notes/events.yaml": (
                f'- date: "2015"\n  label: {yaml_text(payload)}\n'
                f'- date: "2016"\n  end: {yaml_text(payload)}\n  label: An end refused\n'
            ),
            f"_tweets/{CACHED_TWEET_ID}.json": json.dumps(
                {"id": CACHED_TWEET_ID, "text": payload, "author": payload}
            ),
        },
    )
    shutil.copy(IMAGE, folder / "notes" / "photo.png")
    (folder / "_static").mkdir()
    shutil.copy(IMAGE, folder / "_static" / STATIC_IMAGE)
    return folder


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """The payload project, built with the HTML builder."""
    folder = tmp_path_factory.mktemp("injection-html")
    return build_once(write_project(folder / "src", PAYLOAD), builddir=folder / "build")


# --- checks -------------------------------------------------------------------------


def injected(markup: str) -> list[str]:
    """What the HTML ``markup`` runs or shows that a payload made: a script element or
    attribute, an event handler, a ``javascript:`` address, an element the payload names."""
    found = []
    for element in BeautifulSoup(markup, "html.parser").find_all(True):
        assert isinstance(element, Tag)
        script = element.name == "script" and element.get("type") != "application/ld+json"
        if script and "alert" in element.get_text():
            found.append(f"<script> {element.get_text()[:60]!r}")
        if element.name == "style" and "alert" in element.get_text():
            found.append(f"<style> {element.get_text()[:60]!r}")
        if element.name == "img" and element.get("src") == "x":
            found.append("<img src=x>")
        for name, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on"):
                found.append(f"<{element.name} {name}={text[:40]!r}>")
            address = re.sub(r"[\x00-\x20]", "", text).lower()
            if name.lower() in URL_ATTRIBUTES and address.startswith(("javascript:", "data:")):
                found.append(f"<{element.name} {name}={text[:40]!r}>")
    return found


def html_pages(outdir: Path) -> Iterator[Path]:
    """Every HTML page of a build."""
    return iter(sorted(outdir.rglob("*.html")))


def parsed(app: SphinxTestApp, pagename: str) -> BeautifulSoup:
    """The built HTML page ``pagename``, parsed."""
    return BeautifulSoup((Path(app.outdir) / f"{pagename}.html").read_text("utf8"), "html.parser")


def texts(page: BeautifulSoup | Tag, selector: str) -> list[str]:
    """The text of each element ``selector`` finds, without its permalink sign."""
    return [element.get_text().strip().removesuffix("¶") for element in page.select(selector)]


def meta(page: BeautifulSoup, key: str) -> list[str]:
    """The content of the page's ``<meta>`` tags named (or with the property) ``key``."""
    return [
        str(tag["content"])
        for tag in page.find_all("meta")
        if key in (tag.get("name"), tag.get("property"))
    ]


def json_ld(page: BeautifulSoup) -> dict[str, object]:
    """The page's JSON-LD, which nothing in it may end (no ``</``, no ``<!--``)."""
    (script,) = page.select('script[type="application/ld+json"]')
    text = script.get_text()
    assert "</" not in text, text
    assert "<!--" not in text, text
    data: dict[str, object] = json.loads(text)
    return data


# --- HTML ---------------------------------------------------------------------------


def test_every_value_refused_is_a_timeline_warning(html: SphinxTestApp) -> None:
    """A payload is text, or a value refused with the extension's own warning; never an
    error of docutils or MyST (a value cut at a ``#`` or a quote), never a crash."""
    others = [line for line in warnings_of(html) if not re.search(r"\[timeline\.\w+\]$", line)]
    assert others == []


def test_no_page_runs_or_shows_injected_markup(html: SphinxTestApp) -> None:
    pages = list(html_pages(Path(html.outdir)))
    assert len(pages) > 10  # the notes, the generated listings, search, index
    found = {
        page.relative_to(html.outdir).as_posix(): injected(page.read_text("utf8")) for page in pages
    }
    assert {page: what for page, what in found.items() if what} == {}


def test_the_payload_is_shown_as_text(html: SphinxTestApp) -> None:
    page = parsed(html, "notes/payload")
    assert texts(page, "h1") == [PAYLOAD]
    assert texts(page, ".stl-timeline-label")[0] == PAYLOAD
    assert texts(page, "a.stl-note-tag")[0] == PAYLOAD
    assert texts(page, "a.stl-note-category") == [PAYLOAD]
    assert f"By {PAYLOAD}" in page.select_one(".stl-note-meta").get_text()
    assert texts(page, ".stl-tweet-author") == [PAYLOAD] * 3
    tweets = texts(page, ".stl-tweet-text")
    assert len(tweets) == 3  # a refused date leaves its post out
    assert PAYLOAD in tweets[1]  # the body, its raw markup as text
    assert PAYLOAD in tweets[2]  # from the cache file
    assert page.select("img.stl-float-image")[0]["alt"] == PAYLOAD
    assert page.select("figure.stl-float a.stl-float-media")[-1]["href"] == (
        "https://example.org/?" + PAYLOAD
    )
    work = page.select_one("li.stl-resume-work")
    assert work.select_one(".stl-timeline-label a")["href"] == "https://example.org/?" + PAYLOAD
    assert work.select_one(".stl-timeline-label").get_text() == f"{PRINTABLE}, {PRINTABLE}"
    assert work.select_one(".stl-resume-details").get_text() == PRINTABLE
    events = page.select(".stl-timeline")[-1]
    assert PAYLOAD in texts(events, ".stl-timeline-label")
    # the theme's own texts
    assert texts(page, ".stl-profile-name") == [PAYLOAD]
    assert texts(page, ".stl-profile-bio") == [PAYLOAD]
    assert texts(page, ".stl-announcement") == [PAYLOAD]
    assert PAYLOAD in texts(page, ".stl-footer p")
    assert page.select_one(".stl-social a")["href"] == "https://example.org/?" + PAYLOAD
    assert page.select_one(".stl-profile-photo")["src"] == f"../_static/{STATIC_IMAGE}"
    assert page.select_one(".stl-edit a")["href"].startswith("https://example.org/edit/")
    assert page.select_one(".stl-edit a")["href"].endswith(PAYLOAD)


def test_page_metadata_keeps_the_payload_whole(html: SphinxTestApp) -> None:
    page = parsed(html, "notes/payload")
    for key in ("description", "keywords", "og:title", "og:description", "og:site_name"):
        assert meta(page, key) == [PAYLOAD], key
    assert meta(page, "article:tag") == [PAYLOAD, "plain"]
    assert meta(page, "og:image") == [PICTURE + PAYLOAD]
    data = json_ld(page)
    assert data["headline"] == data["description"] == PAYLOAD
    assert data["author"] == [{"@type": "Person", "name": PAYLOAD}]
    assert data["keywords"] == [PAYLOAD]
    assert data["image"] == PICTURE + PAYLOAD


def test_only_web_addresses_are_a_note_image(html: SphinxTestApp) -> None:
    """A ``javascript:`` address, or one that is no address at all, is no Open Graph
    image: it is taken for a file of the project, and there is none."""
    for name in ("script-image", "rst-note"):
        page = parsed(html, f"notes/{name}")
        assert meta(page, "og:image") == []
        assert "image" not in json_ld(page)
    assert sum("front matter image: no file" in line for line in warnings_of(html)) == 2


# --- feeds --------------------------------------------------------------------------


def test_every_feed_is_well_formed_and_keeps_the_text(html: SphinxTestApp) -> None:
    outdir = Path(html.outdir)
    feeds = sorted(outdir.rglob("*.xml"))
    assert len(feeds) >= 5  # every note's, and each tag's and category's
    for path in feeds:
        data = path.read_bytes()
        ET.fromstring(data)  # well-formed XML 1.0: no control character, every text escaped
        parsed = feedparser.parse(data)
        assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
        for entry in parsed.entries:
            if "content" in entry:
                assert injected(entry.content[0].value) == [], path
    site = feedparser.parse((outdir / "atom.xml").read_bytes())
    assert site.feed.title == PRINTABLE
    entry = next(entry for entry in site.entries if entry.link.endswith("/payload.html"))
    assert entry.title == PRINTABLE
    assert [author.name for author in entry.authors] == [PRINTABLE]
    assert [tag.term for tag in entry.tags] == [PRINTABLE, "plain"]


# --- LaTeX --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Pdf:
    """The payload project (without its control character) as a PDF."""
    folder = tmp_path_factory.mktemp("injection-latex")
    app = build_once(write_project(folder / "src", PRINTABLE), "latex", folder / "build")
    return latexmk(Path(app.outdir))


def test_latex_compiles_and_shows_the_specials_as_text(pdf: Pdf) -> None:
    errors = re.findall(r"^!.*$", pdf.log, re.MULTILINE)
    assert errors == [], pdf.log[-3000:]
    assert pdf.returncode == 0, pdf.log[-3000:]
    text = pdf.text
    assert text.count(SPECIALS) > 20  # the fields, options, resume and bodies
    assert "<script>alert(1)</script>" in text


# --- the Hugo converter -------------------------------------------------------------


def hugo_site(folder: Path) -> Path:
    """A Hugo site with the payload in its configuration, its front matter and in every
    parameter of the shortcodes the converter knows (as raw strings, which keep every
    character)."""
    p = f"`{PAYLOAD}`"
    url = f"`https://example.org/?{PAYLOAD}`"
    fields = {
        "title": PAYLOAD,
        "description": PAYLOAD,
        "date": "2021-07-17T09:30:00+02:00",
        "lastmod": PAYLOAD,
        "tags": [PAYLOAD],
        "categories": [PAYLOAD],
        "keywords": [PAYLOAD],
        "author": PAYLOAD,
        "featuredImage": PAYLOAD,
    }
    shortcodes = [
        f'{{{{< figure src="/img/photo.png" alt={p} title={p} caption={p} attr={p} '
        f'attrlink={p} link={p} class="imageright" width={p} >}}}}',
        f'{{{{< figure src="/img/photo.png" link={url} attrlink={url} attr={p} caption="c" >}}}}',
        f'{{{{< figure src="/img/photo.png" link="{JAVASCRIPT}" attrlink="{JAVASCRIPT}" '
        'attr="Credit" >}}',
        f'{{{{< image src="/img/photo.png" alt={p} title={p} caption={p} >}}}}',
        f"{{{{< figure src={p} >}}}}",
        f"{{{{< tweet user={p} id={p} >}}}}",
        f'{{{{< tweet user={p} id="{TWEET_ID}" >}}}}',
        f"{{{{< youtube id={p} title={p} >}}}}",
        f'{{{{< youtube id="w7Ft2ymGmfc" title={p} >}}}}',
        f'{{{{< vimeo id="146022717" title={p} >}}}}',
        f"{{{{< gist {p} {p} {p} >}}}}",
        f"{{{{< instagram {p} >}}}}",
        f"A {{{{< link href={p} content={p} title={p} >}}}} link, "
        f'{{{{< link href="{JAVASCRIPT}" content="a click" >}}}}, '
        f"{{{{< link `https://example.org/{PAYLOAD}` >}}}}, "
        "{{< link `https://example.org/<script>alert(1)</script>` >}} and "
        f'{{{{< link href={url} content="text" title={p} >}}}}.',
        f"{{{{< admonition type={p} title={p} >}}}}\nInside.\n{{{{< /admonition >}}}}",
        f'{{{{< admonition type="tip" title={p} details={p} open={p} >}}}}\n'
        "Inside.\n{{< /admonition >}}",
        f"{{{{< highlight {p} {p} >}}}}\ncode\n{{{{< /highlight >}}}}",
        f'Parameters: {{{{< param "description" >}}}}, {{{{< param {p} >}}}}, {{{{< ref {p} >}}}}.',
        '<div class="timeline">\n'
        f"{{{{% timeline timelinedate={p} %}}}}{PAYLOAD}:: text{{{{% /timeline %}}}}\n"
        f'{{{{% timeline timelinedate="2015-05-01" end={p} %}}}}{PAYLOAD}:: text'
        "{{% /timeline %}}\n</div>",
    ]
    front = "".join(f"{name}: {yaml_text(value)}\n" for name, value in fields.items())
    write_files(
        folder,
        {
            "hugo.toml": (
                f'baseURL = "https://blog.example.org/"\ntitle = {yaml_text(PAYLOAD)}\n'
                f"[params]\n  author = {yaml_text(PAYLOAD)}\n"
                f"  description = {yaml_text(PAYLOAD)}\n"
            ),
            "content/posts/payload.md": f"---\n{front}---\n\nIntro.\n\n" + "\n\n".join(shortcodes),
        },
    )
    (folder / "static" / "img").mkdir(parents=True)
    shutil.copy(IMAGE, folder / "static" / "img" / "photo.png")
    return folder


@dataclass
class Converted:
    """The converter's exit status and error output, and the converted project's build."""

    status: int
    errors: str
    app: SphinxTestApp


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Converted:
    """The Hugo site converted into a new project, which is built with the HTML builder
    (its quotes kept as written)."""
    folder = tmp_path_factory.mktemp("injection-hugo")
    site, project = hugo_site(folder / "site"), folder / "project"
    out, err = io.StringIO(), io.StringIO()
    arguments = build_parser().parse_args(["convert", "hugo", str(site), "--out", str(project)])
    status = arguments.run(arguments, out, err)
    with (project / "conf.py").open("a", encoding="utf8") as conf:
        conf.write("show_warning_types = True\nsmartquotes = False\n")
    return Converted(status, err.getvalue(), build_once(project, builddir=folder / "build"))


def strip_location(line: str) -> str:
    """A warning without its file, line and quoted value."""
    line = re.sub(r"^\S+: WARNING: ", "", line)
    return re.sub(r"'.*' is not a date.*(\[timeline\.\w+\])$", r"... is not a date \1", line)


def test_the_converted_project_builds_and_warns_only_of_its_fields(converted: Converted) -> None:
    assert converted.status == 0
    assert [strip_location(line) for line in warnings_of(converted.app)] == [
        "front matter updated: ... is not a date [timeline.note]"
    ]
    for refused in (
        f"'{JAVASCRIPT}' is a javascript: link, which is not kept",
        "its HTML is shown as text",
        "is not a handle on X",
    ):
        assert refused in converted.errors


def test_no_converted_page_runs_or_shows_injected_markup(converted: Converted) -> None:
    outdir = Path(converted.app.outdir)
    found = {
        page.relative_to(outdir).as_posix(): injected(page.read_text("utf8"))
        for page in html_pages(outdir)
    }
    assert {page: what for page, what in found.items() if what} == {}


def test_converted_parameters_are_shown_as_text(converted: Converted) -> None:
    page = parsed(converted.app, "notes/posts/payload")
    assert texts(page, "h1") == [PAYLOAD]
    assert meta(page, "og:description") == [PAYLOAD]
    assert json_ld(page)["author"] == [{"@type": "Person", "name": PAYLOAD}]
    figures = page.select("figure")
    assert figures[0].select_one("img")["alt"] == PAYLOAD
    assert texts(figures[0], "figcaption p")[:2] == [PAYLOAD, PAYLOAD]  # title, caption
    assert PAYLOAD in figures[-1].get_text()  # LoveIt's image
    assert texts(page, ".admonition-title")[:2] == [PAYLOAD, PAYLOAD]
    assert texts(page, ".sd-card-title")[:2] == [PAYLOAD, PAYLOAD]  # the videos
    assert texts(page, ".stl-timeline-label") == [PAYLOAD]
    assert f"Parameters: {PAYLOAD}," in page.get_text()
    assert "{{< link" not in page.get_text()  # each one converted, whatever its backticks
    assert "a click" in page.get_text()
