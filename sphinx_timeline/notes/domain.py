"""The notes of a project, across its pages: one Domain, cleared and merged page by
page, so that pages are read in parallel and incremental builds stay right."""

from __future__ import annotations

from collections.abc import Iterable, Set
from typing import TYPE_CHECKING, Any, ClassVar

from sphinx.domains import Domain

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from .fields import Note
    from .links import NoteLinks


class NotesDomain(Domain):
    """Every note's :class:`~.fields.Note`; the pages held back (drafts, future notes);
    and, for each page, the held-back pages its toctrees left out."""

    name = "notes"
    label = "Author notes"
    initial_data: ClassVar[dict[str, Any]] = {
        "notes": {},
        "held_back": {},
        "toctree_skips": {},
        "front_matter_seen": {},
        "links_shown": None,
    }
    data_version = 3
    links_before: dict[str, tuple[object, ...]] | None = None
    """What each note linked to in the last build (this build only; see ``updates``)."""
    links: dict[str, NoteLinks] | None = None
    """What each note links to in this build, once the notes are read."""
    relations_before: dict[str, tuple[tuple[str, str] | None, ...]] | None = None
    """Each page's parent, previous and next page and their titles in the last build
    (this build only)."""

    @property
    def notes(self) -> dict[str, Note]:
        """The notes by docname."""
        notes: dict[str, Note] = self.data["notes"]
        return notes

    @property
    def held_back(self) -> dict[str, str]:
        """The pages not built in this build, by docname: why (``draft`` or ``future``)."""
        held: dict[str, str] = self.data["held_back"]
        return held

    @property
    def front_matter_seen(self) -> dict[str, tuple[int, dict[str, Any]]]:
        """The front matter that decides about holding back, of each page, with the
        modification time of the file it was read from."""
        seen: dict[str, tuple[int, dict[str, Any]]] = self.data["front_matter_seen"]
        return seen

    def add_note(self, note: Note) -> None:
        self.notes[note.docname] = note

    def note_toctree_skips(self, docname: str, skipped: Iterable[str]) -> None:
        """Remember that ``docname``'s toctrees left out the held-back pages ``skipped``."""
        self.data["toctree_skips"].setdefault(docname, set()).update(skipped)

    def pages_skipping(self, docnames: Set[str]) -> set[str]:
        """The pages whose toctrees left out any of ``docnames``."""
        skips: dict[str, set[str]] = self.data["toctree_skips"]
        return {page for page, skipped in skips.items() if skipped & docnames}

    def sorted_notes(self) -> list[Note]:
        """Every note, newest first."""
        return sorted(self.notes.values(), key=lambda note: note.sort_key, reverse=True)

    def clear_doc(self, docname: str) -> None:
        self.notes.pop(docname, None)
        self.data["toctree_skips"].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata["notes"]:
                self.notes[docname] = otherdata["notes"][docname]
            if docname in otherdata["toctree_skips"]:
                self.data["toctree_skips"][docname] = otherdata["toctree_skips"][docname]

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[Any]:
        return []


def notes_domain(env: BuildEnvironment) -> NotesDomain:
    """The project's notes."""
    domain: NotesDomain = env.get_domain(NotesDomain.name)  # type: ignore[assignment]
    return domain
