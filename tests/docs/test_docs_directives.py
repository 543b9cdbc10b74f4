"""The directives of the docs (``sphinx_timeline._docs``): examples shown with their
sources in tabs, the command-line reference generated from the parser, and the table
of warnings."""

from __future__ import annotations

import argparse
import ast
import re
from collections.abc import Callable

import myst_parser
import pytest
from sphinx.testing.util import SphinxTestApp

from helpers import soup, warnings_of
from sphinx_timeline.cli import build_parser
from sphinx_timeline.core.warnings_ import TimelineWarning

BuildFn = Callable[..., SphinxTestApp]

CONF = """\
extensions = ["sphinx_timeline", "sphinx_timeline._docs"]
show_warning_types = True
exclude_patterns = ["_build", "snippets"]
"""
MYST_PARSER_VERSION = tuple(int(part) for part in myst_parser.__version__.split(".")[:2])

SNIPPET_MYST = """\
(demo-target)=
The *result* of the demo, see {ref}`the target <demo-target>`.
"""
SNIPPET_RST = """\
.. _demo-target:

The *result* of the demo, see :ref:`the target <demo-target>`.
"""
SNIPPETS = {"snippets/myst/demo.md": SNIPPET_MYST, "snippets/rst/demo.rst": SNIPPET_RST}
PLAIN = {
    "snippets/myst/plain.md": "A *plain* result.\n",
    "snippets/rst/plain.rst": "A *plain* result.\n",
}
EXAMPLE_PAGES = {
    "index.md": "# Demo\n\n```{timeline-example} demo\n```\n",
    "index.rst": "Demo\n====\n\n.. timeline-example:: demo\n",
}
BOILERPLATE = """\
---
orphan: true
---
# Demo

```{include} snippets/myst/plain.md
```

::::{tab-set}
:sync-group: syntax

:::{tab-item} MyST
:sync: myst

```{literalinclude} snippets/myst/plain.md
:language: markdown
```
:::

:::{tab-item} reStructuredText
:sync: rst

```{literalinclude} snippets/rst/plain.rst
:language: rst
```
:::
::::
"""


def body_html(app: SphinxTestApp, page: str) -> str:
    """The page's body, with sphinx-design's numbered tab ids made neutral."""
    html = soup(app, page).select_one("div.body").decode_contents()
    return re.sub(r"sd-tab-(item|set)-\d+", r"sd-tab-\1-N", html)


@pytest.mark.parametrize("page", EXAMPLE_PAGES)
def test_example_shows_result_then_both_sources(build: BuildFn, page: str) -> None:
    app = build({"conf.py": CONF, **SNIPPETS, page: EXAMPLE_PAGES[page]})
    # MyST-Parser before 5 registers no label of a MyST file included in an rST page
    labels_kept = page.endswith(".md") or MYST_PARSER_VERSION >= (5,)
    assert warnings_of(app) == (
        []
        if labels_kept
        else ["<src>/snippets/myst/demo.md:2: WARNING: undefined label: 'demo-target' [ref.ref]"]
    )
    body = soup(app, "index").select_one("div.body")
    result = body.select_one("p#demo-target")
    assert result.get_text(" ", strip=True).startswith("The result of the demo")
    if labels_kept:
        assert result.select_one('a[href="#demo-target"]') is not None  # its ref resolved
    tab_set = body.select_one("div.sd-tab-set")
    assert result.find_next("div", class_="sd-tab-set") is tab_set  # the result comes first
    labels = tab_set.select("label.sd-tab-label")
    assert [label.get_text(strip=True) for label in labels] == ["MyST", "reStructuredText"]
    assert [label["data-sync-group"] for label in labels] == ["syntax", "syntax"]
    assert [label["data-sync-id"] for label in labels] == ["myst", "rst"]
    sources = tab_set.select("div.sd-tab-content")
    assert sources[0].select_one("div.highlight-markdown pre").get_text() == SNIPPET_MYST
    assert sources[1].select_one("div.highlight-rst pre").get_text() == SNIPPET_RST


def test_example_renders_what_the_boilerplate_did(build: BuildFn) -> None:
    index = "# Demo\n\n```{timeline-example} plain\n```\n"
    app = build({"conf.py": CONF, **PLAIN, "index.md": index, "written.md": BOILERPLATE})
    assert warnings_of(app) == []
    generated, written = body_html(app, "index"), body_html(app, "written")
    assert "sd-tab-set" in written
    assert generated == written


def test_example_notes_its_snippets_as_dependencies(build: BuildFn) -> None:
    page = EXAMPLE_PAGES["index.md"]
    app = build({"conf.py": CONF, "snippets/myst/demo.md": SNIPPET_MYST, "index.md": page})
    dependencies = {(app.srcdir / path).resolve() for path in app.env.dependencies["index"]}
    snippets = app.srcdir / "snippets"
    assert {snippets / "myst/demo.md", snippets / "rst/demo.rst"} <= dependencies


@pytest.mark.parametrize(
    ("files", "missing"),
    [
        ({}, "snippets/myst/nope.md or snippets/rst/nope.rst"),
        ({"snippets/myst/nope.md": SNIPPET_MYST}, "snippets/rst/nope.rst"),
    ],
)
def test_missing_snippet_is_one_located_warning(
    build: BuildFn, files: dict[str, str], missing: str
) -> None:
    page = "# Demo\n\nText.\n\n```{timeline-example} nope\n```\n"
    app = build({"conf.py": CONF, **files, "index.md": page})
    assert warnings_of(app) == [
        f"<src>/index.md:5: WARNING: example 'nope' has no snippet {missing}"
    ]
    assert soup(app, "index").select("div.sd-tab-set") == []


def progs(parser: argparse.ArgumentParser) -> list[str]:
    """Every command and subcommand of ``parser``, depth first."""
    found = [parser.prog]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                found += progs(child)
    return found


def test_cli_reference_lists_every_argument_of_tweets_fetch(build: BuildFn) -> None:
    page = "# CLI\n\n```{timeline-cli-reference}\n```\n"
    app = build({"conf.py": CONF, "index.md": page})
    assert warnings_of(app) == []
    body = soup(app, "index").select_one("div.body")
    assert [section["id"] for section in body.select("section section")] == [
        prog.replace(" ", "-") for prog in progs(build_parser())
    ]
    assert "sphinx-timeline tweets fetch" in progs(build_parser())
    fetch = subparser(subparser(build_parser(), "tweets"), "fetch")
    section = body.select_one("section#sphinx-timeline-tweets-fetch")
    assert section.select_one("h2 code").get_text(" ", strip=True) == fetch.prog
    usage = section.select_one("div.highlight-text")
    assert usage.get_text().split() == fetch.format_usage().removeprefix("usage: ").split()
    assert usage.find_next_sibling("p").get_text() == fetch.description  # "--refresh" kept
    terms = {dt.get_text(" ", strip=True): dt.find_next_sibling("dd") for dt in section("dt")}
    listed = [action for action in fetch._actions if not isinstance(action, argparse._HelpAction)]
    for action in listed:
        value = [] if action.nargs == 0 else [action.metavar]
        term = ", ".join(" ".join([option, *value]) for option in action.option_strings)
        term = term or action.metavar
        assert term in terms
        assert terms[term].find("p").get_text() == action.help
    assert len(terms) == len(listed)  # and nothing else: no -h
    tweets = body.select_one("section#sphinx-timeline-tweets")
    assert tweets.select_one("dt a")["href"] == "#sphinx-timeline-tweets-fetch"


def demo_parser() -> argparse.ArgumentParser:
    """A parser two levels deep, with an alias, defaults and choices."""
    parser = argparse.ArgumentParser(prog="demo", description="A demo.")
    commands = parser.add_subparsers(metavar="COMMAND")
    convert = commands.add_parser("convert", aliases=["cv"], help="convert a site")
    kinds = convert.add_subparsers(metavar="KIND")
    hugo = kinds.add_parser("hugo", help="a Hugo site")
    hugo.add_argument("--depth", type=int, default=3, help="how deep to look")
    hugo.add_argument(
        "--format", choices=["md", "rst"], default="md", help="syntax (default: %(default)s)"
    )
    hugo.add_argument("source", help="the site")
    commands.add_parser("new", help="start a note")
    return parser


def test_cli_reference_walks_any_parser_depth_first(build: BuildFn) -> None:
    page = f"# CLI\n\n```{{timeline-cli-reference}} {__name__}:demo_parser\n```\n"
    other = "---\norphan: true\n---\n# Other\n\nSee {ref}`demo-convert-hugo`.\n"
    app = build({"conf.py": CONF, "index.md": page, "other.md": other})
    assert warnings_of(app) == []
    body = soup(app, "index").select_one("div.body")
    assert [section["id"] for section in body.select("section section")] == [
        "demo",
        "demo-convert",
        "demo-convert-hugo",
        "demo-new",
    ]
    assert [dt.get_text() for dt in body.select("section#demo dt")] == ["convert", "new"]
    hugo = body.select_one("section#demo-convert-hugo")
    terms = [dt.get_text() for dt in hugo("dt")]
    assert terms == ["source", "--depth DEPTH", "--format {md,rst}"]  # positionals first
    definitions = [dd.get_text(" ", strip=True) for dd in hugo("dd")]
    assert definitions == ["the site", "how deep to look Default: 3", "syntax (default: md)"]
    link = soup(app, "other").select_one("div.body p a")
    assert link["href"] == "index.html#demo-convert-hugo"
    assert link.get_text() == "demo convert hugo"


def test_cli_reference_without_a_parser_is_one_located_warning(build: BuildFn) -> None:
    page = f"# CLI\n\n```{{timeline-cli-reference}} {__name__}:nothing\n```\n"
    app = build({"conf.py": CONF, "index.md": page})
    assert warnings_of(app) == [
        f"<src>/index.md:3: WARNING: cannot build the parser {__name__}:nothing: "
        f"module '{__name__}' has no attribute 'nothing'"
    ]


@pytest.mark.parametrize(
    ("buildername", "suffix"), [("text", "txt"), ("man", "1"), ("latex", "tex")]
)
def test_docs_directives_in_other_builders(build: BuildFn, buildername: str, suffix: str) -> None:
    page = EXAMPLE_PAGES["index.md"] + "\n```{timeline-cli-reference}\n```\n"
    app = build({"conf.py": CONF, **SNIPPETS, "index.md": page}, buildername)
    assert warnings_of(app) == []
    (output,) = app.outdir.glob(f"*.{suffix}")
    text = output.read_text("utf8")
    assert "result" in text
    for hyphen in ("\\sphinxhyphen{}", "\\PYGZhy{}", "\\-"):  # LaTeX's and man's
        text = text.replace(hyphen, "-")
    assert "sphinx-timeline tweets fetch [-h]" in text


def subparser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    """The parser of subcommand ``name`` of ``parser``."""
    (action,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    found: argparse.ArgumentParser = action.choices[name]
    return found


def test_warnings_table_says_what_each_warning_means_and_how_to_silence_it(
    build: BuildFn,
) -> None:
    page = "# Warnings\n\n```{timeline-warnings-table}\n```\n\n:::{tweet} not-a-post\n:::\n"
    app = build({"conf.py": CONF, "index.md": page})
    assert warnings_of(app)[0].endswith("[timeline.tweet]")  # one to silence, below
    app.cleanup()  # its registrations, before the next build
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.select("td")]
        for row in soup(app, "index").select("table tbody tr")
    ]
    assert [row[0] for row in rows] == [f"timeline.{member.value}" for member in TimelineWarning]
    for name, meaning, silence in rows:
        assert len(meaning.split()) >= 8, name  # the member's docstring, a whole sentence
        setting, _, value = silence.partition(" = ")
        assert (setting, ast.literal_eval(value)) == ("suppress_warnings", [name])
    tweet_line = next(silence for name, _, silence in rows if name == "timeline.tweet")
    app = build({"conf.py": CONF + tweet_line + "\n", "index.md": page})
    assert warnings_of(app) == []
