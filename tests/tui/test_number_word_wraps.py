"""A number and the word it belongs to stay on one line wherever text wraps: the reader's
paragraphs ("7.4 metres", "1 June", "§ 12"), and the hanging labels of lists (search hits, the
index's details). The text itself is unchanged: the lines read as the pack wrote it."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console

from summitreader.joins import JOIN, join_spaces, keep_together
from summitreader.tui.screens.read import ReadScreen
from summitreader.tui.widgets.hanging import Hanging
from summitreader.tui.widgets.hanging_row import HangingRow
from summitreader.tui.widgets.passage import Passage
from support.pilot import wait_until

FILLER = ["a", "bb", "ccc", "dddd", "eeeee", "ffffff", "ggggggg", "hhhhhhhh", "iiiiiiiii"]
PAIRS = ["7.4 metres", "1 June", "§ 12"]
TEXT = " ".join(f"{word} {PAIRS[n % 3]}" for n, word in enumerate(FILLER * 4)) + "."
SPLIT = re.compile(r"(7\.4|\b1|§)\n(metres|June|12)\b")


def split_pairs(lines: list[str]) -> list[str]:
    """The pairs a line break falls inside of."""
    text = "\n".join(line.rstrip() for line in lines)
    return [m.group() for m in SPLIT.finditer(text)]


def test_the_spaces_kept_are_those_of_a_number_and_its_word():
    text = "On 1 June 2018 the wall, 7.4 metres high (see § 12), stood in 2018 for 1 of 2 years."
    shown = "".join("_" if n in join_spaces(text) else c for n, c in enumerate(text))
    assert shown == (
        "On 1_June_2018 the wall, 7.4_metres high (see §_12), stood in 2018 for 1 of 2_years."
    )
    assert keep_together(text).replace(JOIN, "_") == shown


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_the_reader_keeps_a_number_and_its_word_on_one_line(build_app, mini_pack, size):
    opening = f"{TEXT}\n\nA second paragraph.\n"
    pack = mini_pack({"sections/01-opening.md": opening})
    app = build_app(pack)
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        assert isinstance(screen, ReadScreen)
        await wait_until(pilot, lambda: screen.passages(), "the section")
        await pilot.pause()
        passage = screen.query_one("#p-1", Passage)
        layout = passage.render()
        width = passage.content_region.width
        lines = [line.plain for line in layout.lines(width)]  # type: ignore[attr-defined]
        assert len(lines) > 3, lines
        assert not split_pairs(lines), (width, lines)
        assert " ".join(line.strip() for line in lines).startswith(TEXT)


def test_a_hanging_label_keeps_a_number_and_its_word_on_one_line():
    label = Hanging([("7 Jul 2017  ", "bold")], [(TEXT, "")])
    console = Console(file=io.StringIO(), width=200, color_system=None)
    for width in range(30, 90):
        rendered = console.render_lines(label, console.options.update(width=width), pad=False)
        lines = ["".join(segment.text for segment in line) for line in rendered]
        assert not split_pairs([line[12:] for line in lines]), (width, lines)
        assert " ".join(line[12:].strip() for line in lines) == TEXT
        # the list's row counts the lines it will draw
        row = HangingRow([("7 Jul 2017  ", "bold")], [(TEXT, "")])
        assert row.get_height(None, width) == len(lines), width  # type: ignore[arg-type]
