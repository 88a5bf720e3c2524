"""Every key of every screen."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


def help_lines(
    bindings: Iterable[Binding], key_display: Callable[[Binding], str]
) -> list[tuple[str, str]]:
    """The help's ``(keys, description)`` lines for ``bindings``: a binding's ``tooltip`` if it
    has one, else its description; bindings without a description are left out, and bindings
    with the same text share a line."""
    lines: dict[str, list[str]] = {}
    for binding in bindings:
        text = binding.tooltip or binding.description
        if text:
            keys = lines.setdefault(text, [])
            key = key_display(binding)
            if key not in keys:
                keys.append(key)
    return [(" / ".join(keys), text) for text, keys in lines.items()]


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", "Close", id="help.close"),
    ]

    def __init__(self, sections: Sequence[tuple[str, Sequence[tuple[str, str]]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        lines: list[Content] = [
            Content.assemble(("Keys", "bold underline"), "  escape, ? or q closes this help"),
            Content(""),
        ]
        for title, keys in self.sections:
            lines.append(Content(title).stylize("bold"))
            width = max((len(key) for key, _ in keys), default=0)
            for key, description in keys:
                lines.append(Content.assemble("  ", (key.ljust(width), "bold"), "  ", description))
            lines.append(Content(""))
        with VerticalScroll(classes="dialog"):
            yield Static(Content("\n").join(lines))

    def action_close(self) -> None:
        self.dismiss(None)
