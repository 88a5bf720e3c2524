"""The card editor: a new question starts empty (its passage shown above it), ctrl+l clears a
box, and escape asks only when something was typed. The real app, driven with Pilot."""

from __future__ import annotations

from textual.widgets import Label, TextArea

from summitreader.tui.screens.card_editor import CardEditorScreen
from summitreader.tui.screens.confirm import ConfirmScreen
from summitreader.tui.screens.read import ReadScreen
from support.pilot import wait_until


async def open_editor(pilot) -> CardEditorScreen:
    """The editor opened with ``c`` on the paragraph at the top of the reader."""
    app = pilot.app
    await wait_until(
        pilot, lambda: isinstance(app.screen, ReadScreen) and app.screen.passages(), "the reader"
    )
    await pilot.press("c")
    await wait_until(pilot, lambda: isinstance(app.screen, CardEditorScreen), "the card editor")
    editor = app.screen
    assert isinstance(editor, CardEditorScreen)
    await wait_until(pilot, lambda: isinstance(app.focused, TextArea), "the text area's focus")
    return editor


async def test_a_new_question_starts_empty_with_its_passage_above(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_editor(pilot)
        paragraph = editor.front
        source = editor.query_one("#card-source", Label)
        assert paragraph and not source.display
        await pilot.press("ctrl+t")
        assert editor.kind == "qa" and editor.front == ""
        assert source.display and paragraph[:40] in str(source.render())
        assert app.focused is editor.query_one("#card-front", TextArea)
        await pilot.press("ctrl+t")  # back to a cloze: the paragraph again, to blank
        assert editor.kind == "cloze" and editor.front == paragraph and not source.display


async def test_escape_after_switching_kinds_with_nothing_typed_closes_at_once(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_editor(pilot)
        await pilot.press("ctrl+t", "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ReadScreen), "the dialog closed")
        editor = await open_editor(pilot)
        await pilot.press("ctrl+t", "W", "h", "o", "?", "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        await pilot.press("n")
        await wait_until(pilot, lambda: app.screen is editor, "the editor")
        assert editor.front == "Who?"


async def test_ctrl_l_clears_the_box_and_ctrl_z_brings_it_back(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_editor(pilot)
        paragraph = editor.front
        await pilot.press("ctrl+l")
        assert editor.front == ""
        await pilot.press("ctrl+z")
        assert editor.front == paragraph
        assert isinstance(app.screen, CardEditorScreen)
