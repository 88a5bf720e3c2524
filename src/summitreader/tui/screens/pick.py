"""A modal list to pick one item from (mentions in view, bookmarks and notes)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from summitreader.tui.screens.dismiss_once import Dialog

T = TypeVar("T")


class PickScreen(Dialog[T | None], Generic[T]):
    """Shows ``items`` as ``(label, value)``; dismisses with the chosen value, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close", id="pick.close"),
    ]

    def __init__(
        self, title: str, items: Sequence[tuple[Content | str, T]], empty: str = "Nothing here."
    ) -> None:
        super().__init__()
        self.title_text = title
        self.items = list(items)
        self.empty = empty

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content(self.title_text).stylize("bold"))
            if self.items:
                yield OptionList(
                    *(
                        Option(label if isinstance(label, Content) else Content(label), id=str(n))
                        for n, (label, _) in enumerate(self.items)
                    )
                )
            else:
                yield Label(Content(self.empty), classes="pick--empty")

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.items[event.option_index][1])

    def action_cancel(self) -> None:
        self.dismiss(None)
