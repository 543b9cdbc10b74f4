"""A theme that loads the extension through its entry point, after ``config-inited``.

A stand-in theme, installed for the subprocess only (a ``.dist-info`` folder with a
``sphinx.html_themes`` entry point on ``PYTHONPATH``), calls
``app.setup_extension("sphinx_timeline")`` from its ``setup()``; the project's
``conf.py`` sets only ``html_theme``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import copy_root, strip_colours, write_standin_theme


@pytest.fixture(scope="module")
def theme_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder that makes the stand-in theme importable and findable by entry point."""
    site = tmp_path_factory.mktemp("site")
    write_standin_theme(site)
    return site


def sphinx_build(srcdir: Path, outdir: Path, theme_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(theme_path)}
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(srcdir), str(outdir)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_the_theme_loads_the_directives_settings_and_assets(
    theme_path: Path, tmp_path: Path
) -> None:
    srcdir = copy_root("theme-only", tmp_path)
    result = sphinx_build(srcdir, tmp_path / "out", theme_path)
    assert result.returncode == 0, result.stderr
    warnings = strip_colours(result.stderr).replace(str(srcdir) + os.sep, "<src>/")
    assert warnings.splitlines() == [
        "<src>/conf.py:4: WARNING: while setting up extension sphinx_timeline: "
        "timeline_date_format must be a str, not 3; using the default ''. Fix the value "
        "in conf.py. [timeline.config]"
    ]
    page = BeautifulSoup((tmp_path / "out" / "index.html").read_text("utf8"), "html.parser")
    assert page.select_one("ol.stl-timeline time")["datetime"] == "2019-04"
    assert page.select_one("figure.stl-tweet blockquote").get_text(strip=True) == (
        "Hello from the theme."
    )
    assert page.select_one("figure.stl-float a.stl-lightbox img")
    stylesheets = {link["href"].split("?")[0] for link in page.select("link[rel=stylesheet]")}
    scripts = {script["src"].split("?")[0] for script in page.select("script[src]")}
    for asset in ("sphinx-timeline.css", "sphinx-timeline-tweet.css", "sphinx-timeline-float.css"):
        assert f"_static/{asset}" in stylesheets
        assert (tmp_path / "out" / "_static" / asset).is_file()
    assert "_static/sphinx-timeline-lightbox.js" in scripts


def test_a_theme_only_markdown_project_fails_with_one_clear_message(
    theme_path: Path, tmp_path: Path
) -> None:
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text('html_theme = "standin"\n', "utf8")
    (srcdir / "index.md").write_text("# A Markdown page\n", "utf8")
    result = sphinx_build(srcdir, tmp_path / "out", theme_path)
    assert result.returncode == 2
    error = strip_colours(result.stderr)
    assert "Configuration error" in error  # "!" and a report on Sphinx 8+, ":" on 7.4
    assert error.count("Add extensions = ['sphinx_timeline'] to conf.py") == 1
    assert f"{srcdir / 'index.md'} is a Markdown page" in error
    assert "unable to load the master document" not in error


def test_the_unrelated_sphinx_timeline_distribution_is_named(tmp_path: Path) -> None:
    site = tmp_path / "site"
    info = site / "sphinx_timeline-0.2.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: sphinx-timeline\nVersion: 0.2.1\n")
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        'extensions = ["sphinx_timeline"]\nshow_warning_types = True\n', "utf8"
    )
    (srcdir / "index.rst").write_text("Title\n=====\n", "utf8")
    result = sphinx_build(srcdir, tmp_path / "out", site)
    assert result.returncode == 0, result.stderr
    assert strip_colours(result.stderr).splitlines() == [
        "WARNING: the unrelated sphinx-timeline 0.2.1 distribution is installed beside "
        "sphinx-career-timeline; both install the import package sphinx_timeline, so one "
        "has overwritten the other's files. Run 'pip uninstall sphinx-timeline "
        "sphinx-career-timeline', then 'pip install sphinx-career-timeline' "
        "[timeline.config]"
    ]
