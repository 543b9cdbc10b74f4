"""The benchmark command works: one run of every part at a tiny size, in a subprocess.
These are not timed tests: no time is compared with another."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

RUN = Path(__file__).parents[2] / "benchmarks" / "run.py"
NOTES = 6
"""A tiny size: the tests check that the command works, not how long it takes."""
FULL_BUILDS = (
    "blog-plain",
    "blog-extension",
    "notes-plain",
    "notes-extension",
    "notes-extension-j2",
    "notes-plain-j2",
    "timeline-plain",
    "timeline-extension",
    "theme-sphinx_timeline",
    "theme-furo",
    "theme-pydata_sphinx_theme",
)
ABLOG = importlib.util.find_spec("ablog") is not None


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The JSON, the Markdown and the output of ``run.py --notes 6 --runs 1``."""
    tmp = tmp_path_factory.mktemp("benchmark")
    command = [sys.executable, str(RUN), "--notes", str(NOTES), "--runs", "1"]
    command += ["--json", str(tmp / "results.json"), "--markdown", str(tmp / "results.md")]
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    assert done.returncode == 0, done.stderr
    data = json.loads((tmp / "results.json").read_text("utf8"))
    data["markdown"] = (tmp / "results.md").read_text("utf8")
    data["stdout"] = done.stdout
    return data


def every_build(results: dict) -> list[dict]:
    raw = results["sizes"][str(NOTES)]
    builds = [build for builds in raw["full"].values() for build in builds]
    for by in raw["incremental"].values():
        builds += [build for builds in by.values() for build in builds]
    return builds


def test_every_build_is_measured(results: dict) -> None:
    full = results["sizes"][str(NOTES)]["full"]
    assert set(full) == {*FULL_BUILDS, *(["notes-ablog"] if ABLOG else [])}
    for name, builds in full.items():
        (build,) = builds
        assert build["wall"] > 0, name
        assert build["cpu"] > 0, name
        assert build["peak_mb"] > 10, name
        assert build["output"]["html_pages"] > NOTES, name
        assert build["output"]["note_page_bytes"] > 1000, name
        assert build["output"]["output_bytes"] > build["output"]["note_page_bytes"] * NOTES


def test_the_corpora_build_without_warnings(results: dict) -> None:
    assert all(build["warnings"] == [] for build in every_build(results))


def test_the_summary_has_every_ratio(results: dict) -> None:
    ratios = results["summary"][str(NOTES)]["ratios"]
    corpora = ("blog", "notes", "timeline")
    expected = {f"{corpus} {key}" for corpus in corpora for key in ("cpu", "wall", "peak_mb")}
    expected |= {"plain parallel speed-up", "extension parallel speed-up"}
    expected |= {
        f"{corpus} {change} {key}"
        for corpus in ("blog", "notes")
        for change in ("body edit", "tag change")
        for key in ("cpu", "wall")
    }
    expected |= {f"{theme} cpu" for theme in ("sphinx_timeline", "alabaster", "furo")}
    assert expected <= set(ratios)
    assert all(value > 0 for value in ratios.values())


@pytest.mark.parametrize(
    "build", ["blog-plain", "blog-extension", "notes-plain", "notes-extension"]
)
def test_a_body_edit_rewrites_the_edited_note(results: dict, build: str) -> None:
    (edit,) = results["sizes"][str(NOTES)]["incremental"]["body edit"][build]
    assert "notes/note0000.html" in edit["rewritten_files"]
    assert "notes/note0000.html" in edit["changed_files"]
    assert edit["rewritten"]["note"] == edit["changed"]["note"] == 1
    assert edit["wall"] > 0
    assert edit["cpu"] > 0


@pytest.mark.parametrize("build", ["blog-extension", "notes-extension"])
def test_a_tag_change_rewrites_the_note_its_tags_and_feeds(results: dict, build: str) -> None:
    (change,) = results["sizes"][str(NOTES)]["incremental"]["tag change"][build]
    assert {"notes/note0000.html", "tags/python.html", "tags/docs.html"} <= set(
        change["changed_files"]
    )
    assert change["changed"]["feeds"] > 0
    assert set(change["changed_files"]) <= set(change["rewritten_files"])


def test_parallel_output_is_compared(results: dict) -> None:
    differing = results["sizes"][str(NOTES)]["parallel_differing"]
    assert differing == {"plain": [[]], "extension": [[]]}


def test_the_tables_and_the_machine_are_written(results: dict) -> None:
    markdown = results["markdown"]
    assert markdown in results["stdout"]
    for title in ("Machine", "Full builds", "Memory and output", "Incremental builds"):
        assert f"### {title}" in markdown
    for title in ("Parallel builds", "Themes", "ABlog", "Scale"):
        assert f"### {title}" in markdown
    assert ("ABlog is not installed" in markdown) is not ABLOG
    machine = results["machine"]
    for field in ("date", "CPU", "cores", "Python", "sphinx", "docutils", "myst-parser"):
        assert machine[field], field
