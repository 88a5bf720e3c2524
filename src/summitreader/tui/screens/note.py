"""Writing (or editing, or clearing) the note on a paragraph.

A note is one paragraph, in a one-line box: a note with line breaks (written by another tool)
is shown and saved with spaces for them. What is typed or pasted is cleaned
(:func:`~summitreader.text.one_paragraph`) before it is kept."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Label

from summitreader.progress.exchange_checks import NOTE_LENGTH
from summitreader.text import one_paragraph, shorten
from summitreader.tui.screens.dismiss_once import Dialog
from summitreader.tui.widgets.ordered_input import OrderedInput

PLACEHOLDER = "Your note (an empty note is removed)"
"""Short enough to show whole in the box at 80 columns; the keys are said under the box."""


class NoteScreen(Dialog[str | None]):
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
            yield OrderedInput(
                one_paragraph(self.text),
                placeholder=PLACEHOLDER,
                max_length=NOTE_LENGTH,
            )
            yield Label(Content("enter save · escape cancel"), classes="note--quote")

    @on(Input.Submitted)
    def save(self, event: Input.Submitted) -> None:
        self.dismiss(one_paragraph(event.value))

    def action_cancel(self) -> None:
        self.dismiss(None)
