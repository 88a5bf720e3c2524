"""A long section fills in around the place shown: a reading position far down is shown before
the paragraphs above it are mounted, and stays in view while they are; batches stay small."""

from __future__ import annotations

import dataclasses
import itertools

import pytest

from summitreader.pack.markdown import split_paragraphs
from summitreader.pack.model import Pack, PassageRef, Section
from summitreader.tui.screens.read import FIRST_PARAGRAPHS, ReadScreen
from summitreader.tui.screens.read_section import MAX_BATCH, SectionText
from summitreader.tui.widgets.passage import Passage

COPIES = 120


@pytest.fixture(scope="module")
def long_pack(pack: Pack) -> Pack:
    first = pack.sections[0]
    markdown = "\n\n".join([first.markdown] * COPIES + ["The very last words: zanzibar."])
    longer = dataclasses.replace(first, paragraphs=split_paragraphs(first.id, markdown))
    return dataclasses.replace(pack, sections=(longer, *pack.sections[1:]), _by_id={})


async def wait_for(pilot, condition) -> None:
    for _ in range(400):
        if condition():
            return
        await pilot.pause()
    raise AssertionError("the condition never held")


async def test_a_place_far_down_is_mounted_first_and_stays_in_view(build_app, long_pack: Pack):
    section = long_pack.sections[0]
    total = len(section.paragraphs)
    far = section.paragraphs[total - 25].number
    app = build_app(long_pack)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReadScreen)
        await screen.show_section(section, PassageRef(section.id, far))
        # Before the first paint: the paragraphs from the place shown, none of those above.
        numbers = [p.paragraph.number for p in screen.passages()]
        assert numbers[0] == far
        assert len(numbers) <= FIRST_PARAGRAPHS
        await wait_for(pilot, lambda: (top := screen.top_paragraph()) is not None
                       and top.paragraph.number == far and screen._pending_arrival is None)
        await wait_for(pilot, lambda: screen.complete)
        await pilot.pause()
        await pilot.pause()
        assert [p.paragraph.number for p in screen.passages()] == [
            p.number for p in section.paragraphs
        ]
        # Thousands of lines were mounted above; the view is still on the same paragraph.
        top = screen.top_paragraph()
        assert top is not None and top.paragraph.number == far
        assert screen.query_one("#text", SectionText).scroll_y > 100


async def test_batches_after_the_first_are_capped(build_app, long_pack: Pack) -> None:
    section = long_pack.sections[0]
    app = build_app(long_pack)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReadScreen)
        text = screen.query_one("#text", SectionText)
        made: list[tuple[int, int]] = []
        make = text.make

        def recording(shown: Section, start: int, end: int) -> list[Passage]:
            made.append((start, end))
            return make(shown, start, end)

        text.make = recording
        await screen.show_section(section)
        await wait_for(pilot, lambda: screen.complete)
        sizes = [end - start for start, end in made]
        assert sizes[0] == FIRST_PARAGRAPHS
        # Long enough that batches doubling from the first would ask for more than the cap.
        assert len(section.paragraphs) > FIRST_PARAGRAPHS + 2 * MAX_BATCH
        assert max(sizes) == MAX_BATCH
        # Every paragraph asked for once, in order.
        assert made[0][0] == 0 and all(a[1] == b[0] for a, b in itertools.pairwise(made))
        assert min(made[-1][1], len(section.paragraphs)) == len(section.paragraphs)

