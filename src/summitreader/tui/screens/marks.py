"""The list ``l`` opens in the reader: bookmarks, notes, and the reader's own cards.

``enter`` goes to the item's paragraph; on a card, ``e`` edits it and ``d`` deletes it (after a
confirmation; its review history stays in the progress file and in exports).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from summitreader.pack.model import Pack, PassageRef
from summitreader.progress import Store
from summitreader.text import shorten
from summitreader.tui.saving import SaveQueue
from summitreader.tui.screens.dismiss_once import Dialog
from summitreader.tui.screens.read_annotations import where
from summitreader.tui.screens.read_cards import ListItem, list_items
from summitreader.tui.widgets.hanging import Blocks

DIALOG_HEIGHT = 0.8
"""The dialog's greatest height, as a share of the screen's (its ``max-height: 80%``)."""
OTHER_ROWS = 6
"""The dialog's rows besides the list: its border, the title and the keys with their margins."""
LIST_ROWS = 20


class MarksScreen(Dialog[PassageRef | None]):
    """Dismisses with the paragraph to go to, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit", "Edit card", id="marks.edit"),
        Binding("d", "delete", "Delete card", id="marks.delete"),
        Binding("escape", "cancel", "Close", id="marks.close"),
    ]

    def __init__(
        self,
        pack: Pack,
        store: Store,
        saves: SaveQueue,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        super().__init__()
        self.pack = pack
        self.store = store
        self.saves = saves
        self.clock = clock or store.now
        """The time of the user's actions, given to the writes they make."""
        self.items: list[tuple[Blocks, ListItem]] = []
        self.changed = False
        """Whether a card was edited or deleted here (the reader then redraws its marks)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content("Bookmarks and notes · your cards").stylize("bold"))
            yield Label(  # above the list, so a long list never hides them
                Content("enter go · e edit card · d delete card · escape close"),
                classes="marks--keys",
            )
            yield OptionList()
            yield Label(id="marks-empty", classes="pick--empty")

    def on_mount(self) -> None:
        self.refresh_items()

    def on_resize(self) -> None:
        """The list gets the dialog's rows less its title and keys, and scrolls within them."""
        frame = round(self.size.height * DIALOG_HEIGHT) - OTHER_ROWS
        self.query_one(OptionList).styles.max_height = max(3, min(LIST_ROWS, frame))

    def refresh_items(self) -> None:
        self.items = list_items(self.pack, self.store, self.saves.waiting_effects())
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options(Option(label, id=str(n)) for n, (label, _) in enumerate(self.items))
        options.display = bool(self.items)
        empty = self.query_one("#marks-empty", Label)
        empty.display = not self.items
        empty.update(Content("Nothing yet: b bookmarks, n notes, c makes a card."))
        if self.items:
            options.highlighted = min(highlighted or 0, len(self.items) - 1)
            options.focus()

    def _card_uid(self) -> str | None:
        index = self.query_one(OptionList).highlighted
        if index is None or not 0 <= index < len(self.items):
            return None
        return self.items[index][1].uid

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        item = self.items[event.option_index][1]
        if self.pack.paragraph(item.ref) is None:
            self.notify("That card's passage is gone from the article.", timeout=3)
            return
        self.dismiss(item.ref)

    def action_edit(self) -> None:
        from summitreader.tui.screens.card_editor import CardDraft, CardEditorScreen

        uid = self._card_uid()
        card = self.store.my_card(uid) if uid else None
        if card is None:
            self.notify("Only your cards can be edited here.", timeout=3)
            return
        store = self.store

        def done(draft: CardDraft | None) -> None:
            if draft is None:
                return
            at = self.clock()
            self.saves.save(
                lambda: store.update_my_card(card.uid, draft.kind, draft.front, draft.back, at)
            )
            self.changed = True
            self.notify(
                self.saves.confirm("Card saved.", "Card kept", persistent=store.persistent),
                timeout=3,
            )
            self.refresh_items()

        here = where(self.pack, PassageRef(card.section, card.paragraph))
        editor = CardEditorScreen(here, card.front, card.back, card.kind, editing=True)
        self.app.push_screen(editor, done)

    def action_delete(self) -> None:
        from summitreader.tui.screens.confirm import ConfirmScreen

        uid = self._card_uid()
        card = self.store.my_card(uid) if uid else None
        if card is None:
            self.notify("Only your cards can be deleted here.", timeout=3)
            return
        store = self.store

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            at = self.clock()
            self.saves.save(lambda: store.delete_my_card(card.uid, at))
            self.changed = True
            self.notify(
                self.saves.confirm("Card deleted.", "Deletion kept", persistent=store.persistent),
                timeout=3,
            )
            self.refresh_items()

        detail = f"{shorten(card.front, 80)}\nIts review history is kept."
        self.app.push_screen(ConfirmScreen("Delete this card?", detail), answered)

    def action_cancel(self) -> None:
        self.dismiss(None)
