"""A new note's text, for ``sphinx-timeline new``: front matter filled in, and the
timeline, tweet and floating-image syntax as comments to copy from."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from .myst import comment, front_matter

EXAMPLES = """\
Remove "draft: true" above when the note is ready to be published.

A timeline of dated entries (YYYY, YYYY-MM or YYYY-MM-DD):

::::{timeline}
:::{timeline-entry} 2024-05-01
:label: What happened
What it meant, in a sentence or two.
:::
::::

A post from X, its words kept in the page:

:::{tweet} https://x.com/someone/status/1416186020509360129
:author: Some One
:date: 2021-07-17
The words of the post.
:::

A picture beside the text, with its caption:

:::{image-float} img/picture.png
:alt: What the picture shows
:align: right
The caption.
:::"""


def new_note(title: str, date: datetime.date, tags: Sequence[str] = ()) -> str:
    """The text of a draft note called ``title``, dated ``date``."""
    fields: dict[str, object] = {"title": title, "date": date.isoformat(), "draft": True}
    if tags:
        fields["tags"] = list(tags)
    body = (
        "Write the note here. Its first paragraph is its summary in listings and feeds,\n"
        "unless a `<!--more-->` line or an `excerpt` marks another."
    )
    return f"{front_matter(fields)}\n{body}\n\n{comment(EXAMPLES)}\n"
