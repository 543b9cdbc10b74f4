"""Resilience: a file deleted or broken between two builds, an output file that cannot be
written, a build or a conversion stopped halfway. Each gives a clear warning or error
and no traceback, the next build's output is a clean build's, and no file is left
half-written.

Builds and conversions run in subprocesses (``python -m sphinx``, ``python -m
sphinx_timeline``). To stop one halfway, at the same point every time, a small launcher
replaces ``open`` so that the chosen file dies halfway through its first write: half
its bytes are written, then the process is killed (``SIGKILL``: nothing can clean up)
or interrupted (``KeyboardInterrupt``, as Ctrl-C).
"""

from __future__ import annotations

import dataclasses as dc
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import BUILD_EPOCH, ROOTS, copy_root, strip_colours

PNG = (ROOTS / "test-float" / "img" / "square.png").read_bytes()
POST_ID = "1545097349364981760"
CACHE_FILE = (ROOTS / "test-tweet" / "_tweets" / f"{POST_ID}.json").read_text("utf8")
CONF = 'extensions = ["sphinx_timeline"]\nshow_warning_types = True\n'

LAUNCHER = """\
import builtins, io, os, signal, sys
from pathlib import Path

folder, name, count, how = Path(sys.argv[1]).resolve(), sys.argv[2], int(sys.argv[3]), sys.argv[4]
real_open = io.open
opened = 0


class Dying:
    def __init__(self, stream):
        self.stream = stream

    def write(self, data):
        self.stream.write(data[: len(data) // 2])
        self.stream.flush()
        if how == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        raise KeyboardInterrupt

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return self.stream.__exit__(*exc)

    def __getattr__(self, attribute):
        return getattr(self.stream, attribute)


def dying_open(file, mode="r", *args, **kwargs):
    global opened
    stream = real_open(file, mode, *args, **kwargs)
    if isinstance(file, (str, os.PathLike)) and set(mode) & set("wxa"):
        path = Path(file).resolve()
        if path.is_relative_to(folder) and name in path.name:
            opened += 1
            if opened == count:
                return Dying(stream)
    return stream


io.open = builtins.open = dying_open
module, sys.argv = sys.argv[5], [sys.argv[5], *sys.argv[6:]]
if module == "sphinx":
    from sphinx.cmd.build import main
else:
    from sphinx_timeline.cli import main
sys.exit(main(sys.argv[1:]))
"""
"""``python -c LAUNCHER FOLDER NAME N kill|interrupt sphinx|sphinx_timeline ARGS...``:
run ``sphinx-build`` or ``sphinx-timeline`` with ARGS; the N-th file opened for writing
in FOLDER whose name contains NAME dies halfway through its first write."""


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """``python ARGS...``, reproducibly dated."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(BUILD_EPOCH)}
    return subprocess.run(
        [sys.executable, *map(str, args)], capture_output=True, text=True, env=env, check=False
    )


def build(srcdir: Path, outdir: Path, *options: str) -> list[str]:
    """Build ``srcdir`` in HTML (without ``-W``); its warnings, ``<src>`` and ``<out>``
    standing for the folders, after asserting that it succeeded without a traceback."""
    result = run("-m", "sphinx", "-q", "-b", "html", *options, srcdir, outdir)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    text = strip_colours(result.stderr)
    text = text.replace(str(srcdir) + os.sep, "<src>/").replace(str(outdir) + os.sep, "<out>/")
    return [line for line in text.splitlines() if line]


def write_project(srcdir: Path, files: dict[str, str | bytes]) -> Path:
    """A project in ``srcdir`` of ``files`` (and the default ``conf.py``)."""
    for name, content in {"conf.py": CONF, **files}.items():
        path = srcdir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, "utf8")
    return srcdir


def output_files(outdir: Path) -> dict[str, bytes]:
    """Every file of a build's output but Sphinx's environment, by relative path; the
    search index without the terms no page has any more (an incremental build keeps
    them, as Sphinx does, and they change no search result)."""
    files = {
        path.relative_to(outdir).as_posix(): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file() and ".doctrees" not in path.parts and path.name != ".buildinfo"
    }
    text = files["searchindex.js"].decode()
    index = json.loads(text.removeprefix("Search.setIndex(").removesuffix(")"))
    for key in ("terms", "titleterms"):
        index[key] = {term: docs for term, docs in index[key].items() if docs != []}
    files["searchindex.js"] = json.dumps(index, sort_keys=True).encode()
    return files


def assert_as_clean_build(incremental: Path, clean: Path, sphinx_leftovers: set[str]) -> None:
    """The incremental build's output is the clean build's, but for the files Sphinx
    never deletes (those of a page, or a picture, that is no more)."""
    ours, theirs = output_files(incremental), output_files(clean)
    assert set(ours) - set(theirs) == sphinx_leftovers
    assert set(theirs) <= set(ours)
    differing = [name for name in theirs if ours[name] != theirs[name]]
    assert differing == []


@dc.dataclass(frozen=True)
class Break:
    """A project, how it is broken, and what the build then says and shows."""

    files: dict[str, str | bytes]
    breaks: Callable[[Path], object]
    warning: str
    """The start of the one warning the broken project gives."""
    subtype: str
    marker: str
    """A text of the page that goes with what is broken."""
    sphinx_leftovers: set[str] = dc.field(default_factory=set)
    """The files of the first build that Sphinx never deletes."""


BREAKS = {
    "a deleted image": Break(
        {
            "index.md": "# Plans\n\n:::{image-float} img/plans.png\n:alt: A whiteboard\n"
            "PLANS-CAPTION for the year.\n:::\n\nText beside the plans.\n",
            "img/plans.png": PNG,
        },
        lambda src: (src / "img" / "plans.png").unlink(),
        "<src>/index.md:3: WARNING: image-float image 'img/plans.png' not found",
        "timeline.float",
        "PLANS-CAPTION",
        {"_images/plans.png"},
    ),
    "a deleted events file": Break(
        {
            "index.md": "# Career\n\nBefore.\n\n:::{timeline}\n:events: data/career.yaml\n:::\n",
            "data/career.yaml": "- date: 2019-04\n  label: EVENT-LABEL\n  body: Releases.\n",
        },
        lambda src: (src / "data" / "career.yaml").unlink(),
        "<src>/index.md:6: WARNING: events file 'data/career.yaml' not found",
        "timeline.events",
        "EVENT-LABEL",
    ),
    "a malformed tweet cache file": Break(
        {
            "index.md": f"# Posts\n\nBefore.\n\n:::{{tweet}} {POST_ID}\n:::\n",
            f"_tweets/{POST_ID}.json": CACHE_FILE.replace("Words", "CACHED-WORDS"),
        },
        lambda src: (src / "_tweets" / f"{POST_ID}.json").write_text(
            CACHE_FILE[: len(CACHE_FILE) // 2], "utf8"
        ),
        f"<src>/index.md:5: WARNING: tweet {POST_ID}: cache file <src>/_tweets/{POST_ID}.json "
        "is not valid JSON",
        "timeline.tweet",
        "CACHED-WORDS",
    ),
}


@pytest.mark.parametrize("case", BREAKS)
def test_a_broken_input_is_one_located_warning_and_the_output_a_clean_builds(
    tmp_path: Path, case: str
) -> None:
    broken = BREAKS[case]
    srcdir = write_project(tmp_path / "src", broken.files)
    assert build(srcdir, tmp_path / "incremental") == []
    assert broken.marker in (tmp_path / "incremental" / "index.html").read_text("utf8")
    broken.breaks(srcdir)
    warnings = build(srcdir, tmp_path / "incremental")
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith(broken.warning), warnings[0]
    assert warnings[0].endswith(f"[{broken.subtype}]"), warnings[0]
    assert broken.marker not in (tmp_path / "incremental" / "index.html").read_text("utf8")
    assert build(srcdir, tmp_path / "clean") == warnings
    assert_as_clean_build(tmp_path / "incremental", tmp_path / "clean", broken.sphinx_leftovers)


def test_a_deleted_note_is_gone_from_every_listing_feed_and_link(tmp_path: Path) -> None:
    srcdir = copy_root("notes-listings", tmp_path)
    site = ("-D", "html_baseurl=https://example.org/docs/")  # for the feeds
    assert build(srcdir, tmp_path / "incremental", *site) == []
    (srcdir / "notes" / "second.md").unlink()
    assert build(srcdir, tmp_path / "incremental", *site) == []
    assert build(srcdir, tmp_path / "clean", *site) == []
    leftovers = {"notes/second.html", "_sources/notes/second.md.txt"}  # as for any page
    assert_as_clean_build(tmp_path / "incremental", tmp_path / "clean", leftovers)
    mentions = [
        name
        for name, data in output_files(tmp_path / "incremental").items()
        if name not in leftovers and (b"Second thoughts" in data or b"second.html" in data)
    ]
    assert mentions == []


EDITED = b"a small typo fix"


def edit_first_note(srcdir: Path) -> None:
    """Edit the summary of ``notes/first`` (not its title, which Sphinx's sidebar shows
    in every page, and rewrites only in the pages that change)."""
    note = srcdir / "notes" / "first.md"
    note.write_text(note.read_text("utf8").replace("a typo fix", EDITED.decode()), "utf8")


UNWRITABLE = ("notes/first.html", "tags/python.html", "atom.xml")
"""A page of Sphinx's, a generated tag page and a feed, all about ``notes/first``."""


def test_an_output_file_that_cannot_be_written_is_a_warning_then_written(
    tmp_path: Path,
) -> None:
    srcdir = copy_root("notes-feeds", tmp_path)
    outdir = tmp_path / "out"
    assert build(srcdir, outdir) == []
    edit_first_note(srcdir)
    for name in UNWRITABLE:  # a folder in its place: not even root can write it
        (outdir / name).unlink()
        (outdir / name).mkdir()
    assert sorted(build(srcdir, outdir)) == [
        "WARNING: error writing file <out>/atom.xml: Is a directory",
        "WARNING: error writing file <out>/notes/first.html: [Errno 21] Is a directory: "
        "'<out>/notes/first.html'",  # Sphinx's own
        "WARNING: error writing file <out>/tags/python.html: Is a directory",
    ]
    for name in UNWRITABLE:
        (outdir / name).rmdir()
    assert build(srcdir, outdir) == []
    assert build(srcdir, tmp_path / "clean") == []
    assert_as_clean_build(outdir, tmp_path / "clean", set())
    assert EDITED in (outdir / "atom.xml").read_bytes()


OURS = ("tags/python.html", "atom.xml")
"""A generated tag page and a feed: the files the extension writes itself."""


def test_a_page_or_feed_that_could_not_be_replaced_is_replaced_by_the_next_build(
    tmp_path: Path,
) -> None:
    srcdir = copy_root("notes-feeds", tmp_path)
    outdir = tmp_path / "out"
    assert build(srcdir, outdir) == []
    before = {name: (outdir / name).read_bytes() for name in OURS}
    edit_first_note(srcdir)
    # a folder where the new file is written first (tags/.python.html.partial): the old stays
    blockers = [(outdir / name).with_name(f".{Path(name).name}.partial") for name in OURS]
    for blocker in blockers:
        blocker.mkdir()
    assert sorted(build(srcdir, outdir)) == [
        f"WARNING: error writing file <out>/{name}: Is a directory" for name in sorted(OURS)
    ]
    assert {name: (outdir / name).read_bytes() for name in OURS} == before
    for blocker in blockers:
        blocker.rmdir()
    assert build(srcdir, outdir) == []  # no source changed since
    assert build(srcdir, tmp_path / "clean") == []
    assert_as_clean_build(outdir, tmp_path / "clean", set())


def test_a_page_or_feed_deleted_from_the_output_is_written_again(tmp_path: Path) -> None:
    srcdir = copy_root("notes-feeds", tmp_path)
    outdir = tmp_path / "out"
    assert build(srcdir, outdir) == []
    before = {name: (outdir / name).read_bytes() for name in OURS}
    for name in OURS:
        (outdir / name).unlink()
    assert build(srcdir, outdir) == []
    assert {name: (outdir / name).read_bytes() for name in OURS} == before


@pytest.mark.parametrize("target", ["atom.xml", "tags/python.html"])
def test_a_build_killed_while_writing_a_feed_or_a_notes_page_leaves_it_whole(
    tmp_path: Path, target: str
) -> None:
    srcdir = copy_root("notes-feeds", tmp_path)
    outdir = tmp_path / "out"
    assert build(srcdir, outdir) == []
    before = (outdir / target).read_bytes()
    edit_first_note(srcdir)
    name = Path(target).name
    killed = run("-c", LAUNCHER, outdir, name, 1, "kill", "sphinx", "-q", srcdir, outdir)
    assert killed.returncode == -9, killed.stderr
    assert (outdir / target).read_bytes() == before
    assert build(srcdir, outdir) == []
    assert build(srcdir, tmp_path / "clean") == []
    assert (outdir / target).read_bytes() == (tmp_path / "clean" / target).read_bytes()
    assert EDITED in (outdir / target).read_bytes()
    assert [path.name for path in outdir.rglob("*.partial")] == []


def converted(outdir: Path) -> dict[str, bytes]:
    """Every file a conversion wrote, by relative path."""
    return {
        path.relative_to(outdir).as_posix(): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file()
    }


@pytest.mark.parametrize("how", ["interrupt", "kill"])
def test_a_conversion_stopped_halfway_and_run_again_is_whole(tmp_path: Path, how: str) -> None:
    site = ROOTS / "test-hugo-site"
    reference = tmp_path / "reference"
    whole = run("-m", "sphinx_timeline", "convert", "hugo", site, "--out", reference)
    assert whole.returncode == 0, whole.stderr
    expected = converted(reference)
    out = tmp_path / "out"
    command = ("sphinx_timeline", "convert", "hugo", site, "--out", out)
    stopped = run("-c", LAUNCHER, out, "", len(expected) // 2, how, *command)
    if how == "kill":
        assert stopped.returncode == -9, stopped.stderr
    else:
        assert stopped.returncode == 130, stopped.stderr
        assert "Traceback" not in stopped.stderr
        assert stopped.stderr.endswith("\ninterrupted; run the command again to finish\n")
    written = converted(out)
    partial = sorted(name for name in written if Path(name).name.endswith(".partial"))
    assert len(partial) == (1 if how == "kill" else 0)  # SIGKILL leaves its temporary file
    whole_files = {name: data for name, data in written.items() if name not in partial}
    assert 0 < len(whole_files) < len(expected)
    assert {name: expected.get(name) for name in whole_files} == whole_files
    again = run("-m", "sphinx_timeline", "convert", "hugo", site, "--out", out)
    assert again.returncode == 0, again.stderr
    assert converted(out) == expected
