"""The ``timeline`` feature: dated entries written in a page or read from a data file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..core.assets import add_static_folder
from ..core.config import add_settings
from .directives import TimelineDirective, TimelineEntryDirective
from .nodes import entry_title, timeline, timeline_entry
from .settings import SETTINGS
from .transforms import OrphanEntryTransform, TimelineHtmlTransform, TimelineLatexTransform

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    """Register the timeline's settings, nodes, directives, transforms and stylesheet."""
    add_settings(app, SETTINGS)
    app.add_enumerable_node(timeline_entry, "timeline-entry", entry_title)
    app.add_node(timeline)
    app.add_directive("timeline", TimelineDirective)
    app.add_directive("timeline-entry", TimelineEntryDirective)
    app.add_transform(OrphanEntryTransform)
    app.add_post_transform(TimelineHtmlTransform)
    app.add_post_transform(TimelineLatexTransform)
    add_static_folder(app, Path(__file__).parent / "static")
