"""The fence-aware scanner of MyST and reStructuredText sources, and front-matter lines."""

from __future__ import annotations

from sphinx_timeline.core.source import (
    front_matter_lines,
    markdown_directives,
    rst_directives,
    rst_docinfo,
)
from sphinx_timeline.tweet.sources import textless_tweets


def test_textless_tweets_in_both_syntaxes() -> None:
    markdown = [
        "```{tweet} 1",
        "```",
        "~~~python",
        ":::{tweet} 2",
        ":::",
        "~~~",
        "::::{tab-set}",
        ":::{tweet} 3",
        "---",
        "user: someone",
        "---",
        ":::",
        "::::",
    ]
    found = textless_tweets(markdown_directives(markdown))
    assert [(b.line, b.argument, b.options.get("user")) for b in found] == [
        (1, "1", None),
        (8, "3", "someone"),
    ]
    rst = [".. tweet:: 4", "   :user: @a", "", ".. tweet:: 5", "", "   Text.", ".. tweet:: 6"]
    found = textless_tweets(rst_directives(rst))
    assert [(b.line, b.argument, b.options.get("user")) for b in found] == [
        (1, "4", "@a"),
        (7, "6", None),
    ]


def test_colon_fences_nest_as_myst_nests_them() -> None:
    lines = [
        "::::{timeline}",  # 1: closed by nothing
        ":::{timeline-entry} 2019",  # 2: closed by line 7, the longer fence
        "First.",
        ":::{timeline-entry} 2020",  # 4: closed by line 6
        "```python",
        ":::",  # inside a code block: closes nothing
        "```",
        ":::",
        "::::",
        "After.",
    ]
    found = [
        (b.name, b.argument, b.line, b.closed, b.closed_by) for b in markdown_directives(lines)
    ]
    assert found == [
        ("timeline", "", 1, False, ""),
        ("timeline-entry", "2019", 2, True, "::::"),
        ("timeline-entry", "2020", 4, True, ":::"),
    ]


def test_options_and_body_of_a_directive() -> None:
    lines = [":::{tweet} 1", "---", "user: 'someone'", "---", ":lang: en", "", "Words.", ":::"]
    (block,) = markdown_directives(lines)
    assert block.options == {"user": "someone", "lang": "en"}
    assert block.body == ["", "Words."]


def test_front_matter_lines_in_myst_and_rst() -> None:
    myst = ["---", "title: A note", "lightgallery: false", "tags:", "  - a", "---", "x: 1"]
    assert front_matter_lines(myst) == {"title": 2, "lightgallery": 3, "tags": 4}
    rst = [".. a comment", ":date: 2024-01-02", ":tags: a,", "   b", "", "Title", "=====", ":x: y"]
    assert front_matter_lines(rst) == {"date": 2, "tags": 3}
    assert rst_docinfo(rst)[0] == {"date": "2024-01-02", "tags": "a, b"}
    assert rst_docinfo(["Title", "=====", "", ":date: 2024"]) == ({}, {}), "not docinfo"
