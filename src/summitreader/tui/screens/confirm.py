"""A yes-or-no question (throw away an edited card? delete a card?)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label

from summitreader.tui.screens.dismiss_once import Dialog


class ConfirmScreen(Dialog[bool]):
    """Dismisses True for yes (``y``), False for no (``n`` or ``escape``)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content(self.question).stylize("bold"))
            if self.detail:
                yield Label(Content(self.detail), classes="confirm--detail")
            yield Label(Content("y yes · n or escape no"), classes="confirm--keys")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
