"""Every search hit is shown whole at 80 columns: the list counts each hit's lines at the width it
draws them at, with or without its scroll bar (a hit measured before the bar came lost its last
line: "…undermining U.S." with "intelligence…" cut away)."""

from __future__ import annotations

import pytest
from textual.visual import visualize
from textual.widgets import Input, OptionList

from summitreader.tui.screens.search import SearchScreen
from support.pilot import wait_until


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_the_list_gives_each_hit_the_lines_it_draws(build_app, size):
    app = build_app(real_delays=True)  # a search at the first key, then one after the last
    async with app.run_test(size=size) as pilot:
        await pilot.press("3", *"xqzv")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await wait_until(pilot, lambda: screen.shown_query == "xqzv", "no hits")
        # from no hits (no scroll bar) to many (a scroll bar)
        screen.query_one("#query", Input).value = "helsinki summit"
        await wait_until(pilot, lambda: screen.shown_query == "helsinki summit", "the hits")
        await pilot.pause()
        results = screen.query_one("#results", OptionList)
        assert results.option_count > 5
        padding = results.get_component_styles("option-list--option").padding
        width = results.scrollable_content_region.width - padding.width
        drawn = sum(
            visualize(results, results.get_option_at_index(n).prompt).get_height(
                results.styles, width
            )
            for n in range(results.option_count)
        )
        assert results.virtual_size.height == drawn
