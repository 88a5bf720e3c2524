"""The footer of every screen: Textual's, composed again only when the keys it shows change.

Textual's footer composes all its keys again each time the screen says its bindings may have
changed: a focus moving, a tab, a resize, a phase. A screen's first showing says so four to six
times, and each composing mounts and styles a widget per key (a tenth of a second on a slow
machine). This footer remembers what it showed, and composes only when that changes.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer

Shown = tuple[tuple[str, str, str, bool], ...]


def shown_keys(screen: Screen[object]) -> Shown:
    """The keys a footer on ``screen`` shows now: key, action, description, enabled."""
    return tuple(
        (key, active.binding.action, active.binding.description, active.enabled)
        for key, active in screen.active_bindings.items()
        if active.binding.show
    )


def silent_app_keys() -> list[Binding]:
    """The app's keys for the screens and quit, bound again without a description so that a
    screen whose own keys fill its footer keeps them out of it (the help lists them once, under
    "Everywhere")."""
    screens = (("1", "read"), ("2", "index"), ("3", "search"), ("4", "study"), ("5", "progress"))
    return [
        *(Binding(key, f"app.show('{name}')", "", show=False) for key, name in screens),
        Binding("6", "app.library", "", show=False),
        Binding("q", "app.quit", "", show=False),
    ]


class KeyFooter(Footer):
    """A :class:`~textual.widgets.Footer` that composes its keys only when they change."""

    def __init__(self) -> None:
        super().__init__()
        self._shown: Shown | None = None
        self.composed = 0
        """How many times its keys were composed for a change of the screen's bindings."""

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen and screen.app.app_focus:
            shown = shown_keys(screen)
            if shown == self._shown:
                return
            self._shown = shown
            self.composed += 1
        super().bindings_changed(screen)
