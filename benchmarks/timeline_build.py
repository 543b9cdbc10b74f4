"""Build time of pages with timelines, against the same pages as plain definition lists.

    python benchmarks/timeline_build.py [--pages 200] [--entries 20] [--runs 5]

Each run is a clean ``sphinx-build -b html`` in a subprocess; the script prints the
median of the runs for both projects and their ratio, measured in the same session.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ENTRY = """\
   .. timeline-entry:: {year}-{month:02d}
      :label: Step {number}

      What happened in step {number}, with *emphasis* and a `link <https://example.org>`__.
"""
ITEM = """\
{year}-{month:02d}
   **Step {number}**

   What happened in step {number}, with *emphasis* and a `link <https://example.org>`__.
"""


def write_project(root: Path, pages: int, entries: int, *, timeline: bool) -> None:
    """A project of ``pages`` pages, each with ``entries`` dated entries."""
    root.mkdir(parents=True)
    extensions = '["sphinx_timeline"]' if timeline else "[]"
    (root / "conf.py").write_text(f"extensions = {extensions}\nproject = 'bench'\n")
    names = [f"page{index}" for index in range(pages)]
    toctree = "\n".join(f"   {name}" for name in names)
    (root / "index.rst").write_text(f"Bench\n=====\n\n.. toctree::\n\n{toctree}\n")
    for index, name in enumerate(names):
        steps = [
            {"year": 2000 + number % 25, "month": 1 + number % 12, "number": number}
            for number in range(entries)
        ]
        if timeline:
            body = ".. timeline::\n\n" + "\n".join(ENTRY.format(**step) for step in steps)
        else:
            body = "\n".join(ITEM.format(**step) for step in steps)
        (root / f"{name}.rst").write_text(f"Page {index}\n{'=' * 12}\n\n{body}")


def build_seconds(srcdir: Path, outdir: Path) -> float:
    """Seconds of one clean HTML build."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-E", "-b", "html", str(srcdir), str(outdir)],
        check=True,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--entries", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        projects = {"plain Sphinx": Path(tmp, "plain"), "sphinx_timeline": Path(tmp, "timeline")}
        for label, root in projects.items():
            write_project(root, args.pages, args.entries, timeline=label != "plain Sphinx")
        medians = {}
        for label, root in projects.items():
            times = [build_seconds(root, Path(tmp, "out", label)) for _ in range(args.runs)]
            medians[label] = statistics.median(times)
            print(f"{label:16} median {medians[label]:.2f} s over {args.runs} runs")
        ratio = medians["sphinx_timeline"] / medians["plain Sphinx"]
        print(f"ratio {ratio:.2f} ({args.pages} pages x {args.entries} entries)")


if __name__ == "__main__":
    main()
