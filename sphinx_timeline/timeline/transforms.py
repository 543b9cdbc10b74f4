"""The timeline's transforms: entries outside a timeline, and the HTML and LaTeX forms."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx_design.icons import get_octicon

from ..core.assets import DESIGN
from ..core.nodes import html_element
from ..core.source import is_markdown
from ..core.warnings_ import TimelineWarning, warn
from .nodes import timeline, timeline_entry

STYLESHEET = "sphinx-timeline.css"


class OrphanEntryTransform(SphinxTransform):
    """Warn about each ``timeline-entry`` that is not directly inside a ``timeline``,
    and keep its label and body as ordinary content."""

    default_priority = 100

    def apply(self, **kwargs: Any) -> None:
        for entry in list(self.document.findall(timeline_entry)):
            if isinstance(entry.parent, timeline):
                continue
            hint = ""
            if is_markdown(self.config, entry.source):
                hint = " (in Markdown, the timeline's fence needs more colons than its entries')"
            warn(
                "timeline-entry is outside a timeline; place it directly inside a timeline "
                f"directive{hint}",
                TimelineWarning.STRUCTURE,
                entry,
            )
            entry.parent.replace(entry, list(entry.definition.children))


class TimelineHtmlTransform(SphinxPostTransform):
    """Turn each timeline into ``<ol>``, ``<li>``, ``<time>``, markers and permalinks."""

    default_priority = 200
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(timeline)):
            node.replace_self(self.html_list(node))

    def html_list(self, node: timeline) -> html_element:
        coloured = any(entry.get("stl_color") for entry in node.findall(timeline_entry))
        items = html_element(
            tag="ol",
            classes=node["classes"],
            ids=node["ids"],
            assets=[STYLESHEET, *([DESIGN] if coloured else [])],
        )
        for child in node.children:
            if isinstance(child, timeline_entry):
                items += self.html_item(child)
            else:
                items += child  # targets left in place by the parser
        return items

    def html_item(self, entry: timeline_entry) -> html_element:
        classes = list(entry["classes"])
        if entry["stl_color"]:
            classes.append(f"stl-color-{entry['stl_color']}")
        item = html_element(tag="li", classes=classes, ids=entry["ids"])
        marker = html_element(
            tag="span",
            classes=["stl-timeline-marker"],
            inline=True,
            html_attrs={"aria-hidden": "true"},
        )
        if entry["stl_icon"]:
            marker += nodes.raw("", get_octicon(entry["stl_icon"], height="1em"), format="html")
        item += marker
        content = html_element(tag="div", classes=["stl-timeline-content"])
        when = html_element(
            tag="p",
            classes=["stl-timeline-when"],
            permalink=entry["ids"][0] if entry["ids"] else "",
        )
        for part in entry.term.children:
            if isinstance(part, nodes.inline) and "stl_datetime" in part:
                tag = "time" if part["stl_datetime"] else "span"
                attrs = {"datetime": part["stl_datetime"]} if part["stl_datetime"] else {}
                when += html_element(
                    part.astext(),
                    nodes.Text(part.astext()),
                    tag=tag,
                    inline=True,
                    html_attrs=attrs,
                )
            else:
                when += part.deepcopy()
        content += when
        content.extend(entry.definition.children)
        item += content
        return item


class TimelineLatexTransform(SphinxPostTransform):
    """Move each entry's ids to its term, where the LaTeX writer makes them link targets."""

    default_priority = 200
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for entry in self.document.findall(timeline_entry):
            entry.term["ids"], entry["ids"] = entry["ids"], []
