"""The app while another process holds the progress file: it stays responsive, tells the truth
about what is kept, and never drops waiting changes silently."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from study_helpers import Clock
from study_pilot import answer_current, build_app, review_screen

from summitreader.pack import Pack
from summitreader.progress import files

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
    monkeypatch.setattr(files, "BUSY_TIMEOUT", 30.0)
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
                await pilot.pause()
                assert screen.session.done_count == done
                assert not holder.released.is_set()
            assert app.services.saves.waiting
            assert store.review_log() == []
            assert not holder.released.is_set()
        finally:
            holder.stop()
        for _ in range(200):
            if not app.services.saves.waiting:
                break
            await pilot.pause(0.05)
        assert len(store.review_log()) == 3
    store.close()
