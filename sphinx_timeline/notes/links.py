"""Which notes each note links to: its previous and next note by date, its related
notes, and the slugs of its tags and categories. Worked out once per build, after
the notes are read, for every page that shows them."""

from __future__ import annotations

import dataclasses as dc
from collections import Counter, defaultdict

from .fields import Note
from .slugs import slugs


@dc.dataclass(frozen=True)
class NoteLinks:
    """What one note's header and closing links show of the other notes."""

    previous: Note | None
    next: Note | None
    related: tuple[Note, ...]
    tag_slugs: tuple[str, ...]
    category_slugs: tuple[str, ...]

    def shown(self) -> tuple[object, ...]:
        """What a reader sees of these links: the notes' names and titles, the slugs."""

        def named(note: Note | None) -> tuple[str, str] | None:
            return (note.docname, note.title) if note is not None else None

        return (
            named(self.previous),
            named(self.next),
            tuple(named(note) for note in self.related),
            self.tag_slugs,
            self.category_slugs,
        )


def links_of(notes: dict[str, Note], related: int) -> dict[str, NoteLinks]:
    """The links of every note; ``related`` is how many related notes each shows (those
    sharing the most tags, then the newest)."""
    ordered = sorted(notes.values(), key=lambda note: note.sort_key)
    rank = {note.docname: index for index, note in enumerate(ordered)}
    tag_slugs = slugs(name for note in ordered for name in note.tags)
    category_slugs = slugs(name for note in ordered for name in note.categories)
    tagged: dict[str, list[Note]] = defaultdict(list)
    for note in ordered:
        for tag in note.tags:
            tagged[tag].append(note)
    links = {}
    for index, note in enumerate(ordered):
        shared = Counter(
            other.docname
            for tag in set(note.tags)
            for other in tagged[tag]
            if other.docname != note.docname
        )
        best = sorted(shared, key=lambda name: (shared[name], rank[name]), reverse=True)
        links[note.docname] = NoteLinks(
            previous=ordered[index - 1] if index else None,
            next=ordered[index + 1] if index + 1 < len(ordered) else None,
            related=tuple(notes[name] for name in best[:related]),
            tag_slugs=tuple(tag_slugs[name] for name in note.tags),
            category_slugs=tuple(category_slugs[name] for name in note.categories),
        )
    return links
