"""The reader's contents follow the section being read."""

from __future__ import annotations

import pytest
from textual.widgets import Footer, OptionList, Static
from textual.widgets._footer import FooterKey

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


@pytest.mark.parametrize(
    ("width", "keys"), [(100, {"t", "ctrl+f", "m"}), (80, {"t", "ctrl+f", "m"})]
)
async def test_the_read_footer_shows_the_keys_that_matter_most(build_app, width, keys):
    app = build_app()
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReadScreen)
        await pilot.pause()
        footer = [
            k for k in app.screen.query_one(Footer).walk_children() if isinstance(k, FooterKey)
        ]
        palette = next(k.region.x for k in footer if k.key == "ctrl+p")
        shown = {k.key for k in footer if k.region.width and k.region.right <= palette}
        assert keys <= shown, [(k.key, k.region) for k in footer]


async def test_help_says_how_to_close_it_at_the_top(build_app):
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        first = str(app.screen.query_one(Static).content).splitlines()[0]
        assert "esc" in first and "closes" in first, first
