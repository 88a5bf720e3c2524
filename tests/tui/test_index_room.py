"""Beside the detail pane, the Index's lists keep only the width the meetings table's columns
take: the detail pane has the rest, at 100 and at 80 columns, while the table's columns still give
way in their planned order as the terminal narrows."""

from __future__ import annotations

import pytest

from summitreader.tui.screens.index import LISTS_LEAST, IndexScreen
from summitreader.tui.widgets.meetings_table import MeetingsTable
from support.pilot import wait_until

# Each width, the columns the table shows there and the narrowest the detail pane may be.
ROOM = [
    (140, ["meeting", "date", "setting", "place"], 55),
    (100, ["meeting", "date", "setting"], 45),
    (90, ["meeting", "date", "setting"], 35),
    (80, ["meeting", "date"], 37),
]


@pytest.mark.parametrize(("width", "columns", "detail"), ROOM)
async def test_the_detail_pane_has_the_room_the_table_leaves(build_app, width, columns, detail):
    app = build_app()
    async with app.run_test(size=(width, 30)) as pilot:
        await pilot.press("2")
        await wait_until(pilot, lambda: isinstance(app.screen, IndexScreen), "the Index")
        await pilot.pause()
        screen = app.screen
        table = screen.query_one("#meetings", MeetingsTable)
        assert [str(key.value) for key in table.columns] == columns
        lists = screen.query_one("#index-lists")
        used = sum(column.get_render_width(table) for column in table.columns.values())
        assert lists.size.width == max(used, LISTS_LEAST)  # no spare columns
        assert screen.query_one("#detail").size.width >= detail


async def test_the_columns_come_back_as_the_terminal_widens(build_app):
    app = build_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.press("2")
        await wait_until(pilot, lambda: isinstance(app.screen, IndexScreen), "the Index")
        table = app.screen.query_one("#meetings", MeetingsTable)
        await wait_until(pilot, lambda: len(table.columns) == 2, "two columns at 80")
        await pilot.resize_terminal(140, 30)
        await wait_until(pilot, lambda: len(table.columns) == 4, "four columns at 140")
        await pilot.resize_terminal(60, 30)  # the lists alone: the whole width is theirs
        await wait_until(pilot, lambda: app.screen.query_one("#index-lists").size.width == 60,
                         "the whole width for the lists")
