"""The reader's find bar (ctrl+f): type to find in the section, enter / shift+enter to step."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Static

from summitreader.tui.widgets.ordered_input import OrderedInput


def find_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Where ``terms`` occur in ``text``, case-insensitively, as ``(start, end)`` in order.

    A term matches at the start of a word and runs to the end of that word, so a search for the
    stem ``meet`` marks ``meetings``; a term with spaces is found as a phrase.
    """
    spans: list[tuple[int, int]] = []
    for term in terms:
        term = term.strip()
        if not term:
            continue
        pattern = re.compile(r"(?<!\w)" + re.escape(term) + r"\w*", re.IGNORECASE)
        spans.extend(m.span() for m in pattern.finditer(text))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


class FindInput(OrderedInput):
    """The find bar's box: escape closes the bar as the key reaches the box, so the keys typed
    after it (End, in the same burst) already go to the reader. Enter (the box's own submit,
    which steps to the next hit) is named in the footer."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Next hit", id="find.next_enter", tooltip="Next hit"),
    ]

    async def _on_key(self, event: events.Key) -> None:
        bar = self.parent
        if event.key == "escape" and isinstance(bar, FindBar) and bar.has_class("-open"):
            event.stop()
            event.prevent_default()
            bar.action_close()
            return
        await super()._on_key(event)


class FindBar(Horizontal):
    DEFAULT_CSS = """
    FindBar {
        display: none;
        height: auto;
        dock: bottom;
        background: $boost;
    }
    FindBar.-open {
        display: block;
    }
    FindBar Input {
        width: 1fr;
    }
    FindBar #find-count {
        width: auto;
        min-width: 14;
        padding: 1 1 0 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("shift+enter,up", "step(-1)", "Previous hit", id="find.previous"),
        Binding("down", "step(1)", "Next", show=False, id="find.next"),
        Binding("escape", "close", "Close find", id="find.close"),
    ]

    class Changed(Message):
        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Step(Message):
        def __init__(self, step: int) -> None:
            super().__init__()
            self.step = step

    class Closed(Message):
        pass

    def compose(self) -> ComposeResult:
        yield FindInput(placeholder="Find in this section", id="find-input")
        yield Static(id="find-count")

    _return_to: Widget | None = None
    """What had the focus before the bar opened: it has it again when the bar closes."""

    def open(self) -> None:
        """Show the bar and give its box the focus now, not after a refresh: keys typed right
        after ctrl+f go to the box, not to the reader behind it."""
        box = self.query_one(Input)
        focused = self.screen.focused
        if focused is not None and focused is not box:
            self._return_to = focused
        self.add_class("-open")
        self.screen.set_focus(box)

    def take_key(self, event: events.Key) -> bool:
        """Type ``event`` into the open bar's box if it is a character that went elsewhere: one
        typed right after ctrl+f, sent to the reader before the box had the focus."""
        box = self.query_one(Input)
        if not self.has_class("-open") or not event.is_printable or event.character is None:
            return False
        if self.screen.focused is not box:
            return False
        box.insert_text_at_cursor(event.character)
        return True

    def reset(self) -> None:
        if self.has_class("-open"):
            self.query_one(Input).value = ""
            self.remove_class("-open")

    def set_count(self, current: int, total: int) -> None:
        query = self.query_one(Input).value.strip()
        if not query:
            text = ""
        elif total == 0:
            text = "no matches"
        else:
            text = f"{current + 1} of {total}"
        self.query_one("#find-count", Static).update(Content(text))

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value.strip()))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Step(1))

    def action_step(self, step: int) -> None:
        self.post_message(self.Step(step))

    def action_close(self) -> None:
        # The focus goes back now, before the box is hidden: a key that comes right after
        # escape (End, in the same burst) goes to the reader, not to the hidden box.
        back = self._return_to
        if back is not None and back.is_attached and back.screen is self.screen:
            self.screen.set_focus(back)
        else:
            self.screen.set_focus(None)
        self.remove_class("-open")
        self.post_message(self.Closed())
