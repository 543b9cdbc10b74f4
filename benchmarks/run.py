"""Build benchmarks of sphinx_timeline against plain Sphinx + MyST-Parser + sphinx-design.

    python benchmarks/run.py [--notes 100 200 500 1000] [--runs 5] [--json PATH]
        [--markdown PATH] [--only notes,timeline,parallel,themes,ablog] [--workdir DIR]

For each number of notes, the projects of ``corpus.py`` are written once. Then, run after
run, each build that the selected parts need is made once, in a fixed order, so that a
busy machine slows them alike: the clean builds, then the incremental builds after a
body edit and after a tag change. The tables give medians over the runs, and ratios of
medians; ``--json`` keeps every raw number. docs/performance.md explains the tables.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import os
import platform
import shlex
import shutil
import statistics
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from itertools import pairwise
from pathlib import Path

if __package__ in (None, ""):  # run as a script: python benchmarks/run.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import corpus, measure

PROJECTS = {
    "blog-plain": ("myst", 0),
    "blog-extension": ("extension", 0),
    "notes-plain": ("plain", 6),
    "notes-extension": ("extension", 6),
    "timeline-plain": ("plain", 20),
    "timeline-extension": ("extension", 20),
    "notes-ablog": ("ablog", 6),
}
"""Each project: its flavour (see ``corpus.FLAVOURS``) and the entries of its timelines."""


@dataclass(frozen=True)
class Spec:
    """A build: its name, its project, and its ``sphinx-build`` options."""

    name: str
    project: str
    args: tuple[str, ...] = ("-j", "1")


THEMES = {  # theme -> the build that uses it (Alabaster is Sphinx's default theme)
    "sphinx_timeline": "theme-sphinx_timeline",
    "alabaster": "notes-extension",
    "furo": "theme-furo",
    "pydata_sphinx_theme": "theme-pydata_sphinx_theme",
}
SPECS = (
    Spec("blog-plain", "blog-plain"),
    Spec("blog-extension", "blog-extension"),
    Spec("notes-plain", "notes-plain"),
    Spec("notes-extension", "notes-extension"),
    Spec("notes-extension-j2", "notes-extension", ("-j", "2")),
    Spec("notes-plain-j2", "notes-plain", ("-j", "2")),
    Spec("timeline-plain", "timeline-plain"),
    Spec("timeline-extension", "timeline-extension"),
    *(
        Spec(build, "notes-extension", ("-j", "1", "-D", f"html_theme={theme}"))
        for theme, build in THEMES.items()
        if theme != "alabaster"
    ),
    Spec("notes-ablog", "notes-ablog"),
)
"""Every build, in the order of each run."""
PARTS = {
    "blog": ("blog-plain", "blog-extension"),
    "notes": ("notes-plain", "notes-extension"),
    "timeline": ("timeline-plain", "timeline-extension"),
    "parallel": ("notes-plain", "notes-plain-j2", "notes-extension", "notes-extension-j2"),
    "themes": tuple(THEMES.values()),
    "ablog": ("notes-extension", "notes-ablog"),
}
"""The builds each part needs."""
PARALLEL = ("plain", "extension")
"""The notes projects built with ``-j 2`` as well as ``-j 1``."""
CHANGES = {"body edit": corpus.edit_body, "tag change": corpus.change_tag}
"""The incremental builds of the ``blog`` and ``notes`` parts, after a clean build, in
this order."""
EDITED_PARTS = ("blog", "notes")
"""The parts whose projects are built again after each change."""
PACKAGES = (
    "sphinx", "docutils", "myst-parser", "sphinx-design", "sphinx-career-timeline",
    "alabaster", "furo", "pydata-sphinx-theme", "ablog",
)  # fmt: skip


def run_size(notes: int, runs: int, parts: list[str], workdir: Path) -> dict:
    """Write the projects of ``notes`` notes, build them ``runs`` times, interleaved; the
    raw measurements."""
    wanted = {name for part in parts for name in PARTS[part]}
    specs = [spec for spec in SPECS if spec.name in wanted]
    roots = {}
    for project in dict.fromkeys(spec.project for spec in specs):
        flavour, entries = PROJECTS[project]
        roots[project] = corpus.write_project(workdir / "src" / project, notes, flavour, entries)
    out = {spec.name: workdir / "out" / spec.name for spec in specs}
    full: dict[str, list[measure.Build]] = {spec.name: [] for spec in specs}
    rebuilt = [name for part in EDITED_PARTS if part in parts for name in PARTS[part]]
    incremental = {change: {name: [] for name in rebuilt} for change in CHANGES}
    parallel: dict[str, list[list[str]]] = {label: [] for label in PARALLEL}
    for run in range(runs):
        for spec in specs:
            shutil.rmtree(out[spec.name], ignore_errors=True)
            shutil.rmtree(f"{out[spec.name]}.doctrees", ignore_errors=True)
            build = measure.sphinx_build(roots[spec.project], out[spec.name], *spec.args)
            build.output = measure.output_size(out[spec.name])
            full[spec.name].append(build)
            progress(notes, run, runs, spec.name, build)
        if "parallel" in parts:
            for label, differing in parallel.items():
                serial, two = out[f"notes-{label}"], out[f"notes-{label}-j2"]
                differing.append(measure.differing(serial, two))
        for change, edit in CHANGES.items():
            for spec in (spec for spec in specs if spec.name in rebuilt):
                before = measure.snapshot(out[spec.name])
                edited = edit(roots[spec.project])
                build = measure.sphinx_build(roots[spec.project], out[spec.name], *spec.args)
                measure.record_rewrites(build, before, measure.snapshot(out[spec.name]), edited)
                incremental[change][spec.name].append(build)
                progress(notes, run, runs, f"{spec.name}, {change}", build)
    return {
        "full": {name: [build.as_dict() for build in builds] for name, builds in full.items()},
        "incremental": {
            change: {name: [build.as_dict() for build in builds] for name, builds in by.items()}
            for change, by in incremental.items()
            if rebuilt
        },
        "parallel_differing": parallel,
    }


def progress(notes: int, run: int, runs: int, name: str, build: measure.Build) -> None:
    print(f"{notes} notes, run {run + 1}/{runs}: {name} {build.wall:.2f} s", file=sys.stderr)


def summarize(raw: dict) -> dict:
    """Medians of each build's wall and CPU seconds and peak memory, the output sizes and
    files rewritten of the last run, and the ratios of medians (extension / baseline)."""

    def medians(builds: list[dict]) -> dict:
        summary = {
            key: statistics.median(build[key] for build in builds)
            for key in ("wall", "cpu", "peak_mb")
        }
        last = builds[-1]
        return {
            **summary,
            **last["output"],
            "rewritten": last["rewritten"],
            "changed": last["changed"],
        }

    full = {name: medians(builds) for name, builds in raw["full"].items()}
    incremental = {
        change: {name: medians(builds) for name, builds in by.items()}
        for change, by in raw["incremental"].items()
    }
    pairs = {  # ratio: (build, baseline, measurement)
        **{
            f"{corpus} {key}": (f"{corpus}-extension", f"{corpus}-plain", key)
            for corpus in ("blog", "notes", "timeline")
            for key in ("cpu", "wall", "peak_mb")
        },
        **{
            f"{label} parallel speed-up": (f"notes-{label}", f"notes-{label}-j2", "wall")
            for label in PARALLEL
        },
        **{f"{theme} cpu": (name, THEMES["alabaster"], "cpu") for theme, name in THEMES.items()},
        "ablog cpu": ("notes-extension", "notes-ablog", "cpu"),
    }
    ratios = {
        label: ratio(full[build][key], full[base][key])
        for label, (build, base, key) in pairs.items()
        if build in full and base in full
    }
    for change, builds in incremental.items():
        for part in EDITED_PARTS:
            if f"{part}-plain" in builds:
                extension, plain = builds[f"{part}-extension"], builds[f"{part}-plain"]
                ratios[f"{part} {change} wall"] = ratio(extension["wall"], plain["wall"])
                ratios[f"{part} {change} cpu"] = ratio(extension["cpu"], plain["cpu"])
    return {
        "full": full,
        "incremental": incremental,
        "ratios": ratios,
        "parallel_identical": {
            label: all(not files for files in differing)
            for label, differing in raw["parallel_differing"].items()
        },
    }


def ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


def table(title: str, headers: list[str], rows: list[list[object]]) -> str:
    """A Markdown section: ``title`` and a table, its columns padded, numbers
    right-aligned."""
    cells = [[cell if isinstance(cell, str) else number(cell) for cell in row] for row in rows]
    right = [all(not isinstance(row[i], str) for row in rows) for i in range(len(headers))]
    widths = [max(map(len, column)) for column in zip(headers, *cells, strict=True)]
    rule = ["-" * (w - 1) + ":" if r else "-" * w for w, r in zip(widths, right, strict=True)]

    def line(row: list[str]) -> str:
        padded = (
            c.rjust(w) if r else c.ljust(w) for c, w, r in zip(row, widths, right, strict=True)
        )
        return "| " + " | ".join(padded) + " |"

    return "\n".join([f"### {title}", "", line(headers), line(rule), *map(line, cells)])


def number(value: object) -> str:
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def by_kind(build: dict) -> str:
    """Files rewritten / files changed, of each kind."""
    rewritten, changed = build["rewritten"], build["changed"]
    return ", ".join(f"{kind} {rewritten[kind]}/{changed[kind]}" for kind in measure.KINDS)


def report(results: dict) -> str:
    """The tables of ``results``, in Markdown."""
    sizes = {int(notes): summarize(raw) for notes, raw in results["sizes"].items()}
    sizes = dict(sorted(sizes.items()))
    parts = results["parts"]
    corpora = {part: label for part, label in CORPORA.items() if part in parts}
    machine = [[field, str(value)] for field, value in results["machine"].items()]
    sections = [
        f"Measured with `{results['command']}`: {results['runs']} runs of each build, "
        "interleaved; medians.",
        table("Machine", ["field", "value"], machine),
    ]
    if corpora:
        sections += [full_table(sizes, corpora), memory_table(sizes, corpora)]
    if any(part in parts for part in EDITED_PARTS):
        sections.append(incremental_table(sizes))
    if "parallel" in parts:
        sections.append(parallel_table(sizes))
    if "themes" in parts:
        sections.append(theme_table(sizes))
    if "ablog" in parts and results["ablog"]:
        sections.append(ablog_table(sizes))
    elif "ablog" in parts:
        sections.append("### ABlog\n\nABlog is not installed in the Python that ran the benchmark.")
    if any(summary["full"] for summary in sizes.values()):
        sections.append(scale_table(sizes, corpora))
    return "\n\n".join(sections) + "\n"


CORPORA = {
    "blog": "notes of text only, MyST-Parser only in plain",
    "notes": "notes, 6 entries",
    "timeline": "timeline-heavy, 20 entries",
}


def full_table(sizes: dict[int, dict], corpora: dict[str, str]) -> str:
    rows = []
    for notes, s in sizes.items():
        for part, label in corpora.items():
            p, e = s["full"][f"{part}-plain"], s["full"][f"{part}-extension"]
            rows.append([notes, label, p["cpu"], e["cpu"], ratio(e["cpu"], p["cpu"])])
            rows[-1] += [p["wall"], e["wall"], ratio(e["wall"], p["wall"])]
    headers = ["notes", "corpus", "plain CPU s", "extension CPU s", "CPU ratio"]
    headers += ["plain wall s", "extension wall s", "wall ratio"]
    return table("Full builds: the extension against plain Sphinx", headers, rows)


def memory_table(sizes: dict[int, dict], corpora: dict[str, str]) -> str:
    rows = []
    for notes, s in sizes.items():
        for part, label in corpora.items():
            p, e = s["full"][f"{part}-plain"], s["full"][f"{part}-extension"]
            rows.append(
                [notes, label, p["peak_mb"], e["peak_mb"], ratio(e["peak_mb"], p["peak_mb"])]
            )
            rows[-1] += [round(p["note_page_bytes"]), round(e["note_page_bytes"])]
            rows[-1] += [f"{p['html_pages']} / {e['html_pages']}"]
    headers = ["notes", "corpus", "plain peak MB", "extension peak MB", "memory ratio"]
    headers += ["plain bytes per note page", "extension bytes per note page"]
    headers += ["HTML pages, plain / extension"]
    return table("Memory and output", headers, rows)


def incremental_table(sizes: dict[int, dict]) -> str:
    rows = []
    for notes, s in sizes.items():
        for change, builds in s["incremental"].items():
            for part in (part for part in EDITED_PARTS if f"{part}-plain" in builds):
                plain = builds[f"{part}-plain"]
                for label in ("plain", "extension"):
                    b = builds[f"{part}-{label}"]
                    rows.append([notes, part, change, label, b["wall"], b["cpu"]])
                    rows[-1] += [ratio(b["wall"], plain["wall"]), ratio(b["cpu"], plain["cpu"])]
                    rows[-1] += [sum(b["rewritten"].values()), sum(b["changed"].values())]
                    rows[-1] += [by_kind(b)]
    headers = ["notes", "corpus", "change", "build", "wall s", "CPU s", "wall ratio to plain"]
    headers += ["CPU ratio to plain"]
    headers += ["files rewritten", "files changed", "rewritten / changed, by kind"]
    return table("Incremental builds after one change", headers, rows)


def parallel_table(sizes: dict[int, dict]) -> str:
    rows = []
    for notes, s in sizes.items():
        for label in PARALLEL:
            one, two = s["full"][f"notes-{label}"], s["full"][f"notes-{label}-j2"]
            rows.append([notes, label, one["wall"], two["wall"], ratio(one["wall"], two["wall"])])
            rows[-1] += [one["cpu"], two["cpu"], one["peak_mb"], two["peak_mb"]]
            rows[-1] += ["yes" if s["parallel_identical"][label] else "no"]
    headers = ["notes", "build", "-j 1 wall s", "-j 2 wall s", "speed-up", "-j 1 CPU s"]
    headers += ["-j 2 CPU s", "-j 1 peak MB", "-j 2 peak MB", "identical output"]
    return table("Parallel builds: `-j 2` against `-j 1`", headers, rows)


def theme_table(sizes: dict[int, dict]) -> str:
    rows = []
    for notes, s in sizes.items():
        base = s["full"][THEMES["alabaster"]]
        for theme, name in THEMES.items():
            b = s["full"][name]
            rows.append([notes, theme, b["cpu"], b["wall"], ratio(b["cpu"], base["cpu"])])
            rows[-1] += [b["peak_mb"], round(b["note_page_bytes"])]
    headers = ["notes", "theme", "CPU s", "wall s", "CPU ratio to Alabaster", "peak MB"]
    headers += ["bytes per note page"]
    return table("Themes", headers, rows)


def ablog_table(sizes: dict[int, dict]) -> str:
    rows = []
    for notes, s in sizes.items():
        base = s["full"]["notes-ablog"]
        for label, name in (("ABlog", "notes-ablog"), ("extension", "notes-extension")):
            b = s["full"][name]
            rows.append([notes, label, b["cpu"], b["wall"], ratio(b["cpu"], base["cpu"])])
            rows[-1] += [b["peak_mb"], b["html_pages"]]
    headers = ["notes", "build", "CPU s", "wall s", "CPU ratio to ABlog", "peak MB"]
    headers += ["HTML pages"]
    return table("ABlog: the same blog features", headers, rows)


def scale_table(sizes: dict[int, dict], corpora: dict[str, str]) -> str:
    """Each build's CPU seconds at each size, and the milliseconds each added note cost
    between two sizes; a growth near 1 is linear."""
    counts = list(sizes)
    cpu = {
        name: [s["full"][name]["cpu"] for s in sizes.values()] for name in sizes[counts[0]]["full"]
    }
    for part in corpora:
        extension, plain = cpu[f"{part}-extension"], cpu[f"{part}-plain"]
        cpu[f"{part}: extension - plain"] = [e - p for e, p in zip(extension, plain, strict=True)]
    steps = list(pairwise(counts))
    rows = []
    for name, seconds in cpu.items():
        added = pairwise(seconds)
        slopes = [1000 * (b - a) / (m - n) for (n, m), (a, b) in zip(steps, added, strict=True)]
        rows.append(
            [name, *seconds, *slopes, ratio(slopes[-1], slopes[0]) if len(slopes) > 1 else "-"]
        )
    headers = ["build", *(f"CPU s, {n} notes" for n in counts)]
    headers += [*(f"ms per added note, {n} to {m}" for n, m in steps), "growth, last / first"]
    return table("Scale: CPU seconds, and the cost of each added note", headers, rows)


def machine() -> dict[str, str]:
    """The machine and the versions that the numbers depend on."""
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    models = [
        line.split(":", 1)[1].strip()
        for line in cpuinfo.splitlines()
        if line.startswith("model name")
    ]
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    memory = next(
        (line.split()[1] for line in meminfo.splitlines() if line.startswith("MemTotal")), ""
    )
    info = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "CPU": models[0] if models else platform.processor() or "unknown",
        "cores": f"{os.cpu_count()} ({len(os.sched_getaffinity(0))} usable)",
        "memory": f"{int(memory) / 1024**2:.1f} GiB" if memory else "unknown",
        "load average at start": " ".join(f"{load:.2f}" for load in os.getloadavg()),
        "OS": platform.platform(),
        "Python": platform.python_version(),
    }
    for package in PACKAGES:
        try:
            info[package] = version(package)
        except PackageNotFoundError:
            info[package] = "not installed"
    return info


def compile_package() -> None:
    """Write the extension's bytecode, as installing a wheel does, so that no build
    compiles it (an editable install under ``PYTHONDONTWRITEBYTECODE=1`` would, in every
    build, where the other packages have theirs)."""
    spec = importlib.util.find_spec("sphinx_timeline")
    for folder in spec.submodule_search_locations if spec else []:
        compileall.compile_dir(folder, quiet=1)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add = parser.add_argument
    sizes = "the numbers of notes, one project of each (default: 100 200 500 1000)"
    add("--notes", type=int, nargs="+", default=[100, 200, 500, 1000], metavar="N", help=sizes)
    add("--runs", type=int, default=5, help="builds of each kind at each size (default: 5)")
    add("--json", type=Path, metavar="PATH", help="write every measurement to this file")
    add("--markdown", type=Path, metavar="PATH", help="write the tables to this file")
    only = f"the parts to run, separated by commas (default: {','.join(PARTS)})"
    add("--only", default=",".join(PARTS), metavar="PARTS", help=only)
    add("--workdir", type=Path, metavar="DIR", help="keep the projects and builds in DIR")
    argv = sys.argv[1:] if argv is None else argv
    args = parser.parse_args(argv)
    parts = [part.strip() for part in args.only.split(",") if part.strip()]
    unknown = set(parts) - set(PARTS)
    if unknown:
        parser.error(
            f"unknown part(s) {', '.join(sorted(unknown))}; the parts are {', '.join(PARTS)}"
        )
    ablog = importlib.util.find_spec("ablog") is not None
    compile_package()
    selected = [part for part in parts if part != "ablog" or ablog]
    results = {
        "command": shlex.join(["python", "benchmarks/run.py", *argv]),
        "machine": machine(),
        "runs": args.runs,
        "parts": parts,
        "ablog": ablog,
        "sizes": {},
    }
    with tempfile.TemporaryDirectory(prefix="stl-bench-") as tmp:
        for notes in args.notes:
            workdir = (args.workdir or Path(tmp)) / f"{notes}-notes"
            shutil.rmtree(workdir, ignore_errors=True)
            results["sizes"][str(notes)] = run_size(notes, args.runs, selected, workdir)
    results["machine"]["load average at end"] = " ".join(f"{load:.2f}" for load in os.getloadavg())
    results["summary"] = {notes: summarize(raw) for notes, raw in results["sizes"].items()}
    text = report(results)
    print(text)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1) + "\n", "utf8")
    if args.markdown:
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text(text, "utf8")


if __name__ == "__main__":
    main()
