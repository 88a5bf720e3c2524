"""An :class:`OptionList` whose highlight stops at the first and the last option, as the app's
tables do, instead of going round from the last to the first (Textual's own wraps)."""

from __future__ import annotations

from textual.widgets import OptionList


class StoppingOptionList(OptionList):
    """``down`` on the last enabled option and ``up`` on the first leave the highlight where it
    is."""

    def action_cursor_down(self) -> None:
        if self._enabled_beyond(1):
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if self._enabled_beyond(-1):
            super().action_cursor_up()

    def _enabled_beyond(self, direction: int) -> bool:
        """Whether an enabled option lies past the highlighted one in ``direction`` (True with
        nothing highlighted: the first move highlights one)."""
        here = self.highlighted
        if here is None:
            return True
        options = self.options
        beyond = options[here + 1 :] if direction > 0 else options[:here]
        return any(not option.disabled for option in beyond)
