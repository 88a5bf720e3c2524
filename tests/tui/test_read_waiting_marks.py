"""Bookmarks and notes made while another process holds the progress file's write lock wait to be
saved; the reader shows them as made: `b` twice removes a waiting bookmark, a second `n` edits the
waiting note (it does not add another), and `l` lists them."""

from __future__ import annotations

import sqlite3

import pytest
from textual.widgets import Input, OptionList

from summitreader.pack.model import PassageRef
from summitreader.progress import connection
from summitreader.tui.screens.read import ReadScreen
from summitreader.tui.widgets.passage import Passage
from support.pilot import type_text, wait_for_input, wait_until


async def test_waiting_bookmarks_and_notes_are_seen_and_changed(
    build_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connection, "BUSY_TIMEOUT", 0.2)
    app = build_app()
    store = app.services.store
    store.set_setting("theme", "textual-dark")  # the file exists from here on
    other = sqlite3.connect(store.path, isolation_level=None, timeout=0.2)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReadScreen)
        await reader.go_to(PassageRef("pros-and-cons", 3))
        await pilot.pause()
        other.execute("BEGIN IMMEDIATE")
        passage = reader.query_one("#p-3", Passage)

        await pilot.press("b")
        await pilot.press("b")  # the waiting bookmark is removed
        assert not passage.bookmarked
        await pilot.press("b")  # and made again
        assert passage.bookmarked

        await pilot.press("n")
        await type_text(pilot, "first thought", "enter")
        await wait_until(pilot, lambda: app.screen is reader, "the reader again")
        await pilot.press("n")
        box = await wait_for_input(pilot)
        assert isinstance(box, Input) and box.value == "first thought"  # the waiting note
        await pilot.press("end")
        await type_text(pilot, ", then more", "enter")
        await wait_until(pilot, lambda: app.screen is reader, "the reader again")
        assert passage.note == "first thought, then more"

        await pilot.press("l")
        await wait_until(pilot, lambda: app.screen is not reader, "the list of marks")
        listed = app.screen.query_one(OptionList)
        prompts = [str(listed.get_option_at_index(n).prompt) for n in range(listed.option_count)]
        assert len(prompts) == 2
        assert prompts[0].startswith("Bookmark · ") and prompts[1].startswith("Note · ")
        assert "first thought, then more" in prompts[1]
        await pilot.press("escape")

        assert store.bookmarks() == [] and store.notes() == []
        other.execute("COMMIT")
        app.services.saves.retry()
        assert app.services.saves.waiting == 0
    other.close()
    assert [(b.section, b.paragraph) for b in store.bookmarks()] == [("pros-and-cons", 3)]
    assert [(n.section, n.paragraph, n.text) for n in store.notes()] == [
        ("pros-and-cons", 3, "first thought, then more")
    ]
