"""A :class:`~summitreader.tui.widgets.hanging.Hanging` label as a Textual visual, for long lists.

An option list works out the height of every option before it draws any (to know where each
starts). For a Rich renderable that means rendering it whole: for a contents of hundreds of
sections, most of the start-up. :class:`HangingRow` draws exactly as :class:`Hanging` does, and
counts its height from how its body wraps in the column after the head, without rendering it: a
row is rendered only when it is shown.
"""

from __future__ import annotations

import io
from functools import cache
from itertools import islice

from rich.console import Console
from rich.segment import Segment
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from summitreader.tui.widgets.hanging import Hanging, Pieces

_NARROWEST_BODY = 2
"""Below this many columns for the body, the height is counted by rendering (Rich then shares
the width out in its own way)."""


@cache
def _console() -> Console:
    """A console that renders to nothing: rendering to segments depends only on the width asked
    for and the text's styles (colours are translated when the app writes to the terminal)."""
    return Console(file=io.StringIO(), color_system=None, legacy_windows=False, width=80)


class HangingRow(Visual):
    """``head`` then ``body``, the body wrapping under itself (as :class:`Hanging`)."""

    def __init__(self, head: Pieces, body: Pieces) -> None:
        self.label = Hanging(head, body)

    def __str__(self) -> str:
        return str(self.label)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.label.head.cell_len + self.label.body.cell_len

    def get_height(self, rules: RulesMap, width: int) -> int:
        room = width - self.label.head.cell_len
        if room < _NARROWEST_BODY:
            return len(self._lines(width, None))
        lines = self.label.body.wrap(
            _console(), room, justify="left", overflow="ellipsis", tab_size=8, no_wrap=False
        )
        return max(1, len(lines))

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        base = style.rich_style
        return [
            Strip(Segment.apply_style(line, base)) for line in self._lines(width, height)
        ]

    def _lines(self, width: int, height: int | None) -> list[list[Segment]]:
        console = _console()
        render = console.render(self.label, console.options.update(width=width, highlight=False))
        lines = Segment.split_and_crop_lines(render, width, include_new_lines=False, pad=False)
        return list(islice(lines, None, height))
