"""``sphinx-timeline tweets fetch``: fill the tweet cache from X's public oEmbed endpoint.

This is the only part of the project that uses the network, and only when a writer
runs it. It scans a project's ``.md`` and ``.rst`` sources for ``tweet`` directives
without text, asks the endpoint about each post, and writes ``<cache>/<id>.json`` with
the post's text, author, handle, date, language and permalink: plain text only, never
the HTML or the ``<script>`` the endpoint returns.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses as dc
import datetime
import json
import os
import re
import runpy
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import urlencode, urlsplit

from .. import __version__
from ..tweet import CacheError, PostRef, check_handle, check_lang, read_cache

ENDPOINT = "https://publish.twitter.com/oembed"
DEFAULT_CACHE = "_tweets"
TIMEOUT = 20.0
MAX_ANSWER = 1_000_000
"""Bytes read from the endpoint at most; an oEmbed answer is a few KB."""
SKIPPED_FOLDERS = {"_build", "node_modules", "__pycache__"}
CODE_DIRECTIVES = {
    "code",
    "code-block",
    "sourcecode",
    "literalinclude",
    "raw",
    "highlight",
    "parsed-literal",
    "code-cell",
    "math",
    "csv-table",
    "graphviz",
    "mermaid",
}
"""Directives whose content is not markup: a ``tweet`` written in them is an example."""

_MONTHS = {
    name: number
    for number, name in enumerate(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        1,
    )
}


def add_parser(commands: Any) -> None:
    """Add ``tweets`` and its subcommand ``fetch`` to the command's subparsers."""
    tweets = commands.add_parser("tweets", help="work with the tweet cache")
    actions = tweets.add_subparsers(dest="action", required=True, metavar="ACTION")
    fetch = actions.add_parser(
        "fetch",
        help="fill the cache of the tweets that have no text",
        description="Scan SRCDIR's .md and .rst files for tweet directives without text "
        "and write their cache files from X's public oEmbed endpoint. Posts already "
        "cached are skipped unless --refresh is given.",
    )
    fetch.add_argument(
        "srcdir",
        nargs="?",
        default=".",
        type=Path,
        metavar="SRCDIR",
        help="the folder with conf.py (default: the current folder)",
    )
    fetch.add_argument(
        "--endpoint", default=ENDPOINT, metavar="URL", help=f"the oEmbed endpoint ({ENDPOINT})"
    )
    fetch.add_argument(
        "--cache",
        type=Path,
        metavar="DIR",
        help="the cache folder (default: timeline_tweet_cache of conf.py, else _tweets "
        "beside conf.py)",
    )
    fetch.add_argument("--refresh", action="store_true", help="fetch cached posts again")
    fetch.add_argument(
        "--timeout", type=float, default=TIMEOUT, metavar="SECONDS", help="per request"
    )
    fetch.set_defaults(run=run_fetch)


@dc.dataclass(frozen=True)
class Found:
    """A ``tweet`` directive without text: where it is, its argument and ``:user:``."""

    path: Path
    line: int
    argument: str
    user: str = ""

    def where(self, srcdir: Path) -> str:
        try:
            shown = self.path.relative_to(srcdir)
        except ValueError:
            shown = self.path
        return f"{shown}:{self.line}"


class FetchError(Exception):
    """A post that could not be fetched; the message says why."""


def run_fetch(
    args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Fetch every uncached post of the project; 1 when any failed, else 0."""
    out, err = out or sys.stdout, err or sys.stderr
    srcdir: Path = args.srcdir
    if not srcdir.is_dir():
        print(f"error: {srcdir} is not a folder", file=err)
        return 2
    if urlsplit(args.endpoint).scheme not in ("http", "https"):
        print(f"error: --endpoint {args.endpoint!r} must be an http or https URL", file=err)
        return 2
    try:
        settings = project_settings(srcdir)
    except Exception as error:  # any error in conf.py, reported in one line
        print(f"error: cannot read {srcdir / 'conf.py'}: {error}; pass --cache DIR", file=err)
        if args.cache is None:
            return 2
        settings = {}
    cache = (
        args.cache
        if args.cache is not None
        else srcdir / settings.get("timeline_tweet_cache", DEFAULT_CACHE)
    )
    counts = {"fetched": 0, "cached": 0, "failed": 0}
    seen: set[str] = set()
    for found in find_tweets(srcdir, settings.get("exclude_patterns", [])):
        where = found.where(srcdir)
        try:
            ref = PostRef.parse(found.argument)
        except ValueError as error:
            print(f"error: {where}: tweet {error}", file=err)
            counts["failed"] += 1
            continue
        if ref.id in seen:
            continue
        seen.add(ref.id)
        path = cache / f"{ref.id}.json"
        if not args.refresh and is_cached(path, ref.id):
            counts["cached"] += 1
            continue
        try:
            fields = fetch_post(
                args.endpoint, PostRef(ref.id, ref.handle or found.user.lstrip("@")), args.timeout
            )
            write_cache(path, fields)
        except (FetchError, OSError) as error:
            print(f"error: {where}: tweet {ref.id}: {error}", file=err)
            counts["failed"] += 1
            continue
        counts["fetched"] += 1
        print(f"{where}: tweet {ref.id} written to {path}", file=out)
    print(
        f"{counts['fetched']} fetched, {counts['cached']} already cached, "
        f"{counts['failed']} failed",
        file=out,
    )
    return 1 if counts["failed"] else 0


def project_settings(srcdir: Path) -> dict[str, Any]:
    """``timeline_tweet_cache`` and ``exclude_patterns`` from ``conf.py``, run as Sphinx
    runs it (it is the project's own code); ``{}`` without a ``conf.py``."""
    conf = srcdir / "conf.py"
    if not conf.is_file():
        return {}
    from sphinx.util.tags import Tags

    with contextlib.chdir(conf.parent):  # conf.py may use paths relative to its folder
        namespace = runpy.run_path(str(conf.resolve()), init_globals={"tags": Tags()})
    settings: dict[str, Any] = {}
    cache = namespace.get("timeline_tweet_cache", DEFAULT_CACHE)
    if isinstance(cache, (str, os.PathLike)):
        settings["timeline_tweet_cache"] = cache
    patterns = namespace.get("exclude_patterns", [])
    if isinstance(patterns, (list, tuple)):
        settings["exclude_patterns"] = [str(pattern) for pattern in patterns]
    return settings


def is_cached(path: Path, post_id: str) -> bool:
    """Whether ``path`` is a usable cache file (a broken one is fetched again)."""
    try:
        return bool(read_cache(path, post_id))
    except CacheError:
        return False


def find_tweets(srcdir: Path, exclude_patterns: list[str]) -> Iterator[Found]:
    """The ``tweet`` directives without text in the project's sources, in path order."""
    from sphinx.util.matching import Matcher

    excluded = Matcher(exclude_patterns)
    for path in sorted(srcdir.rglob("*")):
        relative = path.relative_to(srcdir)
        if path.suffix not in (".md", ".rst") or not path.is_file():
            continue
        if any(part.startswith(".") or part in SKIPPED_FOLDERS for part in relative.parts):
            continue
        if any(
            excluded("/".join(relative.parts[:depth]))
            for depth in range(1, len(relative.parts) + 1)
        ):
            continue
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        scan = scan_markdown if path.suffix == ".md" else scan_rst
        for line, argument, user in scan(lines):
            yield Found(path, line, argument, user)


_MYST_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,}|:{3,})\s*(?P<info>.*)$")
_DIRECTIVE_INFO = re.compile(r"^\{(?P<name>[\w.:-]+)\}\s*(?P<argument>.*)$")
_OPTION = re.compile(r"^\s*:(?P<name>[\w-]+):\s*(?P<value>.*)$")


def scan_markdown(lines: list[str]) -> Iterator[tuple[int, str, str]]:
    """``(line, argument, user)`` of each MyST ``tweet`` directive without text.

    Code blocks are skipped; other directives' fences are looked into.
    """
    index = 0
    while index < len(lines):
        match = _MYST_FENCE.match(lines[index])
        index += 1
        if not match:
            continue
        fence, info = match["fence"], match["info"].strip()
        directive = _DIRECTIVE_INFO.match(info)
        if directive and directive["name"] == "tweet":
            content, index = _fenced(lines, index, fence)
            user, body = _split_options(content)
            if not body:
                yield index - len(content) - 1, directive["argument"].strip(), user
        elif fence[0] != ":" and (not directive or directive["name"] in CODE_DIRECTIVES):
            _, index = _fenced(lines, index, fence)  # a code block


def _fenced(lines: list[str], index: int, fence: str) -> tuple[list[str], int]:
    """The lines from ``index`` to the fence that closes ``fence``, and the index after it."""
    closing = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}\s*$")
    start = index
    while index < len(lines) and not closing.match(lines[index]):
        index += 1
    return lines[start:index], index + 1


def _split_options(content: list[str]) -> tuple[str, list[str]]:
    """A MyST directive's ``:user:`` option and the non-blank lines of its body."""
    user = ""
    lines = list(content)
    if lines and lines[0].strip() == "---":  # options as a YAML block
        end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), 0)
        for line in lines[1:end]:
            key, _, value = line.partition(":")
            if key.strip() == "user":
                user = value.strip().strip("'\"")
        lines = lines[end + 1 :]
    while lines and (option := _OPTION.match(lines[0])):
        if option["name"] == "user":
            user = option["value"].strip()
        lines = lines[1:]
    return user, [line for line in lines if line.strip()]


_RST_DIRECTIVE = re.compile(r"^(?P<indent>\s*)\.\.\s+(?P<name>[\w.:-]+)::(?P<argument>.*)$")
_RST_LITERAL = re.compile(r"^(?P<indent>\s*)(?!\.\.\s).*::\s*$")


def scan_rst(lines: list[str]) -> Iterator[tuple[int, str, str]]:
    """``(line, argument, user)`` of each reStructuredText ``tweet`` without text.

    Literal blocks (``::`` paragraphs, code directives) are skipped.
    """
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        directive = _RST_DIRECTIVE.match(line)
        literal = _RST_LITERAL.match(line) if not directive else None
        if not directive and not literal:
            continue
        indent = len((directive or literal)["indent"])  # type: ignore[index]
        block, index = _indented(lines, index, indent)
        if directive and directive["name"] == "tweet":
            user, body = _split_options(block)
            if not body:
                yield index - len(block), directive["argument"].strip(), user
        elif directive and directive["name"] not in CODE_DIRECTIVES:
            index -= len(block)  # a directive with markup inside: look into it


def _indented(lines: list[str], index: int, indent: int) -> tuple[list[str], int]:
    """The blank or more indented lines from ``index``, and the index after them."""
    start = index
    while index < len(lines) and (
        not lines[index].strip() or len(lines[index]) - len(lines[index].lstrip()) > indent
    ):
        index += 1
    while index > start and not lines[index - 1].strip():
        index -= 1
    return lines[start:index], index


def fetch_post(endpoint: str, ref: PostRef, timeout: float) -> dict[str, str]:
    """The cache fields of post ``ref`` from the oEmbed ``endpoint``."""
    status_url = f"https://twitter.com/{ref.handle or 'i'}/status/{ref.id}"
    query = urlencode({"url": status_url, "omit_script": "true", "dnt": "true"})
    url = f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": f"sphinx-career-timeline/{__version__}",
            "Accept": "application/json",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read(MAX_ANSWER)
    except urllib.error.HTTPError as error:
        raise FetchError(f"{endpoint} answered HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise FetchError(f"cannot reach {endpoint}: {error.reason}") from None
    except (TimeoutError, OSError) as error:
        raise FetchError(f"cannot reach {endpoint}: {error}") from None
    try:
        answer = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FetchError(f"{endpoint} answered with something that is not JSON ({error})") from None
    if not isinstance(answer, dict) or not isinstance(answer.get("html"), str):
        raise FetchError(f"{endpoint} answered without the post's html")
    return post_fields(ref, answer)


def post_fields(ref: PostRef, answer: dict[str, Any]) -> dict[str, str]:
    """The cache fields from an oEmbed answer: plain text, every value checked."""
    quote = QuoteParser()
    quote.feed(answer["html"])
    quote.close()
    text = quote.text()
    if not text:
        raise FetchError("the answer holds no text for the post")
    fields = {"id": ref.id, "text": text, "author": "", "handle": "", "date": "", "lang": ""}
    if isinstance(answer.get("author_name"), str):
        fields["author"] = " ".join(answer["author_name"].split())
    author_url = answer.get("author_url")
    if isinstance(author_url, str):
        with contextlib.suppress(ValueError):
            fields["handle"] = check_handle(urlsplit(author_url).path.strip("/"))
    if quote.lang:
        with contextlib.suppress(ValueError):
            fields["lang"] = check_lang(quote.lang)
    fields["date"] = english_date(quote.date_text)
    handle = fields["handle"] or ref.handle
    for candidate in (answer.get("url"), quote.date_href):
        try:
            found = PostRef.parse(candidate) if isinstance(candidate, str) else None
        except ValueError:
            continue
        if found is not None and found.id != ref.id:
            raise FetchError(f"the answer is about another post ({found.id})")
        handle = handle or (found.handle if found else "")
    fields["url"] = PostRef(ref.id, handle).permalink
    return fields


def english_date(text: str) -> str:
    """``July 17, 2021`` (the date under an embedded post) as ``2021-07-17``; else ``""``."""
    match = re.fullmatch(r"([A-Z][a-z]+) (\d{1,2}), (\d{4})", text.strip())
    if not match or match[1] not in _MONTHS:
        return ""
    try:
        return datetime.date(int(match[3]), _MONTHS[match[1]], int(match[2])).isoformat()
    except ValueError:
        return ""


class QuoteParser(HTMLParser):
    """The text of the ``<blockquote>`` in an oEmbed answer's html.

    The ``<p>`` elements give the text (``<br>`` a line break), the last link after them
    the date; scripts, styles and every tag are dropped.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside the blockquote
        self.paragraphs: list[list[str]] = []
        self.in_paragraph = False
        self.in_link = False
        self.skipping = 0  # inside script or style
        self.lang = ""
        self.date_text = ""
        self.date_href = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in ("script", "style"):
            self.skipping += 1
        elif tag == "blockquote":
            self.depth += 1
        elif self.depth and tag == "p":
            self.in_paragraph = True
            self.paragraphs.append([])
            self.lang = self.lang or values.get("lang", "")
        elif self.depth and tag == "br" and self.in_paragraph:
            self.paragraphs[-1].append("\n")
        elif self.depth and tag == "a" and not self.in_paragraph:
            self.in_link = True
            self.date_text, self.date_href = "", values.get("href", "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skipping = max(0, self.skipping - 1)
        elif tag == "blockquote":
            self.depth = max(0, self.depth - 1)
        elif tag == "p":
            self.in_paragraph = False
        elif tag == "a":
            self.in_link = False

    def handle_data(self, data: str) -> None:
        if self.skipping or not self.depth:
            return
        if self.in_paragraph:
            self.paragraphs[-1].append(data)
        elif self.in_link:
            self.date_text += data

    def text(self) -> str:
        """The paragraphs, a blank line between them, spaces tidied."""
        paragraphs = []
        for parts in self.paragraphs:
            lines = [" ".join(line.split()) for line in "".join(parts).split("\n")]
            paragraph = "\n".join(line for line in lines if line)
            if paragraph:
                paragraphs.append(paragraph)
        return "\n\n".join(paragraphs)


def write_cache(path: Path, fields: dict[str, str]) -> None:
    """Write ``fields`` to ``path`` as sorted JSON, atomically (a re-run is safe)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(
        json.dumps(fields, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    os.replace(partial, path)
