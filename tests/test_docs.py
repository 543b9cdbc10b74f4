"""The project's own docs build strictly (``-nW --keep-going``) with the package itself."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import sphinx_timeline
from conftest import DOCS


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


def test_docs_name_every_css_setting() -> None:
    """The styling section lists each ``--stl-*`` custom property the stylesheet declares."""
    static = Path(sphinx_timeline.__file__).parent / "timeline" / "static"
    css = (static / "sphinx-timeline.css").read_text()
    declared = set(re.findall(r"(--stl-[a-z-]+)\s*:", css)) - {"--stl-marker-top"}  # derived
    documented = set(re.findall(r"--stl-[a-z-]+", (DOCS / "timeline.md").read_text()))
    assert declared
    assert declared <= documented, declared - documented
