"""Build time of the ``sphinx_timeline`` theme against Alabaster, Furo and PyData.

    python benchmarks/theme_build.py [--pages 100 300 1000] [--runs 5] [--themes ...]

Each project is ``--pages`` plain pages of three paragraphs under one glob toctree, the
``sphinx_timeline`` extension loaded in every project so that only the theme differs.
Each run is a clean ``sphinx-build -b html`` in a subprocess, measured in CPU seconds
(user + system of the child); the runs of the themes are interleaved, so that a busy
machine slows them alike. The script prints each theme's median and its ratio to
Alabaster's. A theme that renders the whole toctree into every page grows with the
square of the page count: compare the ratios between sizes.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

THEMES = ("sphinx_timeline", "alabaster", "furo", "pydata_sphinx_theme")
PARAGRAPH = (
    "Paragraph {number} of page {page}: a few sentences of ordinary prose, long enough to "
    "be indexed and rendered like a real page, with *emphasis* and ``code`` in it."
)


def write_project(root: Path, pages: int, theme: str) -> None:
    """``pages`` plain pages under a glob toctree, built with ``theme``."""
    root.mkdir(parents=True)
    (root / "conf.py").write_text(
        f"extensions = ['sphinx_timeline']\nproject = 'bench'\nhtml_theme = {theme!r}\n"
    )
    (root / "index.rst").write_text("Bench\n=====\n\n.. toctree::\n   :glob:\n\n   page*\n")
    for page in range(pages):
        body = "\n\n".join(PARAGRAPH.format(number=n, page=page) for n in range(1, 4))
        (root / f"page{page:04d}.rst").write_text(f"Page {page}\n{'=' * 12}\n\n{body}\n")


def cpu_seconds(srcdir: Path, outdir: Path) -> float:
    """CPU seconds of one clean HTML build in a subprocess."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-E", "-b", "html", str(srcdir), str(outdir)],
        check=True,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[100, 300, 1000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--themes", nargs="+", default=list(THEMES))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for pages in args.pages:
            roots = {theme: Path(tmp, f"{pages}", theme) for theme in args.themes}
            for theme, root in roots.items():
                write_project(root, pages, theme)
            times: dict[str, list[float]] = {theme: [] for theme in args.themes}
            for run in range(args.runs):
                for theme, root in roots.items():
                    outdir = Path(tmp, "out", f"{pages}-{theme}-{run}")
                    times[theme].append(cpu_seconds(root, outdir))
            base = statistics.median(times["alabaster"]) if "alabaster" in times else None
            for theme, measured in times.items():
                median = statistics.median(measured)
                ratio = f"  x{median / base:.2f} of alabaster" if base else ""
                print(f"{pages:5} pages  {theme:20} median {median:6.2f} CPU s{ratio}")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
