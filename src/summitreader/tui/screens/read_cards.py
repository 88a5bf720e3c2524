"""The reader's cards, as the reader makes and lists them: where a new card comes from, saving
it, and the items of the list of bookmarks, notes and cards.

A new card is made from the text selected with the mouse (when there is a selection on the
screen), else from the paragraph of the current find-bar hit, else from the paragraph at the top
of the view. Saving goes through the app's save queue, like every write.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from summitreader.pack.cloze import blanks
from summitreader.pack.model import Pack, PassageRef
from summitreader.progress import Store
from summitreader.progress.my_cards import MyCard
from summitreader.text import shorten
from summitreader.tui.screens.read_annotations import list_label, mark_items, where
from summitreader.tui.widgets.hanging import Blocks
from summitreader.tui.widgets.passage import Passage

if TYPE_CHECKING:
    from summitreader.tui.screens.read import ReadScreen

PASSAGE_GONE = "passage gone"


@dataclass(frozen=True, slots=True)
class ListItem:
    """An item of the list shown by ``l``: where it points, and the card's uid for a card."""

    ref: PassageRef
    uid: str | None = None


def card_counts(store: Store, section: str) -> dict[int, int]:
    """Paragraph number -> how many cards of the reader's are on it, in ``section``."""
    counts: dict[int, int] = {}
    for card in store.my_cards():
        if card.section == section:
            counts[card.paragraph] = counts.get(card.paragraph, 0) + 1
    return counts


def card_label(pack: Pack, card: MyCard) -> Blocks:
    ref = PassageRef(card.section, card.paragraph)
    place = where(pack, ref) if pack.paragraph(ref) is not None else f"{ref} ({PASSAGE_GONE})"
    text = card.front if card.kind == "cloze" else f"{card.front} → {card.back}"
    return list_label("Card", place, shorten(text, 90))


def list_items(
    pack: Pack, store: Store, waiting: Iterable[object] = ()
) -> list[tuple[Blocks, ListItem]]:
    """Bookmarks and notes in the article's order (with those that wait to be saved), then the
    reader's cards, oldest first."""
    items = [(label, ListItem(ref)) for label, ref in mark_items(pack, store, waiting)]
    items.extend(
        (card_label(pack, c), ListItem(PassageRef(c.section, c.paragraph), c.uid))
        for c in store.my_cards()
    )
    return items


def source(screen: ReadScreen, top: Passage | None, hit: int | None) -> tuple[Passage, str] | None:
    """The paragraph a new card is made on, and the text it starts from: the selection, else
    the paragraph of the find hit ``hit``, else ``top``."""
    selected = screen.get_selected_text()
    if selected and selected.strip():
        chosen = [w for w in screen.selections if isinstance(w, Passage)]
        if chosen:
            first = min(chosen, key=lambda p: p.paragraph.number)
            return first, selected.strip()
    if hit is not None:
        found = [p for p in screen.passages() if p.paragraph.number == hit]
        if found:
            return found[0], found[0].paragraph.text
    return (top, top.paragraph.text) if top is not None else None


def make_card(screen: ReadScreen, top: Passage | None, hit: int | None) -> None:
    """Open the card editor on the chosen paragraph; save what it gives back."""
    from summitreader.tui.screens.card_editor import CardDraft, CardEditorScreen

    found = source(screen, top, hit)
    if found is None:
        return
    passage, text = found
    ref = PassageRef(screen.section.id, passage.paragraph.number)
    store, saves = screen.store, screen.saves

    def done(draft: CardDraft | None) -> None:
        if draft is None:
            return
        at = screen.clock()
        saves.save(
            lambda: store.add_my_card(
                ref.section, ref.paragraph, draft.kind, draft.front, draft.back, at
            )
        )
        screen.cards_changed()
        studied = max(len(blanks(draft.front)), 1) if draft.kind == "cloze" else 1
        saved = f"Card saved: {studied} to study." if studied > 1 else "Card saved."
        screen.notify(saves.confirm(saved, "Card kept", persistent=store.persistent), timeout=3)

    screen.app.push_screen(CardEditorScreen(where(screen.pack, ref), text), done)
