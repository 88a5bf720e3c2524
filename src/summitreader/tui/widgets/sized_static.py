"""A block of text made for the width it is given: drawn again whenever that width changes."""

from __future__ import annotations

from collections.abc import Callable

from textual.visual import VisualType
from textual.widgets import Static

Maker = Callable[[int | None], VisualType]
"""Makes the block's content for a width (``None`` while the width is not known yet)."""


class SizedStatic(Static):
    """A :class:`Static` whose content is made by a function of its width (a table whose titles
    wrap in their column, a chart that narrows to fit): it is made again when the block is
    resized, so it fits however and whenever the block is first laid out."""

    _make: Maker | None = None
    _made_for: int | None = -1

    def show(self, make: Maker) -> None:
        """Show what ``make`` gives for the block's width, now and at every new width."""
        self._make = make
        self._draw(force=True)

    def on_resize(self) -> None:
        # After the layout this resize is part of: content changed within it may keep the
        # height measured for the content before.
        self.call_after_refresh(self._draw)

    def _draw(self, force: bool = False) -> None:
        if self._make is None:
            return
        width = self.content_size.width or None
        if force or width != self._made_for:
            self._made_for = width
            self.update(self._make(width))
