"""Every mistake in an image-float gives one located ``timeline.float`` (or, for an
unknown option, ``timeline.option``) warning, and the page still builds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from helpers import ROOTS, soup, warnings_of

Build = Callable[..., SphinxTestApp]

IMAGES = ROOTS / "test-float" / "img"
AFTER = "\nThe paragraph after.\n"


def with_images(srcdir: Path) -> None:
    """The test project's images in ``srcdir/img``, and a file that is no image."""
    (srcdir / "img").mkdir(parents=True, exist_ok=True)
    for image in IMAGES.iterdir():
        (srcdir / "img" / image.name).write_bytes(image.read_bytes())
    (srcdir / "img" / "broken.png").write_text("not a PNG", "utf8")
    (srcdir / "img" / "broken.svg").write_text("<html>not a drawing</html>", "utf8")


def myst_float(argument: str, options: str = "") -> str:
    return f"# Page\n\n:::{{image-float}} {argument}\n{options}Caption.\n:::\n{AFTER}"


MYST_MISTAKES = {
    "missing image": (
        myst_float("img/missing.png"),
        "index.md:3: WARNING: image-float image 'img/missing.png' not found (looked for "
        "<src>/img/missing.png); the path is relative to the page, or to the source folder "
        "when it starts with '/' [timeline.float]",
        False,
    ),
    "unreadable image": (
        myst_float("img/broken.png"),
        "index.md:3: WARNING: image-float image 'img/broken.png' cannot be read as an image; "
        "use a PNG, JPEG, GIF, WebP or SVG file [timeline.float]",
        False,
    ),
    "unreadable drawing": (
        myst_float("img/broken.svg"),
        "index.md:3: WARNING: image-float image 'img/broken.svg' cannot be read as an image; "
        "use a PNG, JPEG, GIF, WebP or SVG file [timeline.float]",
        False,
    ),
    "image is a folder": (
        myst_float("img"),
        "index.md:3: WARNING: image-float image 'img' not found (looked for <src>/img); the "
        "path is relative to the page, or to the source folder when it starts with '/' "
        "[timeline.float]",
        False,
    ),
    "image is a URL": (
        myst_float("https://example.org/a.png"),
        "index.md:3: WARNING: image-float image 'https://example.org/a.png' is a URL; "
        "image-float needs a file of the project, whose size it reads. Save the image "
        "beside the page [timeline.float]",
        False,
    ),
    "no image": (
        "# Page\n\n:::{image-float}\nCaption.\n:::\n" + AFTER,
        "index.md:3: WARNING: image-float has no image; give its path as the argument, for "
        "example ':::{image-float} img/plans.png' [timeline.float]",
        False,
    ),
    "missing dark image": (
        myst_float("img/photo.png", ":dark: img/night.png\n"),
        "index.md:4: WARNING: image-float :dark: image 'img/night.png' not found (looked for "
        "<src>/img/night.png); the path is relative to the page, or to the source folder "
        "when it starts with '/' [timeline.float]",
        True,
    ),
    "unknown align": (
        myst_float("img/photo.png", ":align: center\n"),
        "index.md:4: WARNING: image-float :align: 'center' is not allowed; use one of right, "
        "left [timeline.option]",
        True,
    ),
    "misspelt align": (
        myst_float("img/photo.png", ":align: rigth\n"),
        "index.md:4: WARNING: image-float :align: 'rigth' is not allowed; did you mean "
        "'right'? Otherwise use one of right, left [timeline.option]",
        True,
    ),
    "width not a length": (
        myst_float("img/photo.png", ":width: half\n"),
        "index.md:4: WARNING: image-float :width: 'half' is not a length; write a percentage "
        "of the text column (40%) or a length in px, em, ex, pt, pc, in, cm or mm (300px, "
        "12em). Using 40% [timeline.option]",
        True,
    ),
    "width over 100%": (
        myst_float("img/photo.png", ":width: 150%\n"),
        "index.md:4: WARNING: image-float :width: '150%' is over 100% of the text column; "
        "write a percentage up to 100%. Using 40% [timeline.option]",
        True,
    ),
    "lightbox neither true nor false": (
        myst_float("img/photo.png", ":lightbox: sometimes\n"),
        "index.md:4: WARNING: image-float :lightbox: 'sometimes' is neither true nor false; "
        "the page's lightgallery and timeline_lightbox decide. Write true or false "
        "[timeline.option]",
        True,
    ),
    "lightbox and target": (
        myst_float("img/photo.png", ":lightbox: true\n:target: https://example.org\n"),
        "index.md:4: WARNING: image-float :lightbox: true is ignored, because :target: makes "
        "the image a link already; remove one of the two options [timeline.option]",
        True,
    ),
    "script target": (
        myst_float("img/photo.png", ":target: JavaScript:alert(1)\n"),
        "index.md:4: WARNING: image-float :target: 'JavaScript:alert(1)' is a javascript: "
        "link, which is never followed; link to a page or a file [timeline.float]",
        True,
    ),
    "unknown option": (
        myst_float("img/photo.png", ":caption: Hello\n"),
        "index.md:4: WARNING: unknown option :caption: in image-float; the known options "
        "are :align:, :width:, :alt:, :lightbox:, :target:, :dark:, :class:, :name: "
        "[timeline.option]",
        True,
    ),
}


@pytest.mark.parametrize("mistake", MYST_MISTAKES)
def test_each_mistake_gives_one_located_warning(build: Build, tmp_path: Path, mistake: str) -> None:
    page, warning, still_shown = MYST_MISTAKES[mistake]
    with_images(tmp_path / "src")
    app = build({"index.md": page})
    assert warnings_of(app) == [f"<src>/{warning}"]
    html = soup(app, "index")
    assert "The paragraph after." in html.select_one("div.body").get_text()
    assert bool(html.select("figure.stl-float")) is still_shown
    assert "alert(1)" not in str(html.select_one("div.body"))


def test_the_figure_keeps_the_defaults_after_a_bad_value(build: Build, tmp_path: Path) -> None:
    with_images(tmp_path / "src")
    app = build({"index.md": myst_float("img/photo.png", ":align: middle\n:width: big\n")})
    assert len(warnings_of(app)) == 2
    figure = soup(app, "index").select_one("figure.stl-float")
    assert figure["class"] == ["stl-float", "stl-float-right"]
    assert figure["style"] == "--stl-float-width: 40%"


RST_PAGE = """\
Page
====

.. image-float:: img/missing.png

   Missing.

.. image-float:: img/photo.png
   :align: centre
   :width: 3 apples
   :colour: red

   Bad values.

.. image-float::

.. image-float:: img/broken.png

The paragraph after.
"""


def test_rst_mistakes_are_reported_the_same_way(build: Build, tmp_path: Path) -> None:
    with_images(tmp_path / "src")
    app = build({"index.rst": RST_PAGE})
    assert warnings_of(app) == [
        "<src>/index.rst:4: WARNING: image-float image 'img/missing.png' not found (looked "
        "for <src>/img/missing.png); the path is relative to the page, or to the source "
        "folder when it starts with '/' [timeline.float]",
        "<src>/index.rst:9: WARNING: image-float :align: 'centre' is not allowed; use one of "
        "right, left [timeline.option]",
        "<src>/index.rst:10: WARNING: image-float :width: '3 apples' is not a length; write a "
        "percentage of the text column (40%) or a length in px, em, ex, pt, pc, in, cm or mm "
        "(300px, 12em). Using 40% [timeline.option]",
        "<src>/index.rst:11: WARNING: unknown option :colour: in image-float; the known "
        "options are :align:, :width:, :alt:, :lightbox:, :target:, :dark:, :class:, :name: "
        "[timeline.option]",
        "<src>/index.rst:15: WARNING: image-float has no image; give its path as the "
        "argument, for example '.. image-float:: img/plans.png' [timeline.float]",
        "<src>/index.rst:17: WARNING: image-float image 'img/broken.png' cannot be read as "
        "an image; use a PNG, JPEG, GIF, WebP or SVG file [timeline.float]",
    ]
    html = soup(app, "index")
    assert len(html.select("figure.stl-float")) == 1
    assert "The paragraph after." in html.get_text()


@pytest.mark.parametrize(
    ("files", "warning"),
    [
        (
            {"index.md": "---\nlightgallery: sometimes\n---\n# Page\n"},
            "<src>/index.md:2: WARNING: front matter lightgallery: 'sometimes' is neither "
            "true nor false; write true or false (timeline_lightbox decides meanwhile) "
            "[timeline.float]",
        ),
        (
            {"index.rst": ":author: Me\n:lightgallery: maybe\n\nPage\n====\n"},
            "<src>/index.rst:2: WARNING: front matter lightgallery: 'maybe' is neither "
            "true nor false; write true or false (timeline_lightbox decides meanwhile) "
            "[timeline.float]",
        ),
    ],
)
def test_bad_front_matter_value(build: Build, files: dict[str, str], warning: str) -> None:
    app = build(files)
    assert warnings_of(app) == [warning]


def test_bad_front_matter_value_leaves_the_choice_to_the_configuration(
    build: Build, tmp_path: Path
) -> None:
    with_images(tmp_path / "src")
    page = "---\nlightgallery: [1, 2]\n---\n# Page\n\n:::{image-float} img/photo.png\n:::\n"
    app = build({"index.md": page}, timeline_lightbox=True)
    (warning,) = warnings_of(app)
    assert warning.startswith("<src>/index.md:2: WARNING: front matter lightgallery: ")
    assert soup(app, "index").select("figure.stl-float a.stl-lightbox")


def test_bad_config_value(build: Build) -> None:
    conf = 'extensions = ["sphinx_timeline"]\ntimeline_lightbox = "yes"\n'
    app = build({"conf.py": conf, "index.md": "# Page\n"}, show_warning_types=True)
    assert warnings_of(app) == [
        "<src>/conf.py:2: WARNING: timeline_lightbox must be a bool, not 'yes'; using the "
        "default False. Fix the value in conf.py. [timeline.config]"
    ]


def test_float_warnings_are_suppressible(build: Build, tmp_path: Path) -> None:
    with_images(tmp_path / "src")
    page = myst_float("img/missing.png")
    app = build({"index.md": page}, suppress_warnings=["timeline.float"])
    assert warnings_of(app) == []
