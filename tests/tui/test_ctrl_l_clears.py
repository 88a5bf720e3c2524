"""``ctrl+l`` means one thing everywhere: it clears the text box. In the card editor, the box you
are in (``ctrl+z`` brings it back: tests/tui/test_card_editor_question.py); on the Search screen,
the search box, which it puts the cursor in (it only moved the cursor there, the query kept).
The help says so on both screens."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from summitreader.tui.screens.card_editor import CardEditorScreen
from summitreader.tui.screens.help import help_lines
from summitreader.tui.screens.search import SearchScreen
from support.pilot import wait_until


async def test_ctrl_l_clears_the_search_box_from_the_results(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.services.search.index is not None, "the index")
        await pilot.press("slash")
        await wait_until(pilot, lambda: isinstance(app.screen, SearchScreen), "the search")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        box = screen.query_one("#query", Input)
        await wait_until(pilot, lambda: app.focused is box, "the search box's focus")
        await pilot.press(*"helsinki")
        await wait_until(pilot, lambda: screen.shown_query == "helsinki" and screen.hits, "hits")
        await pilot.press("down")
        await wait_until(
            pilot, lambda: app.focused is screen.query_one("#results", OptionList), "results"
        )
        await pilot.press("ctrl+l")
        await wait_until(pilot, lambda: app.focused is box, "the search box's focus again")
        assert box.value == ""
        await pilot.press(*"putin")
        assert box.value == "putin"


def test_the_help_says_ctrl_l_clears_on_both_screens():
    for screen in (SearchScreen, CardEditorScreen):
        lines = dict(help_lines(screen.BINDINGS, lambda binding: binding.key))
        assert lines["ctrl+l"].startswith("Clear the ")
