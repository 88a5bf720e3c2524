"""Making or editing a card of one's own: a cloze, or a question and its answer.

The text is edited in a text area. ``ctrl+b`` wraps the selection (or the word under the cursor)
in ``{{…}}``; ``ctrl+t`` switches between a cloze and a question and answer (a new question starts
empty, the passage it is made from shown above it); ``ctrl+l`` clears the box; ``ctrl+s`` saves,
after the same checks as the store's (:func:`~summitreader.progress.my_cards.checked_card`),
whose message is shown in the dialog; ``escape`` closes, asking first only when something was
typed (or, for a card being edited, its kind changed).
Everything typed is shown as plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Label, TextArea

from summitreader.progress.my_cards import MyCardError, MyCardKind, checked_card
from summitreader.text import shorten
from summitreader.tui.screens.dismiss_once import Dialog
from summitreader.tui.widgets.clean_paste import CleanTextArea

_WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True, slots=True)
class CardDraft:
    """A card as saved from the dialog: checked and cleaned."""

    kind: MyCardKind
    front: str
    back: str


class CardEditorScreen(Dialog[CardDraft | None]):
    """Dismisses with the card to keep, or None when closed without saving."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="card.save", priority=True),
        Binding(
            "ctrl+b",
            "blank",
            "Blank {{…}}",
            id="card.blank",
            priority=True,
            tooltip="Wrap the selection or the word under the cursor in {{…}}",
        ),
        Binding(
            "ctrl+t",
            "switch_kind",
            "Cloze / Q&A",
            id="card.kind",
            priority=True,
            tooltip="Switch between a cloze and a question and answer",
        ),
        Binding(
            "ctrl+l",
            "clear",
            "Clear box",
            id="card.clear",
            priority=True,
            tooltip="Clear the text box you are in (ctrl+z brings it back)",
        ),
        Binding("escape", "cancel", "Cancel", id="card.cancel"),
    ]

    kind: reactive[MyCardKind] = reactive("cloze", init=False)

    def __init__(
        self,
        where: str,
        front: str,
        back: str = "",
        kind: MyCardKind = "cloze",
        *,
        editing: bool = False,
    ) -> None:
        super().__init__()
        self.where = where
        self.start = (kind, front, back)
        self.editing = editing
        self.source = "" if editing else front
        """The text a new card was opened on (the paragraph, or the selection): a new question
        starts empty, with this shown above it."""
        self.set_reactive(CardEditorScreen.kind, kind)

    def compose(self) -> ComposeResult:
        _, front, back = self.start
        verb = "Edit your card" if self.editing else "New card"
        with Vertical(classes="dialog"):
            yield Label(Content(f"{verb} on {self.where}").stylize("bold"), id="card-title")
            yield Label(id="card-kind")
            yield Label(
                Content(f"From the passage: {shorten(self.source, 400)}"), id="card-source"
            )
            yield CleanTextArea(front, id="card-front", soft_wrap=True, show_line_numbers=False)
            yield Label(Content("Answer"), id="card-back-label")
            yield CleanTextArea(back, id="card-back", soft_wrap=True, show_line_numbers=False)
            yield Label(id="card-error")
            yield Label(
                Content(
                    "ctrl+s save · ctrl+b {{…}} · ctrl+t cloze/Q&A · ctrl+l clear · esc cancel"
                ),
                classes="card--keys",
            )

    def on_mount(self) -> None:
        self._show_kind()
        self.query_one("#card-front", TextArea).focus()

    def watch_kind(self) -> None:
        self._show_kind()

    def _show_kind(self) -> None:
        cloze = self.kind == "cloze"
        hint = (
            "Cloze: put {{…}} around what to hide (each {{…}} is a card)"
            if cloze
            else "Question (above) and answer (below); tab moves between them"
        )
        self.query_one("#card-kind", Label).update(Content(hint).stylize("italic"))
        self.query_one("#card-back", TextArea).display = not cloze
        self.query_one("#card-back-label", Label).display = not cloze
        self.query_one("#card-source", Label).display = not cloze and bool(self.source)

    @property
    def front(self) -> str:
        return self.query_one("#card-front", TextArea).text

    @property
    def back(self) -> str:
        return self.query_one("#card-back", TextArea).text

    @property
    def edited(self) -> bool:
        """Whether closing would lose something: text typed, or an edited card's kind."""
        kind, front, back = self.start
        untouched = {(front, back), ("", back)} if self.source else {(front, back)}
        if (self.front, self.back) not in untouched:
            return True
        return self.editing and self.kind != kind

    # -- actions ----------------------------------------------------------------------------
    def action_save(self) -> None:
        try:
            kind, front, back = checked_card(self.kind, self.front, self.back)
        except MyCardError as error:
            self._error(str(error))
            return
        self.dismiss(CardDraft(kind, front, back))

    def action_switch_kind(self) -> None:
        self.kind = "qa" if self.kind == "cloze" else "cloze"
        area = self.query_one("#card-front", TextArea)
        if self.source and self.kind == "qa" and area.text == self.source:
            area.load_text("")  # a question of one's own, not the paragraph
        elif self.source and self.kind == "cloze" and not area.text:
            area.load_text(self.source)
        area.focus()
        self._error("")

    def action_clear(self) -> None:
        area = self.focused if isinstance(self.focused, TextArea) else None
        area = area or self.query_one("#card-front", TextArea)
        area.clear()

    def action_blank(self) -> None:
        area = self.focused if isinstance(self.focused, TextArea) else None
        area = area or self.query_one("#card-front", TextArea)
        if area.id != "card-front":
            return
        if self.kind != "cloze":
            self.kind = "cloze"
        selection = area.selection
        if selection.is_empty:
            row, column = selection.end
            line = area.document.get_line(row)
            word = next((m for m in _WORD.finditer(line) if m.start() <= column <= m.end()), None)
            if word is None:
                area.insert("{{}}")
                area.move_cursor_relative(columns=-2)
                return
            start, end = (row, word.start()), (row, word.end())
        else:
            start, end = sorted((selection.start, selection.end))
        text = area.get_text_range(start, end)
        area.replace(f"{{{{{text}}}}}", start, end)
        self._error("")

    def action_cancel(self) -> None:
        from summitreader.tui.screens.confirm import ConfirmScreen

        if not self.edited:
            self.dismiss(None)
            return

        def answered(throw_away: bool | None) -> None:
            if throw_away:
                self.dismiss(None)

        detail = shorten(self.front, 80)
        self.app.push_screen(ConfirmScreen("Throw away this card?", detail), answered)

    @on(TextArea.Changed)
    def _changed(self) -> None:
        self._error("")

    def _error(self, message: str) -> None:
        label = self.query_one("#card-error", Label)
        label.update(Content(message))
        label.set_class(bool(message), "-shown")
