"""A change that waits to be saved (another process holds the progress file's write lock) keeps
the time the user made it, not the time the retry saved it: the read mark and the place, a
bookmark and a note. And a waiting note that meets, at its late save, a note changed elsewhere
meanwhile is kept beside it, and the user is told, as when that happens at the first try."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid

import pytest

from summitreader.pack.model import PassageRef
from summitreader.progress import connection
from summitreader.progress.records import from_text, to_text
from summitreader.tui.screens.read import ReadScreen
from support.clock import Clock
from support.pilot import type_text, wait_until

SECTION = "key-takeaways"


def _told(app: object) -> list[str]:
    return [str(n.message) for n in app._notifications]  # type: ignore[attr-defined]


async def test_waiting_changes_keep_the_time_they_were_made(
    build_app, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connection, "BUSY_TIMEOUT", 0.2)
    app = build_app(retry_delay=0.05)
    store = app.services.store
    store.set_setting("theme", "textual-dark")  # the file exists from here on
    section = app.services.pack.section(SECTION)
    assert section is not None
    other = sqlite3.connect(store.path, isolation_level=None, timeout=5)
    start = clock.now
    moved, bookmarked, noted = (start + dt.timedelta(minutes=m) for m in (1, 2, 3))
    async with app.run_test(size=(100, 30)) as pilot:
        reader = app.screen
        assert isinstance(reader, ReadScreen)
        await pilot.pause()
        other.execute("BEGIN IMMEDIATE")  # held from here on: every write waits

        clock.set(moved)
        await reader.go_to(PassageRef(SECTION, section.paragraphs[-1].number))
        await wait_until(pilot, lambda: reader._text().end_on_screen(), "the section's end")
        await wait_until(
            pilot,
            lambda: app.services.saves.waits(f"read:{SECTION}"),
            "the read mark to wait",
        )

        clock.set(bookmarked)
        await pilot.press("b")
        await wait_until(pilot, lambda: app.services.saves.waiting >= 2, "the bookmark to wait")

        clock.set(noted)
        await pilot.press("n")
        await type_text(pilot, "timed note", "enter")
        await wait_until(pilot, lambda: app.screen is reader, "the reader again")

        released = clock.advance(minutes=10)
        assert store.bookmarks() == [] and store.notes() == []
        other.execute("COMMIT")
        await wait_until(pilot, lambda: app.services.saves.waiting == 0, "the retry to save")

    rows = {
        "bookmark": other.execute("SELECT created FROM bookmarks").fetchall(),
        "note": other.execute("SELECT created, updated, text FROM notes").fetchall(),
        "read": other.execute(
            "SELECT read_at FROM read_sections WHERE section = ?", (SECTION,)
        ).fetchall(),
        "position": other.execute("SELECT updated FROM position").fetchall(),
    }
    other.close()
    assert rows["bookmark"] == [(to_text(bookmarked),)], rows
    assert rows["note"] == [(to_text(noted), to_text(noted), "timed note")], rows
    assert len(rows["read"]) == 1 and from_text(rows["read"][0][0]) == moved, rows
    # The place is saved when the reader settles after the move (at the latest, before the note).
    assert len(rows["position"]) == 1, rows
    assert moved <= from_text(rows["position"][0][0]) <= noted < released, rows


async def test_a_waiting_note_that_meets_a_note_changed_elsewhere_tells_the_user(
    build_app, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connection, "BUSY_TIMEOUT", 0.2)
    app = build_app(retry_delay=0.05)
    store = app.services.store
    store.set_setting("theme", "textual-dark")
    other = sqlite3.connect(store.path, isolation_level=None, timeout=5)
    async with app.run_test(size=(100, 30)) as pilot:
        reader = app.screen
        assert isinstance(reader, ReadScreen)
        await reader.go_to(PassageRef("pros-and-cons", 3))
        await pilot.pause()
        top = reader.top_paragraph()
        assert top is not None and top.note is None
        place = (reader.section.id, top.paragraph.number)
        other.execute("BEGIN IMMEDIATE")

        await pilot.press("n")
        await type_text(pilot, "note from here", "enter")
        await wait_until(pilot, lambda: app.screen is reader, "the reader again")
        assert app.services.saves.waiting == 1
        assert not any("changed elsewhere" in t for t in _told(app))

        # Another instance writes a note on the same paragraph while this one's waits.
        written = to_text(clock.advance(minutes=1))
        other.execute(
            "INSERT INTO notes (uid, pack_id, section, paragraph, text, created, updated) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (uuid.uuid4().hex, app.services.pack.id, *place, "note from there", written, written),
        )
        other.execute("COMMIT")
        await wait_until(pilot, lambda: app.services.saves.waiting == 0, "the retry to save")
        await wait_until(
            pilot,
            lambda: any("changed elsewhere" in t and "both" in t for t in _told(app)),
            "the user to be told",
        )
        assert sorted(n.text for n in store.notes()) == ["note from here", "note from there"]
    other.close()
