"""A keystroke in the Search box redraws only what changed: a hit still shown after the query
grows keeps its label (and the lines already drawn for it), and every label is the hit's own."""

from __future__ import annotations

from textual.widgets import OptionList

from summitreader.tui.screens.search import SearchScreen, hit_label
from support.pilot import wait_until


async def test_a_hit_shown_again_keeps_its_label(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.services.search.index is not None, "the index")
        await app.workers.wait_for_complete()
        await pilot.press("3")
        await wait_until(pilot, lambda: isinstance(app.screen, SearchScreen), "Search")
        screen = app.screen
        results = screen.query_one("#results", OptionList)
        await pilot.press(*"summit")
        await wait_until(pilot, lambda: screen.shown_query == "summit", "the hits")
        before = {str(results.get_option_at_index(n).prompt): results.get_option_at_index(n)
                  for n in range(results.option_count)}
        await pilot.press("s")
        await wait_until(pilot, lambda: screen.shown_query == "summits", "the hits")
        assert screen.hits
        kept = 0
        for n, hit in enumerate(screen.hits):
            prompt = results.get_option_at_index(n).prompt
            assert str(prompt) == str(hit_label(hit))
            earlier = before.get(str(prompt))
            if earlier is not None:
                assert prompt is earlier.prompt
                kept += 1
        assert kept
