"""A note is one paragraph: a note with line breaks (imported, or written by another tool) opens
in the one-line note editor with spaces for them, and what is typed or pasted is cleaned before
it is kept, so what is stored is what is shown and exported."""

from __future__ import annotations

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from summitreader.pack.model import PassageRef
from summitreader.tui.screens.read import ReadScreen
from summitreader.tui.widgets.passage import Passage
from support.pilot import wait_for_input, wait_until


async def open_note_editor(pilot: Pilot) -> tuple[ReadScreen, Input]:
    """Open the note editor on the third paragraph of "pros-and-cons"."""
    await pilot.pause()
    reader = pilot.app.screen
    assert isinstance(reader, ReadScreen)
    await reader.go_to(PassageRef("pros-and-cons", 3))
    await pilot.pause()
    await pilot.press("n")
    box = await wait_for_input(pilot)
    assert isinstance(box, Input)
    return reader, box


async def test_a_note_with_line_breaks_opens_on_one_line(build_app) -> None:
    app = build_app()
    store = app.services.store
    store.add_note("pros-and-cons", 3, "first line\r\nsecond line\nthird")
    async with app.run_test(size=(100, 30)) as pilot:
        reader, box = await open_note_editor(pilot)
        assert box.value == "first line second line third"
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is reader, "the reader again")
    assert [n.text for n in store.notes()] == ["first line second line third"]


async def test_pasted_controls_are_cleaned_before_the_note_is_kept(
    build_app,
) -> None:
    app = build_app()
    store = app.services.store
    async with app.run_test(size=(100, 30)) as pilot:
        reader, box = await open_note_editor(pilot)
        box.post_message(events.Paste("pasted \u202eright\x9b2J to left"))
        await wait_until(pilot, lambda: "pasted" in box.value, "the pasted text")
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is reader, "the reader again")
        passage = reader.query_one("#p-3", Passage)
        assert passage.note == "pasted right to left"
    assert [n.text for n in store.notes()] == ["pasted right to left"]
