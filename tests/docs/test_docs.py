"""The project's own docs build strictly (``-nW --keep-going``) with the package itself."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import DOCS, PACKAGE


@pytest.mark.parametrize("buildername", ["html", "latex", "text", "man"])
def test_docs_build_strictly(tmp_path: Path, buildername: str) -> None:
    command = [sys.executable, "-m", "sphinx", "-nW", "--keep-going", "-q", "-b", buildername]
    result = subprocess.run(
        [*command, str(DOCS), str(tmp_path / buildername)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("stylesheet", "page"),
    [
        ("timeline/static/sphinx-timeline.css", "timeline.md"),
        ("tweet/static/sphinx-timeline-tweet.css", "tweet.md"),
        ("image_float/static/sphinx-timeline-float.css", "image-float.md"),
    ],
)
def test_docs_name_every_css_setting(stylesheet: str, page: str) -> None:
    """The feature's docs page lists each ``--stl-*`` custom property its stylesheet
    declares for writers (``--stl-marker-top`` is derived, not a setting)."""
    css = (PACKAGE / stylesheet).read_text("utf8")
    declared = set(re.findall(r"(--stl-[a-z-]+)\s*:", css)) - {"--stl-marker-top"}
    documented = set(re.findall(r"--stl-[a-z-]+", (DOCS / page).read_text("utf8")))
    assert declared
    assert declared <= documented, declared - documented
