"""What every test uses: the test projects, building them, and reading their output.

Tests import from here (never from another test module); the fixtures are in
``conftest.py``.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

TESTS = Path(__file__).parent
ROOTS = TESTS / "roots"
EXPECTED = TESTS / "expected"
DOCS = TESTS.parent / "docs"
PACKAGE = TESTS.parent / "sphinx_timeline"

_ANSI = re.compile(r"\x1b\[[0-9;]*m")

REGENERATE = os.environ.get("STL_REGENERATE") == "1"
"""``STL_REGENERATE=1 pytest`` rewrites the stored expectations from the current output."""


BUILD_EPOCH = 1800000000
"""The moment of the subprocess builds (January 2027): notes dated before it are
published, notes dated after it are held back."""


def copy_root(name: str, destination: Path) -> Path:
    """A fresh copy of ``tests/roots/test-<name>`` in ``destination``."""
    target = destination / name
    shutil.copytree(ROOTS / f"test-{name}", target)
    return target


STANDIN_THEME = """\
from pathlib import Path


def setup(app):
    app.add_html_theme("standin", str(Path(__file__).parent / "standin"))
    app.setup_extension("sphinx_timeline")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
"""
"""A theme package that loads the extension itself, as ``test-theme-only`` expects."""


def write_standin_theme(folder: Path) -> None:
    """Make the ``standin`` theme importable from ``folder`` (put on ``PYTHONPATH``) and
    findable through its ``sphinx.html_themes`` entry point."""
    package = folder / "standin_theme"
    (package / "standin").mkdir(parents=True)
    (package / "__init__.py").write_text(STANDIN_THEME, "utf8")
    (package / "standin" / "theme.toml").write_text('[theme]\ninherit = "basic"\n', "utf8")
    info = folder / "standin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: standin\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[sphinx.html_themes]\nstandin = standin_theme\n")


def build_once(
    srcdir: Path,
    buildername: str = "html",
    builddir: Path | None = None,
    **confoverrides: object,
) -> SphinxTestApp:
    """Build the project ``srcdir`` (for a module-scoped fixture) and release Sphinx's
    global registrations at once; the returned app keeps its output and data."""
    app = SphinxTestApp(buildername, srcdir=srcdir, builddir=builddir, confoverrides=confoverrides)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def build_without_warnings(srcdir: Path, builddir: Path, **confoverrides: object) -> Path:
    """Build ``srcdir`` with the HTML builder, asserting it warns of nothing; its output
    folder."""
    app = build_once(srcdir, builddir=builddir, **confoverrides)
    assert warnings_of(app) == []
    return Path(app.outdir)


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


def sphinx_build(srcdir: Path, outdir: Path, *args: str) -> str:
    """Run ``sphinx-build -W -b html`` in a subprocess, reproducibly dated; its output."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(BUILD_EPOCH)}
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-b", "html", *args, str(srcdir), str(outdir)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def pages(outdir: Path) -> dict[str, bytes]:
    """The built HTML pages and static files, by relative path."""
    return {
        path.relative_to(outdir).as_posix(): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file() and path.suffix in {".html", ".css", ".js"}
    }


def assert_same_output(first: Path, second: Path) -> None:
    """Fail with the differing files (and the first differing lines) of two builds."""
    a, b = pages(first), pages(second)
    assert sorted(a) == sorted(b)
    differing = [name for name in a if a[name] != b[name]]
    if differing:
        name = differing[0]
        diff = difflib.unified_diff(
            a[name].decode().splitlines(), b[name].decode().splitlines(), lineterm="", n=1
        )
        pytest.fail(f"{differing} differ; {name}:\n" + "\n".join(list(diff)[:40]))


PDF_TOOLS = ("latexmk", "pdflatex", "pdftotext")
"""The programs the PDF tests run."""
PDF_PACKAGES = (
    "latexmk texlive-latex-recommended texlive-latex-extra texlive-fonts-recommended "
    "tex-gyre poppler-utils"
)
"""The Debian packages that hold them and what Sphinx's LaTeX needs (as .ci/run installs)."""
LATEXMK = ["latexmk", "-pdf", "-dvi-", "-ps-", "-interaction=nonstopmode", "-halt-on-error"]


@dataclass
class Pdf:
    """A LaTeX build compiled by latexmk: its folder, the document's name, the result."""

    folder: Path
    name: str
    returncode: int
    output: str

    @property
    def log(self) -> str:
        path = self.folder / f"{self.name}.log"
        return path.read_text("utf8", errors="replace") if path.exists() else ""

    @property
    def tex(self) -> str:
        return (self.folder / f"{self.name}.tex").read_text("utf8")

    @cached_property
    def text(self) -> str:
        """The PDF's text in reading order, each run of white space one space."""
        assert (self.folder / f"{self.name}.pdf").is_file(), self.errors()
        result = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", f"{self.name}.pdf", "-"],
            cwd=self.folder,
            capture_output=True,
            text=True,
            check=True,
        )
        return " ".join(result.stdout.split())

    def errors(self) -> str:
        """The log's first error and the lines after it, for a failure's message."""
        lines = self.log.splitlines()
        start = next((i for i, line in enumerate(lines) if line.startswith("!")), None)
        if start is None:
            return self.output[-2000:]
        end = next((i for i in range(start, len(lines)) if lines[i].startswith("Here is")), None)
        return "\n".join(lines[start : min(end or len(lines), start + 15)])


def latexmk(folder: Path) -> Pdf:
    """Compile the LaTeX builder's output in ``folder`` with latexmk and pdflatex, as
    ``make latexpdf`` does. Without the programs the test is skipped, except in CI
    (``CI`` set), where it fails."""
    missing = [tool for tool in PDF_TOOLS if not shutil.which(tool)]
    if missing:
        reason = f"{', '.join(missing)} not found"
        if os.environ.get("CI", "").lower() not in ("", "0", "false"):
            pytest.fail(f"{reason}: the PDF tests must run in CI; apt-get install {PDF_PACKAGES}")
        pytest.skip(f"{reason}; apt-get install {PDF_PACKAGES} to run the PDF tests")
    (tex,) = folder.glob("*.tex")
    result = subprocess.run(
        [*LATEXMK, tex.name],
        cwd=folder,
        capture_output=True,
        text=True,
        errors="replace",
        stdin=subprocess.DEVNULL,
        timeout=300,
        check=False,
    )
    return Pdf(folder, tex.stem, result.returncode, result.stdout + result.stderr)
