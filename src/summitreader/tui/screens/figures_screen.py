"""A screen of figures read from the progress file (Study, Progress): made as it is built ahead
of its first showing, brought up to date each time it is shown, and kept current while it is."""

from __future__ import annotations

from typing import ClassVar

from textual.timer import Timer

from summitreader.tui.styling import StyledScreen


class FiguresScreen(StyledScreen):
    """Subclasses make their figures in :meth:`refresh_figures`, drawing again only what changed
    (a change lays the screen out again)."""

    KEEP_CURRENT: ClassVar[float] = 30.0
    """Seconds between two checks of the figures while the screen is shown: cards fall due, and
    another program may rate some."""

    def __init__(self) -> None:
        super().__init__()
        self._stale = True
        """Whether the figures shown may be out of date (until the next showing)."""
        self._ticker: Timer | None = None

    def refresh_figures(self) -> None:
        """Make the figures, drawing again only what changed (each screen makes its own)."""
        raise NotImplementedError

    def on_mount(self) -> None:
        if not self.is_current:
            # Built ahead of its first showing: the figures are ready for it (which only
            # brings them up to date); a screen built as it is shown makes them as it resumes.
            self.refresh_figures()

    def on_screen_resume(self) -> None:
        """Figures brought up to date each time the screen is shown, once: showing it the first
        time resumes it twice (as the mode's screen, then as pushed), with no suspend between."""
        if self._stale:
            self._stale = False
            self.refresh_figures()
        if self._ticker is None:
            self._ticker = self.set_interval(self.KEEP_CURRENT, self.keep_current)

    def on_screen_suspend(self) -> None:
        self._stale = True
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None

    def keep_current(self) -> None:
        """The figures brought up to date while the screen is shown (not under a dialog)."""
        if self.is_current:
            self.refresh_figures()
