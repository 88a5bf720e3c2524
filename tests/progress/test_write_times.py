"""Every write the app may queue takes the time of the user's action (``at``) from its caller, so
a write saved late by a retry is not stamped with the retry's time; without ``at``, the store's
clock stamps it (the CLI, imports)."""

from __future__ import annotations

import datetime as dt

import pytest

from summitreader.progress import Store
from summitreader.progress.records import to_text
from support.clock import Clock

MADE = dt.datetime(2026, 3, 1, 8, 15, tzinfo=dt.UTC)
"""When the user acted: a day before the store's clock."""


def _column(store: Store, sql: str) -> list[str]:
    return [row[0] for row in store._all(sql, ())]


def test_reading_writes_take_the_time_given(store: Store, clock: Clock) -> None:
    store.set_position("middle", 2, 0.0, at=MADE)
    store.mark_read("opening", MADE)
    store.queue_reread("middle", at=MADE)
    store.set_bookmark("opening", 1, True, MADE)
    store.add_bookmark("opening", 2, MADE)
    store.set_note("opening", 1, "first", "", MADE)
    note = store.add_note("middle", 1, "second", MADE)
    store.set_setting("theme", "textual-dark", MADE)
    made = to_text(MADE)
    assert _column(store, "SELECT updated FROM position") == [made]
    assert _column(store, "SELECT read_at FROM read_sections") == [made]
    assert _column(store, "SELECT queued_at FROM reread_queue") == [made]
    assert _column(store, "SELECT created FROM bookmarks") == [made, made]
    assert [(n.created, n.updated) for n in store.notes()] == [(MADE, MADE)] * 2
    assert _column(store, "SELECT updated FROM settings") == [made]

    later = clock.advance(hours=1)
    edited = later - dt.timedelta(minutes=5)
    assert store.set_note("opening", 1, "first, edited", "first", edited) is False
    assert store.update_note(note, "second, edited", edited)
    assert [(n.created, n.updated) for n in store.notes()] == [(MADE, edited)] * 2


def test_my_card_writes_take_the_time_given(store: Store) -> None:
    card = store.add_my_card("opening", 1, "qa", "Why?", "Because.", at=MADE)
    assert (card.created, card.updated) == (MADE, MADE)
    later = MADE + dt.timedelta(minutes=3)
    changed = store.update_my_card(card.uid, "qa", "Why not?", "Because.", later)
    assert changed is not None and (changed.created, changed.updated) == (MADE, later)
    assert store.delete_my_card(card.uid, later + dt.timedelta(minutes=1))
    assert _column(store, "SELECT updated FROM my_cards") == [
        to_text(later + dt.timedelta(minutes=1))
    ]


def test_without_a_time_the_store_clock_stamps_the_write(store: Store, clock: Clock) -> None:
    store.set_bookmark("opening", 1, True)
    store.mark_read("opening")
    assert [b.created for b in store.bookmarks()] == [clock.now]
    assert store.read_sections() == {"opening": clock.now}


def test_a_naive_time_is_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="timezone"):
        store.set_bookmark("opening", 1, True, dt.datetime(2026, 3, 1, 8, 15))
    assert store.bookmarks() == []
