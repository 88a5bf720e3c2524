"""The Index of a pack made by ``add``: with nothing to list it says so once, with no tabs, no
filter box and no empty table; with takeaways only, it says what the pack lacks, and ``]``
stays on the tabs shown."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from textual.widgets import Input, Static, TabbedContent

from summitreader.authoring import add_article
from summitreader.library import library_dir, shipped_ids
from summitreader.pack import load_pack
from summitreader.progress import open_store
from summitreader.tui.factory import make_app
from summitreader.tui.screens.index import IndexScreen
from summitreader.tui.widgets.entry_detail import EntryDetail
from support.pilot import wait_until

FIXTURES = Path(__file__).parent / "fixtures"
NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)


async def open_index(tmp_path: Path, fixture: str):  # type: ignore[no-untyped-def]
    added = add_article(FIXTURES / fixture, library_dir(tmp_path), taken=shipped_ids())
    pack = load_pack(added.path)
    store = open_store(tmp_path, pack, clock=lambda: NOW)
    return make_app(pack, store, tmp_path / "cache", clock=lambda: NOW), store


async def test_a_pack_with_nothing_to_list_says_so_once_without_tabs_or_filter(tmp_path):
    app, store = await open_index(tmp_path, "pride-and-prejudice-ch1.txt")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await wait_until(pilot, lambda: isinstance(app.screen, IndexScreen))
        await pilot.pause()
        screen = app.screen
        nothing = screen.query_one("#index-nothing", Static)
        assert nothing.display
        assert "no meetings, issues or takeaways" in str(nothing.render())
        assert "no meetings" not in str(screen.query_one(EntryDetail).facts)
        assert not screen.query_one(TabbedContent).display
        assert not screen.query_one("#index-filter", Input).display
        await pilot.press("]")
        await pilot.pause()
        assert not screen.query_one(TabbedContent).display
    store.close()


async def test_a_pack_with_takeaways_only_says_what_it_lacks_and_keeps_to_its_tab(tmp_path):
    app, store = await open_index(tmp_path, "photosynthesis.md")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await wait_until(pilot, lambda: isinstance(app.screen, IndexScreen))
        screen = app.screen
        tabs = screen.query_one(TabbedContent)
        nothing = screen.query_one("#index-nothing", Static)
        # The tabs say which is active through a message, after the screen has mounted.
        await wait_until(pilot, lambda: tabs.active == "tab-takeaways", "the takeaways tab")
        await wait_until(
            pilot,
            lambda: (
                nothing.display and str(nothing.render()) == "This pack has no meetings or issues."
            ),
            "what the pack lacks",
        )
        await pilot.press("]")
        await pilot.pause()
        assert tabs.active == "tab-takeaways"
        await pilot.press("[")
        await pilot.pause()
        assert tabs.active == "tab-takeaways"
    store.close()
