"""The Library at 80×24 with more packs than it shows: it opens at the top when the open pack is
among the first, and otherwise scrolled just so that the open pack is whole and highlighted; at
the end of the list the top is still a whole pack (blank lines under the last one rather than
the first cut in the middle), moving up and down shows whole packs only. Real library, real
app through Pilot."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import OptionList

from library.library_many import make_library
from summitreader.library import PackInfo, list_packs
from summitreader.pack import load_pack
from summitreader.tui.screens.library import LibraryScreen
from support.app import build_app
from support.pilot import wait_until

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)


def lines_shown(options: OptionList) -> list[str]:
    return [strip.text.rstrip() for strip in options.render_lines(options.region.reset_offset)]


def assert_whole(options: OptionList, packs: list[PackInfo]) -> None:
    """The list's top line is a pack's title (the cursor mark or its room first), and the
    highlighted pack is shown whole: its title and its line of figures."""
    shown = lines_shown(options)
    titles = [info.title.split()[0] for info in packs]
    top = shown[0].strip().removeprefix("▶ ")
    assert any(top.startswith(title) for title in titles), shown
    assert options.highlighted is not None
    highlighted = packs[options.highlighted]
    at = next(n for n, line in enumerate(shown) if line.strip().startswith("▶ "))
    assert shown[at].strip().removeprefix("▶ ").startswith(highlighted.title.split()[0]), shown
    rest = " ".join(" ".join(shown[at:]).split())
    assert re.search(rf"{re.escape(highlighted.id)} · .*? new today", rest), shown


async def open_library(tmp_path: Path, opened: int):  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    make_library(data)
    packs = list_packs(data)
    app, store = build_app(
        load_pack(packs[opened].path), data, lambda: NOW, tmp_path / "cache", library=True
    )
    return app, store, packs


async def summarised(pilot, app) -> OptionList:  # type: ignore[no-untyped-def]
    await pilot.press("6")
    await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen) and app.screen.loaded)
    options = app.screen.query_one(OptionList)
    await wait_until(pilot, lambda: all("new today" in str(o.prompt) for o in options.options))
    await pilot.pause()
    return options


async def test_it_opens_at_the_top_when_the_open_pack_is_first(tmp_path):
    app, store, packs = await open_library(tmp_path, 0)
    async with app.run_test(size=(80, 24)) as pilot:
        options = await summarised(pilot, app)
        assert options.highlighted == 0
        assert options.scroll_y == 0
        assert_whole(options, packs)
    store.close()


@pytest.mark.parametrize("opened", [8, 5])
async def test_the_open_pack_further_down_is_whole_and_so_is_the_top(tmp_path, opened):
    app, store, packs = await open_library(tmp_path, opened)
    async with app.run_test(size=(80, 24)) as pilot:
        options = await summarised(pilot, app)
        assert options.highlighted == opened
        assert_whole(options, packs)
        for key in ("down", "down", "up", "up", "up", "up", "up", "up"):
            before = options.highlighted
            await pilot.press(key)
            await wait_until(
                pilot,
                lambda before=before: (
                    options.highlighted != before or before in (0, len(packs) - 1)
                ),
            )
            await pilot.pause()
            assert_whole(options, packs)
    store.close()
