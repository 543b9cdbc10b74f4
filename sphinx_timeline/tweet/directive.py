"""The ``tweet`` directive: a post from X (Twitter) quoted in the page, never fetched.

The directive builds a :class:`tweet` node, a block quote whose attribution holds the
author, handle, date and permalink, so every builder renders a readable quotation
without help. For HTML, :class:`.card.TweetHtmlTransform` turns it into a styled card.

The card's data comes from the directive (its body and options), else from the cache
file ``<timeline_tweet_cache>/<id>.json`` written by ``sphinx-timeline tweets fetch``,
else it is a minimal card with a link to the post.
"""

from __future__ import annotations

import re
from typing import ClassVar

from docutils import nodes

from ..core.config import conf_dir
from ..core.dates import PartialDate
from ..core.directive import BaseDirective, Options, checked, class_names, one_of, text
from ..core.nodes import raw_as_text, set_unique_id
from ..core.warnings_ import TimelineWarning
from .cache import CacheError, cache_dir, read_cache
from .post import Post, PostRef, check_handle, check_lang
from .settings import CACHE

ALIGNMENTS = ("left", "center", "right")
THEMES = ("auto", "light", "dark")


class tweet(nodes.block_quote):
    """A quoted post: its text, then an attribution with author, handle, date and permalink.

    Writers without their own visitor render it as the block quote it is.
    """


class TweetDirective(BaseDirective):
    """A post from X: its id or URL as the argument, its text as the body."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[Options] = Options(
        {
            "user": checked(check_handle),
            "author": text,
            "date": checked(PartialDate.parse, TimelineWarning.DATE, fatal=True),
            "lang": checked(check_lang),
            "align": one_of(ALIGNMENTS),
            "theme": one_of(THEMES),
            "class": class_names,
            "name": text,
        }
    )

    def render(self) -> list[nodes.Node]:
        ref = self.post_ref()
        if ref is None:
            return []  # the warning says why the post is left out
        handle: str = self.options.get("user", "")
        lang: str = self.options.get("lang", "")
        date: PartialDate | None = self.options.get("date") or None
        try:
            cached = self.cached_fields(ref)
        except CacheError as error:
            self.warn(f"tweet {ref.id}: {error}", TimelineWarning.TWEET)
            return []

        cached_ref = PostRef.parse(cached["url"]) if cached.get("url") else ref
        handle = handle or ref.handle or cached.get("handle", "") or cached_ref.handle
        post = Post(
            ref=PostRef(ref.id, handle),
            author=self.options.get("author") or cached.get("author", ""),
            date=date or (PartialDate.parse(cached["date"]) if cached.get("date") else None),
            lang=lang or cached.get("lang", ""),
            text="" if self.content else cached.get("text", ""),
        )
        body = nodes.Element()
        if self.content:
            self.state.nested_parse(self.content, self.content_offset, body)
            raw_as_text(body)
        node = make_tweet(post, body.children, self.config.language)
        node["classes"] += self.options.get("class", [])
        node["stl_align"] = self.options.get("align", "center")
        node["stl_theme"] = self.options.get("theme", "auto")
        self.set_source_info(node)
        self.add_name(node)
        if not node["ids"]:
            set_unique_id(self.state.document, node, f"tweet-{ref.id}")
        return [node]

    def post_ref(self) -> PostRef | None:
        """The post named by the argument; None, with a warning, when there is none."""
        if not self.arguments or not self.arguments[0].strip():
            example = self.in_syntax(
                ":::{tweet} https://x.com/user/status/123",
                ".. tweet:: https://x.com/user/status/123",
            )
            self.warn(
                f"tweet has no post; give its id or URL as the argument, for example {example!r}",
                TimelineWarning.TWEET,
            )
            return None
        try:
            return PostRef.parse(self.arguments[0])
        except ValueError as error:
            self.warn(f"tweet {error}", TimelineWarning.TWEET)
            return None

    def cached_fields(self, ref: PostRef) -> dict[str, str]:
        """The post's cache file, if any. It becomes a dependency of the page when it exists
        or when the directive has no text, so that filling the cache rebuilds the page."""
        path = cache_dir(conf_dir(self.config, self.env.srcdir), CACHE.value(self.config))
        path /= f"{ref.id}.json"
        if path.is_file() or not self.content:
            self.env.note_dependency(str(path))
        return read_cache(path, ref.id)


def make_tweet(post: Post, body: list[nodes.Node], language: str | None) -> tweet:
    """The quotation: the body (or the cached text as plain paragraphs), then the
    attribution ``Author (@handle), date, permalink``."""
    permalink = post.ref.permalink
    date_text = post.date.format("", language) if post.date else ""
    node = tweet(
        classes=["stl-tweet"],
        stl_id=post.ref.id,
        stl_handle=post.ref.handle,
        stl_author=post.author,
        stl_date=post.date.isoformat() if post.date else "",
        stl_date_text=date_text,
        stl_lang=post.lang,
        stl_permalink=permalink,
        stl_has_text=bool(body or post.text.strip()),
    )
    if body:
        node.extend(body)
    else:
        for paragraph in re.split(r"\n\s*\n", post.text.strip()):
            if paragraph.strip():
                node += nodes.paragraph(
                    paragraph, paragraph.strip(), classes=["stl-tweet-lines"], translatable=False
                )
    # names, dates and addresses are data, not prose: keep them out of the catalogs
    attribution = nodes.attribution("", "", translatable=False)
    who = post.author
    if post.ref.handle:
        who = f"{who} (@{post.ref.handle})" if who else f"@{post.ref.handle}"
    for part in (who, date_text):
        if part:
            attribution += nodes.Text(f"{part}, ")
    attribution += nodes.reference(permalink, permalink, refuri=permalink)
    node += attribution
    return node
