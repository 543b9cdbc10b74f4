"""The ``sphinx-timeline`` command itself: its version, and a quick ``--help``."""

from __future__ import annotations

import subprocess
import sys

import pytest

from sphinx_timeline import __version__
from sphinx_timeline.cli import main


def test_version_names_the_distribution(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"sphinx-timeline (sphinx-career-timeline) {__version__}\n"


def test_help_does_not_import_sphinx() -> None:
    code = (
        "import sys\nfrom sphinx_timeline.cli import main\n"
        "status = main(['--help'])\nprint(status, sorted(m for m in sys.modules "
        "if m.split('.')[0] in ('sphinx', 'docutils', 'myst_parser', 'sphinx_design')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines()[-1] == "0 []"
