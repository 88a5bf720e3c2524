"""Writing (or editing, or clearing) the note on a paragraph."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from summitreader.text import shorten


class NoteScreen(ModalScreen[str | None]):
    """Dismisses with the note's new text ("" to remove it), or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="note.cancel")
    ]

    def __init__(self, where: str, passage_text: str, text: str = "") -> None:
        super().__init__()
        self.where = where
        self.passage_text = passage_text
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content(f"Note on {self.where}").stylize("bold"))
            quote = shorten(self.passage_text, 200)
            yield Label(Content(quote), classes="note--quote")
            yield Input(
                self.text,
                placeholder="Your note (enter saves, escape cancels, empty removes it)",
            )
            yield Label(Content("enter save · escape cancel"), classes="note--quote")

    @on(Input.Submitted)
    def save(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
