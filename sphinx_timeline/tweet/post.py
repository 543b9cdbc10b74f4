"""Which post a ``tweet`` names, and what a card shows of it."""

from __future__ import annotations

import dataclasses as dc
import re
from urllib.parse import urlsplit

from ..core.dates import PartialDate

HOSTS = {
    f"{prefix}{domain}" for prefix in ("", "www.", "mobile.") for domain in ("twitter.com", "x.com")
}
"""The hosts of a post's URL."""

_ID = re.compile(r"[0-9]{1,20}")
_HANDLE = re.compile(r"@?([A-Za-z0-9_]{1,15})")
_LANG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")
_STATUS_PATH = re.compile(
    r"/(?:i/web|i|(?P<user>[A-Za-z0-9_]{1,15}))/status(?:es)?/(?P<id>[0-9]{1,20})(?:/.*)?"
)
ARGUMENT_HELP = "give the post's numeric id or its URL, such as https://x.com/user/status/123"


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
        if argument.isascii() and argument.isdigit():
            raise ValueError(f"{argument!r} is too long for a post id; {ARGUMENT_HELP}")
        try:
            url = urlsplit(argument)
        except ValueError:
            raise ValueError(f"{argument!r} is not a post's id or URL; {ARGUMENT_HELP}") from None
        if url.scheme not in ("http", "https") or not url.netloc:
            raise ValueError(f"{argument!r} is not a post's id or URL; {ARGUMENT_HELP}")
        host = (url.hostname or "").lower()
        if host not in HOSTS or url.netloc.lower() != host:  # a port, or a user name
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
