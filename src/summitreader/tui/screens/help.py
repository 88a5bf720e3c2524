"""Every key of every screen."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > VerticalScroll {
        width: 80%;
        max-width: 80;
        height: 90%;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    """
    BINDINGS = [
        Binding("escape,question_mark,q", "close", "Close", id="help.close"),
    ]

    def __init__(self, sections: Sequence[tuple[str, Sequence[tuple[str, str]]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        lines: list[Content] = [Content("Keys").stylize("bold underline"), Content("")]
        for title, keys in self.sections:
            lines.append(Content(title).stylize("bold"))
            width = max((len(key) for key, _ in keys), default=0)
            for key, description in keys:
                lines.append(Content.assemble("  ", (key.ljust(width), "bold"), "  ", description))
            lines.append(Content(""))
        lines.append(Content("escape closes this help."))
        with VerticalScroll():
            yield Static(Content("\n").join(lines))

    def action_close(self) -> None:
        self.dismiss(None)
