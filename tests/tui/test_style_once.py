"""A screen's first showing styles its own widgets as they mount, and the app parses its
stylesheet again only when the theme changes (Textual did it twice on every first visit). A
theme chosen on one screen still reaches the screens made before it, when they are shown again."""

from __future__ import annotations

import pytest
from textual.widgets import Header

from support.pilot import wait_until

SCREENS = {"2": "IndexScreen", "3": "SearchScreen", "4": "StudyScreen", "5": "ProgressScreen"}


@pytest.mark.parametrize("key", list(SCREENS))
async def test_a_first_visit_does_not_parse_the_stylesheet_again(build_app, key):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        # The stylesheet parsed afresh is a new one: its sources are a new mapping.
        sources = app.stylesheet.source
        refreshes = app.css_refreshes
        read_header = app.screen.query_one(Header).styles.background
        await pilot.press(key)
        await wait_until(pilot, lambda: type(app.screen).__name__ == SCREENS[key], SCREENS[key])
        await pilot.pause()
        assert app.stylesheet.source is sources
        assert app.css_refreshes == refreshes
        # Styled all the same, by the rules of the theme.
        assert app.screen.query_one(Header).styles.background == read_header


async def test_a_theme_chosen_later_reaches_the_screens_made_before(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "IndexScreen", "the index")
        before = app.screen.query_one(Header).styles.background
        await pilot.press("1")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "ReadScreen", "the reader")
        app.theme = "gruvbox" if app.theme != "gruvbox" else "nord"
        await pilot.pause()
        await pilot.pause()
        read_header = app.screen.query_one(Header).styles.background
        assert read_header != before
        await pilot.press("2")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "IndexScreen", "the index")
        await pilot.pause()
        assert app.screen.query_one(Header).styles.background == read_header
