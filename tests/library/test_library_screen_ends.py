"""The Library's list stops at its ends, as the app's other lists do: ``up`` on the first pack
and ``down`` on the last leave the highlight where it is (Textual's list went round)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from summitreader import paths
from summitreader.authoring import add_article
from summitreader.library import library_dir, shipped_ids
from summitreader.pack import load_pack
from summitreader.progress import open_store
from summitreader.tui.factory import make_app
from summitreader.tui.screens.library import LibraryScreen
from support.clock import START
from support.pilot import wait_until

FIXTURES = Path(__file__).parent / "fixtures"


async def test_up_on_the_first_pack_and_down_on_the_last_stay(tmp_path):
    data = tmp_path / "data"
    add_article(FIXTURES / "photosynthesis.md", library_dir(data), taken=shipped_ids())
    pack = load_pack(paths.default_pack_dir())
    with open_store(data, pack, clock=lambda: START) as store:
        app = make_app(pack, store, tmp_path / "cache", clock=lambda: START, data_dir=data)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("6")
            await wait_until(
                pilot, lambda: isinstance(app.screen, LibraryScreen) and app.screen.loaded
            )
            options = app.screen.query_one(OptionList)
            assert options.option_count == 2
            assert options.highlighted == 0  # the open pack, first

            await pilot.press("up")
            await pilot.pause()
            assert options.highlighted == 0

            await pilot.press("down", "down", "down")
            await wait_until(pilot, lambda: options.highlighted == 1)
            await pilot.pause()
            assert options.highlighted == 1

            await pilot.press("up")
            await wait_until(pilot, lambda: options.highlighted == 0)
