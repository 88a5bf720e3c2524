"""Screens built while the reader reads: a first visit costs what a second one does.

Showing a screen for the first time composes its widgets and styles them, which takes Textual
a fifth to half a second on a slow machine; showing it again only lays it out and draws it. So
once the first screen is painted and the deck is built, the top-level screens not shown yet are
built in the background, one at a time and only after the user has pressed no key for
:data:`PREPARE_AFTER` seconds. A screen is built in a task of its own, so a key pressed meanwhile
is handled as its widgets mount (it shares the processor with them: a key pressed in the first
seconds can take as long as a first visit did).
A screen built this way is the mode's screen, as if it had been shown and left; it is shown with
its figures brought up to date (every top-level screen refreshes as it resumes).

Textual has no public call that builds a mode's screen without showing it: :meth:`prepare_screen`
does what :meth:`~textual.app.App.switch_mode` does for a new mode, short of making it current
(the tests build every screen this way and compare it with one shown directly).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.console import RenderableType
from textual.app import App
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget

if TYPE_CHECKING:
    from summitreader.tui.services import Services

PREPARE_AFTER = 0.4
"""Seconds without a key or a click before a screen not shown yet is built in the background."""


class ScreenPreparing(App[None]):
    """The app's part that builds screens before their first showing (mixed into the app)."""

    services: Services
    prepare_after: float | None = PREPARE_AFTER
    """Seconds of quiet before a screen is built ahead of its showing; ``None``: never (tests
    that do not test this build each screen as it is shown, which costs less)."""
    _last_input_at: float = 0.0
    _prepare_timer: Timer | None = None
    _building = False
    """Whether a screen is being mounted by :meth:`prepare_screen`."""
    _when_built: tuple[Callable[[], object], ...] = ()
    """Called once the screen being built ahead is built."""
    _exit_waiting: tuple[None, int, RenderableType | None] | None = None
    """An exit asked for while a screen was being built: done once it is."""

    if TYPE_CHECKING:

        @property
        def mode_names(self) -> list[str]: ...

        def _builder_for(self, name: str) -> Callable[[], Screen[Any]]: ...

    def exit(
        self, result: None = None, return_code: int = 0, message: RenderableType | None = None
    ) -> None:
        """End the app; while a screen is being built, once it is: Textual closing the screens
        while one mounts can fail inside the widgets mounting, and say so in a traceback."""
        if self._building:
            self._exit_waiting = (result, return_code, message)
            return
        super().exit(result, return_code, message)

    def input_seen(self) -> None:
        """A key or a click came: building waits for the next quiet moment."""
        self._last_input_at = time.monotonic()

    def prepare_screens(self) -> None:
        """Build the screens not shown yet, one per quiet moment, from now on (again after the
        deck or the pack changed)."""
        if self.prepare_after is None:
            return
        if self._prepare_timer is not None:
            self._prepare_timer.stop()
        self._prepare_timer = self.set_timer(self.prepare_after, self._prepare_next)

    def screens_to_prepare(self) -> list[str]:
        """The top-level screens not built yet, in the order they are built."""
        return [
            name
            for name in self.mode_names
            if name not in self._screen_stacks and name != self.current_mode
        ]

    def _prepare_next(self) -> None:
        self._prepare_timer = None
        after = self.prepare_after
        waiting = self.screens_to_prepare()
        if after is None or not waiting or self.current_mode not in self.mode_names:
            return  # (a pack being switched to prepares its screens once its deck is built)
        quiet = time.monotonic() - self._last_input_at
        if quiet < after or len(self.screen_stack) > 1:
            # The user is busy, or a dialog is open: try again after a quiet moment.
            self._prepare_timer = self.set_timer(max(after - quiet, after / 2), self._prepare_next)
            return
        # In a task of its own: the app's keys are handled while the screen's widgets mount.
        self.run_worker(self._build_then_next(waiting[0]), group="prepare-screens")

    async def _build_then_next(self, name: str) -> None:
        await self.prepare_screen(name)
        if self.screens_to_prepare():
            # The next one once what came meanwhile is handled (a key puts it off until the
            # next quiet moment).
            self.call_after_refresh(self._prepare_soon)

    def _prepare_soon(self) -> None:
        if self._prepare_timer is None and self.prepare_after is not None:
            self._prepare_timer = self.set_timer(0.05, self._prepare_next)

    async def prepare_screen(self, name: str) -> None:
        """Build the screen of mode ``name`` without showing it (nothing if it is built): its
        widgets composed, styled and laid out for the terminal's size."""
        if name not in self.mode_names or name not in self._modes or name in self._screen_stacks:
            return
        if self._exit or not self.is_running:
            return  # the app is closing its screens: none is added
        # What App._init_mode does for a mode of MODES, but for its ScreenResume: the screen
        # resumes when it is first shown.
        screen, mounted = self._get_screen(self._builder_for(name)())
        self._screen_stacks[name] = [screen]
        self._load_screen_css(screen)
        self._building = True
        try:
            await mounted
            if not self._exit and self._screen_stacks.get(name, [None])[0] is screen:
                # Laid out off screen, as its first showing would (Textual lays out a screen
                # that is not current without drawing it to the terminal). Drawing it there
                # too would spare its first showing a little more, but left its compositor
                # making each later update slower (a search keystroke took twice as long).
                await lay_out(screen, self)
        finally:
            self._building = False
            waiting, self._when_built = self._when_built, ()
            for callback in waiting:
                self.call_later(callback)
            if self._exit_waiting is not None:
                super().exit(*self._exit_waiting)

    def when_built(self, callback: Callable[[], object]) -> bool:
        """Whether a screen is being built ahead; if so, ``callback`` is called once it is.
        What removes modes waits so (Textual removing a screen while it mounts fails inside
        its widgets, and says so in a traceback); it is not awaited, as the app's messages
        are handled meanwhile."""
        if not self._building:
            return False
        self._when_built = (*self._when_built, callback)
        return True


LAYOUT_PASSES = 4
"""At most this many layouts of a screen built ahead (a layout that resizes a widget asks for
another: a scroll bar that appears narrows the text beside it, a group of keys takes the width of
the keys laid out in it)."""

SETTLE_STEPS = 200
"""At most this many turns of the event loop for the widgets to handle a layout's resizes."""


async def lay_out(screen: Screen[Any], app: App[Any]) -> None:
    """Lay ``screen`` out for the terminal's size until no widget asks for another layout, as its
    showing would (Textual lays out the screen shown whenever a widget asks, and no other)."""
    for _ in range(LAYOUT_PASSES):
        if app._exit or not screen.is_attached or screen.is_current:
            return  # closing, or shown meanwhile (its showing lays it out)
        screen._layout_required = False
        screen._refresh_layout(app.size)
        if not await _asks_again(screen):
            return


async def _asks_again(screen: Screen[Any]) -> bool:
    """Whether a widget that the last layout resized asks ``screen`` for another layout, once
    every such widget has told it (each does in its own task, as its messages are handled) and
    the screen has taken note."""
    for _ in range(SETTLE_STEPS):
        await asyncio.sleep(0)
        if screen.message_queue_size == 0 and not any(
            widget._layout_required for widget in screen.walk_children(Widget, with_self=False)
        ):
            break
    return screen._layout_required
