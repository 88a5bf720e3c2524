"""How the app treats writes that wait (mixed into the app): the header and a notice say so when
they start to wait and when they are all saved, they are retried every :data:`RETRY_DELAY`
seconds off the UI thread, and ``q`` quits without them only when pressed twice in a row.

The queue itself (plain Python) is :mod:`summitreader.tui.saving`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App
from textual.timer import Timer

from summitreader.tui.messages import NoteChangedElsewhere, SavesChanged, changed_elsewhere
from summitreader.tui.saving import SaveState, saved_when

if TYPE_CHECKING:
    from summitreader.tui.services import Services

RETRY_DELAY = 1.0
"""Seconds between a failed save and the next attempt."""


class SavePolicy(App[None]):
    """The app's part that shows, retries and guards the writes that wait."""

    services: Services
    _saves: SaveState = SaveState()
    """The save queue's state the app last showed."""
    _retry_timer: Timer | None = None
    _quit_warned: tuple[int, int] | None = None
    """The save episode the user was warned about by ``q``, and the user action of that ``q``:
    a second ``q`` quits only right after the warning, while the same writes (or more of
    them) still wait; any other key or click in between, and ``q`` warns again."""
    _actions = 0
    """Keys and clicks so far (counted by the app)."""
    unsaved_at_exit = 0
    """How many changes were left unsaved when the user quit (told after the app ends)."""

    if TYPE_CHECKING:

        def refresh_progress(self) -> None: ...

    def _post_saves_changed(self, state: SaveState) -> None:
        """The save queue's listener; called on the thread that saved, hence a message."""
        self.post_message(SavesChanged())

    @on(SavesChanged)
    def _saves_changed(self) -> None:
        """A write landed or waits: the header says so, the user is told when writes start to
        wait and when they are all saved, and waiting writes are retried."""
        before, now = self._saves, self.services.saves.state
        self._saves = now
        if now.waiting and (not before.waiting or now.episode != before.episode):
            self.notify(
                f"{now.error} It is kept and saved {saved_when(now)}.",
                title="Not saved",
                severity="error",
                timeout=10,
            )
        elif before.waiting and not now.waiting:
            self.notify("Every change that waited is saved now.", title="Saved", timeout=5)
        self.refresh_progress()
        if now.waiting and self._retry_timer is None:
            delay = self.services.retry_delay
            self._retry_timer = self.set_timer(
                RETRY_DELAY if delay is None else delay, self._retry_saves
            )

    @on(NoteChangedElsewhere)
    def _note_changed_elsewhere(self, message: NoteChangedElsewhere) -> None:
        """A note that waited met, at its late save, a note changed elsewhere: say so, as the
        reader does when that happens at the first try."""
        self.notify(changed_elsewhere(message.place), title="Note", severity="warning", timeout=8)

    def _retry_saves(self) -> None:
        self._retry_timer = None
        self._run_retry()

    @work(thread=True, exclusive=True, group="saves", exit_on_error=False)
    def _run_retry(self) -> None:
        """Retry the waiting writes off the UI thread: a retry may wait for the busy timeout."""
        self.services.saves.retry()

    async def action_quit(self) -> None:
        """Quit; while changes wait to be saved, only when asked twice."""
        state = self.services.saves.state
        waiting = state.waiting
        if waiting and self._quit_warned != (state.episode, self._actions - 1):
            self._quit_warned = (state.episode, self._actions)
            self.notify(
                f"{waiting} change{'s' if waiting != 1 else ''} not saved yet: q again quits "
                "without them.",
                title="Not saved yet",
                severity="warning",
                timeout=10,
            )
            return
        self.unsaved_at_exit = waiting
        self.exit()
