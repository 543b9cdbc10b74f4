"""The ``image-float`` in print: a ``wrapfigure`` where LaTeX can wrap text around it,
a figure in its place where it cannot; and one mention of the image in text and man
pages.

Sphinx's LaTeX writer makes every left or right figure a ``wrapfigure``. wrapfig
wraps the lines of the paragraphs that follow it, and breaks when those paragraphs
end before the figure does, or when the figure is not between two paragraphs of the
running text: a list or a quotation (a tweet, a timeline's definition list) in the
wrapped lines stops the build with "Something's wrong--perhaps a missing \\item";
a second float, or a heading, in the wrapped lines makes wrapfig put that float
after the heading, on the wrong side, over the text; a float in a list item (a
timeline entry) goes to the end of the whole list; and a figure that does not fit in
what is left of the page runs into the footer.

The rule, applied by :class:`ImageFloatLatexTransform` to each float of the document:

- A float **wraps** when it is a direct child of a section (or of a page without
  sections), leaves at least a quarter of the column to the text beside it, and the
  siblings that follow it are plain paragraphs (targets, comments and index entries
  aside) that hold enough text to run past it: :func:`lines_beside` estimates their
  lines, on the side of too few, and :func:`lines_needed` the figure's, on the side
  of too many (the image scaled to the float's width, the caption, the space around,
  two spare lines; Sphinx's default layout: a 470pt column of 10pt text). It becomes a
  :class:`wrapped_figure`: the writer's ``wrapfigure``, after an invisible box as
  tall as the figure, so that a figure near the foot of a page starts the next one
  (with the heading it follows, if any) instead of running into the footer.
- **Any other** float becomes an :class:`in_place_figure`: the writer's figure, not
  floating (``\\begin{figure}[H]``, or the box it uses in topics and sidebars),
  centred, its image as wide as the float was (a share of the column), with its
  numbered caption, at its place in the text: next to a list, a quotation, a
  definition list, a table, a code block, another float, any directive's box, or
  the end of its section (a heading) before the text has run past it; and inside a
  list item, a timeline entry, an admonition or any other container.
- A float in a table stays the writer's figure in a table, which never floats.

The two figure classes only ever reach the LaTeX writer, so they have only LaTeX
visitors; both are numbered figures, like the figure they replace.

:class:`ImageFloatTextTransform` gives text and man pages one mention of the image
(``[image: alt]``, or ``[image]`` when the alt text is the caption's), then the
caption and the legend as paragraphs, where the writers would print
``[image: alt][image]`` glued to the caption (and the man writer a stray
``.UNINDENT`` after it).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import _ as sphinx_
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..core.nodes import ancestors

if TYPE_CHECKING:
    from sphinx.writers.latex import LaTeXTranslator

# Sizes in TeX points of Sphinx's default LaTeX layout (10pt text, 1in margins).
COLUMN = 470.0
"""The text width on letter paper, the wider of Sphinx's default paper sizes."""
LINE = 12.0
"""The body text's ``\\baselineskip``."""
TEXT_CHARACTER = 4.2
"""A narrow average width of a character of the body text: more words on a line
beside the figure, so fewer lines than LaTeX makes."""
CAPTION_CHARACTER = 4.6
"""A wide average width of a character of the caption: more caption lines."""
GAP = 10.0
"""``\\columnsep``, between the figure and the text beside it."""
SPACE = 36.0
"""The space around the figure and above its caption (``\\intextsep``,
``\\abovecaptionskip``) and a little more."""
SPARE_LINES = 2
"""Lines of text beyond the figure's bottom, for what the estimate misses."""
NARROWEST_TEXT = COLUMN / 4
"""A float wider than the column less this leaves no room for text beside it."""
NUMBER = "Fig. 10.10: "
"""What the caption number adds to the caption's text."""

UNITS = {
    "px": 72.27 / 96,  # Sphinx's \sphinxpxdimen: 96 pixels to the inch
    "pt": 1.0,
    "pc": 12.0,
    "in": 72.27,
    "cm": 72.27 / 2.54,
    "mm": 72.27 / 25.4,
    "em": 10.0,
    "ex": 4.5,
}
_LENGTH = re.compile(r"(?P<amount>\d+(?:\.\d*)?|\.\d+)(?P<unit>%|[a-z]{2})")

FigureT = TypeVar("FigureT", bound=nodes.figure)

WRAPPING_PARENTS = (nodes.section, nodes.document, addnodes.start_of_file)
"""Where a float stands between paragraphs of the running text."""


class in_place_figure(nodes.figure):
    """A float that LaTeX cannot wrap text around: a figure at its place in the text."""


class wrapped_figure(nodes.figure):
    """A float that LaTeX wraps text around; ``stl_room`` is its height in points."""


KEEP_ROOM = (
    "\n\\par\\csname if@nobreak\\endcsname\\else\\penalty0\\fi"
    "{{\\dimen0=\\prevdepth\\nointerlineskip\\vbox to {room}pt{{\\vfil}}"
    "\\penalty9999\\vskip-{room}pt\\prevdepth=\\dimen0}}%\n"
)
"""An empty box as tall as the figure, then back up. wrapfig hangs the figure below a
line of text, where TeX's page builder does not see it; the box it sees, at the
(all but forbidden) break after it. When the figure does not fit in what is left of
the page, the page ends before the box: at the break before it, or before the
heading the float follows (never between the two)."""


def visit_in_place_figure(self: LaTeXTranslator, node: in_place_figure) -> None:
    # the writer places a figure where it stands ("H") when floats are off
    self.no_latex_floats += 1
    try:
        self.visit_figure(node)
    finally:
        self.no_latex_floats -= 1


def depart_in_place_figure(self: LaTeXTranslator, node: in_place_figure) -> None:
    self.depart_figure(node)


def visit_wrapped_figure(self: LaTeXTranslator, node: wrapped_figure) -> None:
    self.body.append(KEEP_ROOM.format(room=node["stl_room"]))
    self.visit_figure(node)


def depart_wrapped_figure(self: LaTeXTranslator, node: wrapped_figure) -> None:
    self.depart_figure(node)


def media_images(figure: nodes.figure) -> list[nodes.image]:
    """The float's image (and the one in its ``:target:`` link), not those of its legend."""
    images = []
    for child in figure.children:
        if isinstance(child, nodes.image):
            images.append(child)
        elif isinstance(child, nodes.reference):
            images.extend(child.findall(nodes.image))
    return images


def float_figures(document: nodes.document) -> Iterator[nodes.figure]:
    """The ``image-float`` figures of ``document``, in document order."""
    for figure in list(document.findall(nodes.figure)):
        if type(figure) is nodes.figure and figure.get("stl_float"):
            yield figure


class ImageFloatLatexTransform(SphinxPostTransform):
    """Make each float a :class:`wrapped_figure` where wrapfig can wrap text around it,
    else an :class:`in_place_figure`."""

    default_priority = 220  # after ImageFloatOtherTransform has dropped the dark images
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        # decided first, since each decision reads the figures that follow
        floats = [(figure, can_wrap(figure)) for figure in float_figures(self.document)]
        for figure, wraps in floats:
            if wraps:
                width = figure_width(str(figure["width"]))
                wrapped = replace(figure, wrapped_figure)
                wrapped["stl_room"] = math.ceil(figure_height(figure, width) + SPACE)
            elif not any(isinstance(ancestor, nodes.table) for ancestor in ancestors(figure)):
                for image in media_images(figure):
                    image["width"] = figure["width"]  # of the column, no longer of the figure
                replace(figure, in_place_figure)["align"] = "center"
            # in a table, the writer's figure never wraps (and reads the node's tag name)


def replace(figure: nodes.figure, kind: type[FigureT]) -> FigureT:
    """Put a ``kind`` with the figure's attributes and children in its place."""
    new = kind(figure.rawsource, *figure.children, **figure.attributes)
    new.source, new.line = figure.source, figure.line
    figure.replace_self(new)
    return new


def can_wrap(figure: nodes.figure) -> bool:
    """Whether wrapfig can wrap text around ``figure``: it stands between paragraphs of the
    running text, and the paragraphs after it hold enough text to run past it."""
    parent = figure.parent
    if not isinstance(parent, WRAPPING_PARENTS):
        return False
    width = figure_width(str(figure.get("width", "")))
    beside = COLUMN - width - GAP
    if beside < NARROWEST_TEXT:
        return False
    needed = lines_needed(figure, width)
    lines = 0
    for sibling in parent.children[parent.index(figure) + 1 :]:
        if isinstance(sibling, nodes.Invisible):
            continue  # targets, comments, index entries: nothing on the page
        if type(sibling) is not nodes.paragraph:
            return False
        lines += lines_beside(sibling, beside)
        if lines >= needed:
            return True
    return False  # the section, or the page, ends beside the figure


def figure_width(width: str) -> float:
    """The figure's width in points: a percentage of the column, or a length."""
    match = _LENGTH.fullmatch(width.strip())
    if match is None:
        return COLUMN
    amount = float(match["amount"])
    if match["unit"] == "%":
        return COLUMN * min(amount, 100.0) / 100
    return min(amount * UNITS.get(match["unit"], COLUMN), COLUMN)


def figure_height(figure: nodes.figure, width: float) -> float:
    """The figure's height in points: its image scaled to its width, its caption and
    legend (at a generous width of their characters)."""
    height = 0.0
    for image in media_images(figure):
        image_width, image_height = image.get("stl_width"), image.get("stl_height")
        if image_width and image_height:
            height += width * image_height / image_width
        else:
            height += width  # an SVG without a size: as tall as it is wide, say
    words = [c.astext() for c in figure.children if isinstance(c, (nodes.caption, nodes.legend))]
    if words:
        characters = len(NUMBER) + sum(len(text) for text in words)
        height += LINE * (math.ceil(characters * CAPTION_CHARACTER / width) + len(words) - 1)
    return height


def lines_needed(figure: nodes.figure, width: float) -> int:
    """How many lines of text the figure stands beside: its height, the space around it,
    and some spare lines."""
    return math.ceil((figure_height(figure, width) + SPACE) / LINE) + SPARE_LINES


def lines_beside(paragraph: nodes.paragraph, beside: float) -> int:
    """How many lines ``paragraph`` makes beside a figure, at most."""
    per_line = max(int(beside / TEXT_CHARACTER), 1)
    return math.ceil(len(" ".join(paragraph.astext().split())) / per_line)


class ImageFloatTextTransform(SphinxPostTransform):
    """In text and man pages: one mention of the image, then the caption and the legend
    as paragraphs."""

    default_priority = 220
    formats = ("text", "man")

    def run(self, **kwargs: Any) -> None:
        for figure in float_figures(self.document):
            caption = next((c for c in figure.children if isinstance(c, nodes.caption)), None)
            for image in media_images(figure):
                mention = nodes.Text(image_mention(image, caption))
                paragraph = nodes.paragraph()
                reference = image.parent
                if isinstance(reference, nodes.reference):  # a :target: link
                    reference.replace(image, mention)
                    reference.replace_self(paragraph)
                    paragraph += reference
                else:
                    image.replace_self(paragraph)
                    paragraph += mention
            if caption is not None:
                text = nodes.paragraph(caption.rawsource, "", *caption.children)
                text.source, text.line = caption.source, caption.line
                caption.replace_self(text)
            for legend in [c for c in figure.children if isinstance(c, nodes.legend)]:
                legend.replace_self(legend.children)  # its paragraphs, apart as the caption's


def image_mention(image: nodes.image, caption: nodes.caption | None) -> str:
    """``[image: alt]`` as Sphinx's writers put it; ``[image]`` when there is no alt text
    or when it repeats the caption that follows."""
    alt = " ".join(str(image.get("alt", "")).split())
    if not alt or (caption is not None and alt == " ".join(caption.astext().split())):
        return sphinx_("[image]")
    return sphinx_("[image: %s]") % alt
