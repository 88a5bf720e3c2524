"""``ctrl+l`` clears every text box of the app, as the README says: the Index filter box too (it
did nothing there, the filter kept), and the footer offers it while the box has the focus."""

from __future__ import annotations

from test_index_filter_box import offered, open_filter
from textual.widgets import OptionList

from support.pilot import type_text, wait_until


async def test_ctrl_l_clears_the_index_filter_and_the_lists_come_back(build_app):
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen, box = await open_filter(pilot)
        issues = screen.query_one("#issues", OptionList)
        everything = issues.option_count
        await type_text(pilot, "helsinki")
        await wait_until(pilot, lambda: issues.option_count < everything, "the filter to narrow")
        assert "ctrl+l" in offered(screen)
        await pilot.press("ctrl+l")
        await wait_until(pilot, lambda: box.value == "", "the box to be cleared")
        assert app.focused is box
        await wait_until(pilot, lambda: issues.option_count == everything, "every issue listed")
