"""One line in conf.py is enough for MyST pages; a project's own MyST choices are kept."""

from __future__ import annotations

from collections.abc import Callable

from sphinx.testing.util import SphinxTestApp

from helpers import soup, warnings_of

Build = Callable[..., SphinxTestApp]

PAGE = """\
---
title: Front matter
date: 2024-05-01
---
# A note

A [small]{.small} span.

::::{timeline}
:::{timeline-entry} 2024
Entry.
:::
::::
"""


def test_one_line_of_conf_is_enough(build: Build) -> None:
    app = build({"conf.py": 'extensions = ["sphinx_timeline"]\n', "index.md": PAGE})
    assert warnings_of(app) == []
    assert app.config.myst_enable_extensions == ["attrs_inline", "colon_fence"]
    page = soup(app, "index")
    assert page.select_one("span.small").get_text() == "small"
    assert page.select_one("ol.stl-timeline time")["datetime"] == "2024"
    assert app.env.metadata["index"]["date"] == "2024-05-01"
    assert {"myst_parser", "sphinx_design"} <= set(app.extensions)


def test_a_projects_own_choice_is_kept_and_a_page_that_needs_more_is_told(build: Build) -> None:
    conf = (
        'extensions = ["sphinx_timeline"]\nshow_warning_types = True\n'
        'myst_enable_extensions = ["deflist"]\n'
    )
    code = "# Code\n\n````markdown\n:::{note}\n:::\n[a]{.b}\n````\n"
    files = {"conf.py": conf, "index.md": PAGE, "code.md": code, "plain.md": "# Plain\n"}
    files["other.rst"] = "Other\n=====\n\n.. code-block:: markdown\n\n   :::{note}\n"
    app = build(files)
    assert app.config.myst_enable_extensions == ["deflist"]
    assert [w for w in warnings_of(app) if "timeline.myst" in w] == [
        "<src>/index.md:7: WARNING: a '[text]{.class}' span needs MyST's 'attrs_inline' "
        "extension, which this project's myst_enable_extensions leaves out; add "
        "'attrs_inline' to it in conf.py [timeline.myst]",
        "<src>/index.md:9: WARNING: a ':::{directive}' fence needs MyST's 'colon_fence' "
        "extension, which this project's myst_enable_extensions leaves out; add "
        "'colon_fence' to it in conf.py [timeline.myst]",
    ]


def test_listing_myst_parser_too_is_harmless(build: Build) -> None:
    conf = 'extensions = ["myst_parser", "sphinx_design", "sphinx_timeline"]\n'
    app = build({"conf.py": conf, "index.md": PAGE})
    assert warnings_of(app) == []
    assert soup(app, "index").select_one("ol.stl-timeline")


def test_extension_metadata(build: Build) -> None:
    app = build({"index.md": "# Page\n"})
    extension = app.extensions["sphinx_timeline"]
    assert extension.parallel_read_safe is True
    assert extension.parallel_write_safe is True
    import sphinx_timeline

    assert extension.version == sphinx_timeline.__version__


def test_a_fence_never_closed_gives_one_warning_and_keeps_the_rest(build: Build) -> None:
    page = (
        "# Page\n\n::::{timeline}\n\n:::{timeline-entry} 2019\nBody.\n:::\n\n"
        "## Next heading\n\nText after.\n\n```markdown\n:::{note}\nan example, never closed\n```\n"
    )
    app = build({"index.md": page})
    assert warnings_of(app) == [
        "<src>/index.md:3: WARNING: the '::::{timeline}' fence is never closed, so the "
        "directive holds everything after it; close it with a line of 4 colons ('::::') "
        "[timeline.myst]"
    ]
    text = soup(app, "index").select_one("div.body").get_text()
    assert "Next heading" in text
    assert "Text after." in text


def test_a_fence_closed_by_a_longer_one_is_named(build: Build) -> None:
    page = (
        "# Page\n\n::::{timeline}\n\n:::{timeline-entry} 2019\nFirst.\n\n"
        ":::{timeline-entry} 2020\nSecond.\n:::\n::::\n\nAfter.\n"
    )
    app = build({"index.md": page})
    assert [w for w in warnings_of(app) if "timeline.myst" in w] == [
        "<src>/index.md:3: WARNING: the '::::{timeline}' fence is never closed, so the "
        "directive holds everything after it; the ':::{timeline-entry}' of line 5 is closed "
        "by the longer '::::' meant for this one: close it with ':::' first [timeline.myst]"
    ]
