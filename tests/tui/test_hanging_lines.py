"""A hanging label's lines are made directly, without a grid: they are the very lines (text and
styles, cell by cell) that a grid of the head and the wrapped body gives, at every width."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console, Group, RenderableType
from rich.style import Style
from rich.table import Table

from summitreader.joins import JOIN, keep_together
from summitreader.tui.widgets.hanging import Blocks, Hanging, line

WORDS = st.sampled_from(
    ["the", "Helsinki", "summit", "2018", "—", "“named”", "arms-control", "", "a" * 40,
     "https://example.org/a/long/address/that/fits/nowhere/at/all"]
)
STYLES = st.sampled_from(["", "bold", "italic"])
HEADS = st.sampled_from(["  ", "  • ", "Passage · ", "Setting: ", " ★ 15 Aug 2025   "])


def grid(label: Hanging, width: int | None = None) -> Table:
    """The grid of the head and the body; at ``width``, with the body's spaces that keep a number
    and its word together made non-breaking, as the label wraps them where its body has room."""
    body = label.body
    room = width is not None and min(body.cell_len, width - label.head.cell_len) > 0
    if room and label.head.cell_len and "\n" not in body.plain + label.head.plain:
        body = body.copy()
        body.plain = keep_together(body.plain)
    table = Table.grid(padding=0)
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    table.add_row(label.head, body)
    return table


def cells(renderable: RenderableType, width: int) -> list[list[tuple[str, str]]]:
    console = Console(width=width, file=io.StringIO())
    return [
        [
            (" " if char == JOIN else char, str(segment.style or Style.null()))
            for segment in line
            for char in segment.text
        ]
        for line in console.render_lines(renderable, console.options)
    ]


@settings(max_examples=300, deadline=None)
@given(
    head=HEADS,
    head_style=STYLES,
    pieces=st.lists(st.tuples(st.lists(WORDS, max_size=12).map(" ".join), STYLES), max_size=3),
    width=st.integers(min_value=1, max_value=90),
)
def test_the_lines_are_those_of_a_grid(head, head_style, pieces, width):
    label = Hanging([(head, head_style)], pieces)
    assert cells(label, width) == cells(grid(label, width), width)


def test_a_long_body_wraps_under_itself():
    label = Hanging([("Setting: ", "bold")], [("Bilateral meeting on the edge of the G20", "")])
    rows = ["".join(char for char, _ in row).rstrip() for row in cells(label, 30)]
    assert rows == ["Setting: Bilateral meeting on", "         the edge of the G20"]


def test_a_label_drawn_at_one_width_then_another_is_drawn_for_each():
    """The lines kept for one width are never those drawn at another (a resize)."""
    label = Hanging([("  • ", "")], [("Helsinki summit, where the press conference went bad", "")])
    blocks = Blocks([line(("Meeting", "bold")), label])
    for width in (30, 50, 30, 12, 50):
        assert cells(label, width) == cells(grid(label, width), width)
        assert cells(blocks, width) == cells(
            Group(line(("Meeting", "bold")), grid(label, width)), width
        )
