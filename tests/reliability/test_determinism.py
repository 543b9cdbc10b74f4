"""Random sequences of edits to a notes project (bodies, titles, timeline labels, dates,
tags, categories, drafts, featured notes, excerpts, listings; notes added, renamed and
deleted), in this extension's theme and in another: after each step, an incremental
``sphinx-build`` gives the same output as a clean one, byte for byte (pages, feeds,
search index, inventory, copied sources), serial or parallel (``-j 2``); and two clean
builds are the same.

The sequences come from a seeded generator, so a failure names the edits that led to it
and happens again on the next run.
"""

from __future__ import annotations

import dataclasses as dc
import datetime
import difflib
import json
import random
import shutil
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from helpers import BUILD_EPOCH, sphinx_build

BUILD_YEAR = datetime.datetime.fromtimestamp(BUILD_EPOCH, datetime.UTC).year
TAGS = ("career", "python", "Python", "C++", "c", "日本", "index", "open source")
"""Tags and categories to draw from; some of them share a slug (``python``, ``c``) or
take a name the generated pages use (``index``)."""
WORDS = ("release", "review", "maintainer", "docs", "typo", "community", "日本語", "naïve")
FORMATS = ("list", "cards", "timeline")


@dc.dataclass
class NoteSource:
    """What one note's file says."""

    title: str
    date: str
    tags: list[str]
    categories: list[str]
    body: str
    draft: bool = False
    featured: bool = False
    excerpt: str = ""

    def text(self) -> str:
        head = [f"date: {self.date}", f"tags: {json.dumps(self.tags, ensure_ascii=False)}"]
        head.append(f"categories: {json.dumps(self.categories, ensure_ascii=False)}")
        head += ["draft: true"] * self.draft + ["featured: true"] * self.featured
        excerpt = f":::{{excerpt}}\n{self.excerpt}\n:::\n\n" if self.excerpt else ""
        return "---\n" + "\n".join(head) + f"\n---\n# {self.title}\n\n{excerpt}{self.body}\n"


@dc.dataclass
class Project:
    """A notes project: its notes, a timeline page, and a page of note listings."""

    theme: str
    notes: dict[str, NoteSource]
    entries: list[tuple[str, str]]
    """The timeline's entries: date and label."""
    listing: dict[str, str]
    """The ``note-list`` options of the listings page."""

    def files(self) -> dict[str, str]:
        """Every source file, by path."""
        conf = [
            'extensions = ["sphinx_timeline"]',
            'project = "Edits"',
            'html_baseurl = "https://example.org/docs/"',
            'copyright = "2026, the authors"',
            'version = "1"',
            f'html_theme = "{self.theme}"',
            "timeline_notes_per_page = 2",
            'timeline_feed_content = "full"',
        ]
        if self.theme == "alabaster":
            # Sphinx's own sidebar toctree is not rewritten on every page when a title
            # changes; this extension's theme does rewrite its navigation.
            conf.append('html_sidebars = {"**": []}')
        timeline = "\n\n".join(
            f":::{{timeline-entry}} {date}\n:label: {label}\nWhat happened.\n:::"
            for date, label in self.entries
        )
        options = "".join(f":{name}: {value}\n" for name, value in self.listing.items())
        files = {
            "conf.py": "\n".join(conf) + "\n",
            "index.md": "# Edits\n\n```{toctree}\n:glob:\n\ntimeline\nlistings\nnotes/*\n```\n",
            "timeline.md": f"# A timeline\n\n::::{{timeline}}\n:order: descending\n\n"
            f"{timeline}\n::::\n",
            "listings.md": f"# Listings\n\n:::{{note-list}}\n{options}:::\n\n"
            ":::{note-list}\n:format: timeline\n:tags: python\n:::\n",
        }
        for name, note in self.notes.items():
            files[f"notes/{name}.md"] = note.text()
        return files

    def docnames(self) -> set[str]:
        return {f"notes/{name}" for name in self.notes}

    def held_back(self) -> set[str]:
        """The notes a build leaves out: drafts, and those dated after the builds' moment."""
        return {
            f"notes/{name}"
            for name, note in self.notes.items()
            if note.draft or note.date > str(BUILD_YEAR)
        }

    def write(self, srcdir: Path) -> None:
        """Bring ``srcdir`` to this state, touching only the files that change (Sphinx
        reads again what is newer than its last build)."""
        wanted = self.files()
        for path in srcdir.rglob("*"):
            if path.is_file() and path.relative_to(srcdir).as_posix() not in wanted:
                path.unlink()
        for name, text in wanted.items():
            path = srcdir / name
            if not path.is_file() or path.read_text("utf8") != text:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, "utf8")


def sentence(rng: random.Random) -> str:
    return " ".join(rng.choices(WORDS, k=rng.randint(2, 8))).capitalize() + "."


def some_tags(rng: random.Random) -> list[str]:
    return rng.sample(TAGS, rng.randint(0, 3))


def a_date(rng: random.Random) -> str:
    """A date before the builds' moment (2027), now and then one after it (held back)."""
    year = BUILD_YEAR + 4 if rng.random() < 0.15 else rng.randint(2015, BUILD_YEAR - 1)
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def new_note(rng: random.Random) -> NoteSource:
    return NoteSource(
        title=sentence(rng).rstrip("."),
        date=a_date(rng),
        tags=some_tags(rng),
        categories=rng.sample(TAGS, rng.randint(0, 1)),
        body=sentence(rng),
    )


Edit = Callable[[random.Random, Project], str]
"""Changes the project; says what it did."""


def a_note(rng: random.Random, project: Project) -> tuple[str, NoteSource]:
    name = rng.choice(sorted(project.notes))
    return name, project.notes[name]


def edit_body(rng: random.Random, project: Project) -> str:
    name, note = a_note(rng, project)
    note.body = sentence(rng)
    return f"{name}: body"


def edit_title(rng: random.Random, project: Project) -> str:
    name, note = a_note(rng, project)
    note.title = sentence(rng).rstrip(".")
    return f"{name}: title {note.title!r}"


def edit_label(rng: random.Random, project: Project) -> str:
    index = rng.randrange(len(project.entries))
    date, _ = project.entries[index]
    project.entries[index] = (date, sentence(rng).rstrip("."))
    return f"timeline entry {index}: label"


def edit_date(rng: random.Random, project: Project) -> str:
    name, note = a_note(rng, project)
    note.date = a_date(rng)
    return f"{name}: date {note.date}"


def edit_tags(rng: random.Random, project: Project) -> str:
    name, note = a_note(rng, project)
    note.tags = some_tags(rng)
    return f"{name}: tags {note.tags}"


def edit_categories(rng: random.Random, project: Project) -> str:
    name, note = a_note(rng, project)
    note.categories = rng.sample(TAGS, rng.randint(0, 2))
    return f"{name}: categories {note.categories}"


def toggle_draft(rng: random.Random, project: Project) -> str:
    name, note = a_note(rng, project)
    note.draft = not note.draft
    return f"{name}: draft {note.draft}"


def toggle_featured(rng: random.Random, project: Project) -> str:
    name, note = a_note(rng, project)
    note.featured = not note.featured
    return f"{name}: featured {note.featured}"


def edit_excerpt(rng: random.Random, project: Project) -> str:
    name, note = a_note(rng, project)
    note.excerpt = "" if note.excerpt else sentence(rng)
    return f"{name}: excerpt {bool(note.excerpt)}"


def add_note(rng: random.Random, project: Project) -> str:
    name = f"note-{len(project.notes)}-{rng.randrange(1000)}"
    project.notes[name] = new_note(rng)
    return f"{name}: added"


def rename_note(rng: random.Random, project: Project) -> str:
    name, _ = a_note(rng, project)
    new_name = f"renamed-{rng.randrange(1000)}"
    project.notes[new_name] = project.notes.pop(name)
    return f"{name}: renamed {new_name}"


def delete_note(rng: random.Random, project: Project) -> str:
    if len(project.notes) <= 2:
        return add_note(rng, project)
    name, _ = a_note(rng, project)
    del project.notes[name]
    return f"{name}: deleted"


def edit_listing(rng: random.Random, project: Project) -> str:
    listing = {"format": rng.choice(FORMATS)}
    if rng.random() < 0.5:
        listing["tags"] = ", ".join(rng.sample(TAGS, rng.randint(1, 2)))
    if rng.random() < 0.5:
        listing["limit"] = str(rng.randint(1, 3))
    if rng.random() < 0.3:
        listing["featured"] = rng.choice(["true", "false"])
    project.listing = listing
    return f"listing {listing}"


EDITS: tuple[Edit, ...] = (
    edit_body,
    edit_title,
    edit_label,
    edit_date,
    edit_tags,
    edit_categories,
    toggle_draft,
    toggle_featured,
    edit_excerpt,
    add_note,
    rename_note,
    delete_note,
    edit_listing,
)


def start(rng: random.Random, theme: str) -> Project:
    notes = {f"note-{number}": new_note(rng) for number in range(4)}
    entries = [(f"{2010 + number}-0{number + 1}", sentence(rng)) for number in range(3)]
    return Project(theme, notes, entries, {"format": "cards"})


def output(outdir: Path) -> dict[str, bytes]:
    """What a build wrote that a reader sees, by relative path: every file outside
    ``.doctrees``; the search index without the terms no page has any more (an
    incremental build keeps them, as Sphinx does, which changes no search result)."""
    files = {
        path.relative_to(outdir).as_posix(): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file() and ".doctrees" not in path.relative_to(outdir).parts
    }
    index = json.loads(
        files["searchindex.js"].decode().removeprefix("Search.setIndex(").removesuffix(")")
    )
    for key in ("terms", "titleterms"):
        index[key] = {term: pages for term, pages in index[key].items() if pages != []}
    files["searchindex.js"] = json.dumps(index, sort_keys=True).encode()
    return files


def page_of(name: str) -> str:
    """The docname whose page (``notes/a.html``) or copied source (``_sources/notes/a.md.txt``)
    the output file ``name`` is."""
    return name.removeprefix("_sources/").removesuffix(".md.txt").removesuffix(".html")


def assert_same(incremental: Path, clean: Path, gone: set[str], history: list[str]) -> None:
    """Fail unless the two builds wrote the same files, byte for byte; the incremental
    build may keep the old files of the pages in ``gone`` (Sphinx leaves those of a page
    that is no more)."""
    a, b = output(incremental), output(clean)
    after = "after\n" + "".join(f"  {number}. {step}\n" for number, step in enumerate(history, 1))
    extra = sorted(name for name in set(a) - set(b) if page_of(name) not in gone)
    assert not extra, f"{after}only in the incremental build: {extra}"
    missing = sorted(set(b) - set(a))
    assert not missing, f"{after}only in the clean build: {missing}"
    differing = [name for name in b if a[name] != b[name]]
    if differing:
        diff = difflib.unified_diff(
            b[differing[0]].decode().splitlines(),
            a[differing[0]].decode().splitlines(),
            "clean",
            "incremental",
            lineterm="",
            n=1,
        )
        pytest.fail(f"{after}{differing} differ; {differing[0]}:\n" + "\n".join(list(diff)[:40]))


def edit_steps(rng: random.Random) -> list[list[Edit]]:
    """Every kind of edit twice, in a random order, one to three edits a step."""
    edits = rng.sample(EDITS * 2, len(EDITS) * 2)
    steps = []
    while edits:
        size = rng.randint(1, 3)
        steps.append(edits[:size])
        edits = edits[size:]
    return steps


@pytest.mark.parametrize(("seed", "theme"), [(1, "alabaster"), (2, "sphinx_timeline")])
def test_incremental_builds_after_random_edits_equal_clean_builds(
    seed: int, theme: str, tmp_path: Path
) -> None:
    rng = random.Random(seed)
    project = start(rng, theme)
    srcdir, incremental, clean = tmp_path / "src", tmp_path / "incremental", tmp_path / "clean"
    project.write(srcdir)
    sphinx_build(srcdir, incremental)
    history: list[str] = []
    gone: set[str] = set()
    with ThreadPoolExecutor(2) as pool:
        for number, edits in enumerate(edit_steps(rng)):
            before = project.docnames()
            history.append("; ".join(edit(rng, project) for edit in edits))
            gone |= (before - project.docnames()) | project.held_back()
            project.write(srcdir)
            shutil.rmtree(clean, ignore_errors=True)
            jobs = ("1", "2") if number % 2 else ("2", "1")  # parallel builds in turn
            builds = [
                pool.submit(sphinx_build, srcdir, incremental, "-j", jobs[0]),
                pool.submit(sphinx_build, srcdir, clean, "-j", jobs[1]),
            ]
            for build in builds:
                build.result()
            assert_same(incremental, clean, gone, history)
    sphinx_build(srcdir, tmp_path / "again")  # and two clean builds are the same
    assert_same(tmp_path / "again", clean, set(), history)
