"""The awkward cases of ``convert hugo``, one small page each: what each becomes in MyST,
what is listed for the writer, and a build of all of them without a warning."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from helpers import soup, warnings_of
from sphinx_timeline.cli import build_parser

PAGES = {
    "inline.md": """\
---
title: Inline
date: 2024-01-02
---

Before {{< tweet 1416186020509360129 >}} after the post.

A line with <!--more--> in the middle.

A note <excerpt>that summarises</excerpt> in a sentence, and <small>small print</small>.

% of readers never scroll.

(not-a-target)=

`:smile:` stays in code, :smile: does not, and ~~struck~~ text stays.

Escaped in prose {{</* figure src="x.png" */>}} and in code `{{</* figure */>}}`.

A stray {{< /details >}} closing tag, and a {{< fa-icon "star" >}} inline one.
""",
    "headings.md": """\
---
title: Headings
date: 2024-01-03
---

Intro.

Big title
=========

### Skipped a level {#custom-id}

##### Deeper

Small title
-----------

Link to [the custom heading](#custom-id) and to [another page](other.md#a-heading).
""",
    "other.md": """\
---
title: Other
---

## A heading

Text of a page that is not a note.
""",
    "blocks.md": """\
---
title: Blocks
date: 2024-01-04
---

{{< admonition abstract >}}
An abstract without a title.
{{< /admonition >}}

{{< admonition type="danger" title="Careful" details="true" >}}
Collapsed.

## A heading inside
{{< /admonition >}}

{{< highlight klingon >}}
qapla'
{{< /highlight >}}

```go {linenos=true,hl_lines=[2,"3-4"]}
package main
func main() {
    println("hi")
}
```

{{< figure src="https://example.org/remote.png" class="right" caption="Far away" >}}

{{< image src="/img/missing.png" >}}

{{< timeline timelinedate="someday" >}}No date:: This entry has no usable date.{{< /timeline >}}

{{% timeline timelinedate="May 2015" %}}Written date:: A date in words.{{% /timeline %}}

{{< gist user 123 "file.py" >}}

{{< youtube "not an id" >}}

```text
{{< param "title" >}}
```

Term
: Definition.

- [ ] a task
- [x] done

> Quoted {{< link "../other/" "a link" >}} and {{< link href="https://x.org" >}}.
""",
    "lists.md": """\
---
title: Lists
date: 2024-01-05
---

1. First, with a note:
   {{< admonition note "Inside a list" >}}
   Indented like the item.
   {{< /admonition >}}
2. Second.
""",
    "nested.md": """\
---
title: Nested
date: 2024-01-06
---

See {{< ref "other.md" >}} and <a href="{{< relref "headings.md#custom-id" >}}">a heading</a>.

{{% timeline timelinedate="2020" %}}With a post:: Text.
{{< tweet 1545097349364981760 >}}
{{% /timeline %}}
""",
    "breaks.md": """\
---
title: Breaks
date: 2024-01-07
---

***

Text between the breaks.

---

Text with a footnote.[^1]

[^1]: The footnote's text.

```json
{{</* echarts */>}}
{"a": 1}
```

## Same id {#same}

## Same id again {#same}
___
""",
}
"""The pages, each written as a Hugo writer would."""

LEFT = [
    "blocks.md:16: code — Pygments knows no language 'klingon': the block is shown as "
    "plain text; name a language Pygments has (https://pygments.org/languages/)",
    "blocks.md:29: image — no file '/img/missing.png' beside the page, in static/ or in "
    "content/; put it there and run again",
    "blocks.md:31: timeline — the date 'someday' is not a date such as 2015-05-01; write it "
    "as YYYY, YYYY-MM or YYYY-MM-DD and run again",
    "blocks.md:37: youtube — 'not an id' is not a YouTube video id",
    "breaks.md:23: heading — the id {#same} is given to an earlier heading too; this one is "
    "not kept: give it an id of its own",
    "inline.md:20: fa-icon — no MyST equivalent: shown as written; replace it with MyST, or "
    "delete it",
    "inline.md:20: details — a closing shortcode that closes nothing, left as written; "
    "remove it or add its {{< details >}}",
]


def run(*args: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    parsed = build_parser().parse_args([str(arg) for arg in args])
    status = parsed.run(parsed, out, err)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The pages converted into a new project; the project and the error output."""
    folder = tmp_path_factory.mktemp("constructs")
    content = folder / "content"
    content.mkdir()
    for name, text in PAGES.items():
        (content / name).write_text(text, encoding="utf8")
    status, _, errors = run("convert", "hugo", content, "--out", folder / "out", "--strict")
    assert status == 1
    return folder / "out", errors.replace(f"{content}/", "")


@pytest.fixture(scope="module")
def built(project: tuple[Path, str]) -> SphinxTestApp:
    app = SphinxTestApp("html", srcdir=project[0], confoverrides={"show_warning_types": True})
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def body(project: tuple[Path, str], name: str) -> str:
    """The converted page, without its front matter."""
    return (project[0] / "notes" / name).read_text(encoding="utf8").split("---\n", 2)[2]


def test_all_of_them_build_without_warnings(built: SphinxTestApp) -> None:
    assert warnings_of(built) == []


def test_what_is_left_for_the_writer(project: tuple[Path, str]) -> None:
    assert project[1].splitlines() == LEFT


def test_the_myst_extensions_the_pages_need(project: tuple[Path, str]) -> None:
    conf = (project[0] / "conf.py").read_text(encoding="utf8")
    assert "myst_enable_extensions = ['attrs_inline', 'colon_fence', 'deflist', 'tasklist']" in (
        conf.splitlines()
    )
    assert "myst_heading_anchors = 6" in conf.splitlines()


def test_inline_constructs(project: tuple[Path, str]) -> None:
    assert (
        body(project, "inline.md")
        == """
Before

:::{tweet} 1416186020509360129
:::

after the post.

A line with

<!--more-->

in the middle.

A note [that summarises]{.excerpt} in a sentence, and [small print]{.small}.

\\% of readers never scroll.

\\(not-a-target)=

`:smile:` stays in code, 😄 does not, and <s>struck</s> text stays.

Escaped in prose {{\\< figure src="x.png" >}} and in code `{{< figure >}}`.

A stray `{{< /details >}}` closing tag, and a `{{< fa-icon "star" >}}` inline one.
"""
    )


def test_inline_constructs_built(built: SphinxTestApp) -> None:
    page = soup(built, "notes/inline")
    text = page.select_one("[role=main]").get_text(" ")
    assert "% of readers never scroll." in " ".join(text.split())
    assert "(not-a-target)=" in text
    assert page.select_one("s").get_text() == "struck"
    plain = " ".join(text.split()).replace("”", '"').replace("“", '"')  # Sphinx's smart quotes
    assert 'Escaped in prose {{< figure src="x.png" >}}' in plain
    assert built.env.get_domain("notes").notes["notes/inline"].summary == (  # type: ignore[attr-defined]
        "that summarises"
    )


def test_headings_follow_each_other(project: tuple[Path, str]) -> None:
    assert (
        body(project, "headings.md")
        == """
# Headings

Intro.

## Big title

(custom-id)=
### Skipped a level

#### Deeper

### Small title

Link to [the custom heading](#custom-id) and to [another page](other.md#a-heading).
"""
    )
    assert (
        body(project, "other.md")
        == "\n# Other\n\n## A heading\n\nText of a page that is not a note.\n"
    )


def test_blocks(project: tuple[Path, str]) -> None:
    assert (
        body(project, "blocks.md")
        == """
:::{admonition} Abstract
:class: note
An abstract without a title.
:::

::::{dropdown} Careful
:color: danger
Collapsed.

:::{rubric} A heading inside
:::
::::

```text
qapla'
```

```{code-block} go
:linenos:
:emphasize-lines: 2,3-4

package main
func main() {
    println("hi")
}
```

:::{figure} https://example.org/remote.png
:align: right
Far away
:::

% sphinx-timeline convert: the 'image' shortcode is left as written
```text
{{< image src="/img/missing.png" >}}
```

% sphinx-timeline convert: the 'timeline' shortcode is left as written
```text
{{< timeline timelinedate="someday" >}}No date:: This entry has no usable date.{{< /timeline >}}
```

::::{timeline}

:::{timeline-entry} 2015-05
:label: Written date
A date in words.
:::
::::

:::{card} Gist by user: file.py
<https://gist.github.com/user/123#file-file-py>
:::

% sphinx-timeline convert: the 'youtube' shortcode is left as written
```text
{{< youtube "not an id" >}}
```

```text
Blocks
```

Term
: Definition.

- [ ] a task
- [x] done

> Quoted [a link](other.md) and <https://x.org>.
"""
    )


def test_a_shortcode_in_a_list_item(project: tuple[Path, str], built: SphinxTestApp) -> None:
    assert (
        body(project, "lists.md")
        == """
1. First, with a note:

   :::{admonition} Inside a list
   :class: note
   Indented like the item.
   :::

2. Second.
"""
    )
    items = soup(built, "notes/lists").select("[role=main] ol > li")
    assert len(items) == 2
    assert items[0].select_one(".admonition-title").get_text() == "Inside a list"


def test_references_and_a_post_inside_a_timeline_entry(
    project: tuple[Path, str], built: SphinxTestApp
) -> None:
    assert (
        body(project, "nested.md")
        == """
See [](other.md) and <a href="headings.html#custom-id">a heading</a>.

:::::{timeline}

::::{timeline-entry} 2020
:label: With a post
Text.

:::{tweet} 1545097349364981760
:::
::::
:::::
"""
    )
    page = soup(built, "notes/nested")
    assert "Other" in [a.get_text() for a in page.select("a[href='other.html']")]
    entry = page.select_one("ol.stl-timeline > li")
    assert entry.select_one("figure.stl-tweet")["data-stl-tweet"] == "1545097349364981760"


def test_breaks_footnotes_code_that_does_not_lex_and_twice_the_same_id(
    project: tuple[Path, str], built: SphinxTestApp
) -> None:
    expected = """
# Breaks

<hr>

Text between the breaks.

---

Text with a footnote.[^1]

[^1]: The footnote's text.

```{code-block} json
:force:

{{< echarts >}}
{"a": 1}
```

(same)=
## Same id

## Same id again
<hr>
"""
    assert body(project, "breaks.md") == expected
    page = soup(built, "notes/breaks")
    assert len(page.select("[role=main] hr:not(.footnotes)")) == 3
    footnote = page.select_one("aside.footnote, .footnote").get_text(" ", strip=True)
    assert footnote.endswith("The footnote’s text.")
