"""The Library screen in the real app: it lists the packs, switches to one, and each pack keeps
its own reading position."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from textual.widgets import OptionList

from summitreader import paths
from summitreader.authoring import add_article
from summitreader.library import last_pack, library_dir, shipped_ids
from summitreader.pack import load_pack
from summitreader.pack.model import PassageRef
from summitreader.progress import open_store
from summitreader.tui.factory import make_app
from summitreader.tui.screens.library import LibraryScreen
from summitreader.tui.screens.read import ReadScreen
from support.pilot import wait_until

FIXTURES = Path(__file__).parent / "fixtures"
NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)


async def test_the_library_switches_pack_and_keeps_each_pack_reading_position(tmp_path):
    data, cache = tmp_path / "data", tmp_path / "cache"
    add_article(FIXTURES / "photosynthesis.md", library_dir(data), taken=shipped_ids())
    pack = load_pack(paths.default_pack_dir())
    store = open_store(data, pack, clock=lambda: NOW)
    app = make_app(pack, store, cache, clock=lambda: NOW, data_dir=data)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReadScreen)
        await reader.go_to(PassageRef("in-depth-analysis", 4))
        store_now = app.services.store
        await wait_until(
            pilot,
            lambda: (p := store_now.get_position()) is not None and p.paragraph == 4,
            "the reader to save its position",
        )

        await pilot.press("6")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen) and app.screen.loaded)
        options = app.screen.query_one(OptionList)
        assert options.option_count == 2
        await wait_until(pilot, lambda: "read" in str(options.get_option_at_index(1).prompt))
        options.highlighted = 1
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.services.pack.id == "photosynthesis")
        await wait_until(pilot, lambda: isinstance(app.screen, ReadScreen))
        assert app.title == "Photosynthesis"
        assert app.screen.section.id == "introduction"  # type: ignore[attr-defined]
        assert last_pack(data) == library_dir(data) / "photosynthesis"

        await pilot.press("6")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen) and app.screen.loaded)
        app.screen.query_one(OptionList).highlighted = 0
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.services.pack.id == pack.id)
        await wait_until(pilot, lambda: isinstance(app.screen, ReadScreen))
        screen = app.screen
        assert isinstance(screen, ReadScreen)
        assert screen.section.id == "in-depth-analysis"
        await wait_until(
            pilot,
            lambda: (top := screen.top_paragraph()) is not None and top.paragraph.number == 4,
            "the reader to scroll back to paragraph 4",
        )
    app.services.store.close()
    assert last_pack(data) == paths.default_pack_dir()


async def test_the_library_key_is_in_the_help(tmp_path):
    pack = load_pack(paths.default_pack_dir())
    store = open_store(tmp_path, pack, clock=lambda: NOW)
    app = make_app(pack, store, tmp_path / "cache", clock=lambda: NOW, data_dir=tmp_path)
    everywhere = dict(app.help_sections()[0][1])
    assert everywhere["6"] == "Library"
    store.close()


async def test_the_index_of_a_pack_without_meetings_shows_what_it_has(tmp_path):
    from textual.widgets import Static, TabbedContent

    from summitreader.tui.screens.index import IndexScreen

    library = library_dir(tmp_path)
    with_takeaways = add_article(FIXTURES / "photosynthesis.md", library, taken=shipped_ids())
    chapter = add_article(FIXTURES / "pride-and-prejudice-ch1.txt", library, taken=shipped_ids())
    for added, tab in ((with_takeaways, "tab-takeaways"), (chapter, None)):
        pack = load_pack(added.path)
        store = open_store(tmp_path, pack, clock=lambda: NOW)
        app = make_app(pack, store, tmp_path / "cache", clock=lambda: NOW)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("2")
            await wait_until(pilot, lambda app=app: isinstance(app.screen, IndexScreen))
            await pilot.pause()
            tabs = app.screen.query_one(TabbedContent)
            nothing = app.screen.query_one("#index-nothing", Static)
            if tab is not None:
                assert tabs.active == tab
                assert str(nothing.render()) == "This pack has no meetings or issues."
            else:
                assert nothing.display
                assert "no meetings, issues or takeaways" in str(nothing.render())
        store.close()
