"""Builds are parallel-safe, incremental-correct and reproducible (real sphinx-build runs)."""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_root


def sphinx_build(srcdir: Path, outdir: Path, *args: str) -> str:
    """Run ``sphinx-build -W`` in a subprocess; return its output."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
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


@pytest.fixture
def srcdir(tmp_path: Path) -> Path:
    return copy_root("timeline", tmp_path)


def test_parallel_build_equals_serial_build(srcdir: Path, tmp_path: Path) -> None:
    sphinx_build(srcdir, tmp_path / "serial", "-j", "1")
    sphinx_build(srcdir, tmp_path / "parallel", "-j", "2")
    assert_same_output(tmp_path / "serial", tmp_path / "parallel")


def test_two_clean_builds_are_byte_identical(srcdir: Path, tmp_path: Path) -> None:
    sphinx_build(srcdir, tmp_path / "first", "-E")
    sphinx_build(srcdir, tmp_path / "second", "-E")
    assert_same_output(tmp_path / "first", tmp_path / "second")


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
