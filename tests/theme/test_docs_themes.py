"""The docs under the stock themes: the directives' pages work in any theme.

The docs use the ``sphinx_timeline`` theme; ``tox -e docs-themes`` builds them under
Alabaster, Furo, PyData and Read the Docs' theme too. Here each of those builds the
docs strictly (``-nW``, as ``tox -e docs-themes`` does) without a warning, and the
kitchen-sink page and the directives' pages hold what the directives write.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import DOCS

THEMES = ("alabaster", "furo", "pydata_sphinx_theme", "sphinx_rtd_theme")
EXAMPLES = {
    "kitchen-sink": (".stl-timeline", ".stl-tweet", ".stl-float", ".sd-card", ".sd-tab-set"),
    "timeline": (".stl-timeline",),
    "tweet": (".stl-tweet",),
    "image-float": (".stl-float",),
}
"""The docs' example pages, and what each must show."""


@pytest.mark.parametrize("theme", THEMES)
def test_the_docs_build_under_another_theme(tmp_path: Path, theme: str) -> None:
    command = [sys.executable, "-m", "sphinx", "-nW", "--keep-going", "-q", "-b", "html"]
    result = subprocess.run(
        [*command, "-D", f"html_theme={theme}", str(DOCS), str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    for name, selectors in EXAMPLES.items():
        html = BeautifulSoup((tmp_path / f"{name}.html").read_text("utf8"), "html.parser")
        assert [selector for selector in selectors if html.select_one(selector) is None] == []
        assert html.select("body.stl-body, #stl-sidebar") == []  # the other theme's page
