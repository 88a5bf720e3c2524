"""The app while another process holds the progress file: it stays responsive, tells the truth
about what is kept, and never drops waiting changes silently."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from summitreader.cli.app_command import unsaved_notice
from summitreader.pack import Pack
from summitreader.progress import connection, files
from support.app import build_app
from support.clock import Clock
from support.pilot import wait_until
from support.review import answer_current, review_screen

SIZE = (100, 30)


class Holder:
    """Another process's ``BEGIN IMMEDIATE`` on the file, in its own thread; it lets go when
    told, or after ``patience`` seconds (so code that waits on the lock ends, and is seen to
    have waited: :attr:`released` is set before it let go)."""

    def __init__(self, path: Path, patience: float = 20.0) -> None:
        self.path = path
        self.patience = patience
        self.held = threading.Event()
        self.release = threading.Event()
        self.released = threading.Event()
        self._thread = threading.Thread(target=self._hold, daemon=True)
        self._thread.start()
        assert self.held.wait(10)

    def _hold(self) -> None:
        conn = sqlite3.connect(self.path, isolation_level=None, timeout=1)
        conn.execute("BEGIN IMMEDIATE")
        self.held.set()
        self.release.wait(self.patience)
        self.released.set()
        conn.execute("COMMIT")
        conn.close()

    def stop(self) -> None:
        self.release.set()
        self._thread.join(10)


async def test_a_rating_while_another_process_holds_the_file_does_not_freeze_the_app(
    pack: Pack, data_dir: Path, clock: Clock, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a long busy timeout, a write on the UI thread (or a retry holding the store) would
    stall every key until the other process let go; the keys are handled while it still holds."""
    monkeypatch.setattr(connection, "BUSY_TIMEOUT", 30.0)
    app, store = build_app(pack, data_dir, clock, cache_dir)
    store.set_setting("new_per_day", 8)  # the file exists from here on
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "enter")
        screen = review_screen(pilot)
        holder = Holder(store.path)
        try:
            for done in (1, 2, 3):
                await answer_current(pilot)
                await pilot.press("3")
                await wait_until(
                    pilot, lambda done=done: screen.session.done_count == done, "the rating"
                )
                assert not holder.released.is_set()
            assert app.services.saves.waiting
            assert store.review_log() == []
            assert not holder.released.is_set()
        finally:
            holder.stop()
        await wait_until(pilot, lambda: not app.services.saves.waiting, "the saves")
        assert len(store.review_log()) == 3
    store.close()


def told(app: object, title: str) -> list[str]:
    return [n.message for n in app._notifications if n.title == title]  # type: ignore[attr-defined]


async def test_one_rating_counts_once_and_the_notice_does_not_say_try_again(
    pack: Pack, data_dir: Path, clock: Clock, cache_dir: Path
) -> None:
    """Again writes the rating and the re-read it asks for: one action, one change waiting; the
    change is kept, so the notice does not ask the user to try again."""
    app, store = build_app(pack, data_dir, clock, cache_dir)
    store.set_setting("new_per_day", 8)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "enter")
        holder = Holder(store.path)
        try:
            await answer_current(pilot)
            await pilot.press("1")
            await pilot.pause()
            assert "1 not saved yet" in app.sub_title
            (notice,) = told(app, "Not saved")
            assert "busy" in notice and "try again" not in notice
        finally:
            holder.stop()
    store.close()


async def test_q_asks_again_when_new_changes_wait_after_the_old_ones_were_saved(
    pack: Pack, data_dir: Path, clock: Clock, cache_dir: Path
) -> None:
    """``q`` warned about waiting changes; they were saved and new ones started to wait before the
    app heard of it: ``q`` still asks, and a second ``q`` says how many were left."""
    app, store = build_app(pack, data_dir, clock, cache_dir)
    store.set_setting("new_per_day", 8)
    saves = app.services.saves
    async with app.run_test(size=SIZE) as pilot:
        # The reader has saved where it opened: no write of its own joins the ones counted below.
        await wait_until(pilot, lambda: store.get_position() is not None, "the position saved")
        holder = Holder(store.path)
        saves.save(lambda: store.set_setting("a", 1))
        await pilot.pause()
        await pilot.press("q")
        assert app.is_running and told(app, "Not saved yet")
        holder.stop()
        saves.retry()  # saved, and at once (before the app hears of it) three more wait
        holder = Holder(store.path)
        try:
            for n in range(3):
                saves.new_action()
                saves.save(lambda n=n: store.set_setting(f"b{n}", n))  # type: ignore[misc]
            await pilot.press("q")
            assert app.is_running
            assert "3 changes not saved yet" in told(app, "Not saved yet")[-1]
            await pilot.press("q")
            assert app.unsaved_at_exit == 3
            notice = unsaved_notice(app)
            assert notice is not None and "3 changes were not saved" in notice
        finally:
            holder.stop()
    store.close()


async def test_a_store_that_cannot_save_says_so_for_the_whole_session(
    pack: Pack, data_dir: Path, clock: Clock, cache_dir: Path
) -> None:
    """A newer progress file is shown but never written: the header says progress is not saved,
    and a bookmark is not confirmed as saved."""
    from summitreader.progress import SCHEMA_VERSION

    _, store = build_app(pack, data_dir, clock, cache_dir)
    store.mark_read(pack.sections[0].id)
    store.close()
    conn = sqlite3.connect(data_dir / files.DB_NAME)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    app, store = build_app(pack, data_dir, clock, cache_dir)
    assert not store.persistent
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "progress not saved" in app.sub_title
        await pilot.press("b")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        bookmark = [m for m in messages if m.startswith("Bookmark")]
        assert bookmark and "not saved" in bookmark[-1] and "Bookmarked" not in bookmark[-1]
        assert "progress not saved" in app.sub_title
    store.close()


async def test_a_bookmark_made_while_the_file_is_held_is_told_as_kept_not_saved(
    pack: Pack, data_dir: Path, clock: Clock, cache_dir: Path
) -> None:
    app, store = build_app(pack, data_dir, clock, cache_dir)
    store.set_setting("new_per_day", 8)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        holder = Holder(store.path)
        try:
            await pilot.press("b")
            await pilot.pause()
            bookmark = [n.message for n in app._notifications if n.message.startswith("Bookmark")]
            assert bookmark and bookmark[-1].startswith("Bookmark kept")
            assert "saved when the progress file is free" in bookmark[-1]
        finally:
            holder.stop()
    store.close()
