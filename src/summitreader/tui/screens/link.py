"""Where a link in the article goes, shown before anything is opened."""

from __future__ import annotations

from typing import ClassVar
from urllib.parse import urlsplit

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label

from summitreader.text import clean_text
from summitreader.tui.screens.dismiss_once import Dialog


def is_web_address(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


class LinkScreen(Dialog[bool]):
    """Shows a link's address; dismisses True when the user asks to open it (http(s) only)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o,enter", "open", "Open in browser", id="link.open"),
        Binding("escape", "cancel", "Cancel", id="link.cancel"),
    ]

    def __init__(self, url: str, label: str) -> None:
        super().__init__()
        self.url = clean_text(url)
        self.label = label
        self.openable = is_web_address(self.url)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content.assemble(("Link: ", "bold"), self.label))
            yield Label(Content.assemble(("Goes to: ", "bold"), self.url))
            if self.openable:
                yield Label(Content("o or enter opens it in your browser · escape cancels"))
            else:
                yield Label(
                    Content("This link is not opened: only web addresses (http, https) are. "
                            "escape closes.")
                )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open":
            return self.openable
        return True

    def action_open(self) -> None:
        self.dismiss(self.openable)

    def action_cancel(self) -> None:
        self.dismiss(False)
