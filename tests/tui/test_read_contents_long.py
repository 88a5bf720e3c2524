"""The contents of a book-length pack: every section listed in order with its read mark, the
section being read highlighted and in view when the reader reopens far down, and each row as high
as its title wraps."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from textual.widgets import OptionList

from summitreader.pack.model import Pack
from summitreader.tui.screens.read import ReadScreen
from summitreader.tui.widgets.hanging import Hanging
from summitreader.tui.widgets.hanging_row import HangingRow
from support.pilot import wait_until

SECTIONS = 700
FAR = 650


@pytest.fixture(scope="module")
def book(pack: Pack) -> Pack:
    """The shipped pack's sections over and over: 700 of them, some titles long enough to wrap."""
    sections = []
    for number in range(1, SECTIONS + 1):
        model = pack.sections[(number - 1) % len(pack.sections)]
        section_id = f"{model.id}-{number}"
        sections.append(
            dataclasses.replace(
                model,
                id=section_id,
                number=number,
                title=f"{model.title} (part {number})",
                paragraphs=tuple(
                    dataclasses.replace(p, section=section_id) for p in model.paragraphs
                ),
            )
        )
    return dataclasses.replace(
        pack, sections=tuple(sections), takeaways=(), cards=(), notes=(), mentions=(), _by_id={}
    )


async def test_a_long_contents_reopened_far_down_shows_the_section_read(build_app, book):
    app = build_app(book)
    store = app.services.store
    far = book.sections[FAR - 1]
    for section in book.sections[FAR - 3 : FAR - 1]:
        store.mark_read(section.id)
    store.set_position(far.id, 1)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReadScreen)
        toc = screen.query_one("#toc", OptionList)
        await wait_until(pilot, lambda: screen.section.id == far.id and toc.highlighted == FAR - 1)
        await pilot.pause()
        assert toc.option_count == SECTIONS
        assert [toc.get_option_at_index(i).id for i in range(SECTIONS)] == [
            s.id for s in book.sections
        ]
        labels = [str(toc.get_option_at_index(i).prompt) for i in (FAR - 3, FAR - 2, FAR - 1)]
        assert labels == [
            f"✓ {FAR - 2}. {book.sections[FAR - 3].title}",
            f"✓ {FAR - 1}. {book.sections[FAR - 2].title}",
            f"  {FAR}. {far.title}",
        ]
        shown = "\n".join(
            toc.render_line(y).text for y in range(toc.scrollable_content_region.height)
        )
        assert f"{FAR}. " in shown, shown
        assert "1. " + book.sections[0].title[:10] not in shown


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(
        st.text(alphabet=st.sampled_from("ab xyzé—漢字 -\t\n\u3000\xa0"), min_size=0, max_size=30),
        min_size=0,
        max_size=8,
    ),
    head=st.sampled_from(["", "  ", "✓ 1. ", "↻ 650. ", "  12345678901234. "]),
    width=st.integers(min_value=1, max_value=60),
)
def test_a_row_is_as_high_as_it_is_drawn(words, head, width):
    title = " ".join(words)
    row = HangingRow([(head, "bold")], [(title, "")])
    console = Console(width=width, color_system=None)
    drawn = console.render_lines(Hanging([(head, "bold")], [(title, "")]), pad=False)
    assert row.get_height({}, width) == len(drawn)
    assert [
        "".join(segment.text for segment in line) for line in row._lines(width, None)
    ] == ["".join(segment.text for segment in line) for line in drawn]
