"""The tweet directive: syntax, card data, embedding modes, other builders, no network."""

from __future__ import annotations

import json
import re
import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import Tag
from sphinx.testing.util import SphinxTestApp

from helpers import (
    PACKAGE,
    assert_same_output,
    copy_root,
    pages,
    soup,
    sphinx_build,
    strip_colours,
    warnings_of,
)
from sphinx_timeline.tweet.post import PostRef

Build = Callable[..., SphinxTestApp]

POST_ID = "1416186020509360129"
PERMALINK = f"https://x.com/someone/status/{POST_ID}"

FULL = f"""\
# Page

:::{{tweet}} https://twitter.com/someone/status/{POST_ID}
:author: Some One
:date: 2021-07-17
:lang: en
The words of the post, *kept* in the page.
:::
"""


def card(app: SphinxTestApp, page: str = "index", index: int = 0) -> Tag:
    return soup(app, page).select("div.body figure.stl-tweet")[index]


@pytest.mark.parametrize(
    ("argument", "post_id", "handle"),
    [
        (POST_ID, POST_ID, ""),
        (f"https://twitter.com/someone/status/{POST_ID}", POST_ID, "someone"),
        (f"https://x.com/someone/status/{POST_ID}", POST_ID, "someone"),
        (f"http://www.twitter.com/someone/status/{POST_ID}/", POST_ID, "someone"),
        (f"https://mobile.twitter.com/Some_One/statuses/{POST_ID}", POST_ID, "Some_One"),
        (f"https://mobile.x.com/someone/status/{POST_ID}?s=20&t=abc#frag", POST_ID, "someone"),
        (f"https://WWW.X.COM/someone/status/{POST_ID}/photo/1", POST_ID, "someone"),
        (f"https://x.com/i/web/status/{POST_ID}", POST_ID, ""),
        ("20", "20", ""),
    ],
)
def test_argument_forms(argument: str, post_id: str, handle: str) -> None:
    assert PostRef.parse(argument) == PostRef(post_id, handle)


@pytest.mark.parametrize(
    "argument",
    [
        "12ab",
        "1" * 21,
        "https://example.org/someone/status/1",
        "https://x.com.evil.org/someone/status/1",
        "https://x.com:8080/someone/status/1",
        "https://user@x.com/someone/status/1",
        "javascript:alert(1)",
        "ftp://x.com/someone/status/1",
        "https://x.com/someone",
        "https://x.com/someone/status/abc",
        "x.com/someone/status/1",
    ],
)
def test_arguments_that_are_no_post(argument: str) -> None:
    with pytest.raises(ValueError, match="numeric id or its URL"):
        PostRef.parse(argument)


def test_full_card(build: Build) -> None:
    app = build({"index.md": FULL})
    assert warnings_of(app) == []
    figure = card(app)
    assert figure["id"] == f"tweet-{POST_ID}"
    assert figure["class"] == [
        "stl-tweet",
        "stl-tweet-align-center",
        "stl-tweet-theme-auto",
    ]
    assert figure["data-stl-tweet"] == POST_ID
    assert figure["data-stl-embed"] == "click"
    assert figure["data-stl-lang"] == "en"
    assert figure.select_one(".stl-tweet-author").get_text() == "Some One"
    assert figure.select_one(".stl-tweet-handle").get_text() == "@someone"
    quote = figure.select_one("blockquote.stl-tweet-text")
    assert quote["cite"] == PERMALINK
    assert quote["lang"] == "en"
    assert quote.select_one("em").get_text() == "kept"
    link = figure.select_one("a.stl-tweet-permalink")
    assert link["href"] == PERMALINK
    assert link.select_one("time")["datetime"] == "2021-07-17"
    assert link.get_text() == "July 17, 2021"
    button = figure.select_one("button.stl-tweet-load")
    assert button.has_attr("hidden"), "without JavaScript the button is not shown"
    assert button["type"] == "button"
    assert not figure.select("script, [onclick]")
    assert "twitter-tweet" not in str(figure)


RST = f"""\
Page
====

.. tweet:: {POST_ID}
   :user: @someone
   :author: Some One
   :date: 2021-07
   :align: right
   :theme: dark
   :class: mine
   :name: the-post

   The words, **in rST**.

See :ref:`the post <the-post>`.
"""


def test_rst_options_and_reference(build: Build) -> None:
    app = build({"index.rst": RST})
    assert warnings_of(app) == []
    figure = card(app)
    assert figure["id"] == "the-post"
    assert figure["class"] == ["stl-tweet", "mine", "stl-tweet-align-right", "stl-tweet-theme-dark"]
    assert figure["data-stl-theme"] == "dark"
    assert figure["data-stl-align"] == "right"
    assert figure.select_one("a.stl-tweet-permalink")["href"] == PERMALINK
    assert figure.select_one("time").get_text() == "July 2021", "the date keeps its precision"
    assert figure.select_one("strong").get_text() == "in rST"
    assert soup(app, "index").select_one("div.body p a.reference")["href"] == "#the-post"


def test_date_follows_the_language(build: Build) -> None:
    app = build({"index.md": FULL}, language="de")
    assert card(app).select_one("time").get_text() == "17. Juli 2021"


def cache_file(srcdir: Path, **fields: str) -> None:
    folder = srcdir / "_tweets"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{fields['id']}.json").write_text(json.dumps(fields), "utf8")


CACHED = {
    "id": POST_ID,
    "text": "Cached words <script>alert(1)</script>\nsecond line\n\nSecond paragraph.",
    "author": "Cached Author",
    "handle": "cached",
    "date": "2021-07-18",
    "lang": "de",
    "url": f"https://twitter.com/cached/status/{POST_ID}",
}


def test_card_from_the_cache(build: Build, tmp_path: Path) -> None:
    cache_file(tmp_path / "src", **CACHED)
    app = build({"index.md": f"# Page\n\n:::{{tweet}} {POST_ID}\n:::\n"})
    assert warnings_of(app) == []
    figure = card(app)
    assert figure.select_one(".stl-tweet-author").get_text() == "Cached Author"
    assert figure.select_one(".stl-tweet-handle").get_text() == "@cached"
    paragraphs = figure.select("blockquote.stl-tweet-text > p.stl-tweet-lines")
    assert [p.get_text() for p in paragraphs] == [
        "Cached words <script>alert(1)</script>\nsecond line",
        "Second paragraph.",
    ]
    assert figure.select_one("blockquote")["lang"] == "de"
    assert figure.select_one("a.stl-tweet-permalink")["href"] == (
        f"https://x.com/cached/status/{POST_ID}"
    )
    assert figure.select_one("time")["datetime"] == "2021-07-18"
    html = (app.outdir / "index.html").read_text("utf8")
    assert "<script>alert" not in html


def test_the_directive_wins_over_the_cache(build: Build, tmp_path: Path) -> None:
    cache_file(tmp_path / "src", **CACHED)
    app = build({"index.md": FULL})
    figure = card(app)
    assert figure.select_one(".stl-tweet-author").get_text() == "Some One"
    assert figure.select_one(".stl-tweet-handle").get_text() == "@someone"
    assert "Cached words" not in figure.get_text()
    assert figure.select_one("time")["datetime"] == "2021-07-17"
    assert figure.select_one("blockquote")["lang"] == "en"
    # what the directive leaves out comes from the cache
    app = build({"index.md": f"# Page\n\n:::{{tweet}} {POST_ID}\nOwn words.\n:::\n"})
    figure = card(app)
    assert figure.select_one(".stl-tweet-author").get_text() == "Cached Author"
    assert figure.select_one("blockquote").get_text(strip=True) == "Own words."


def test_cache_folder_from_config(build: Build, tmp_path: Path) -> None:
    folder = tmp_path / "src" / "data" / "posts"
    folder.mkdir(parents=True)
    (folder / f"{POST_ID}.json").write_text(json.dumps({"id": POST_ID, "text": "Moved."}), "utf8")
    conf = 'extensions = ["sphinx_timeline"]\ntimeline_tweet_cache = "data/posts"\n'
    app = build({"conf.py": conf, "index.md": f"# Page\n\n:::{{tweet}} {POST_ID}\n:::\n"})
    assert warnings_of(app) == []
    assert card(app).select_one("blockquote").get_text(strip=True) == "Moved."


def test_minimal_link_card(build: Build) -> None:
    app = build({"index.md": f"# Page\n\n:::{{tweet}} {POST_ID}\n:::\n"})
    assert warnings_of(app) == []
    figure = card(app)
    assert not figure.select("blockquote, figcaption, time")
    link = figure.select_one("a.stl-tweet-permalink")
    assert link["href"] == f"https://x.com/i/web/status/{POST_ID}"
    assert link.get_text() == "View this post on X"


def assets(app: SphinxTestApp, page: str) -> list[str]:
    tags = soup(app, page).select("script[src], link[rel=stylesheet]")
    return [tag.get("src") or tag.get("href") for tag in tags]


PAGES = {"index.md": FULL, "plain.md": "---\norphan: true\n---\n# Plain\n\nNo post here.\n"}


@pytest.mark.parametrize("mode", ["click", "static", "widget"])
def test_modes(build: Build, mode: str) -> None:
    app = build(PAGES, timeline_tweet_embed=mode)
    assert warnings_of(app) == []
    figure = card(app)
    tweet_assets = [src for src in assets(app, "index") if "tweet" in src]
    if mode == "static":
        assert not figure.has_attr("data-stl-embed")
        assert not figure.select("button")
        assert [src.split("?")[0] for src in tweet_assets] == ["_static/sphinx-timeline-tweet.css"]
    else:
        assert figure["data-stl-embed"] == mode
        assert bool(figure.select("button.stl-tweet-load")) is (mode == "click")
        assert [src.split("?")[0] for src in tweet_assets] == [
            "_static/sphinx-timeline-tweet.css",
            "_static/sphinx-timeline-tweet.js",
        ]
        script = soup(app, "index").select_one("script[src*=sphinx-timeline-tweet]")
        assert script.has_attr("defer")
    html = (app.outdir / "index.html").read_text("utf8")
    assert "platform.twitter.com" not in html, "X's script is added by ours, when allowed"
    assert "twitter-tweet" not in html
    assert not [src for src in assets(app, "plain") if "tweet" in src]


def test_our_script_loads_x_with_do_not_track() -> None:
    script = PACKAGE / "tweet" / "static" / "sphinx-timeline-tweet.js"
    source = script.read_text("utf8")
    assert '"https://platform.twitter.com/widgets.js"' in source
    assert 'meta.name = "twitter:dnt"' in source
    assert "dnt: true" in source
    assert "twitter-tweet" not in source.split("*/", 1)[1]


def test_bad_embed_mode(build: Build) -> None:
    conf = 'extensions = ["sphinx_timeline"]\nshow_warning_types = True\n\n'
    conf += 'timeline_tweet_embed = "iframe"\ntimeline_tweet_cache = 3\n'
    app = build({"conf.py": conf, "index.md": FULL})
    assert warnings_of(app) == [
        "<src>/conf.py:4: WARNING: timeline_tweet_embed must be one of 'click', 'static', "
        "'widget', not 'iframe'; using the default 'click'. Fix the value in conf.py. "
        "[timeline.config]",
        "<src>/conf.py:5: WARNING: timeline_tweet_cache must be a folder, as a str or a "
        "pathlib.Path, not 3; using the "
        "default '_tweets'. Fix the value in conf.py. [timeline.config]",
    ]
    assert card(app)["data-stl-embed"] == "click"


TEXT_PAGE = f"""\
Page
====

.. tweet:: https://x.com/someone/status/{POST_ID}
   :author: Some One
   :date: 2021-07-17

   The words of the post.

.. tweet:: 20
"""


@pytest.mark.parametrize(
    "buildername", ["latex", "text", "man", "texinfo", "epub", "gettext", "singlehtml", "xml"]
)
def test_other_builders_without_warnings(build: Build, buildername: str) -> None:
    app = build(
        {"index.rst": TEXT_PAGE}, buildername, project="P", version="1", copyright="2026, A"
    )
    assert warnings_of(app) == []


def test_text_is_a_quotation(build: Build) -> None:
    app = build({"index.rst": TEXT_PAGE}, "text")
    text = (app.outdir / "index.txt").read_text("utf8")
    assert text == (
        "Page\n****\n\n"
        "   The words of the post.\n\n"
        f"   -- Some One (@someone), July 17, 2021,\n   {PERMALINK}\n\n"
        f"   -- https://x.com/i/web/status/20\n"
    )


def test_latex_man_texinfo_quote_the_post(build: Build) -> None:
    latex = build({"index.rst": TEXT_PAGE}, "latex")
    tex = next(latex.outdir.glob("*.tex")).read_text("utf8")
    assert "\\begin{quote}\n\n\\sphinxAtStartPar\nThe words of the post.\n" in tex
    assert (
        "\\begin{flushright}\n---Some One (@someone), July 17, 2021, "
        f"\\sphinxurl{{{PERMALINK}}}\n\\end{{flushright}}"
    ) in tex
    man = build({"index.rst": TEXT_PAGE}, "man")
    page = next(man.outdir.glob("*.1")).read_text("utf8")
    assert "The words of the post." in page
    # docutils 0.22 breaks URLs with \: and \%; older versions write them plainly
    attribution = re.sub(r"\\[:%]", "", page).split("Some One (@someone), July 17, 2021, ")[1]
    assert PERMALINK in attribution.split("\n", 1)[0]
    texinfo = build({"index.rst": TEXT_PAGE}, "texinfo")
    texi = next(texinfo.outdir.glob("*.texi")).read_text("utf8")
    assert "@quotation\n\nThe words of the post." in texi
    assert f"@center --- Some One (@@someone), July 17, 2021, @indicateurl{{{PERMALINK}}}" in texi


def test_text_is_translatable_names_dates_links_are_not(build: Build) -> None:
    app = build({"index.rst": TEXT_PAGE}, "gettext")
    pot = (app.outdir / "index.pot").read_text("utf8")
    assert 'msgid "The words of the post."' in pot
    assert "July" not in pot
    assert "x.com" not in pot


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """Any attempt to open a socket fails and is recorded."""
    attempts: list[tuple] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network access during a build")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


@pytest.mark.parametrize("mode", ["click", "static", "widget"])
def test_builds_never_touch_the_network(
    build: Build, tmp_path: Path, no_network: list[tuple], mode: str
) -> None:
    with pytest.raises(OSError, match="network access"):
        socket.create_connection(("127.0.0.1", 9))  # the guard works
    no_network.clear()
    cache_file(tmp_path / "src", **CACHED)
    files = {
        "index.md": FULL + f"\n:::{{tweet}} {POST_ID}\n:::\n\n:::{{tweet}} 20\n:::\n",
        "other.rst": ":orphan:\n\n" + TEXT_PAGE.replace("Page\n====", "Other\n====="),
        "plain.md": "---\norphan: true\n---\n# Plain\n",
    }
    app = build(files, timeline_tweet_embed=mode)
    assert warnings_of(app) == []
    assert len(soup(app, "index").select("figure.stl-tweet")) == 3
    assert no_network == []


def test_fetching_the_cache_rebuilds_the_page(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text('extensions = ["sphinx_timeline"]\n', "utf8")
    (srcdir / "index.md").write_text(f"# Page\n\n:::{{tweet}} {POST_ID}\n:::\n", "utf8")
    (srcdir / "text.md").write_text(f"# Text\n\n:::{{tweet}} {POST_ID}\nOwn.\n:::\n", "utf8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert "View this post on X" in soup(app, "index").get_text()
    cache = (srcdir / "_tweets" / f"{POST_ID}.json").resolve()
    assert {Path(p).resolve() for p in app.env.dependencies["index"]} == {cache}
    assert "text" not in app.env.dependencies, "a post with text and no cache needs no file"
    cache_file(srcdir, **CACHED)
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert "Cached words" in soup(app, "index").get_text()


def test_incremental_build_after_editing_the_cache(tmp_path: Path) -> None:
    srcdir = copy_root("tweet", tmp_path)
    sphinx_build(srcdir, tmp_path / "incremental")
    cache = srcdir / "_tweets" / "1545097349364981760.json"
    cache.write_text(cache.read_text("utf8").replace("Words from", "New words from"), "utf8")
    output = sphinx_build(srcdir, tmp_path / "incremental")
    # the page with that post, and the page whose post 20 has neither text nor cache
    # file (read at every build, until the cache is filled); not the plain page
    output = strip_colours(output)
    assert "0 added, 2 changed, 0 removed" in output
    assert re.findall(r"reading sources\.\.\. \[ *\d+%\] (\S+)", output) == ["index", "posts"]
    sphinx_build(srcdir, tmp_path / "clean", "-E")
    assert_same_output(tmp_path / "incremental", tmp_path / "clean")
    assert b"New words from the cache." in pages(tmp_path / "clean")["index.html"]


def test_card_words_are_translated(build: Build) -> None:
    app = build({"index.md": f"# Page\n\n:::{{tweet}} {POST_ID}\n:::\n"}, language="de")
    figure = card(app)
    assert figure.select_one("a.stl-tweet-permalink").get_text() == "Diesen Beitrag auf X ansehen"
    assert figure.select_one("button").get_text() == "Von X laden"
    assert figure["data-stl-unreachable"] == (
        "X war nicht erreichbar; der Beitrag wird so gezeigt, wie er gespeichert ist."
    )
