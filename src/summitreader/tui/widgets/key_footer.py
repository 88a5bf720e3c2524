"""The footer of every screen: Textual's, composed again only when the keys it shows change.

Textual's footer composes all its keys again each time the screen says its bindings may have
changed: a focus moving, a tab, a resize, a phase. A screen's first showing says so four to six
times, and each composing mounts and styles a widget per key (a tenth of a second on a slow
machine). This footer remembers what it showed, and composes only when that changes.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
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
    "Everywhere"). The Library's key (6) is not among them: it is in every footer, as the other
    screens are a key away in the palette and the help, and another pack is not."""
    screens = (("1", "read"), ("2", "index"), ("3", "search"), ("4", "study"), ("5", "progress"))
    return [
        *(Binding(key, f"app.show('{name}')", "", show=False) for key, name in screens),
        Binding("q", "app.quit", "", show=False),
    ]


GIVES_WAY = (
    # A study session's: help, then the answer letters, an order card's moves, enter's accept
    # (the ratings, show or check the answer and escape stay).
    "session_help",
    "pick(0)",
    "move(-1)",
    "move(1)",
    "accept(1)",
    "accept(2)",
    "accept(3)",
    "accept(4)",
    "bookmark",
    "new_limit(-5)",
    "mentions",
    "new_limit(5)",
    "cram",
    "toggle_contents",
    "tab(1)",
    "toggle_detail",
    "sort",
    # The reader's find while its find bar is open (ctrl+f there only goes back to the bar's
    # box), so that the bar's own keys fit beside ctrl+l at 80 columns.
    "find",
    # Last, quit (on the Progress screen, whose footer keeps the screens' keys): in the help,
    # under "Everywhere", rather than cut at the palette's edge.
    "quit",
)
"""The actions of the keys a footer too narrow for all its keys leaves out, first to last: the
least used first (every one stays in the help, under its screen). A screen may give its own
order, by a method ``footer_gives_way()``. At 80 columns the Read footer
leaves out Bookmark, and the Study footer Fewer new/day, to show the Library's key."""


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

    async def recompose(self) -> None:
        await super().recompose()
        self.fit_keys()
        self.call_after_refresh(self.fit_keys)  # once the new keys have their styles

    def on_resize(self) -> None:
        self.fit_keys()

    def fit_keys(self) -> None:
        """Show every key the footer has room for, leaving out those of :data:`GIVES_WAY`, in
        its order, until the others fit beside the palette's key."""
        if not self.size.width:
            return
        keys = [child for child in self.children if isinstance(getattr(child, "action", None), str)]
        palette = [key for key in keys if key.has_class("-command-palette")]
        keys = [key for key in keys if key not in palette]
        others = [child for child in self.children if child not in keys and child not in palette]
        room = self.size.width - sum(self._width(key) for key in palette)
        # A group of keys (the two of "[ ] Section") is never left out: it takes what it takes,
        # counted from its content (a footer just composed, or on a screen built before it is
        # shown, has not laid the group out yet: its size is still nothing).
        used = sum(self._width(key) for key in keys) + sum(self._width(c) for c in others)
        hidden: set[int] = set()
        order = getattr(self.screen, "footer_gives_way", None)
        for action in order() if callable(order) else GIVES_WAY:
            if used <= room:
                break
            for key in keys:
                if getattr(key, "action", None) == action and id(key) not in hidden:
                    hidden.add(id(key))
                    used -= self._width(key)
        for key in keys:
            key.display = id(key) not in hidden

    def _width(self, key: Widget) -> int:
        """The columns ``key`` takes: its text, its padding and border, its margins."""
        styles = key.styles
        return (
            key.get_content_width(self.size, self.size) + styles.gutter.width + styles.margin.width
        )
