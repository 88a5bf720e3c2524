"""What the reader lists for its bookmarks, notes and mentions: the items of its pick lists.

Plain functions of the pack, the store and the paragraphs in view; the reader's actions
(:class:`~summitreader.tui.screens.read.ReadScreen`) show them and act on the choice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from textual.content import Content

from summitreader.pack.model import Pack, PassageRef
from summitreader.progress import Store
from summitreader.text import shorten
from summitreader.tui.widgets.hanging import Blocks, Hanging
from summitreader.tui.widgets.passage import Passage


def where(pack: Pack, ref: PassageRef) -> str:
    """``Section title ¶3``."""
    section = pack.section(ref.section)
    return f"{section.title if section else ref.section} ¶{ref.paragraph}"


@dataclass(frozen=True, slots=True)
class BookmarkChange:
    """A bookmark set (``on``) or removed: the effect of a write that may wait to be saved."""

    section: str
    paragraph: int
    on: bool


@dataclass(frozen=True, slots=True)
class NoteChange:
    """A paragraph's newest note set to ``text`` (empty: removed), saved or waiting, by an editor
    that started from ``expected`` (as :meth:`~summitreader.progress.Store.set_note`: when the
    note is another by then, ``text`` is a note of its own beside it)."""

    section: str
    paragraph: int
    text: str
    expected: str | None = None


Place = tuple[str, int]


@dataclass
class Annotations:
    """The bookmarks and notes as the user made them: what is saved, with what waits to be saved
    (a bookmark added while the progress file was busy can be removed, a note edited)."""

    bookmarks: set[Place] = field(default_factory=set)
    notes: dict[Place, list[str]] = field(default_factory=dict)
    """The texts of each paragraph's notes, oldest first, the last being the one the note editor
    changes."""

    def note(self, place: Place) -> str:
        texts = self.notes.get(place)
        return texts[-1] if texts else ""


def annotation_view(store: Store, waiting: Iterable[object] = ()) -> Annotations:
    """The store's bookmarks and notes, with the waiting changes (effects of a
    :class:`~summitreader.tui.saving.SaveQueue`) applied in order."""
    view = Annotations({(b.section, b.paragraph) for b in store.bookmarks()})
    for note in store.notes():
        view.notes.setdefault((note.section, note.paragraph), []).append(note.text)
    for change in waiting:
        if isinstance(change, BookmarkChange):
            place = (change.section, change.paragraph)
            if change.on:
                view.bookmarks.add(place)
            else:
                view.bookmarks.discard(place)
        elif isinstance(change, NoteChange):
            place = (change.section, change.paragraph)
            texts = view.notes.setdefault(place, [])
            stored = texts[-1] if texts else ""
            if change.expected is not None and stored != change.expected:
                if change.text and change.text != stored:
                    texts.append(change.text)  # changed elsewhere: both are kept
            elif texts:
                texts[-1:] = [change.text] if change.text else []
            elif change.text:
                texts.append(change.text)
            if not texts:
                del view.notes[place]
    return view


def mark_items(
    pack: Pack, store: Store, waiting: Iterable[object] = ()
) -> list[tuple[Blocks, PassageRef]]:
    """Every bookmark and note on a paragraph the pack still has, in the article's order, with
    those that wait to be saved."""
    view = annotation_view(store, waiting)
    items: list[tuple[Blocks, PassageRef]] = []
    for section, paragraph in view.bookmarks:
        ref = PassageRef(section, paragraph)
        items.append((_mark_label(pack, "Bookmark", ref, None), ref))
    for (section, paragraph), texts in view.notes.items():
        ref = PassageRef(section, paragraph)
        items.extend((_mark_label(pack, "Note", ref, text), ref) for text in texts)
    items = [(label, ref) for label, ref in items if pack.paragraph(ref) is not None]
    items.sort(key=lambda item: (_order(pack, item[1]), str(item[0])))
    return items


def mention_items(pack: Pack, passages: Iterable[Passage]) -> list[tuple[Content, str]]:
    """The meetings and issues named in ``passages``, each once, with the first paragraph."""
    seen: dict[str, int] = {}
    for passage in passages:
        for mention in passage.mentions:
            seen.setdefault(mention.entry, passage.paragraph.number)
    items: list[tuple[Content, str]] = []
    for entry_id, number in seen.items():
        entry = pack.get(entry_id)
        if entry is not None:
            label = Content.assemble(
                (f"{entry.kind.capitalize()} · ", "bold"),
                entry.title,
                (f"  (¶{number})", "italic"),
            )
            items.append((label, entry_id))
    return items


def _order(pack: Pack, ref: PassageRef) -> tuple[int, int]:
    section = pack.section(ref.section)
    return (section.number if section else 0, ref.paragraph)


def _mark_label(pack: Pack, kind: str, ref: PassageRef, note: str | None) -> Blocks:
    paragraph = pack.paragraph(ref)
    body = shorten(note if note is not None else (paragraph.text if paragraph else ""), 90)
    return list_label(kind, where(pack, ref), body)


def list_label(kind: str, place: str, body: str) -> Blocks:
    """An item of the list ``l``: its kind and place, then its text indented; a wrapped line of
    either lines up under its own text."""
    head = Hanging([(f"{kind} · ", "bold")], [(place, "italic")])
    return Blocks([head, Hanging([("  ", "")], [(body, "")])])
