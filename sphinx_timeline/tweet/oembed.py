"""X's public oEmbed endpoint: what ``sphinx-timeline tweets fetch`` asks it, and the
plain text it keeps of the answer (never its HTML or ``<script>``).

The only network code of the project, run only when a writer asks for it.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import re
import urllib.error
import urllib.request
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlencode, urlsplit

from .. import __version__
from .post import PostRef, check_handle, check_lang

MAX_ANSWER = 1_000_000
"""Bytes read from the endpoint at most; an oEmbed answer is a few KB."""

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


class FetchError(Exception):
    """A post that could not be fetched; the message says why."""


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
