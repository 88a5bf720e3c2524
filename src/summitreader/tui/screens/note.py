"""Writing (or editing, or clearing) the note on a paragraph."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from summitreader.text import shorten


class NoteScreen(ModalScreen[str | None]):
    """Dismisses with the note's new text ("" to remove it), or None when cancelled."""

    DEFAULT_CSS = """
    NoteScreen {
        align: center middle;
    }
    NoteScreen > Vertical {
        width: 80%;
        max-width: 90;
        height: auto;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    NoteScreen Label {
        width: 100%;
    }
    NoteScreen .note--quote {
        color: $text-muted;
        margin: 1 0;
        max-height: 4;
    }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="note.cancel")]

    def __init__(self, where: str, passage_text: str, text: str = "") -> None:
        super().__init__()
        self.where = where
        self.passage_text = passage_text
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Content(f"Note on {self.where}").stylize("bold"))
            quote = shorten(self.passage_text, 200)
            yield Label(Content(quote), classes="note--quote")
            yield Input(self.text, placeholder="Your note (enter saves, escape cancels, empty removes it)")
            yield Label(Content("enter save · escape cancel"), classes="note--quote")

    @on(Input.Submitted)
    def save(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
