"""The highlighted pack in the Library carries a cursor mark (▶), so which pack enter opens is
plain to see in any colours and with none (a shade of grey was the only sign)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from summitreader import paths
from summitreader.authoring import add_article
from summitreader.library import library_dir, shipped_ids
from summitreader.pack import load_pack
from summitreader.tui.screens.library import CURSOR, LibraryScreen
from support.app import build_app
from support.clock import START
from support.pilot import wait_until

FIXTURES = Path(__file__).parent / "fixtures"


def marked(options: OptionList) -> list[int]:
    return [
        n for n, option in enumerate(options.options) if CURSOR.strip() in str(option.prompt)
    ]


async def test_the_cursor_mark_follows_the_highlighted_pack(tmp_path):
    data = tmp_path / "data"
    add_article(FIXTURES / "photosynthesis.md", library_dir(data), taken=shipped_ids())
    pack = load_pack(paths.default_pack_dir())
    app, store = build_app(pack, data, lambda: START, tmp_path / "cache", library=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen) and app.screen.loaded)
        options = app.screen.query_one(OptionList)
        await wait_until(pilot, lambda: all("…" not in str(o.prompt) for o in options.options))
        assert marked(options) == [options.highlighted] == [0]
        await pilot.press("down")
        await wait_until(pilot, lambda: options.highlighted == 1)
        assert marked(options) == [1]
        await pilot.press("up")
        await wait_until(pilot, lambda: options.highlighted == 0)
        assert marked(options) == [0]
    store.close()
