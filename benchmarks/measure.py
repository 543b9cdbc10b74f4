"""One ``sphinx-build`` in a subprocess, measured; the output folder, read and compared."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

EPOCH = 1800000000
"""``SOURCE_DATE_EPOCH`` of every build (January 2027): every note is published, and
two builds of the same sources are byte-identical."""

KINDS = ("note", "notes", "listings", "feeds", "other")
"""What an output file is: the edited note, another note, a generated listing page
(``blog/``, ``tags/``, ``categories/``), a feed, anything else."""


@dataclass
class Build:
    """What one build cost. ``cpu`` is user + system time of the ``sphinx-build``
    process and of the workers it waited for; ``peak_mb`` is the largest resident set of
    any one of them (``ru_maxrss``: with ``-j 2``, the main process or a worker, not their
    sum)."""

    wall: float
    cpu: float
    peak_mb: float
    warnings: list[str]
    output: dict[str, float] = field(default_factory=dict)
    rewritten: dict[str, int] = field(default_factory=dict)
    changed: dict[str, int] = field(default_factory=dict)
    rewritten_files: list[str] = field(default_factory=list)
    changed_files: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def sphinx_build(srcdir: Path, outdir: Path, *args: str) -> Build:
    """Run ``sphinx-build -q -b html`` (doctrees beside ``outdir``) and measure it; raise
    ``RuntimeError`` with its error output when it fails."""
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html"]
    command += ["-d", f"{outdir}.doctrees", *args, str(srcdir), str(outdir)]
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(EPOCH)}
    with tempfile.TemporaryFile("w+", encoding="utf8") as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        stderr = errors.read()
    if process.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{stderr}")
    return Build(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        peak_mb=usage.ru_maxrss / 1024,  # KiB on Linux
        warnings=[line for line in stderr.splitlines() if line.strip()],
    )


def snapshot(outdir: Path) -> dict[str, tuple[int, str]]:
    """Each output file (by relative path): its modification time and a digest."""
    return {
        path.relative_to(outdir).as_posix(): (
            path.stat().st_mtime_ns,
            hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest(),
        )
        for path in sorted(outdir.rglob("*"))
        if path.is_file()
    }


def kind(path: str, edited: str) -> str:
    """The kind (in ``KINDS``) of the output file ``path``; ``edited`` is a docname."""
    if path == f"{edited}.html":
        return "note"
    if path.endswith(".xml"):
        return "feeds"
    if path.endswith(".html") and path.startswith("notes/"):
        return "notes"
    if path.endswith(".html") and path.startswith(("blog/", "tags/", "categories/")):
        return "listings"
    return "other"


def record_rewrites(build: Build, before: dict, after: dict, edited: str) -> None:
    """Fill in the files an incremental build wrote (new, or a new modification time)
    and those whose bytes changed, by kind."""
    build.rewritten_files = [name for name in after if before.get(name, (0,))[0] != after[name][0]]
    build.changed_files = [name for name in after if before.get(name, (0, ""))[1] != after[name][1]]
    for files, counts in (
        (build.rewritten_files, build.rewritten),
        (build.changed_files, build.changed),
    ):
        counts.update(dict.fromkeys(KINDS, 0))
        for name in files:
            counts[kind(name, edited)] += 1


def output_size(outdir: Path) -> dict[str, float]:
    """The HTML pages written, the bytes of the whole output, and the mean bytes of a
    note's page."""
    files = [path for path in outdir.rglob("*") if path.is_file()]
    pages = [path for path in files if path.suffix == ".html"]
    notes = [path.stat().st_size for path in outdir.glob("notes/*.html")]
    return {
        "html_pages": len(pages),
        "output_bytes": sum(path.stat().st_size for path in files),
        "note_page_bytes": sum(notes) / len(notes) if notes else 0,
    }


def differing(first: Path, second: Path) -> list[str]:
    """The output files that differ between two builds, or exist in only one."""
    a, b = snapshot(first), snapshot(second)
    return sorted(
        name for name in a.keys() | b.keys() if a.get(name, (0, ""))[1] != b.get(name, (0, ""))[1]
    )
