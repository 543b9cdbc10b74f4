"""Builds are parallel-safe, incremental-correct and reproducible (real sphinx-build runs):
once per feature, on a project that uses every form of its directives."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import assert_same_output, copy_root, pages, sphinx_build

FEATURE_ROOTS = ("timeline", "tweet", "float", "notes")
"""A test project per feature, each using every form of its directives."""


@pytest.fixture
def srcdir(tmp_path: Path) -> Path:
    return copy_root("timeline", tmp_path)


@pytest.mark.parametrize("root", FEATURE_ROOTS)
def test_parallel_and_repeated_builds_are_identical(root: str, tmp_path: Path) -> None:
    srcdir = copy_root(root, tmp_path)
    sphinx_build(srcdir, tmp_path / "serial", "-j", "1")
    sphinx_build(srcdir, tmp_path / "parallel", "-j", "2")
    assert_same_output(tmp_path / "serial", tmp_path / "parallel")
    sphinx_build(srcdir, tmp_path / "again", "-E")
    assert_same_output(tmp_path / "serial", tmp_path / "again")


def test_incremental_build_equals_clean_build(srcdir: Path, tmp_path: Path) -> None:
    sphinx_build(srcdir, tmp_path / "incremental")
    career = srcdir / "career.md"
    career.write_text(career.read_text("utf8").replace("rounds of review", "reviews"), "utf8")
    output = sphinx_build(srcdir, tmp_path / "incremental")
    assert "0 added, 1 changed, 0 removed" in output  # only the edited note is read again
    assert "configuration has changed" not in output
    sphinx_build(srcdir, tmp_path / "clean", "-E")
    assert_same_output(tmp_path / "incremental", tmp_path / "clean")
    assert b"three</strong> reviews" in pages(tmp_path / "clean")["career.html"]


def test_unchanged_project_rebuilds_nothing(srcdir: Path, tmp_path: Path) -> None:
    sphinx_build(srcdir, tmp_path / "out")
    output = sphinx_build(srcdir, tmp_path / "out")
    assert "0 added, 0 changed, 0 removed" in output
    assert "configuration has changed" not in output
    assert "no targets are out of date" in output
