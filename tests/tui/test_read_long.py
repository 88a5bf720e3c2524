"""A long section is shown at once and filled in after: the first paragraphs are mounted before the
first paint, the rest in batches, in order; nothing is lost meanwhile (read marks, find)."""

from __future__ import annotations

import dataclasses

import pytest
from textual.containers import VerticalScroll

from summitreader.pack.markdown import split_paragraphs
from summitreader.pack.model import Pack
from summitreader.tui.screens.read import FIRST_PARAGRAPHS, ReadScreen

COPIES = 60


@pytest.fixture(scope="module")
def long_pack(pack: Pack) -> Pack:
    first = pack.sections[0]
    markdown = "\n\n".join([first.markdown] * COPIES + ["The very last words: zanzibar."])
    longer = dataclasses.replace(first, paragraphs=split_paragraphs(first.id, markdown))
    return dataclasses.replace(pack, sections=(longer, *pack.sections[1:]), _by_id={})


async def wait_complete(pilot, screen: ReadScreen) -> None:
    for _ in range(200):
        if screen.complete:
            break
        await pilot.pause()
    await pilot.pause()


async def test_a_long_section_is_mounted_in_batches_in_order(build_app, long_pack: Pack) -> None:
    total = len(long_pack.sections[0].paragraphs)
    assert total > 4 * FIRST_PARAGRAPHS
    app = build_app(long_pack)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReadScreen)
        await screen.show_section(long_pack.sections[0])
        # Shown with its first paragraphs only; the rest follow.
        assert len(screen.passages()) == FIRST_PARAGRAPHS
        assert not screen.complete
        await wait_complete(pilot, screen)
        numbers = [p.paragraph.number for p in screen.passages()]
        assert numbers == list(range(1, total + 1))


async def test_a_long_section_is_not_read_before_its_end_is_mounted(
    build_app, long_pack: Pack
) -> None:
    app = build_app(long_pack)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReadScreen)
        await screen.show_section(long_pack.sections[0])
        text = screen.query_one("#text", VerticalScroll)
        text.scroll_end(animate=False, immediate=True)
        screen._check_read()
        assert long_pack.sections[0].id not in screen.store.read_sections()
        await wait_complete(pilot, screen)
        text.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        screen._check_read()
        assert long_pack.sections[0].id in screen.store.read_sections()


async def test_find_reaches_a_paragraph_not_mounted_yet(build_app, long_pack: Pack) -> None:
    last = len(long_pack.sections[0].paragraphs)
    app = build_app(long_pack)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReadScreen)
        await screen.show_section(long_pack.sections[0])
        await pilot.press("ctrl+f")
        await pilot.press(*"zanzibar")
        for _ in range(200):
            passage = screen._passage(last)
            if passage is not None and passage.marks:
                break
            await pilot.pause()
        passage = screen._passage(last)
        assert passage is not None
        assert [(m.start, m.end) for m in passage.marks] == [(21, 29)]
