"""Each page gets the stylesheets and scripts its components need, sphinx-design's too."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sphinx.testing.util import SphinxTestApp

from helpers import soup, warnings_of

Build = Callable[..., SphinxTestApp]

DESIGN_CSS = "_static/sphinx-design.min.css"
DESIGN_JS = "_static/design-tabs.js"

PAGES = {
    "index.md": "# Index\n\n```{toctree}\n:glob:\n\n*\n```\n",
    "plain.md": "# Plain\n\nNo component here.\n",
    "tabs.md": (
        "# Tabs\n\n::::{tab-set}\n:::{tab-item} One\nA\n:::\n:::{tab-item} Two\nB\n:::\n::::\n"
    ),
    "card.md": "# Card\n\n:::{card} A card\nBody.\n:::\n",
    "icon.md": "# Icon\n\n::::{timeline}\n:::{timeline-entry} 2019\n:icon: rocket\nA.\n:::\n::::\n",
    "colour.md": (
        "# Colour\n\n::::{timeline}\n:::{timeline-entry} 2019\n:color: success\nA.\n:::\n::::\n"
    ),
    "timeline.md": "# Timeline\n\n::::{timeline}\n:::{timeline-entry} 2019\nA.\n:::\n::::\n",
}


def design_assets(app: SphinxTestApp, page: str) -> set[str]:
    """sphinx-design's stylesheet and script, where the page links them."""
    html = soup(app, page)
    links = {link["href"].split("?")[0] for link in html.select("link[rel=stylesheet]")}
    scripts = {script["src"].split("?")[0] for script in html.select("script[src]")}
    return (links | scripts) & {DESIGN_CSS, DESIGN_JS}


def test_only_pages_with_a_component_get_sphinx_designs_assets(build: Build) -> None:
    app = build(dict(PAGES))
    assert warnings_of(app) == []
    assert {page: design_assets(app, page.removesuffix(".md")) for page in PAGES} == {
        "index.md": set(),
        "plain.md": set(),
        "tabs.md": {DESIGN_CSS, DESIGN_JS},
        "card.md": {DESIGN_CSS},
        "icon.md": {DESIGN_CSS},
        "colour.md": {DESIGN_CSS},
        "timeline.md": set(),
    }
    assert (app.outdir / DESIGN_CSS).is_file()
    assert (app.outdir / DESIGN_JS).is_file()
    tabs_script = soup(app, "tabs").select_one(f'script[src^="{DESIGN_JS}"]')
    assert tabs_script.has_attr("data-sd-tabs-storage-prefix"), "sphinx-design's own attributes"


@pytest.mark.parametrize(
    "conf",
    [
        'extensions = ["sphinx_timeline"]\n\n'
        "def setup(app):\n    app.set_html_assets_policy('always')\n",
        'extensions = ["sphinx_design", "sphinx_timeline"]\n',
    ],
    ids=["assets policy always", "sphinx_design in extensions"],
)
def test_every_page_gets_them_when_the_project_says_so(build: Build, conf: str) -> None:
    app = build({**PAGES, "conf.py": conf})
    assert warnings_of(app) == []
    for page in PAGES:
        assert design_assets(app, page.removesuffix(".md")) == {DESIGN_CSS, DESIGN_JS}
