"""The reader's contents follow the section being read."""

from __future__ import annotations

from textual.widgets import OptionList

from summitreader.tui.screens.read import ReadScreen


async def test_the_contents_highlight_follows_the_section_read(build_app, pack):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadScreen)
        toc = screen.query_one("#toc", OptionList)
        assert toc.highlighted == 0
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert screen.section.id == pack.sections[2].id
        assert toc.highlighted == 2
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert toc.highlighted == 1
