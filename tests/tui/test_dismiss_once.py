"""A key that closes a dialog, pressed twice before it is gone (enter enter), closes it once: the
second dismissed the screen under it too, and the app ended with a traceback (losing what
waited to be saved)."""

from __future__ import annotations

from test_note_one_paragraph import open_note_editor
from textual import events
from textual.pilot import Pilot

from summitreader.tui.screens.library import LibraryScreen
from summitreader.tui.screens.marks import MarksScreen
from support.pilot import wait_until


async def enter_twice(pilot: Pilot) -> None:
    """Two enters that come together, as a terminal's burst brings them: the second is handed
    out before the first's dismissal has taken the dialog away."""
    for _ in range(2):
        pilot.app.post_message(events.Key("enter", "\r"))
    await pilot.pause()


async def test_enter_twice_in_the_note_editor_keeps_one_note_and_the_app(build_app) -> None:
    app = build_app()
    store = app.services.store
    async with app.run_test(size=(100, 30)) as pilot:
        reader, box = await open_note_editor(pilot)
        box.value = "zz"
        await enter_twice(pilot)
        await wait_until(pilot, lambda: app.screen is reader, "the reader again")
        await pilot.pause()
        assert app.is_running
        assert app.screen is reader
        await wait_until(pilot, lambda: [n.text for n in store.notes()] == ["zz"], "the note")


async def test_enter_twice_in_the_marks_list_and_the_library(build_app, tmp_path) -> None:
    app = build_app()
    app.services.data_dir = tmp_path / "library-data"  # a library of the shipped pack alone
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        reader = app.screen
        await pilot.press("b")
        await wait_until(pilot, lambda: app.services.store.bookmarks(), "the bookmark")
        await pilot.press("l")
        await wait_until(pilot, lambda: isinstance(app.screen, MarksScreen), "the marks list")
        await enter_twice(pilot)
        await wait_until(pilot, lambda: app.screen is reader, "the reader again")
        await pilot.press("6")
        await wait_until(
            pilot,
            lambda: isinstance(app.screen, LibraryScreen) and app.screen.loaded,
            "the Library",
        )
        await enter_twice(pilot)
        await wait_until(pilot, lambda: app.screen is reader, "the reader again")
        await pilot.pause()
        assert app.is_running
        assert app.screen is reader
