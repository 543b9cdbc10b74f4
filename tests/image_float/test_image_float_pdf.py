"""PDF output: real pdflatex runs (through latexmk) of the docs and of a project that puts
floats beside everything LaTeX's wrapfig cannot wrap text around.

Each project is built and compiled once for the module. Without latexmk, pdflatex or
pdftotext the tests are skipped, except in CI (``CI`` set), where they fail.
"""

from __future__ import annotations

import itertools
import re
import subprocess
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from helpers import DOCS, ROOTS, Pdf, latexmk, warnings_of

FLOATS = ROOTS / "test-latex-floats"


def compile_pdf(srcdir: Path, destination: Path) -> Pdf:
    """Build ``srcdir`` with the LaTeX builder (asserting it warns of nothing), then
    compile it."""
    app = SphinxTestApp("latex", srcdir=srcdir, builddir=destination)
    try:
        app.build()
        assert warnings_of(app) == []
    finally:
        app.cleanup()
    return latexmk(Path(app.outdir))


@pytest.fixture(scope="module")
def docs_pdf(tmp_path_factory: pytest.TempPathFactory) -> Pdf:
    """The project's docs as a PDF."""
    return compile_pdf(DOCS, tmp_path_factory.mktemp("docs-pdf"))


@pytest.fixture(scope="module")
def floats_pdf(tmp_path_factory: pytest.TempPathFactory) -> Pdf:
    """The ``test-latex-floats`` project (MyST and rST pages) as a PDF."""
    return compile_pdf(FLOATS, tmp_path_factory.mktemp("floats-pdf"))


def assert_compiled(pdf: Pdf) -> None:
    """latexmk succeeded, and the log holds no error (no ``! LaTeX Error: ...``)."""
    errors = re.findall(r"^!.*$", pdf.log, re.MULTILINE)
    assert errors == [], pdf.errors()
    assert pdf.returncode == 0, pdf.errors()
    assert (pdf.folder / f"{pdf.name}.pdf").is_file()


def test_docs_compile(docs_pdf: Pdf) -> None:
    assert_compiled(docs_pdf)


def test_floats_beside_lists_quotations_and_timelines_compile(floats_pdf: Pdf) -> None:
    assert_compiled(floats_pdf)


_FIGURE = re.compile(
    r"\\begin\{(?P<kind>wrapfigure|figure|sphinxfigure-in-table|center)\}"
    r"(?P<where>\{[rl]\}|\[H\]|\[[^]]*\])?"
    r"(?:(?!\\end\{(?P=kind)\}).)*?"
    r"\\(?:caption|captionof\{figure\}|sphinxfigcaption)\{(?P<caption>[^}]*)\}",
    re.DOTALL,
)


def figures(tex: str) -> dict[str, str]:
    """Each figure's caption, and the LaTeX that holds it: ``wrapfigure{r}``,
    ``figure[H]``, ``center`` (in a topic), ``sphinxfigure-in-table[...]``."""
    return {m["caption"]: m["kind"] + (m["where"] or "") for m in _FIGURE.finditer(tex)}


def test_floats_wrap_only_beside_enough_plain_text(floats_pdf: Pdf) -> None:
    assert figures(floats_pdf.tex) == {
        # a direct child of a section, followed by paragraphs that run past it
        "Wrapped beside the text.": "wrapfigure{r}",
        "Wrapped after a heading.": "wrapfigure{r}",
        "Wrapped after a list.": "wrapfigure{l}",
        # anything else: a figure in its place
        "Before the list.": "figure[H]",
        "Before the timeline.": "figure[H]",
        "First of two floats.": "figure[H]",
        "Second of two floats.": "figure[H]",
        "Inside the entry.": "figure[H]",
        "Just before a heading.": "figure[H]",
        "Before the definition list.": "figure[H]",
        "Before the code block.": "figure[H]",
        "In a list item.": "figure[H]",
        "In a note.": "figure[H]",
        # in a table and in a topic: the writer's own forms, which never float
        "In a table.": "sphinxfigure-in-table[0.500\\linewidth]",
        "In a topic.": "center",
    }
    # each wrapped figure comes after a box as tall as it, that keeps it off a page's foot
    assert floats_pdf.tex.count("\\penalty9999\\vskip-") == 3
    # in place, the image keeps the float's width, now a share of the column's
    assert (
        "\\begin{figure}[H]\n\\centering\n\\capstart\n\n"
        "\\noindent\\sphinxincludegraphics[width=0.350\\linewidth]{{city}.png}\n"
        "\\caption{First of two floats.}"
    ) in floats_pdf.tex


def positions(pdf: Pdf, start: str, *phrases: str) -> list[int]:
    """Where each phrase first appears in the PDF's text after ``start`` (which skips
    the table of contents)."""
    text = pdf.text
    offset = text.index(start)
    found = [text.find(phrase, offset) for phrase in phrases]
    missing = [phrase for phrase, at in zip(phrases, found, strict=True) if at < 0]
    assert not missing, f"not in the PDF after {start!r}: {missing}"
    return found


def assert_in_order(pdf: Pdf, start: str, *phrases: str) -> None:
    found = positions(pdf, start, *phrases)
    order = [phrase for _, phrase in sorted(zip(found, phrases, strict=True))]
    assert order == list(phrases)


MYST = "Each section below puts"
"""The start of the MyST chapter, after the table of contents."""
RST = "FLOATS IN RESTRUCTUREDTEXT"
"""The rST chapter's heading (the table of contents spells it otherwise)."""


def test_float_in_a_timeline_entry_stays_in_the_entry(floats_pdf: Pdf) -> None:
    assert_in_order(
        floats_pdf,
        MYST,
        "With a picture",
        "text before its picture.",
        "Inside the entry.",
        "text after its picture.",
        "May 1988",
        "The paragraph after the timeline.",
    )


def test_second_of_two_floats_comes_before_the_next_heading(floats_pdf: Pdf) -> None:
    assert_in_order(
        floats_pdf,
        MYST,
        "First of two floats.",
        "One paragraph between the two floats.",
        "Second of two floats.",
        "The text after the second float.",
        "The heading after two floats",
        "The paragraph under the heading after two floats.",
    )


def test_floats_stay_before_what_they_cannot_wrap(floats_pdf: Pdf) -> None:
    assert_in_order(
        floats_pdf,
        MYST,
        "Before the list.",
        "A short paragraph before the list.",
        "The first item of the list.",
        "A quotation after the list.",
        "Before the timeline.",
        "Release manager",
        "A post quoted after the timeline.",
        "A paragraph before the float.",
        "Just before a heading.",
        "The heading after a float",
    )
    assert_in_order(
        floats_pdf,
        RST,
        "Before the definition list.",
        "Review",
        "Before the code block.",
        "make release",
        "A list item with a float:",
        "In a list item.",
        "The rest of the list item.",
        "The second list item.",
        "In a note.",
        "The text of the note.",
        "In a table.",
        "In a topic.",
        "The text of the topic.",
        "A float right after a heading",
    )


_WORD = re.compile(
    r'<word xMin="(?P<left>[\d.]+)" yMin="(?P<top>[\d.]+)" xMax="(?P<right>[\d.]+)"'
    r' yMax="(?P<bottom>[\d.]+)">(?P<word>[^<]*)</word>'
)
MARGIN = 72
"""The bottom margin of Sphinx's default layout (1in), in PDF points."""


def test_wrapped_floats_stand_beside_their_text(floats_pdf: Pdf) -> None:
    """The caption of a wrapped figure shares its lines with the text beside it, above
    the foot of the page (where wrapfig lets a figure that does not fit run into)."""
    assert (floats_pdf.folder / f"{floats_pdf.name}.pdf").is_file(), floats_pdf.errors()
    boxes = subprocess.run(
        ["pdftotext", "-bbox", f"{floats_pdf.name}.pdf", "-"],
        cwd=floats_pdf.folder,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    sides = []
    for page in boxes.split("<page ")[1:]:
        size = re.match(r'width="[\d.]+" height="(?P<height>[\d.]+)"', page)
        assert size is not None
        height = float(size["height"])
        words = [
            (float(m["left"]), float(m["right"]), float(m["top"]), float(m["bottom"]), m["word"])
            for m in _WORD.finditer(page)
        ]
        for left, _, top, bottom, word in words:
            if word != "Wrapped":  # the first word of each wrapped figure's caption
                continue
            assert bottom < height - MARGIN, "a wrapped figure runs into the foot of its page"
            line = sorted(w for w in words if abs(w[2] - top) < 2)
            # a gap wider than any space between words: the figure's edge
            edges = [b[0] for a, b in itertools.pairwise(line) if b[0] - a[1] > 8]
            if any(edge <= left for edge in edges):
                sides.append("right")  # text on its left: the figure is on the right
            elif any(edge > left for edge in edges):
                sides.append("left")
            else:
                sides.append("alone")
    assert sorted(sides) == ["left", "right", "right"]
