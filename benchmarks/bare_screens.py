"""The baseline of the key-to-paint figures: a bare Textual app of five screens, one a key
(``1``–``5``), each showing a line of text; the third has a text box whose every change is echoed
below it ("found …"). What a key costs in Textual itself, with nothing of summitreader.

    python benchmarks/bare_screens.py
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

NAMES = ("one", "two", "three", "four", "five")


class Page(Screen[None]):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.page = name

    def compose(self) -> ComposeResult:
        yield Header()
        if self.page == "three":
            yield Input(id="box")
            yield Static(id="echo")
        yield Static(f"Screen {self.page} is shown")
        yield Footer()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self.query_one("#echo", Static).update(f"found {event.value}")


class BareScreens(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(str(n), f"switch_mode('{name}')", name) for n, name in enumerate(NAMES, start=1)
    ]
    MODES: ClassVar = {name: (lambda name=name: Page(name)) for name in NAMES}

    def on_mount(self) -> None:
        self.switch_mode("one")


if __name__ == "__main__":
    BareScreens().run()
