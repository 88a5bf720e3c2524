"""A :class:`~summitreader.tui.widgets.hanging.Hanging` label as a Textual visual, for long lists.

An option list works out the height of every option before it draws any (to know where each
starts). For a Rich renderable that means rendering it whole: for a contents of hundreds of
sections, most of the start-up. :class:`HangingRow` draws exactly as :class:`Hanging` does, and
counts its height from how its body wraps in the column after the head, without rendering it: a
row is rendered only when it is shown.
"""

from __future__ import annotations

import io
import re
from functools import cache, lru_cache
from itertools import islice

from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from summitreader.joins import keep_together
from summitreader.tui.widgets.hanging import Hanging, Pieces

_WORD = re.compile(r"\s*\S+\s*")
_SIMPLE = re.compile(r"[^\n\r\t\x0b\x0c]*")
"""A title on one line and without tabs, whose wrapping is counted here (others by Rich)."""
_NARROWEST_BODY = 2
"""Below this many columns for the body, the height is counted by rendering (Rich then shares
the width out in its own way), as for a title of several lines or with tabs."""


@cache
def _console() -> Console:
    """A console that renders to nothing: rendering to segments depends only on the width asked
    for and the text's styles (colours are translated when the app writes to the terminal)."""
    return Console(file=io.StringIO(), color_system=None, legacy_windows=False, width=80)


@lru_cache(maxsize=4096)
def _wrapped_height(text: str, width: int) -> int:
    """The lines ``text`` (one line, no tabs) takes in ``width`` columns, as a Rich table's cell
    wraps it (styles do not change the width of a character): a list laid out again at another
    width, or made anew with other marks, counts each title once per width."""
    # Rich's word wrapping, counted: a word (with the spaces after it) goes on the line if it
    # fits without its trailing spaces, else it starts the next line; a word wider than the
    # whole line is cropped on a line of its own.
    count, used = 1, 0
    for match in _WORD.finditer(text):
        word = match.group()
        if width - used >= cell_len(word.rstrip()):
            used += cell_len(word)
        elif match.start() and (used or cell_len(word.rstrip()) > width):
            count += 1
            used = cell_len(word)
        else:
            used = cell_len(word)
    return count


class HangingRow(Visual):
    """``head`` then ``body``, the body wrapping under itself (as :class:`Hanging`)."""

    def __init__(self, head: Pieces, body: Pieces) -> None:
        self.label = Hanging(head, body)

    def __str__(self) -> str:
        return str(self.label)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.label.head.cell_len + self.label.body.cell_len

    def get_height(self, rules: RulesMap, width: int) -> int:
        room = width - max(1, self.label.head.cell_len)  # Rich gives an empty column one cell
        if room < _NARROWEST_BODY or not _SIMPLE.fullmatch(self.label.body.plain):
            return len(self._lines(width, None))
        # Counted as :class:`Hanging` wraps it: a number and its word as one word.
        return _wrapped_height(keep_together(self.label.body.plain), room)

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
