"""The progress file is busy when the app starts (another summitreader saving, a long import
holding its write lock): the session is not read only. Ratings made while the lock is held wait
in the save queue, as they do when the lock is taken mid-session, and reach the file in order once
it is free; ratings made after that are saved at once. A restart finds them all."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from summitreader.pack import Pack
from summitreader.progress import connection, open_store
from support.app import build_app
from support.clock import Clock
from support.pilot import wait_until
from support.review import answer_current, review_screen

SIZE = (100, 30)


async def test_ratings_made_during_and_after_a_lock_held_at_start_are_saved(
    pack: Pack, data_dir: Path, clock: Clock, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connection, "BUSY_TIMEOUT", 0.2)
    with open_store(data_dir, pack, clock=clock) as first:
        first.set_setting("new_per_day", 8)  # a progress file from an earlier run
        path = first.path
    other = sqlite3.connect(path, isolation_level=None, timeout=0.2)
    other.execute("BEGIN IMMEDIATE")  # held while the app starts
    try:
        app, store = build_app(pack, data_dir, clock, cache_dir, retry_delay=0.05)
        assert store.persistent and store.notices == []

        def told(title: str) -> list[str]:
            return [str(n.message) for n in app._notifications if n.title == title]

        async def rate() -> str:
            await answer_current(pilot)
            card = screen.session.current
            assert card is not None
            await pilot.press("3")
            return card.id

        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("4", "enter")
            await wait_until(pilot, lambda: review_screen(pilot), "the review screen")
            screen = review_screen(pilot)
            rated = [await rate()]
            await wait_until(pilot, lambda: screen.session.done_count == 1, "the rating")
            # The rating waits (and the reader's position, saved at start, before it).
            await wait_until(pilot, lambda: app.services.saves.waiting, "the rating waiting")
            assert "not saved yet" in app.sub_title
            assert any("busy" in told_ for told_ in told("Not saved"))
            assert store.review_log() == []

            other.execute("ROLLBACK")  # the other process is done
            await wait_until(pilot, lambda: not app.services.saves.waiting, "the rating saved")
            await wait_until(pilot, lambda: told("Saved"), "the user told it is saved")
            assert "not saved" not in app.sub_title

            rated.append(await rate())  # after the lock: saved at once
            await wait_until(pilot, lambda: len(store.review_log()) == 2, "the second rating")
            assert not app.services.saves.waiting
        store.close()
    finally:
        other.close()

    with open_store(data_dir, pack, clock=clock) as restarted:  # a restart finds both
        assert [review.card_id for review in restarted.review_log()] == rated
