"""``d`` shows the entry's detail alone, read from its top: its name in view, the pane itself
focused (↑↓ scroll it, tab goes to its links), at both sizes and on every tab."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from summitreader.tui.screens.index import IndexScreen
from summitreader.tui.widgets.entry_detail import DetailLinks, EntryDetail
from support.pilot import wait_until


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
@pytest.mark.parametrize("down", [0, 1])
async def test_d_shows_the_entry_from_its_top(build_app, size, down):
    app = build_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("2")
        await wait_until(pilot, lambda: isinstance(app.screen, IndexScreen))
        screen = app.screen
        table = screen.query_one("#meetings", DataTable)
        await wait_until(pilot, lambda: table.row_count > 0)
        for _ in range(down):
            await pilot.press("down")
        await pilot.pause()
        detail = screen.query_one(EntryDetail)
        shown = detail.entry_id
        await pilot.press("d")
        await pilot.pause()
        await pilot.pause()
        assert detail.entry_id == shown
        assert app.focused is detail
        assert detail.scroll_y == 0
        heading = detail.query_one(".detail--heading")
        assert heading.region.y >= detail.region.y  # the entry's name is on screen
        links = detail.query_one("#detail-links", DetailLinks)
        await pilot.press("tab")  # then to its links, when it has any
        await pilot.pause()
        assert app.focused is (links if links.has_links() else detail)
