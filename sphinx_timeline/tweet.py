"""The ``tweet`` directive: a post from X (Twitter) quoted in the page, never fetched.

The directive builds a :class:`tweet` node, a block quote whose attribution holds the
author, handle, date and permalink, so every builder renders a readable quotation
without help. For HTML, :class:`TweetHtmlTransform` turns it into a styled card that,
depending on ``timeline_tweet_embed``, may load X's own script (``static/``'s
``sphinx-timeline-tweet.js`` does that, in the reader's browser, never in the build).

The card's data comes from the directive (its body and options), else from the cache
file ``<timeline_tweet_cache>/<id>.json`` written by ``sphinx-timeline tweets fetch``,
else it is a minimal card with a link to the post.
"""

from __future__ import annotations

import dataclasses as dc
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlsplit

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .config import get_config
from .dates import PartialDate
from .html import html_element
from .shared import (
    Options,
    TimelineBaseDirective,
    _,
    class_names,
    raw_as_text,
    set_unique_id,
    text,
)
from .warnings_ import TimelineWarning

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

STYLESHEET = "sphinx-timeline-tweet.css"
SCRIPT = "sphinx-timeline-tweet.js"
ALIGNMENTS = ("left", "center", "right")
THEMES = ("auto", "light", "dark")
HOSTS = {
    f"{prefix}{domain}" for prefix in ("", "www.", "mobile.") for domain in ("twitter.com", "x.com")
}
"""The hosts of a post's URL."""
CACHE_FIELDS = ("id", "text", "author", "handle", "date", "lang", "url")
"""The fields of a cache file, all strings; ``id`` is required."""

_ID = re.compile(r"[0-9]{1,20}")
_HANDLE = re.compile(r"@?([A-Za-z0-9_]{1,15})")
_LANG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")
_STATUS_PATH = re.compile(
    r"/(?:i/web|i|(?P<user>[A-Za-z0-9_]{1,15}))/status(?:es)?/(?P<id>[0-9]{1,20})(?:/.*)?"
)
ARGUMENT_HELP = "give the post's numeric id or its URL, such as https://x.com/user/status/123"


def setup_tweet(app: Sphinx) -> None:
    """Register the tweet node, directive and HTML transform."""
    app.add_node(tweet)
    app.add_directive("tweet", TweetDirective)
    app.add_post_transform(TweetHtmlTransform)


class tweet(nodes.block_quote):
    """A quoted post: its text, then an attribution with author, handle, date and permalink.

    Writers without their own visitor render it as the block quote it is.
    """


@dc.dataclass(frozen=True)
class PostRef:
    """Which post a directive's argument points at."""

    id: str
    handle: str = ""

    @classmethod
    def parse(cls, argument: str) -> PostRef:
        """A numeric id, or a twitter.com / x.com status URL (``www.``, ``mobile.``, a
        query string allowed). Raise ``ValueError`` saying how to fix anything else."""
        argument = argument.strip()
        if _ID.fullmatch(argument):
            return cls(argument)
        if argument.isdigit():
            raise ValueError(f"{argument!r} is too long for a post id; {ARGUMENT_HELP}")
        try:
            url = urlsplit(argument)
        except ValueError:
            raise ValueError(f"{argument!r} is not a post's id or URL; {ARGUMENT_HELP}") from None
        if url.scheme not in ("http", "https") or not url.netloc:
            raise ValueError(f"{argument!r} is not a post's id or URL; {ARGUMENT_HELP}")
        host = (url.hostname or "").lower()
        if host not in HOSTS or url.port is not None or url.username is not None:
            raise ValueError(f"{argument!r} is not on twitter.com or x.com; {ARGUMENT_HELP}")
        match = _STATUS_PATH.fullmatch(url.path)
        if not match:
            raise ValueError(f"{argument!r} is not the URL of a post; {ARGUMENT_HELP}")
        return cls(match["id"], match["user"] or "")

    @property
    def permalink(self) -> str:
        """The post's address on x.com."""
        user = self.handle or "i/web"
        return f"https://x.com/{user}/status/{self.id}"


@dc.dataclass(frozen=True)
class Post:
    """What a card shows of a post; empty strings for what is not known."""

    ref: PostRef
    author: str = ""
    date: PartialDate | None = None
    lang: str = ""
    text: str = ""
    """Plain text from the cache, used when the directive has no body."""


class CacheError(ValueError):
    """A cache file that cannot be used; the message says how to fix it."""


def cache_dir(config: Config, srcdir: Path) -> Path:
    """The folder of ``timeline_tweet_cache``, relative to the folder of ``conf.py``."""
    conf_file = getattr(config, "_raw_config", {}).get("__file__")
    base = Path(conf_file).parent if conf_file else srcdir
    return base / str(config.timeline_tweet_cache)


def read_cache(path: Path, post_id: str) -> dict[str, str]:
    """The fields of the cache file ``path`` for post ``post_id``; ``{}`` when there is none.

    Raise :class:`CacheError` when the file is not a JSON object of known string fields,
    is for another post, or has a bad handle, date, language or URL.
    """
    if not path.is_file():
        return {}
    fix = "fix it, or delete it and run 'sphinx-timeline tweets fetch'"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise CacheError(f"cache file {path} cannot be read ({error}); {fix}") from None
    except json.JSONDecodeError as error:
        raise CacheError(
            f"cache file {path} is not valid JSON ({error.msg} at line {error.lineno}); {fix}"
        ) from None
    if not isinstance(data, dict):
        raise CacheError(f"cache file {path} must hold a JSON object; {fix}")
    unknown = sorted(set(data) - set(CACHE_FIELDS))
    if unknown:
        raise CacheError(
            f"cache file {path} has unknown field(s) {', '.join(unknown)}; the fields are "
            f"{', '.join(CACHE_FIELDS)}; {fix}"
        )
    wrong = sorted(name for name, value in data.items() if not isinstance(value, str))
    if wrong:
        raise CacheError(f"cache file {path}: {', '.join(wrong)} must be text; {fix}")
    if data.get("id") != post_id:
        raise CacheError(
            f"cache file {path} is not for post {post_id} (its id is {data.get('id')!r}); {fix}"
        )
    fields: dict[str, str] = data
    try:
        if fields.get("handle"):
            check_handle(fields["handle"])
        if fields.get("date"):
            PartialDate.parse(fields["date"])
        if fields.get("lang"):
            check_lang(fields["lang"])
        if fields.get("url") and PostRef.parse(fields["url"]).id != post_id:
            raise ValueError(f"url {fields['url']!r} is the URL of another post")
    except ValueError as error:
        raise CacheError(f"cache file {path}: {error}; {fix}") from None
    return fields


def check_handle(value: str) -> str:
    """A handle without its ``@``; ``ValueError`` unless it is 1-15 letters, digits or ``_``."""
    match = _HANDLE.fullmatch(value.strip())
    if not match:
        raise ValueError(f"{value!r} is not a handle; write it as on X, such as @someone")
    return match[1]


def check_lang(value: str) -> str:
    """A language tag (``en``, ``pt-BR``); ``ValueError`` for anything else."""
    if not _LANG.fullmatch(value.strip()):
        raise ValueError(f"{value!r} is not a language tag; use one such as en or pt-BR")
    return value.strip()


class TweetDirective(TimelineBaseDirective):
    """A post from X: its id or URL as the argument, its text as the body."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[Options] = Options(
        {
            "user": text,
            "author": text,
            "date": text,
            "lang": text,
            "align": text,
            "theme": text,
            "class": class_names,
            "name": text,
        }
    )

    def run(self) -> list[nodes.Node]:
        self.check_unknown_options()
        ref = self.post_ref()
        if ref is None:
            return []  # the warning says why the post is left out
        align = self.choice("align", ALIGNMENTS, "center") or "center"
        theme = self.choice("theme", THEMES, "auto") or "auto"
        handle = self.checked_option("user", check_handle)
        lang = self.checked_option("lang", check_lang)
        date: PartialDate | None = None
        if self.options.get("date"):
            try:
                date = PartialDate.parse(self.options["date"])
            except ValueError as error:
                self.warn(f"tweet :date: {error}", TimelineWarning.TWEET)
                return []
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
        node["stl_align"], node["stl_theme"] = align, theme
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

    def checked_option(self, name: str, check: Callable[[str], str]) -> str:
        """Option ``name`` passed through ``check``; ``""``, with a warning, when it fails."""
        value = self.options.get(name)
        if not value:
            return ""
        try:
            return str(check(value))
        except ValueError as error:
            self.warn(f"tweet :{name}: {error}", TimelineWarning.OPTION)
            return ""

    def cached_fields(self, ref: PostRef) -> dict[str, str]:
        """The post's cache file, if any. It becomes a dependency of the page when it exists
        or when the directive has no text, so that filling the cache rebuilds the page."""
        path = cache_dir(self.config, Path(self.env.srcdir)) / f"{ref.id}.json"
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


class TweetHtmlTransform(SphinxPostTransform):
    """Turn each quoted post into a card, with the loader of ``timeline_tweet_embed``."""

    default_priority = 200
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        embed = get_config(self.env).tweet_embed
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
