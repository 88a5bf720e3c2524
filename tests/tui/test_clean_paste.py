"""Pasted text is cleaned where it enters a text box: escape sequences, C1 controls and bidi
overrides never reach the box, what it draws, or what is saved."""

from __future__ import annotations

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from summitreader.pack.model import PassageRef
from summitreader.tui.screens.read import ReadScreen
from summitreader.tui.widgets.clean_paste import CleanTextArea
from support.pilot import wait_until

HOSTILE = "A\x1b]0;PWNED\x07B \x9b2J C \u202eRTL D [bold]x[/] {{x}}\x1b[31mRED"
CLEAN = "AB  C RTL D [bold]x[/] {{x}}RED"


async def open_dialog(pilot: Pilot, key: str) -> None:
    reader = pilot.app.screen
    assert isinstance(reader, ReadScreen)
    await reader.go_to(PassageRef("pros-and-cons", 3))
    await wait_until(pilot, lambda: reader.top_paragraph() is not None, "a paragraph in view")
    await pilot.press(key)
    await wait_until(pilot, lambda: pilot.app.screen.is_modal, f"the dialog of {key}")


async def test_a_paste_into_the_note_box_is_cleaned(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_dialog(pilot, "n")
        box = app.screen.query_one(Input)
        app.post_message(events.Paste(HOSTILE))  # as the terminal driver does
        await wait_until(pilot, lambda: box.value != "", "the paste")
        assert box.value == CLEAN


async def test_a_paste_into_the_card_editor_is_cleaned(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_dialog(pilot, "c")
        area = app.screen.query_one("#card-front", CleanTextArea)
        area.text = ""
        app.post_message(events.Paste(HOSTILE))  # as the terminal driver does
        await wait_until(pilot, lambda: area.text != "", "the paste")
        assert area.text == CLEAN
