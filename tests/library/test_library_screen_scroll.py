"""The Library at 80×24 with more packs than it shows: moving down scrolls by whole packs, so
the top of the list is a pack's title, never the end of a pack cut in the middle."""

from __future__ import annotations

from datetime import UTC, datetime

from textual.widgets import OptionList

from library.library_many import make_library
from summitreader.library import list_packs
from summitreader.pack import load_pack
from summitreader.tui.screens.library import LibraryScreen
from support.app import build_app
from support.pilot import wait_until

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)


def top_line(options: OptionList) -> str:
    strips = options.render_lines(options.region.reset_offset)
    return strips[0].text


async def test_moving_down_shows_whole_packs_at_the_top(tmp_path):
    data = tmp_path / "data"
    make_library(data)
    packs = list_packs(data)
    app, store = build_app(
        load_pack(packs[0].path), data, lambda: NOW, tmp_path / "cache", library=True
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen) and app.screen.loaded)
        options = app.screen.query_one(OptionList)
        await wait_until(pilot, lambda: all("read" in str(o.prompt) for o in options.options))
        titles = [info.title.split()[0] for info in packs]
        for expected in range(1, 6):
            await pilot.press("down")
            await wait_until(pilot, lambda expected=expected: options.highlighted == expected)
            await pilot.pause()
            line = top_line(options).strip()
            assert any(line.startswith(title) for title in titles), (expected, line)
    store.close()
