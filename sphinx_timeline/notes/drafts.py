"""Drafts and notes dated in the future: held back before Sphinx reads them.

At the start of each build's reading, every page's front matter is looked at. A note
with ``draft: true``, or dated after now, is taken out of the project's pages: it is
never read (its text never enters the environment, the search index or any listing)
and never written, and toctrees leave it out without a warning. When drafts are built
(``timeline_drafts``, ``SPHINX_TIMELINE_DRAFTS=1``, a Read the Docs pull-request
preview), a draft is built with a banner and kept out of search engines.
"""

from __future__ import annotations

import contextlib
import datetime
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.directives.other import TocTree
from sphinx.util import docname_join
from sphinx.util.nodes import explicit_title_re

from ..core.i18n import _
from ..core.metadata import parse_flag
from ..core.source import is_markdown, rst_docinfo, yaml_front_matter
from .domain import notes_domain
from .fields import NoteDate
from .settings import DRAFTS, FUTURE

if TYPE_CHECKING:
    from sphinx import addnodes
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

DRAFT, FUTURE_NOTE = "draft", "future"


def drafts_built(config: Config) -> bool:
    """Whether this build shows drafts: ``timeline_drafts``, ``SPHINX_TIMELINE_DRAFTS=1``,
    or a Read the Docs pull-request preview."""
    return (
        bool(DRAFTS.value(config))
        or os.environ.get("SPHINX_TIMELINE_DRAFTS") == "1"
        or os.environ.get("READTHEDOCS_VERSION_TYPE") == "external"
    )


def now() -> datetime.datetime:
    """The moment of this build: ``SOURCE_DATE_EPOCH`` when it is set, so that a
    reproducible build stays reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isascii() and epoch.isdigit():
        with contextlib.suppress(OverflowError, OSError, ValueError):  # past year 9999
            return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
    return datetime.datetime.now(datetime.UTC)


def held_back_reason(fields: dict[str, Any], config: Config, moment: datetime.datetime) -> str:
    """Why a page with these front matter fields is not built (``""``: it is built)."""
    if "date" not in fields:
        return ""
    if parse_flag(fields.get("draft", False)) and not drafts_built(config):
        return DRAFT
    if not FUTURE.value(config):
        try:
            if NoteDate.parse(fields["date"]).as_utc() > moment:
                return FUTURE_NOTE
        except ValueError:
            return ""  # the note's own reading warns about the date
    return ""


HOLD_FIELDS = ("date", "draft")
"""The front matter fields that decide whether a page is held back."""


def front_matter(env: BuildEnvironment, docname: str, known: dict[str, Any]) -> dict[str, Any]:
    """The fields of a page's front matter that decide whether it is held back, read
    from its source file unless it is unchanged since the last build (``known``, kept
    by modification time)."""
    source = Path(env.doc2path(docname))
    try:
        modified = source.stat().st_mtime_ns
    except OSError:
        return {}
    if known.get(docname, (None,))[0] == modified:
        fields: dict[str, Any] = known[docname][1]
        return fields
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return {}
    if is_markdown(env.config, source):
        found: dict[str, Any] = yaml_front_matter(lines)[0]
    else:
        found = dict(rst_docinfo(lines)[0])
    fields = {name: found[name] for name in HOLD_FIELDS if name in found}
    known[docname] = (modified, fields)
    return fields


def hold_back(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> set[str]:
    """Take the held-back notes out of the pages to read (``env-get-outdated``); the pages
    to read again because a toctree of theirs names a note whose state changed."""
    domain = notes_domain(env)
    moment = now()
    known = domain.front_matter_seen
    for docname in set(known) - env.found_docs:
        del known[docname]
    held = {}
    for docname in sorted(env.found_docs):
        reason = held_back_reason(front_matter(env, docname, known), env.config, moment)
        if reason:
            held[docname] = reason
    flipped = set(domain.held_back) ^ set(held)
    domain.held_back.clear()
    domain.held_back.update(held)
    env.found_docs.difference_update(held)
    remove_held_back_output(app, held)
    added.difference_update(held)
    changed.difference_update(held)
    removed.update(set(held) & set(env.all_docs))
    parents = {
        parent for parent, children in env.toctree_includes.items() if flipped & set(children)
    }
    return (parents | domain.pages_skipping(flipped)) - set(held)


def remove_held_back_output(app: Sphinx, held: Iterable[str]) -> None:
    """Delete what an earlier build wrote for the notes ``held`` back now, before this
    build writes anything (an EPUB packs every file of its folder): a note made a draft
    again is unpublished, not left online from the last build. The HTML builders write a
    page and a copy of the source for each note."""
    builder = app.builder
    if not hasattr(builder, "get_outfilename"):
        return
    sources = Path(builder.outdir, "_sources")
    link_suffix = app.config.html_sourcelink_suffix
    for docname in sorted(held):
        Path(builder.get_outfilename(docname)).unlink(missing_ok=True)
        for suffix in app.config.source_suffix:  # named as Sphinx names the copy
            name = docname + suffix + (link_suffix if suffix != link_suffix else "")
            (sources / name).unlink(missing_ok=True)


class NotesTocTree(TocTree):
    """Sphinx's ``toctree``, leaving out held-back notes without a warning."""

    def parse_content(self, toctree: addnodes.toctree) -> Any:
        domain = notes_domain(self.env)
        if domain.held_back:
            kept, skipped = StringList(), set()
            for entry, (source, offset) in zip(self.content, self.content.items, strict=True):
                if (docname := self.entry_docname(entry)) in domain.held_back:
                    skipped.add(docname)
                else:
                    kept.append(entry, source, offset)
            self.content = kept
            domain.note_toctree_skips(self.env.docname, skipped)
        return super().parse_content(toctree)

    def entry_docname(self, entry: str) -> str:
        """The page a toctree entry names (``Title <page>``, ``page``, ``page.md``)."""
        explicit = explicit_title_re.match(entry)
        target = (explicit.group(2) if explicit else entry).strip()
        for suffix in self.config.source_suffix:
            target = target.removesuffix(suffix)
        return docname_join(self.env.docname, target)


def is_shown_draft(env: BuildEnvironment, docname: str) -> bool:
    """Whether ``docname`` is a draft note that this build shows."""
    note = notes_domain(env).notes.get(docname)
    return note is not None and note.draft


def draft_banner() -> nodes.admonition:
    """The banner at the top of a draft that this build shows."""
    banner = nodes.admonition(classes=["stl-draft-banner"])
    banner += nodes.title(_("Draft"), _("Draft"))
    text = _("This note is a draft: it is not published, and search engines do not index it.")
    banner += nodes.paragraph(text, text)
    return banner
