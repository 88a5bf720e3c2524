"""Screens dismissed once: a key that dismisses, pressed twice before the screen is gone (enter
enter in a dialog, a paste ending in a line break and then enter), dismissed it twice. Textual
then gave its result to the caller twice and popped the screen under it too, which ended the app
with a traceback and lost what waited to be saved."""

from __future__ import annotations

from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen, Screen, ScreenResultType


class DismissOnce(Screen[ScreenResultType]):
    """A screen whose :meth:`dismiss` acts once, and only while the screen is the active one."""

    _dismissed = False

    def dismiss(self, result: ScreenResultType | None = None) -> AwaitComplete:
        if self._dismissed or not self.is_active:
            nothing: AwaitComplete = AwaitComplete.nothing()  # type: ignore[no-untyped-call]
            return nothing
        self._dismissed = True
        return super().dismiss(result)


class Dialog(ModalScreen[ScreenResultType], DismissOnce[ScreenResultType]):
    """A modal screen (a dialog) dismissed once. ModalScreen comes first: Textual takes a
    widget's styles and type names along its first bases only."""
