"""What the reader lists for its bookmarks, notes and mentions: the items of its pick lists.

Plain functions of the pack, the store and the paragraphs in view; the reader's actions
(:class:`~summitreader.tui.screens.read.ReadScreen`) show them and act on the choice.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content

from summitreader.pack.model import Pack, PassageRef
from summitreader.progress import Store
from summitreader.text import shorten
from summitreader.tui.widgets.passage import Passage


def where(pack: Pack, ref: PassageRef) -> str:
    """``Section title ¶3``."""
    section = pack.section(ref.section)
    return f"{section.title if section else ref.section} ¶{ref.paragraph}"


def mark_items(pack: Pack, store: Store) -> list[tuple[Content, PassageRef]]:
    """Every bookmark and note on a paragraph the pack still has, in the article's order."""
    items: list[tuple[Content, PassageRef]] = []
    for bookmark in store.bookmarks():
        ref = PassageRef(bookmark.section, bookmark.paragraph)
        items.append((_mark_label(pack, "Bookmark", ref, None), ref))
    for note in store.notes():
        ref = PassageRef(note.section, note.paragraph)
        items.append((_mark_label(pack, "Note", ref, note.text), ref))
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


def _mark_label(pack: Pack, kind: str, ref: PassageRef, note: str | None) -> Content:
    paragraph = pack.paragraph(ref)
    body = shorten(note if note is not None else (paragraph.text if paragraph else ""), 90)
    return Content.assemble((f"{kind} · ", "bold"), (where(pack, ref), "italic"), "\n  ", body)
