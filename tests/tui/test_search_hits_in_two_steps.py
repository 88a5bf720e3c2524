"""A keystroke's hits are listed in two steps: those that fill the list with the key's paint, the
others once it is painted (measuring and drawing fifty hits at once made a keystroke slower); the
list ends with every hit, in rank order, and a newer query's hits are never mixed in."""

from __future__ import annotations

from textual.widgets import OptionList

from summitreader.tui.screens.search import FIRST_HITS, SearchScreen
from support.pilot import wait_until


def listed(results: OptionList) -> list[str]:
    return [str(results.get_option_at_index(n).prompt) for n in range(results.option_count)]


async def test_the_first_hits_come_with_the_key_and_the_others_after_its_paint(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "h")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await wait_until(pilot, lambda: screen.shown_query == "h", "every hit listed")
        results = screen.query_one("#results", OptionList)
        hits = list(screen.hits)
        assert len(hits) > 2 * FIRST_HITS  # enough for two steps
        everything = listed(results)
        assert len(everything) == len(hits)
        # The same answer again, step by step.
        result = screen.search.index.search("h", limit=50, as_you_type=True)  # type: ignore[union-attr]
        screen._generation += 1
        screen._show_result(result, screen._generation)
        first = results.option_count
        assert FIRST_HITS <= first < len(hits)
        assert first >= results.size.height // 2  # enough to fill the list
        assert listed(results) == everything[:first]
        await wait_until(pilot, lambda: results.option_count == len(hits), "the others")
        assert listed(results) == everything


async def test_a_newer_query_is_not_mixed_with_the_rest_of_an_older_one(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "h")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await wait_until(pilot, lambda: screen.shown_query == "h", "every hit listed")
        index = screen.search.index
        assert index is not None
        older = index.search("h", limit=50, as_you_type=True)
        newer = index.search("elmendorf", limit=50, as_you_type=True)
        assert len(older.hits) > 2 * FIRST_HITS and 0 < len(newer.hits) < FIRST_HITS
        screen._generation += 1
        screen._show_result(older, screen._generation)  # its rest waits for the paint
        screen._generation += 1
        screen._show_result(newer, screen._generation)
        await pilot.pause()
        await pilot.pause()
        results = screen.query_one("#results", OptionList)
        assert results.option_count == len(newer.hits)
        assert screen.hits == list(newer.hits)
