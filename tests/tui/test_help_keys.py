"""The help lists keys in one style (the footer's), from the bindings, and wraps under its text."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.widgets import Static

from summitreader.tui.screens.help import HelpScreen


async def test_keys_are_shown_in_one_style_and_never_joined_by_a_slash(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        sections = dict(app.screen.sections)
        everywhere = {text: keys for keys, text in sections["Everywhere"]}
        assert everywhere["Search"] == "3 /"  # was "3 / /"
        assert everywhere["Back"] == "esc"
        assert everywhere["Command palette: screens, themes"] == "^p"
        keys = [key for _, lines in app.screen.sections for key, _ in lines]
        # The footer's style everywhere: ^f, esc, ⏎, ↑; not ctrl+f, escape, enter, up.
        for word in ("ctrl+", "escape", "enter", "pageup", "/ "):
            assert not [key for key in keys if word in key], word
        read = {text: keys for keys, text in sections["Read (1)"]}
        assert read["Find in this section"] == "^f"
        assert read["Scroll (also the mouse wheel)"] == "↑ ↓ pgup pgdn"


async def test_a_wrapped_description_lines_up_under_its_text(build_app):
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        text = str(app.screen.query_one(Static).content)
        assert "esc ? q closes this help" in text.splitlines()[0]
        lines = app.screen.query_one(Static).render_lines(
            app.screen.query_one(Static).region.reset_offset
        )
        plain = [line.text for line in lines]
        start = next(i for i, line in enumerate(plain) if "Next / previous hit" in line)
        column = plain[start].index("Next / previous hit")
        follow = plain[start + 1]
        assert follow[:column].strip() == "" and follow[column:].strip(), plain[start : start + 2]


async def test_the_palette_offers_help_once(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Help" in titles and "Keys" not in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
