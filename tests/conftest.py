"""Shared fixtures: Sphinx's own test fixtures, a builder for throwaway projects,
exact warning lists and stored expectations."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

pytest_plugins = ("sphinx.testing.fixtures",)

TESTS = Path(__file__).parent
ROOTS = TESTS / "roots"
EXPECTED = TESTS / "expected"
DOCS = TESTS.parent / "docs"

_ANSI = re.compile(r"\x1b\[[0-9;]*m")

REGENERATE = os.environ.get("STL_REGENERATE") == "1"
"""``STL_REGENERATE=1 pytest`` rewrites the stored expectations from the current output."""


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where ``@pytest.mark.sphinx(testroot=...)`` finds its ``test-*`` projects."""
    return ROOTS


def copy_root(name: str, destination: Path) -> Path:
    """A fresh copy of ``tests/roots/test-<name>`` in ``destination``."""
    target = destination / name
    shutil.copytree(ROOTS / f"test-{name}", target)
    return target


def strip_colours(text: str) -> str:
    """``text`` without the terminal colour codes Sphinx writes."""
    return _ANSI.sub("", text)


def warnings_of(app: SphinxTestApp) -> list[str]:
    """The build's warnings, one a line, with the source folder shown as ``<src>``."""
    text = strip_colours(app.warning.getvalue())
    text = text.replace(str(app.srcdir) + os.sep, "<src>/")
    return [line for line in text.splitlines() if line.strip()]


def soup(app: SphinxTestApp, page: str) -> BeautifulSoup:
    """The built HTML page ``page`` (a docname), parsed."""
    return BeautifulSoup((app.outdir / f"{page}.html").read_text("utf8"), "html.parser")


def expect(name: str, actual: str) -> None:
    """Compare ``actual`` with the stored ``tests/expected/<name>``."""
    path = EXPECTED / name
    if REGENERATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf8")
    elif not path.exists():
        pytest.fail(f"no stored expectation {path}; run with STL_REGENERATE=1 to create it")
    assert actual == path.read_text(encoding="utf8"), f"output differs from {path}"


@pytest.fixture
def build(make_app: Callable[..., SphinxTestApp], tmp_path: Path) -> Callable[..., SphinxTestApp]:
    """Build a project from a dict of files; returns the app after the build."""

    def _build(
        files: dict[str, str], buildername: str = "html", **confoverrides: object
    ) -> SphinxTestApp:
        srcdir = tmp_path / "src"
        srcdir.mkdir(exist_ok=True)
        files.setdefault("conf.py", 'extensions = ["sphinx_timeline"]\nshow_warning_types = True\n')
        for relative, content in files.items():
            (srcdir / relative).parent.mkdir(parents=True, exist_ok=True)
            (srcdir / relative).write_text(content, encoding="utf8")
        app = make_app(buildername, srcdir=srcdir, confoverrides=confoverrides)
        app.build()
        return app

    return _build
