"""A text box that applies its editing keys in the order they were typed.

Textual inserts a character as soon as its key reaches the box, but runs the box's own key
bindings (backspace, delete, the arrows…) only once the key has gone back up through the app's
binding check: keys that come together, as a fast typist's or a terminal's burst do, then end in
another order ("xy⌫z" gives "xz" typed slowly but "xy" + "z" with the ⌫ applied last). This box
runs those editing actions the moment their key reaches it, like a character.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.widgets import Input

from summitreader.tui.widgets.clean_paste import CleanPaste

EDITING_ACTIONS = frozenset(
    {
        "cursor_left",
        "cursor_left(True)",
        "cursor_left_word",
        "cursor_left_word(True)",
        "cursor_right",
        "cursor_right(True)",
        "cursor_right_word",
        "cursor_right_word(True)",
        "delete_left",
        "delete_left_word",
        "delete_left_all",
        "delete_right",
        "delete_right_word",
        "delete_right_all",
        "home",
        "home(True)",
        "end",
        "end(True)",
    }
)
"""Input's own actions that move the cursor or change the text; not enter, nor the clipboard."""


def _editing_keys() -> dict[str, str]:
    keys: dict[str, str] = {}
    for binding in Input.BINDINGS:
        if isinstance(binding, Binding) and binding.action in EDITING_ACTIONS:
            for key in binding.key.split(","):
                keys[key.strip()] = binding.action
    return keys


EDITING_KEYS = _editing_keys()


class OrderedInput(CleanPaste, Input):
    """An :class:`~textual.widgets.Input` whose editing keys keep their place among the
    characters typed (see the module's documentation); ``ctrl+l`` clears it, as it clears every
    text box of the app."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+l", "clear_box", "Clear box", tooltip="Clear the box"),
    ]

    def action_clear_box(self) -> None:
        self.value = ""
        self.cursor_position = 0

    async def _on_key(self, event: events.Key) -> None:
        action = EDITING_KEYS.get(event.key)
        if action is None:
            await super()._on_key(event)
            return
        if self.screen.focused is not self:
            # Typed after the box lost the focus (End right after escape closed a find bar):
            # the key goes on up, to the bindings of what has the focus now.
            return
        event.stop()
        event.prevent_default()
        await self.run_action(action)
