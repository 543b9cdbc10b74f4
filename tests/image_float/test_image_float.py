"""The image-float directive: HTML, lightbox switch, assets, images and other builders."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from sphinx.testing.util import SphinxTestApp

from helpers import PACKAGE, ROOTS, copy_root, expect, soup, warnings_of
from sphinx_timeline.core.metadata import parse_flag
from sphinx_timeline.image_float.images import css_width

Build = Callable[..., SphinxTestApp]

IMAGES = ROOTS / "test-float" / "img"
STATIC = PACKAGE / "image_float" / "static"


def figures(app: SphinxTestApp, page: str) -> list[Tag]:
    return soup(app, page).select("div.body figure.stl-float")


def is_lightbox(figure: Tag) -> bool:
    return figure.select_one(":scope > a.stl-lightbox") is not None


@pytest.mark.sphinx("html", testroot="float")
def test_html_structure(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    expect("float-index.html", "".join(figure.prettify() for figure in figures(app, "index")))


@pytest.mark.sphinx("html", testroot="float")
def test_myst_and_rst_give_the_same_html(app: SphinxTestApp) -> None:
    app.build()

    def normalise(html: str) -> str:
        html = re.sub(r'(id="|href="#)rst-', r"\1", html)
        return re.sub(r"Fig\. \d+", "Fig. N", html)  # numbered across the project

    myst = "".join(map(str, figures(app, "index")))
    rst = "".join(map(str, figures(app, "floats-rst")))
    assert normalise(myst) == normalise(rst)


@pytest.mark.sphinx("html", testroot="float")
def test_figure_float_width_and_caption(app: SphinxTestApp) -> None:
    app.build()
    photo, square, linked = figures(app, "index")
    assert photo["class"] == ["stl-float", "stl-float-right", "framed"]
    assert photo["style"] == "--stl-float-width: 40%"
    assert square["class"] == ["stl-float", "stl-float-left"]
    assert square["style"] == "--stl-float-width: 12em"
    assert linked["style"] == "--stl-float-width: 150px"  # a bare number is pixels
    caption = photo.select_one("figcaption .caption-text")
    assert caption.select_one("em").get_text() == "blue"
    assert caption.select_one("a")["href"] == "https://example.org"
    # numbered like any figure, with a permalink
    assert photo.select_one("figcaption .caption-number").get_text() == "Fig. 1 "
    assert photo.select_one("figcaption a.headerlink")["href"] == "#photo"
    numref = soup(app, "index").select_one("div.body p a.reference.internal")
    assert (numref["href"], numref.get_text()) == ("#photo", "Fig. 1")


@pytest.mark.sphinx("html", testroot="float")
def test_img_is_lazy_with_its_intrinsic_size(app: SphinxTestApp) -> None:
    app.build()
    photo, square, _ = figures(app, "index")
    light, dark = photo.select("img")
    assert light.attrs == {
        "alt": "A blue photo",
        "class": ["stl-float-image", "stl-float-light", "only-light"],
        "decoding": "async",
        "height": "300",
        "loading": "lazy",
        "src": "_images/photo.png",
        "width": "400",
    }
    assert dark["src"] == "_images/photo-dark.png"
    assert dark["class"] == ["stl-float-image", "stl-float-dark", "only-dark"]
    assert (dark["width"], dark["height"], dark["alt"]) == ("400", "300", "A blue photo")
    img = square.select_one("img")
    assert (img["width"], img["height"]) == ("100", "100")
    # without :alt:, the caption's text describes the image
    assert img["alt"] == "A square, enlarged on click."
    for name in ("photo.png", "photo-dark.png", "square.png"):
        assert (app.outdir / "_images" / name).is_file(), name


@pytest.mark.sphinx("html", testroot="float")
def test_image_urls_from_a_subfolder(app: SphinxTestApp) -> None:
    app.build()
    badge, square = figures(app, "notes/note")
    link = badge.select_one("a.stl-lightbox")
    assert link["href"] == "../_images/badge.png"
    assert link.select_one("img")["src"] == "../_images/badge.png"
    assert badge.select_one("img")["alt"] == "A green badge"
    assert square.select_one("img")["src"] == "../_images/square.png"
    assert (app.outdir / "_images" / "badge.png").is_file()


@pytest.mark.sphinx("html", testroot="float")
def test_target_makes_one_link_and_no_lightbox(app: SphinxTestApp) -> None:
    app.build()
    linked = figures(app, "index")[2]
    links = linked.select("a")
    assert [(a["href"], a["class"]) for a in links if "headerlink" not in a["class"]] == [
        ("https://example.org/?a=1&b=2", ["stl-float-media"])
    ]
    assert not soup(app, "index").select("a a")
    assert not is_lightbox(linked)


@pytest.mark.parametrize(
    ("page", "lightbox", "config"),
    [
        ("index", [False, True, False], False),  # timeline_lightbox, :lightbox: true, :target:
        ("index", [True, True, False], True),
        ("gallery-on", [True, False], False),  # front matter yes; :lightbox: false
        ("gallery-off", [False, True], True),  # front matter false beats the configuration
    ],
)
def test_lightbox_option_then_front_matter_then_config(
    make_app: Callable[..., SphinxTestApp],
    tmp_path: Path,
    page: str,
    lightbox: list[bool],
    config: bool,
) -> None:
    srcdir = copy_root("float", tmp_path)
    app = make_app("html", srcdir=srcdir, confoverrides={"timeline_lightbox": config})
    app.build()
    assert warnings_of(app) == []
    assert [is_lightbox(figure) for figure in figures(app, page)] == lightbox


def image_project(srcdir: Path) -> None:
    """An ``img/`` folder with the test project's images in ``srcdir``."""
    (srcdir / "img").mkdir(parents=True, exist_ok=True)
    for image in IMAGES.iterdir():
        (srcdir / "img" / image.name).write_bytes(image.read_bytes())


SPELLINGS = [
    ("true", True),
    ("True", True),
    ("yes", True),
    ("on", True),
    ("1", True),
    ("false", False),
    ("False", False),
    ("no", False),
    ("off", False),
    ("0", False),
]


@pytest.mark.parametrize(("value", "enabled"), SPELLINGS)
def test_front_matter_spellings_in_myst(
    build: Build, tmp_path: Path, value: str, enabled: bool
) -> None:
    image_project(tmp_path / "src")
    page = f"---\nlightgallery: {value}\n---\n# P\n\n:::{{image-float}} img/square.png\n:::\n"
    # the configuration says the opposite, so the page's field decides
    app = build({"index.md": page}, timeline_lightbox=not enabled)
    assert warnings_of(app) == []
    assert [is_lightbox(figure) for figure in figures(app, "index")] == [enabled]


@pytest.mark.parametrize(("value", "enabled"), SPELLINGS)
def test_docinfo_spellings_in_rst(build: Build, tmp_path: Path, value: str, enabled: bool) -> None:
    image_project(tmp_path / "src")
    page = f":lightgallery: {value}\n\nP\n=\n\n.. image-float:: img/square.png\n"
    app = build({"index.rst": page}, timeline_lightbox=not enabled)
    assert warnings_of(app) == []
    assert [is_lightbox(figure) for figure in figures(app, "index")] == [enabled]


def test_parse_flag() -> None:
    assert parse_flag(True) is True
    assert parse_flag(False) is False
    assert parse_flag(" YES ") is True
    assert parse_flag("Off") is False
    assert parse_flag("sometimes") is None
    assert parse_flag("") is None


@pytest.mark.parametrize(
    ("value", "width"),
    [
        ("40%", "40%"),
        ("100%", "100%"),
        ("12.5em", "12.5em"),
        ("300", "300px"),
        ("300 px", "300px"),
        ("2in", "2in"),
        (".5cm", ".5cm"),
    ],
)
def test_css_width(value: str, width: str) -> None:
    assert css_width(value) == width


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("wide", "'wide' is not a length"),
        ("-3em", "'-3em' is not a length"),
        ("3vw", "'3vw' is not a length"),
        ("calc(1em)", "'calc(1em)' is not a length"),
        ("0", "'0' is not more than 0"),
        ("120%", "'120%' is over 100% of the text column"),
    ],
)
def test_css_width_says_what_is_wrong(value: str, problem: str) -> None:
    with pytest.raises(ValueError, match=re.escape(problem)):
        css_width(value)


@pytest.mark.sphinx("html", testroot="float")
def test_assets_only_on_pages_that_need_them(app: SphinxTestApp) -> None:
    app.build()
    for page, stylesheet, script in [
        ("index", True, True),
        ("floats-rst", True, True),
        ("gallery-on", True, True),
        ("gallery-off", True, True),
        ("notes/note", True, True),
        ("plain", False, False),
    ]:
        html = soup(app, page)
        styles = [link["href"] for link in html.select("link[rel=stylesheet]")]
        scripts = {s.get("src", ""): s for s in html.select("script")}
        assert any("sphinx-timeline-float.css" in href for href in styles) is stylesheet, page
        lightbox = [tag for src, tag in scripts.items() if "sphinx-timeline-lightbox.js" in src]
        assert bool(lightbox) is script, page
        if lightbox:
            assert lightbox[0].has_attr("defer"), page
    assert (app.outdir / "_static" / "sphinx-timeline-float.css").is_file()
    assert (app.outdir / "_static" / "sphinx-timeline-lightbox.js").is_file()


def test_no_script_on_a_page_whose_floats_have_no_lightbox(build: Build, tmp_path: Path) -> None:
    image_project(tmp_path / "src")
    app = build({"index.md": "# P\n\n:::{image-float} img/square.png\nCaption.\n:::\n"})
    html = soup(app, "index")
    assert not [s for s in html.select("script") if "lightbox" in s.get("src", "")]
    assert any("float.css" in link["href"] for link in html.select("link[rel=stylesheet]"))
    assert html.select_one("figure.stl-float > span.stl-float-media > img")
    assert not html.select("figure.stl-float a:not(.headerlink)")


def test_script_and_stylesheet_are_small() -> None:
    script = (STATIC / "sphinx-timeline-lightbox.js").stat().st_size
    stylesheet = (STATIC / "sphinx-timeline-float.css").stat().st_size
    assert script < 5000, script
    assert stylesheet < 8000, stylesheet


def test_text_is_escaped(build: Build, tmp_path: Path) -> None:
    image_project(tmp_path / "src")
    page = (
        "# P\n\n:::{image-float} img/square.png\n"
        ':alt: <script>alert(1)</script> "quoted" & co\n'
        ':class: a"b\n'
        ':target: https://example.org/?q="><script>alert(2)</script>\n'
        "Caption & 1 < 2\n:::\n"
    )
    app = build({"index.md": page}, myst_enable_extensions=["colon_fence"])
    html = (app.outdir / "index.html").read_text("utf8")
    assert "<script>alert" not in html
    assert "Caption &amp; 1 &lt; 2" in html
    figure = figures(app, "index")[0]
    assert figure["class"] == ["stl-float", "stl-float-right", "a-b"]
    assert figure.select_one("img")["alt"] == '<script>alert(1)</script> "quoted" & co'
    assert figure.select_one("a")["href"] == 'https://example.org/?q="><script>alert(2)</script>'


BUILDERS = ["html", "dirhtml", "singlehtml", "epub", "latex", "text", "man", "texinfo", "xml"]


@pytest.mark.parametrize("buildername", [*BUILDERS, "gettext"])
def test_every_builder_without_warnings(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, buildername: str
) -> None:
    app = make_app(buildername, srcdir=copy_root("float", tmp_path))
    app.build()
    assert warnings_of(app) == []


def test_dirhtml_and_singlehtml_image_urls(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    app = make_app("dirhtml", srcdir=copy_root("float", tmp_path))
    app.build()
    note = BeautifulSoup(
        (app.outdir / "notes" / "note" / "index.html").read_text("utf8"), "html.parser"
    )
    assert note.select_one("a.stl-lightbox")["href"] == "../../_images/badge.png"
    app = make_app("singlehtml", srcdir=copy_root("float", tmp_path / "single"))
    app.build()
    page = BeautifulSoup((app.outdir / "index.html").read_text("utf8"), "html.parser")
    sources = [img["src"] for img in page.select("figure.stl-float img")]
    assert "_images/badge.png" in sources
    assert all(source.startswith("_images/") for source in sources)
    assert (app.outdir / "_images" / "badge.png").is_file()
    assert page.select_one("#photo .caption-number").get_text() == "Fig. 1 "


def test_latex_places_each_float_of_its_width(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    app = make_app("latex", srcdir=copy_root("float", tmp_path))
    app.build()
    tex = next(app.outdir.glob("*.tex")).read_text("utf8")
    # too little text beside any of them to wrap (tests/test_latex_pdf.py has floats
    # that wrap): each is a figure in its place, its image of the float's width
    assert (
        "\\begin{figure}[H]\n\\centering\n\\capstart\n\n"
        "\\noindent\\sphinxincludegraphics[width=0.400\\linewidth]{{photo}.png}\n"
        "\\caption{The \\sphinxstyleemphasis{blue} photo, see "
        "\\sphinxhref{https://example.org}{the site}.}\\label{\\detokenize{index:photo}}"
        "\\end{figure}"
    ) in tex
    assert "wrapfigure" not in tex
    assert "\\sphinxincludegraphics[width=12em]{{square}.png}" in tex
    assert "[width=150px]" not in tex
    assert "\\sphinxincludegraphics[width=150\\sphinxpxdimen]{{square}.png}" in tex
    assert "\\sphinxhref{https://example.org/?a=1\\&b=2}{\\sphinxincludegraphics" in tex
    assert "\\hyperref[\\detokenize{index:photo}]{Fig.\\@ \\ref{\\detokenize{index:photo}}}" in tex
    # the dark variant is for screens: neither in the PDF nor copied
    assert "photo-dark" not in tex
    assert (app.outdir / "photo.png").is_file()
    assert not (app.outdir / "photo-dark.png").exists()


def test_text_shows_alt_text_and_caption(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    app = make_app("text", srcdir=copy_root("float", tmp_path))
    app.build()
    text = (app.outdir / "index.txt").read_text("utf8")
    assert "   [image: A blue photo]\n\n   The *blue* photo, see the site.\n" in text
    assert text.count("[image") == 3  # one mention per float: no dark variant
    assert "A square, enlarged on click." in text


def test_man_page_shows_alt_text_and_caption(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    app = make_app("man", srcdir=copy_root("float", tmp_path))
    app.build()
    man = next(app.outdir.glob("*.1")).read_text("utf8")
    assert "[image: A blue photo]" in man
    assert "photo, see" in man


def test_captions_are_translatable(make_app: Callable[..., SphinxTestApp], tmp_path: Path) -> None:
    app = make_app("gettext", srcdir=copy_root("float", tmp_path))
    app.build()
    pot = (app.outdir / "index.pot").read_text("utf8")
    assert 'msgid "The *blue* photo, see [the site](https://example.org)."' in pot
    assert 'msgid "A square, enlarged on click."' in pot


def test_editing_an_image_rebuilds_its_page(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    srcdir = copy_root("float", tmp_path)
    make_app("html", srcdir=srcdir).build()
    (srcdir / "notes" / "badge.png").write_bytes((IMAGES / "photo.png").read_bytes())
    app = make_app("html", srcdir=srcdir)
    app.build()
    img = figures(app, "notes/note")[0].select_one("img")
    assert (img["width"], img["height"]) == ("400", "300")


@pytest.mark.parametrize(
    ("language", "label"),
    [("en", "Close"), ("de", "Schließen"), ("fr", "Fermer"), ("es", "Cerrar")],
)
def test_close_button_label_follows_the_language(
    build: Build, tmp_path: Path, language: str, label: str
) -> None:
    image_project(tmp_path / "src")
    page = "# P\n\n:::{image-float} img/square.png\n:lightbox: true\n:::\n"
    app = build({"index.md": page}, language=language)
    assert figures(app, "index")[0].select_one("a.stl-lightbox")["data-close-label"] == label


def test_svg_size_from_its_attributes_or_view_box(build: Build) -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg" {}><circle r="4"/></svg>'
    page = "# P\n\n" + "".join(
        f":::{{image-float}} {name}.svg\n:::\n\n"
        for name in ("sized", "viewbox", "unsized", "percent")
    )
    app = build(
        {
            "index.md": page,
            "sized.svg": svg.format('width="120" height="80"'),
            "viewbox.svg": svg.format('viewBox="0 0 300 150"'),
            "unsized.svg": svg.format('width="50%"'),
            "percent.svg": svg.format('width="50%" height="2em" viewBox="0,0,40,30"'),
        }
    )
    assert warnings_of(app) == []
    sizes = [(img.get("width"), img.get("height")) for img in soup(app, "index").select("img")]
    # a drawing without any size scales with its figure, which has one
    assert sizes == [("120", "80"), ("300", "150"), (None, None), ("40", "30")]


def test_a_sphinx_figure_with_the_class_stays_a_sphinx_figure(build: Build, tmp_path: Path) -> None:
    image_project(tmp_path / "src")
    page = "# P\n\n```{figure} img/square.png\n:class: stl-float\n\nA figure.\n```\n"
    app = build({"index.md": page})
    assert warnings_of(app) == []
    figure = soup(app, "index").select_one("figure")
    assert "style" not in figure.attrs
    assert figure.select_one("img")["src"] == "_images/square.png"
