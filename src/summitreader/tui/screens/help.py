"""Every key of every screen."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from summitreader.tui.screens.dismiss_once import Dialog
from summitreader.tui.widgets.hanging import Blocks, Hanging, line

KEY_SEPARATOR = " "
"""Between the keys of one line: not ``/`` nor ``,``, which are keys themselves."""


def help_lines(
    bindings: Iterable[Binding], key_display: Callable[[Binding], str]
) -> list[tuple[str, str]]:
    """The help's ``(keys, description)`` lines for ``bindings``: a binding's ``tooltip`` if it
    has one, else its description; bindings without a description are left out, and bindings
    with the same text share a line. Keys are shown as the footer shows them (``key_display``)."""
    lines: dict[str, list[str]] = {}
    for binding in bindings:
        text = binding.tooltip or binding.description
        if text:
            keys = lines.setdefault(text, [])
            for key in binding.key.split(","):
                shown = key_display(Binding(key.strip(), binding.action))
                if shown not in keys:
                    keys.append(shown)
    return [(KEY_SEPARATOR.join(keys), text) for text, keys in lines.items()]


def extra_lines(
    extras: Iterable[tuple[str, str]], key_display: Callable[[Binding], str]
) -> list[tuple[str, str]]:
    """Help lines for keys that are not bindings of the screen (a widget's own, a mouse click):
    ``(keys, description)`` with ``keys`` written as a binding's (``"up,down,pageup"``), shown
    in the same style as the bindings' keys; a word that is not a key (``click``) stays as it is."""
    return [
        (
            KEY_SEPARATOR.join(
                key_display(Binding(key.strip(), "")) for key in keys.split(",") if key.strip()
            ),
            text,
        )
        for keys, text in extras
    ]


class HelpScreen(Dialog[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", "Close", id="help.close"),
    ]

    def __init__(
        self, sections: Sequence[tuple[str, Sequence[tuple[str, str]]]], close_keys: str = ""
    ) -> None:
        super().__init__()
        self.sections = sections
        self.close_keys = close_keys
        """How the keys that close the help are shown (the app's style of keys)."""

    def compose(self) -> ComposeResult:
        blocks: list[Text | Hanging] = [
            line(("Keys", "bold underline"), f"  {self.close_keys} closes this help"),
            Text(""),
        ]
        for title, keys in self.sections:
            blocks.append(line((title, "bold")))
            width = max((len(key) for key, _ in keys), default=0)
            for key, description in keys:
                # A description that wraps lines up under its text, not under the keys.
                blocks.append(Hanging([("  ", ""), (key.ljust(width), "bold"), ("  ", "")],
                                      [(description, "")]))
            blocks.append(Text(""))
        with VerticalScroll(classes="dialog"):
            yield Static(Blocks(blocks))

    def action_close(self) -> None:
        self.dismiss(None)
