"""Every mistake in a ``tweet`` gives one located warning, no card and nothing injected."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from sphinx.testing.util import SphinxTestApp

from helpers import soup, warnings_of

Build = Callable[..., SphinxTestApp]

POST_ID = "1416186020509360129"
GOOD = f":::{{tweet}} {POST_ID}\n:author: Still here\nThe good post.\n:::\n"
HELP = "give the post's numeric id or its URL, such as https://x.com/user/status/123"
CACHE_FIX = "fix it, or delete it and run 'sphinx-timeline tweets fetch'"


def page(directive: str) -> str:
    return f"# Page\n\n{directive}\n{GOOD}"


NO_CARD = {
    "no argument": (
        ":::{tweet}\nWords.\n:::\n",
        "index.md:3: WARNING: tweet has no post; give its id or URL as the argument, for "
        "example ':::{tweet} https://x.com/user/status/123' [timeline.tweet]",
    ),
    "not numeric": (
        ":::{tweet} 12ab\n:::\n",
        f"index.md:3: WARNING: tweet '12ab' is not a post's id or URL; {HELP} [timeline.tweet]",
    ),
    "two words": (
        ":::{tweet} 12 34\n:::\n",
        f"index.md:3: WARNING: tweet '12 34' is not a post's id or URL; {HELP} [timeline.tweet]",
    ),
    "id too long": (
        f":::{{tweet}} {'9' * 21}\n:::\n",
        f"index.md:3: WARNING: tweet '{'9' * 21}' is too long for a post id; {HELP} "
        "[timeline.tweet]",
    ),
    "other host": (
        ":::{tweet} https://evil.example/someone/status/1\n:::\n",
        "index.md:3: WARNING: tweet 'https://evil.example/someone/status/1' is not on "
        f"twitter.com or x.com; {HELP} [timeline.tweet]",
    ),
    "javascript URL": (
        ":::{tweet} javascript:alert(1)//x.com/a/status/1\n:::\n",
        "index.md:3: WARNING: tweet 'javascript:alert(1)//x.com/a/status/1' is not a post's "
        f"id or URL; {HELP} [timeline.tweet]",
    ),
    "profile URL": (
        ":::{tweet} https://x.com/someone\n:::\n",
        f"index.md:3: WARNING: tweet 'https://x.com/someone' is not the URL of a post; {HELP} "
        "[timeline.tweet]",
    ),
    "bad date": (
        ":::{tweet} 20\n:date: 17.07.2021\n:::\n",
        "index.md:4: WARNING: tweet :date: '17.07.2021' is not a date; write it as YYYY, "
        "YYYY-MM or YYYY-MM-DD, for example 2019-04 [timeline.date]",
    ),
    "impossible date": (
        ":::{tweet} 20\n:date: 2021-02-30\n:::\n",
        "index.md:4: WARNING: tweet :date: '2021-02-30' is not a real date (day is out of "
        "range for month); write it as YYYY, YYYY-MM or YYYY-MM-DD, for example 2019-04 "
        "[timeline.date]",
    ),
}


@pytest.mark.parametrize("mistake", NO_CARD)
def test_each_mistake_gives_one_warning_and_no_card(build: Build, mistake: str) -> None:
    directive, warning = NO_CARD[mistake]
    app = build({"index.md": page(directive)})
    assert warnings_of(app) == [f"<src>/{warning}"]
    cards = soup(app, "index").select("div.body figure.stl-tweet")
    assert len(cards) == 1, "no card for the mistake, the good one still there"
    assert cards[0].select_one(".stl-tweet-author").get_text() == "Still here"
    html = (app.outdir / "index.html").read_text("utf8")
    assert "javascript:" not in html
    assert "evil.example" not in html


CACHES = {
    "invalid JSON": (
        '{"id": "20",',
        "is not valid JSON (Expecting property name enclosed in double quotes at line 1)",
    ),
    "not an object": ('["20"]', "must hold a JSON object"),
    "unknown field": (
        {"id": "20", "html": "<script>x</script>"},
        "has unknown field(s) html; the fields are id, text, author, handle, date, lang, url",
    ),
    "not text": ({"id": "20", "text": ["a"]}, ": text must be text"),
    "other post": ({"id": "21"}, "is not for post 20 (its id is '21')"),
    "bad handle": (
        {"id": "20", "handle": "a b"},
        ": 'a b' is not a handle; write it as on X, such as @someone",
    ),
    "bad date": (
        {"id": "20", "date": "yesterday"},
        ": 'yesterday' is not a date; write it as YYYY, YYYY-MM or YYYY-MM-DD, for example 2019-04",
    ),
    "bad lang": (
        {"id": "20", "lang": "en_GB!"},
        ": 'en_GB!' is not a language tag; use one such as en or pt-BR",
    ),
    "javascript url": (
        {"id": "20", "url": "javascript:alert(1)"},
        ": 'javascript:alert(1)' is not a post's id or URL; " + HELP,
    ),
    "url of another post": (
        {"id": "20", "url": "https://x.com/a/status/21"},
        ": url 'https://x.com/a/status/21' is the URL of another post",
    ),
}


@pytest.mark.parametrize("mistake", CACHES)
def test_malformed_cache_file(build: Build, mistake: str) -> None:
    content, message = CACHES[mistake]
    text = content if isinstance(content, str) else json.dumps(content)
    app = build({"index.md": page(":::{tweet} 20\n:::\n"), "_tweets/20.json": text})
    path = "<src>/_tweets/20.json"
    joiner = "" if message.startswith(":") else " "
    assert warnings_of(app) == [
        f"<src>/index.md:3: WARNING: tweet 20: cache file {path}{joiner}{message}; "
        f"{CACHE_FIX} [timeline.tweet]"
    ]
    assert len(soup(app, "index").select("div.body figure.stl-tweet")) == 1
    assert "<script>x" not in (app.outdir / "index.html").read_text("utf8")


OPTION_MISTAKES = {
    "unknown option": (
        ":::{tweet} 20\n:autor: Typo\n:::\n",
        "index.md:4: WARNING: unknown option :autor: in tweet; did you mean :author:? "
        "The known options are :user:, "
        ":author:, :date:, :lang:, :align:, :theme:, :class:, :name: [timeline.option]",
    ),
    "bad align": (
        ":::{tweet} 20\n:align: centre\n:::\n",
        "index.md:4: WARNING: tweet :align: 'centre' is not allowed; did you mean 'center'? "
        "Otherwise use one of left, center, right [timeline.option]",
    ),
    "bad theme": (
        ":::{tweet} 20\n:theme: blue\n:::\n",
        "index.md:4: WARNING: tweet :theme: 'blue' is not allowed; use one of auto, light, "
        "dark [timeline.option]",
    ),
    "bad user": (
        ":::{tweet} 20\n:user: <b>me</b>\n:::\n",
        "index.md:4: WARNING: tweet :user: '<b>me</b>' is not a handle; write it as on X, "
        "such as @someone [timeline.option]",
    ),
    "bad lang": (
        ':::{tweet} 20\n:lang: en" onload="x\n:::\n',
        "index.md:4: WARNING: tweet :lang: 'en\" onload=\"x' is not a language tag; use one "
        "such as en or pt-BR [timeline.option]",
    ),
}


@pytest.mark.parametrize("mistake", OPTION_MISTAKES)
def test_option_mistakes_keep_the_card(build: Build, mistake: str) -> None:
    directive, warning = OPTION_MISTAKES[mistake]
    app = build({"index.md": page(directive)})
    assert warnings_of(app) == [f"<src>/{warning}"]
    cards = soup(app, "index").select("div.body figure.stl-tweet")
    assert len(cards) == 2
    assert cards[0]["class"] == ["stl-tweet", "stl-tweet-align-center", "stl-tweet-theme-auto"]
    assert not cards[0].has_attr("data-stl-lang")
    assert not cards[0].select(".stl-tweet-handle, b, [onload]")


RST_PAGE = """\
Page
====

.. tweet::

.. tweet:: https://x.com.evil.org/a/status/1

.. tweet:: 20
   :date: 2021-13

.. tweet:: 20
   :colour: blue
"""


def test_rst_mistakes(build: Build) -> None:
    app = build({"index.rst": RST_PAGE})
    assert warnings_of(app) == [
        "<src>/index.rst:4: WARNING: tweet has no post; give its id or URL as the argument, "
        "for example '.. tweet:: https://x.com/user/status/123' [timeline.tweet]",
        "<src>/index.rst:6: WARNING: tweet 'https://x.com.evil.org/a/status/1' is not on "
        f"twitter.com or x.com; {HELP} [timeline.tweet]",
        "<src>/index.rst:9: WARNING: tweet :date: '2021-13' is not a real date (month must be "
        "in 1..12); write it as YYYY, YYYY-MM or YYYY-MM-DD, for example 2019-04 "
        "[timeline.date]",
        "<src>/index.rst:12: WARNING: unknown option :colour: in tweet; the known options are "
        ":user:, :author:, :date:, :lang:, :align:, :theme:, :class:, :name: [timeline.option]",
    ]
    assert len(soup(app, "index").select("div.body figure.stl-tweet")) == 1


def test_every_text_is_escaped(build: Build) -> None:
    directive = (
        ':::{tweet} 20\n:author: <img src=x onerror=alert(1)> "&"\n:class: a"b\n'
        "Body: 1 < 2 & <script>alert(2)</script>\n:::\n"
    )
    app = build({"index.md": page(directive)})
    html = (app.outdir / "index.html").read_text("utf8")
    assert "<img src=x" not in html
    assert "<script>alert(2)" not in html
    figure = soup(app, "index").select_one("figure.stl-tweet")
    assert figure.select_one(".stl-tweet-author").get_text() == '<img src=x onerror=alert(1)> "&"'
    assert figure["class"][1] == "a-b"


def test_tweet_warnings_are_suppressible(build: Build) -> None:
    app = build({"index.md": page(NO_CARD["not numeric"][0])}, suppress_warnings=["timeline.tweet"])
    assert warnings_of(app) == []
