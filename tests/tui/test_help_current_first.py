"""Help lists the keys of the screen it is asked from first (Progress's help began with
"Everywhere" and then Read's keys), then those of everywhere, then the other screens'."""

from __future__ import annotations

import pytest

from summitreader.tui.screens.help import HelpScreen
from support.pilot import wait_until


@pytest.mark.parametrize(("key", "title"), [("5", "Progress (5)"), ("2", "Index (2)")])
async def test_help_begins_with_the_screen_it_is_asked_from(build_app, key, title):
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(key)
        await wait_until(pilot, lambda: app.current_mode != "read", "the screen")
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        titles = [section_title for section_title, _ in help_screen.sections]
        assert titles[:2] == [title, "Everywhere"]
        assert "Read (1)" in titles  # every screen's keys are still there
        assert len(titles) == len(app.help_sections())
