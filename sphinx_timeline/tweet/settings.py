"""The tweet's ``timeline_*`` settings."""

from __future__ import annotations

import os
import pathlib
from typing import Any

from ..core.config import Setting, one_of


def folder_path(value: Any) -> None:
    """A folder: a ``str`` or a path object such as ``pathlib.Path``."""
    if not isinstance(value, (str, os.PathLike)):
        raise TypeError(f"must be a folder, as a str or a pathlib.Path, not {value!r}")


EMBED = Setting(
    "tweet_embed",
    "click",
    one_of("click", "static", "widget"),
    "How ``tweet`` cards load X's own script: ``click`` shows the card and a button that "
    "loads the post from X for that card once the reader asks (remembered in the "
    "browser); ``static`` never loads any script; ``widget`` loads it when the page "
    "opens. See :doc:`tweet`.",
)
CACHE = Setting(
    "tweet_cache",
    "_tweets",
    folder_path,
    "The folder of the ``tweet`` cache, one ``<id>.json`` file per post, relative to "
    "the folder of ``conf.py``; ``sphinx-timeline tweets fetch`` fills it.",
    (str, type(pathlib.Path()), pathlib.Path),
)

SETTINGS = (EMBED, CACHE)
