"""The reader's find bar names its keys in the footer while it is open: enter for the next hit,
shift+enter for the previous one, escape to close it; and enter does step to the next hit."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from summitreader.tui.screens.read import ReadScreen
from support.pilot import footer_keys, type_text, wait_until


def described(app) -> dict[str, str]:
    keys, _ = footer_keys(app.screen)
    return {k.key: k.description for k in keys}


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_the_find_bar_says_enter_finds_the_next_and_escape_closes(build_app, size):
    app = build_app()
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        assert isinstance(screen, ReadScreen)
        await wait_until(pilot, lambda: screen.passages(), "the section")
        await pilot.press("ctrl+f")
        await type_text(pilot, "russia")
        count = screen.query_one("#find-count", Static)
        await wait_until(pilot, lambda: "1 of " in str(count.render()), "the first hit")
        await wait_until(pilot, lambda: "enter" in described(app), "enter in the footer")
        keys, palette = footer_keys(app.screen)
        assert all(k.region.right <= palette for k in keys), [(k.key, k.region) for k in keys]
        shown = described(app)
        assert shown["enter"] == "Next hit"
        assert shown["shift+enter"] == "Previous hit"
        assert shown["escape"] == "Close find"
        await pilot.press("enter")
        await wait_until(pilot, lambda: "2 of " in str(count.render()), "the second hit")
        await pilot.press("escape")
        await wait_until(pilot, lambda: "enter" not in described(app), "the bar closed")
