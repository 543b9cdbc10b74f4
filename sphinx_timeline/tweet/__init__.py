"""The ``tweet`` feature: a post from X quoted in the page, offline and private."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..core.assets import add_static_folder
from ..core.config import add_settings
from .card import TweetHtmlTransform
from .directive import TweetDirective, tweet
from .settings import SETTINGS

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    """Register the settings, the tweet node, directive, HTML transform and assets."""
    add_settings(app, SETTINGS)
    app.add_node(tweet)
    app.add_directive("tweet", TweetDirective)
    app.add_post_transform(TweetHtmlTransform)
    add_static_folder(app, Path(__file__).parent / "static")
