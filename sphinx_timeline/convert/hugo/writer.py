"""Writing the converted files, and the Sphinx project around them.

A file that exists already is left alone unless ``force`` is given (or it holds what
would be written anyway), and every file is written whole or not at all. A folder
without a ``conf.py`` gets a complete project: a ``conf.py`` from the Hugo site's
settings and an index page that lists the notes; its first line marks the project as
the converter's, so a later run may update it (with ``force``) while a ``conf.py`` of
the writer's own is never touched.
"""

from __future__ import annotations

import enum
import filecmp
import os
import shutil
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from ..myst import escape
from .convert import OutputFile
from .site import Site

MARKER = "# Written by sphinx-timeline convert hugo."
DEFAULT_MYST = ("attrs_inline", "colon_fence")
"""The MyST extensions the extension enables when ``conf.py`` sets none."""


class Outcome(enum.Enum):
    """What became of one file."""

    WRITTEN = "written"
    REPLACED = "replaced"
    UNCHANGED = "unchanged"
    KEPT = "kept"
    """It exists with other contents, and was not replaced."""


def write(out: Path, file: OutputFile, force: bool, dry_run: bool) -> Outcome:
    """Write ``file`` into ``out`` (in a dry run, only say what would happen)."""
    target = out / file.path
    if target.is_file():
        if _same(target, file):
            return Outcome.UNCHANGED
        if not force:
            return Outcome.KEPT
        if not dry_run:
            _write(target, file)
        return Outcome.REPLACED
    if not dry_run:
        _write(target, file)
    return Outcome.WRITTEN


def _same(target: Path, file: OutputFile) -> bool:
    if file.data is not None:
        return target.read_bytes() == file.data
    assert file.source is not None
    return filecmp.cmp(target, file.source, shallow=False)


def _write(target: Path, file: OutputFile) -> None:
    """Write ``target`` whole: into ``.NAME.partial`` beside it, then renamed. The
    temporary file has the permissions the umask gives a new file, and its fixed name
    lets the next run replace what a killed run left of it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    try:
        with partial.open("wb") as stream:
            if file.data is not None:
                stream.write(file.data)
            else:
                assert file.source is not None
                with file.source.open("rb") as source:
                    shutil.copyfileobj(source, stream)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def own_project(out: Path) -> bool:
    """Whether the project in ``out`` is the converter's to write: no ``conf.py`` yet, or
    one the converter wrote."""
    conf = out / "conf.py"
    if not conf.exists():
        return True
    try:
        with conf.open(encoding="utf-8", errors="replace") as stream:
            return stream.readline().rstrip("\n") == MARKER
    except OSError:
        return False


def advice(
    out: Path,
    notes_dir: PurePosixPath,
    project: bool,
    needs: Iterable[str],
    tweets: int,
    other_languages: Iterable[str],
) -> list[str]:
    """What the writer may want to do after the conversion."""
    lines = []
    if not project:
        extensions = myst_extensions(needs)
        lines.append(f"Add the notes to a toctree of {out} ({notes_dir.as_posix()}/**).")
        if extensions:
            lines.append(f"The notes need myst_enable_extensions = {extensions!r} in conf.py.")
        if "heading_anchors" in needs:
            lines.append("They link to headings of other notes: set myst_heading_anchors = 6.")
    if tweets:
        lines.append(
            f"{tweets} tweets have no text yet: 'sphinx-timeline tweets fetch {out}' keeps "
            "their words in the project."
        )
    languages = ", ".join(sorted(other_languages))
    if languages:
        lines.append(f"Pages in {languages} are not converted: --lang converts one language.")
    return lines


def project_files(
    site: Site | None, notes_dir: PurePosixPath, needs: Iterable[str]
) -> list[OutputFile]:
    """``conf.py`` and ``index.md`` of a project that holds the notes."""
    return [
        OutputFile(PurePosixPath("conf.py"), conf_py(site, needs).encode("utf-8")),
        OutputFile(PurePosixPath("index.md"), index_md(site, notes_dir).encode("utf-8")),
    ]


def myst_extensions(needs: Iterable[str]) -> list[str]:
    """The MyST extensions to enable, when the notes need more than the default ones."""
    extra = {need for need in needs if need != "heading_anchors"}
    return sorted({*DEFAULT_MYST, *extra}) if extra else []


def conf_py(site: Site | None, needs: Iterable[str]) -> str:
    """The project's settings, from the Hugo site's."""
    needs = set(needs)
    title = (site.title if site else "") or "Notes"
    lines = [
        MARKER,
        "# Edit it freely. A later run replaces it only with --force, and only while the",
        "# first line is kept; delete that line to make the file yours.",
        "",
        f"project = {title!r}",
    ]
    author = _author(site)
    if author:
        lines.append(f"author = {author!r}")
    if site is not None:
        lines.append(f"language = {site.language_code!r}")
        if site.base_url:
            lines.append(f"html_baseurl = {site.base_url!r}")
    lines += [
        "",
        'extensions = ["sphinx_timeline"]',
        'html_theme = "sphinx_timeline"',
        'exclude_patterns = ["_build"]',
    ]
    extensions = myst_extensions(needs)
    if extensions:
        lines += [
            "# The notes use MyST syntax beyond the extension's own colon_fence and",
            "# attrs_inline; setting this list replaces those, so it names them too.",
            f"myst_enable_extensions = {extensions!r}",
        ]
    if "heading_anchors" in needs:
        lines += ["# Links go to headings of other notes.", "myst_heading_anchors = 6"]
    if site is not None and site.setting("buildfuture") is True:
        lines += ["# As Hugo's buildFuture: notes dated in the future are built.",
                  "timeline_future = True"]  # fmt: skip
    return "\n".join(lines) + "\n"


def _author(site: Site | None) -> str:
    if site is None:
        return ""
    value = site.params.get("author") or site.setting("author")
    if isinstance(value, dict):
        value = value.get("name")
    return str(value).strip() if isinstance(value, (str, int)) else ""


def index_md(site: Site | None, notes_dir: PurePosixPath) -> str:
    """The front page: the site's title and description, the list of the notes (newest
    first), and a hidden table of contents that holds every page."""
    title = (site.title if site else "") or "Notes"
    description = site.params.get("description") if site else None
    parts = [f"# {escape(title)}"]
    if isinstance(description, str) and description.strip():
        parts.append(escape(" ".join(description.split())))
    parts.append(":::{note-list}\n:::")
    toctree = ["```{toctree}", ":glob:", ":hidden:", "", f"{notes_dir.as_posix()}/**", "```"]
    parts.append("\n".join(toctree))
    return "\n\n".join(parts) + "\n"
