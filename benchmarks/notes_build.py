"""Build time of author notes, against the same pages built by plain Sphinx + MyST.

    python benchmarks/notes_build.py [--notes 200] [--runs 5]

Both projects hold the same ``--notes`` MyST pages with front matter (date, tags,
categories, description) and an index with a glob toctree; one loads
``sphinx_timeline``, the other only ``myst_parser`` (with the same MyST syntax). Each
run, interleaved between the two projects, is a clean build, then an incremental build
after one note's body was edited. The script prints the median of the runs (wall and
CPU seconds of the ``sphinx-build`` process) and the ratios, measured in the same session.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NOTE = """\
---
date: {year}-{month:02d}-{day:02d}
tags: [{tags}]
categories: [{category}]
description: Note {number}, about {tags}.
---
# Note {number}

What happened in note {number}, with *emphasis* and a [link](https://example.org).
It was a good year for {tags}, and the work went on.

## More

Another paragraph of note {number}, long enough to read for a minute or so, with a
list:

- one thing
- another thing
"""
TAGS = ["career", "python", "docs", "release", "talks", "open source", "teams", "travel"]


def write_project(root: Path, notes: int, *, extension: bool) -> None:
    """A project of ``notes`` notes, with or without ``sphinx_timeline``."""
    (root / "notes").mkdir(parents=True)
    extensions = '["sphinx_timeline"]' if extension else '["myst_parser"]'
    conf = f"extensions = {extensions}\nproject = 'bench'\n"
    if not extension:
        conf += "myst_enable_extensions = ['attrs_inline', 'colon_fence']\n"
    (root / "conf.py").write_text(conf)
    (root / "index.md").write_text("# Bench\n\n```{toctree}\n:glob:\n\nnotes/*\n```\n")
    for number in range(notes):
        tags = ", ".join(TAGS[(number + shift) % len(TAGS)] for shift in (0, 3))
        text = NOTE.format(
            year=2000 + number % 25,
            month=1 + number % 12,
            day=1 + number % 28,
            tags=tags,
            category=TAGS[number % 3],
            number=number,
        )
        (root / "notes" / f"note{number:04d}.md").write_text(text)


def build(srcdir: Path, outdir: Path, *extra: str) -> tuple[float, float]:
    """Wall and CPU seconds of one ``sphinx-build -b html`` in a subprocess."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", *extra, "-b", "html", str(srcdir), str(outdir)],
        check=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1800000000"},
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def edit_one_body(root: Path, run: int) -> None:
    """Change one sentence of the body of the first note."""
    path = root / "notes" / "note0000.md"
    text = path.read_text()
    marker = "and the work went on"
    path.write_text(text.replace(marker, f"{marker} ({run})", 1) if marker in text else text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    labels = ("plain Sphinx + MyST", "sphinx_timeline")
    results: dict[str, dict[str, list[tuple[float, float]]]] = {
        label: {"full": [], "edit": []} for label in labels
    }
    with tempfile.TemporaryDirectory() as tmp:
        roots = {label: Path(tmp, f"src{index}") for index, label in enumerate(labels)}
        for label, root in roots.items():
            write_project(root, args.notes, extension=label == "sphinx_timeline")
        for run in range(args.runs):
            for label, root in roots.items():
                outdir = Path(tmp, "out", label.replace(" ", "_"))
                results[label]["full"].append(build(root, outdir, "-E"))
                time.sleep(0.01)  # a later modification time for the edit
                edit_one_body(root, run)
                results[label]["edit"].append(build(root, outdir))
    print(f"{args.notes} notes, median of {args.runs} interleaved runs (wall / CPU seconds)")
    medians = {}
    for label in labels:
        for kind in ("full", "edit"):
            wall = statistics.median(wall for wall, _ in results[label][kind])
            cpu = statistics.median(cpu for _, cpu in results[label][kind])
            medians[label, kind] = (wall, cpu)
            print(f"  {label:20} {kind:4} {wall:6.2f} / {cpu:6.2f}")
    for kind, name in (("full", "full build"), ("edit", "one body edit")):
        wall = medians[labels[1], kind][0] / medians[labels[0], kind][0]
        cpu = medians[labels[1], kind][1] / medians[labels[0], kind][1]
        print(f"ratio {name:14} wall {wall:.2f}, CPU {cpu:.2f}")


if __name__ == "__main__":
    main()
