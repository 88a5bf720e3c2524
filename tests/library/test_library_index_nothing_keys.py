"""The Index of a pack with nothing to list offers no filter, sort, tab or detail keys: ``f``
once opened a box no one could see, which took the typed keys (``q`` among them) and replaced
the pack's summary by "Nothing matches"."""

from __future__ import annotations

from test_library_index_bare import open_index
from textual.widgets import Footer, Input, Static
from textual.widgets._footer import FooterKey

from summitreader.tui.screens.index import IndexScreen
from support.pilot import wait_until


async def test_keys_of_lists_are_not_offered_when_there_is_nothing_to_list(tmp_path):
    app, store = await open_index(tmp_path, "pride-and-prejudice-ch1.txt")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await wait_until(pilot, lambda: isinstance(app.screen, IndexScreen))
        await pilot.pause()
        screen = app.screen
        footer = screen.query_one(Footer)
        shown = {k.key for k in footer.walk_children() if isinstance(k, FooterKey)}
        assert not shown & {"f", "s", "d", "right_square_bracket"}, shown
        await pilot.press("f", "x")
        await pilot.pause()
        assert screen.focused is not screen.query_one("#index-filter", Input)
        nothing = screen.query_one("#index-nothing", Static)
        assert nothing.display
        assert "no meetings, issues or takeaways" in str(nothing.render())
    store.close()
