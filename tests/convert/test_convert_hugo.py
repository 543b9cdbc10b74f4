"""``sphinx-timeline convert hugo`` on a whole site (``tests/roots/test-hugo-site``): the
converted project builds without a warning, keeps every sentence of the site's prose,
and turns each construct into the directive that shows it."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import emoji
import pytest
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin
from sphinx.testing.util import SphinxTestApp

from helpers import ROOTS, soup, warnings_of
from sphinx_timeline.cli import build_parser

SITE = ROOTS / "test-hugo-site"
LEFT = [
    "content/about.md:14: link — '/team/' is no converted page or file: the link now goes "
    "to https://blog.example.org/team/ on the Hugo site; point it at a page of the project",
    *(
        f"content/posts/toml-post.md:{line}: {name} — no MyST equivalent: shown as written; "
        "replace it with MyST, or delete it"
        for line, name in ((65, "echarts"), (69, "mapbox"), (71, "music"), (73, "typeit"))
    ),
    "content/posts/toml-post.md:81: link — '/tags/hugo/' is no converted page or file: the "
    "link now goes to https://blog.example.org/tags/hugo/ on the Hugo site; point it at a "
    "page of the project",
]
"""What the site leaves for its writer, on the error output (paths relative to the site)."""
_TAG = re.compile(r"\{\{[<%](?!\s*/\*)(?:[^\"`]|\"(?:\\.|[^\"\\])*\"|`[^`]*`)*?[>%]\}\}")
_HIGHLIGHT = re.compile(r"\{\{<\s*highlight\b.*?\{\{<\s*/highlight\s*>\}\}", re.DOTALL)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def run(*args: str | Path) -> tuple[int, str, str]:
    """Run the command in this process; its status, output and error output."""
    out, err = io.StringIO(), io.StringIO()
    parsed = build_parser().parse_args([str(arg) for arg in args])
    status = parsed.run(parsed, out, err)
    return status, out.getvalue(), err.getvalue()


def relative_lines(text: str, site: Path) -> list[str]:
    return [line.replace(f"{site}/", "") for line in text.splitlines()]


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (outside ``_build``), by relative path."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "_build" not in path.relative_to(folder).parts
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the site, its JSON post with a byte order mark and Windows line ends."""
    copy = tmp_path_factory.mktemp("hugo") / "site"
    shutil.copytree(SITE, copy)
    post = copy / "content/posts/json-post.md"
    post.write_bytes(b"\xef\xbb\xbf" + post.read_bytes().replace(b"\n", b"\r\n"))
    return copy


@pytest.fixture(scope="module")
def converted(site: Path) -> tuple[Path, tuple[int, str, str]]:
    """The site converted into a new project; the project and the command's result."""
    out = site.parent / "project"
    return out, run("convert", "hugo", site, "--out", out)


@pytest.fixture(scope="module")
def built(converted: tuple[Path, tuple[int, str, str]]) -> SphinxTestApp:
    """The converted project, built once with the HTML builder."""
    out, _ = converted
    app = SphinxTestApp("html", srcdir=out, confoverrides={"show_warning_types": True})
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def test_the_project_builds_without_warnings(built: SphinxTestApp) -> None:
    assert warnings_of(built) == []


def test_what_is_left_is_listed_with_file_and_line(
    site: Path, converted: tuple[Path, tuple[int, str, str]]
) -> None:
    out, (status, output, errors) = converted
    assert status == 0
    assert relative_lines(errors, site) == LEFT
    summary = output.splitlines()
    assert summary[-3:] == [
        f"3 tweets have no text yet: 'sphinx-timeline tweets fetch {out}' keeps their "
        "words in the project.",
        "Pages in zh-cn are not converted: --lang converts one language.",
        "6 files converted, 6 items left, 4 files copied",
    ]
    assert f"written {out}/notes/posts/career.md" in summary


def test_the_files_of_the_project(converted: tuple[Path, tuple[int, str, str]]) -> None:
    out, _ = converted
    assert sorted(tree(out)) == [
        "conf.py",
        "index.md",
        "notes/about.md",
        "notes/files/cv.txt",
        "notes/img/city.png",
        "notes/img/desk.png",
        "notes/index.md",
        "notes/posts/bundle/index.md",
        "notes/posts/bundle/photo.png",
        "notes/posts/career.md",
        "notes/posts/json-post.md",
        "notes/posts/toml-post.md",
    ]
    assert (out / "notes/img/desk.png").read_bytes() == (SITE / "static/img/desk.png").read_bytes()
    conf: dict[str, object] = {}
    exec((out / "conf.py").read_text(encoding="utf8"), conf)
    assert {key: conf[key] for key in conf if not key.startswith("__")} == {
        "project": "Ann's Notes",
        "author": "Ann Example",
        "language": "en_US",
        "html_baseurl": "https://blog.example.org/",
        "extensions": ["sphinx_timeline"],
        "html_theme": "sphinx_timeline",
        "exclude_patterns": ["_build"],
        "myst_enable_extensions": ["attrs_inline", "colon_fence", "dollarmath"],
    }


def prose(markdown: str) -> list[str]:
    """The sentences of a Hugo page's text, as a reader of the Hugo site sees them: front
    matter, shortcode tags, highlighted code and math left out, escaped examples as they
    show."""
    if markdown.startswith(("---", "+++")):
        markdown = markdown.split(markdown[:3], 2)[2]
    elif markdown.lstrip("\ufeff").startswith("{"):
        text = markdown.lstrip("\ufeff")
        markdown = text[json.JSONDecoder().raw_decode(text)[1] :]
    text = _HIGHLIGHT.sub("", markdown)
    text = _TAG.sub(lambda tag: "#" if text[: tag.start()].endswith("](") else "\n\n", text)
    text = text.replace("{{</*", "{{<").replace("*/>}}", ">}}")
    text = emoji.emojize(text, language="alias")
    html = MarkdownIt("commonmark").enable("table").use(dollarmath_plugin).render(text)
    page = BeautifulSoup(html, "html.parser")
    for math in page.select(".math"):
        math.decompose()
    chunks = re.split(r"(?<=[.!?])\s+|::|\n\n", page.get_text("\n\n"))
    return [" ".join(chunk.split()) for chunk in chunks if len(chunk.split()) >= 3]


def page_text(app: SphinxTestApp, docname: str) -> str:
    main = soup(app, docname).select_one('[role="main"]')
    assert main is not None
    return " ".join(main.get_text(" ").split()).translate(_QUOTES)


@pytest.mark.parametrize(
    ("source", "docname"),
    [
        ("_index.md", "notes/index"),
        ("about.md", "notes/about"),
        ("posts/career.md", "notes/posts/career"),
        ("posts/toml-post.md", "notes/posts/toml-post"),
        ("posts/json-post.md", "notes/posts/json-post"),
        ("posts/bundle/index.md", "notes/posts/bundle/index"),
    ],
)
def test_every_sentence_is_kept(built: SphinxTestApp, source: str, docname: str) -> None:
    sentences = prose((SITE / "content" / source).read_text(encoding="utf8"))
    assert len(sentences) >= 2
    text = page_text(built, docname)
    missing = [sentence for sentence in sentences if sentence.translate(_QUOTES) not in text]
    assert missing == []


def test_the_notes_and_their_fields(built: SphinxTestApp) -> None:
    notes = built.env.get_domain("notes").notes  # type: ignore[attr-defined]
    assert sorted(notes) == [
        "notes/posts/bundle/index",
        "notes/posts/career",
        "notes/posts/json-post",
        "notes/posts/toml-post",
    ]
    career = notes["notes/posts/career"]
    assert career.date.isoformat() == "2021-07-17T09:30:00+02:00"
    assert career.updated.isoformat() == "2022-01-05"
    assert (career.tags, career.categories, career.keywords) == (
        ("career", "python"),
        ("work",),
        ("career", "timeline"),
    )
    assert career.summary == (
        "Ten years of software in one page, from the first typo fix to a maintainer’s desk."
    )
    toml = notes["notes/posts/toml-post"]
    assert toml.updated.isoformat() == "2022-04-01T08:00:00+00:00"
    assert toml.image == "../img/city.png"
    json_note = notes["notes/posts/json-post"]
    assert (json_note.title, json_note.description, json_note.image) == (
        "Notes in JSON",
        "A post whose front matter is JSON.",
        "../img/desk.png",
    )
    assert notes["notes/posts/bundle/index"].image == "photo.png"


def test_the_timeline(built: SphinxTestApp) -> None:
    entries = soup(built, "notes/posts/career").select("ol.stl-timeline > li")
    assert [entry.select_one("time")["datetime"] for entry in entries] == [
        "2013-02-11",
        "2016-09",
        "2019",
    ]
    labels = [entry.select_one(".stl-timeline-label") for entry in entries]
    assert [label.get_text() for label in labels] == [
        "First pull request",
        "Acme developer",
        "Maintainer",
    ]
    assert labels[1].select_one("a")["href"] == "https://acme.example.org"
    assert labels[1].select_one("em").get_text() == "developer"
    assert "rebuilt the release process twice" in entries[1].get_text()


def test_tweets_floats_and_figures(built: SphinxTestApp) -> None:
    career = soup(built, "notes/posts/career")
    assert career.select_one("figure.stl-tweet")["data-stl-tweet"] == "1416186020509360129"
    assert career.select_one("a.stl-tweet-permalink")["href"] == (
        "https://x.com/SomeOne/status/1416186020509360129"
    )
    floated = career.select_one("figure.stl-float")
    assert floated["class"] == ["stl-float", "stl-float-right"]
    assert floated.select_one("img")["alt"] == "A desk lamp in warm light"
    assert floated.select_one("figcaption em").get_text() == "all"
    toml = soup(built, "notes/posts/toml-post")
    item = toml.select("main ul, [role=main] ul")[0].select("li")
    assert item[0].select_one("figure.stl-tweet")["data-stl-tweet"] == "1545097349364981760"
    assert item[1].select_one("a")["href"] == "https://gohugo.io"
    left = item[2].select_one("figure.stl-float")
    assert left["class"] == ["stl-float", "stl-float-left"]
    assert left["style"] == "--stl-float-width: 35%"
    assert left.select_one(".caption-text").get_text() == "The city of the “second” job."
    figure = toml.select_one("figure:not(.stl-float):not(.stl-tweet)")
    assert figure.select_one(".caption-text").get_text() == "The desk, again"
    assert figure.select_one(".legend").get_text(strip=True) == "Seen from the “door”"
    assert figure.select_one("img")["src"] == "../../_images/desk.png"
    quoted = soup(built, "notes/posts/bundle/index").select_one("blockquote figure.stl-tweet")
    assert quoted["data-stl-tweet"] == "1234567890123456789"


def test_admonitions_code_and_link_cards(built: SphinxTestApp) -> None:
    career = soup(built, "notes/posts/career")
    tip = career.select_one("div.admonition.tip")
    assert tip.select_one(".admonition-title").get_text() == "What I would tell my younger self"
    assert career.select_one("div.admonition.note .admonition-title").get_text() == "Note"
    toml = soup(built, "notes/posts/toml-post")
    titles = [title.get_text() for title in toml.select("div.admonition .admonition-title")]
    assert titles == ["In short", "Question"]
    dropdown = toml.select_one("details.sd-dropdown")
    assert dropdown.select_one("summary").get_text(" ", strip=True).startswith("Old plugins")
    code = toml.select_one("div.highlight-python")
    numbers = [number.extract().get_text().strip() for number in code.select(".linenos")]
    assert numbers == ["10", "11"]
    assert code.select_one(".hll").get_text().strip() == 'return f"Hello, {name}!"'
    cards = [card.select_one("a")["href"] for card in toml.select("div.sd-card")]
    assert cards == [
        "https://www.youtube.com/watch?v=w7Ft2ymGmfc",
        "https://vimeo.com/146022717",
        "https://gist.github.com/spf13/7896402",
        "https://www.instagram.com/p/BWNjjyYFxVx/",
    ]
    kept = [block.get_text() for block in toml.select("div.highlight-text pre")]
    assert kept[0] == '{{< admonition tip "A title" >}}\nThe inner text.\n{{< /admonition >}}\n'
    assert kept[1].startswith("{{< echarts >}}\n")
    assert kept[-1] == "{{< typeit >}}This sentence typed itself on the old blog.{{< /typeit >}}\n"


def test_links_excerpt_span_and_emoji(built: SphinxTestApp) -> None:
    career = soup(built, "notes/posts/career")
    assert career.select_one("div.stl-excerpt").get_text(strip=True).startswith("Ten years")
    assert career.select_one("span.small").get_text() == "very patient"
    assert "typo fix 😍 and" in career.get_text()
    links = {a.get_text(): a["href"] for a in career.select("[role=main] p a.reference")}
    assert links["next part"] == "toml-post.html"
    assert links["bundle post"] == "bundle/index.html"
    toml = soup(built, "notes/posts/toml-post")
    assert toml.select_one("[role=main] p a[href='career.html']").get_text() == "my career post"
    assert "write {{< tweet 123 >}} in the text" in toml.get_text()
    about = soup(built, "notes/about")
    assert "I work at Acme Corporation and write" in about.get_text()
    assert about.select_one("a.download")["href"].endswith("/cv.txt")
    headings = [
        h.get_text(strip=True).rstrip("¶") for h in about.select("[role=main] :is(h1, h2, h3)")
    ]
    assert headings == ["About me", "Contact", "Elsewhere"]
    bundle = soup(built, "notes/posts/bundle/index")
    assert bundle.select_one("img")["src"] == "../../../_images/photo.png"
    to_career = [a.get_text() for a in bundle.select("a[href='../career.html']")]
    assert "the career post" in to_career


def test_the_index_lists_the_notes(built: SphinxTestApp) -> None:
    index = soup(built, "index")
    assert index.select_one("h1").get_text(strip=True).rstrip("¶") == "Ann’s Notes"
    titles = [a.get_text() for a in index.select("[role=main] a.reference")]
    assert titles[:4] == [
        "A page bundle",
        "Shortcodes in practice",
        "My career so far",
        "Notes in JSON",
    ]


def test_a_second_run_changes_nothing(
    site: Path, converted: tuple[Path, tuple[int, str, str]]
) -> None:
    out, _ = converted
    before = tree(out)
    status, output, _ = run("convert", "hugo", site, "--out", out)
    assert status == 0
    assert tree(out) == before
    assert f"unchanged {out}/notes/posts/career.md" in output.splitlines()
    assert not [line for line in output.splitlines() if line.startswith("written")]
    status, _, _ = run("convert", "hugo", site, "--out", out, "--force")
    assert tree(out) == before
