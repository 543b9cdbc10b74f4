"""``sphinx-timeline tweets fetch``: fill the tweet cache from X's public oEmbed endpoint.

It finds the project's ``tweet`` directives without text, asks the endpoint about each
post, and writes its cache file (:mod:`sphinx_timeline.tweet.cache`): plain text only,
never the HTML or the ``<script>`` the endpoint returns. This module holds the
arguments and the run loop; the work is done by the ``tweet`` feature, imported when
the command runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import urlsplit

ENDPOINT = "https://publish.twitter.com/oembed"
TIMEOUT = 20.0


def folder(text: str) -> Path:
    """An existing folder, as an absolute path (the same wherever the command runs)."""
    path = Path(text)
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"{text} is not a folder")
    return path.resolve()


def web_address(text: str) -> str:
    """An http or https URL."""
    if urlsplit(text).scheme not in ("http", "https"):
        raise argparse.ArgumentTypeError(f"{text!r} must be an http or https URL")
    return text


def add_parser(commands: Any) -> None:
    """Add ``tweets`` and its subcommand ``fetch`` to the command's subparsers."""
    tweets = commands.add_parser(
        "tweets", help="work with the tweet cache", description="Work with the tweet cache."
    )
    actions = tweets.add_subparsers(dest="action", required=True, metavar="ACTION")
    fetch = actions.add_parser(
        "fetch",
        help="fill the cache of the tweets that have no text",
        description="Scan SRCDIR's .md and .rst files for tweet directives without text "
        "and write their cache files from X's public oEmbed endpoint. Posts already "
        "cached are skipped unless --refresh is given. This is the only command that "
        "uses the network.",
    )
    fetch.add_argument(
        "srcdir",
        nargs="?",
        default=".",
        type=folder,
        metavar="SRCDIR",
        help="the folder with conf.py (default: the current folder)",
    )
    fetch.add_argument(
        "--endpoint",
        default=ENDPOINT,
        type=web_address,
        metavar="URL",
        help=f"the oEmbed endpoint (default: {ENDPOINT})",
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
        "--timeout",
        type=float,
        default=TIMEOUT,
        metavar="SECONDS",
        help=f"per request (default: {TIMEOUT:g})",
    )
    fetch.set_defaults(run=run_fetch)


def run_fetch(
    args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Fetch every uncached post of the project; 1 when any failed, else 0."""
    from ..core.project import read_conf
    from ..tweet.cache import cache_dir, is_cached, write_cache
    from ..tweet.oembed import FetchError, fetch_post
    from ..tweet.post import PostRef
    from ..tweet.settings import CACHE
    from ..tweet.sources import find_tweets

    out, err = out or sys.stdout, err or sys.stderr
    srcdir: Path = args.srcdir
    try:
        conf = read_conf(srcdir)
    except Exception as error:  # any error in conf.py, reported in one line
        print(f"error: cannot read {srcdir / 'conf.py'}: {error}; pass --cache DIR", file=err)
        if args.cache is None:
            return 2
        conf = {}
    try:
        CACHE.validator(conf.get(CACHE.key, CACHE.default))
        cache = args.cache or cache_dir(srcdir, conf.get(CACHE.key, CACHE.default))
    except (TypeError, ValueError) as error:
        print(f"error: {CACHE.key} {error} in {srcdir / 'conf.py'}", file=err)
        return 2
    counts = {"fetched": 0, "cached": 0, "failed": 0}
    seen: set[str] = set()
    for found in find_tweets(srcdir, conf.get("exclude_patterns", ())):
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
