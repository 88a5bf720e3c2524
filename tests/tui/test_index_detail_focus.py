"""The Index's detail pane shows when it has the focus (a bar of the accent colour) and the footer
shows the keys that work there: scroll and tab to its links; in the links, enter follows one."""

from __future__ import annotations

import pytest
from textual.color import Color
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from summitreader.tui.screens.index import IndexScreen
from summitreader.tui.widgets.entry_detail import EntryDetail


def footer(screen: IndexScreen) -> dict[str, str]:
    return {
        key.key: key.description
        for key in screen.query_one(Footer).walk_children()
        if isinstance(key, FooterKey)
    }


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
async def test_the_focused_detail_pane_is_marked_and_its_keys_shown(build_app, size):
    app = build_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, IndexScreen)
        detail = screen.query_one(EntryDetail)
        unfocused = detail.styles.border_left
        assert "tab" not in footer(screen)
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is detail
        assert detail.styles.border_left != unfocused
        assert detail.styles.border_left[1] == Color.parse(app.get_css_variables()["accent"])
        keys = footer(screen)
        assert {"up", "down", "tab"} <= set(keys), keys
        assert keys["tab"] == "Links"
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is screen.query_one("#detail-links")
        assert detail.styles.border_left != unfocused  # the links are in the pane
        keys = footer(screen)
        assert keys.get("enter") == "Follow link", keys
        assert "tab" not in keys
