"""The HTML card of a ``tweet``, with the loader ``timeline_tweet_embed`` asks for.

Depending on the mode, the card may load X's own script: ``static/``'s
``sphinx-timeline-tweet.js`` does that, in the reader's browser, never in the build.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..core.i18n import _
from ..core.nodes import html_element
from .directive import tweet
from .settings import EMBED

STYLESHEET = "sphinx-timeline-tweet.css"
SCRIPT = "sphinx-timeline-tweet.js"


class TweetHtmlTransform(SphinxPostTransform):
    """Turn each quoted post into a card, with the loader of ``timeline_tweet_embed``."""

    default_priority = 200
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        embed = str(EMBED.value(self.config))
        for node in list(self.document.findall(tweet)):
            node.replace_self(tweet_card(node, embed))


def tweet_card(node: tweet, embed: str) -> html_element:
    """The card of a post::

        <figure class="stl-tweet" data-stl-tweet="ID" data-stl-embed="click" ...>
          <figcaption class="stl-tweet-header">author, @handle</figcaption>
          <blockquote class="stl-tweet-text" cite="PERMALINK">body</blockquote>
          <p class="stl-tweet-footer"><a href="PERMALINK"><time>date</time></a>
            <button class="stl-tweet-load" hidden>…</button></p>
        </figure>

    Never the ``twitter-tweet`` class: X's script must not find the card by itself.
    """
    attrs = {
        "data-stl-tweet": node["stl_id"],
        "data-stl-theme": node["stl_theme"],
        "data-stl-align": node["stl_align"],
    }
    if node["stl_lang"]:
        attrs["data-stl-lang"] = node["stl_lang"]
    assets = [STYLESHEET]
    if embed != "static":
        attrs["data-stl-embed"] = embed
        attrs["data-stl-unreachable"] = _("X could not be reached; the post is shown as saved.")
        assets.append(SCRIPT)
    card = html_element(
        tag="figure",
        ids=node["ids"],
        classes=[
            *node["classes"],
            f"stl-tweet-align-{node['stl_align']}",
            f"stl-tweet-theme-{node['stl_theme']}",
        ],
        html_attrs=attrs,
        assets=assets,
    )
    if node["stl_author"] or node["stl_handle"]:
        header = html_element(tag="figcaption", classes=["stl-tweet-header"])
        if node["stl_author"]:
            header += _span(node["stl_author"], "stl-tweet-author")
        if node["stl_handle"]:
            header += _span(f"@{node['stl_handle']}", "stl-tweet-handle")
        card += header
    if node["stl_has_text"]:
        quote_attrs = {"cite": node["stl_permalink"], "dir": "auto"}
        if node["stl_lang"]:
            quote_attrs["lang"] = node["stl_lang"]
        quote = html_element(tag="blockquote", classes=["stl-tweet-text"], html_attrs=quote_attrs)
        quote.extend(child for child in node.children if not isinstance(child, nodes.attribution))
        card += quote
    footer = html_element(tag="p", classes=["stl-tweet-footer"])
    link = html_element(
        tag="a",
        classes=["stl-tweet-permalink"],
        inline=True,
        html_attrs={"href": node["stl_permalink"]},
    )
    if node["stl_date"]:
        time = html_element(tag="time", inline=True, html_attrs={"datetime": node["stl_date"]})
        time += nodes.Text(node["stl_date_text"])
        link += time
    else:
        link += nodes.Text(_("View this post on X"))
    footer += link
    if embed == "click":
        footer += nodes.Text("\n")
        footer += html_element(
            "",
            nodes.Text(_("Load from X")),
            tag="button",
            classes=["stl-tweet-load"],
            inline=True,
            html_attrs={
                "type": "button",
                "hidden": "",
                "title": _("Shows the post as X does; your browser then connects to X"),
            },
        )
    card += footer
    return card


def _span(shown: str, class_name: str) -> html_element:
    """An inline ``<span>`` holding the text ``shown``."""
    element = html_element(tag="span", classes=[class_name], inline=True)
    element += nodes.Text(shown)
    return element
