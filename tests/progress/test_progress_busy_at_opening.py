"""A progress file whose write lock another process holds when it is opened (another summitreader
saving, a long import) is busy, not read only: it is opened for saving, its saved progress is
read from it meanwhile, a write made while the lock is held fails as any write on a busy file does
(the app queues it and tries again), and a write made once the lock is let go reaches the file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from summitreader.pack import Pack
from summitreader.progress import ProgressNotSaved, connection, open_store
from summitreader.progress.schema import SCHEMA_VERSION, migrate, user_version
from support.clock import Clock


def test_a_file_busy_at_opening_is_opened_for_saving(
    data_dir: Path, pack: Pack, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connection, "BUSY_TIMEOUT", 0.2)
    first, second = pack.sections[0].id, pack.sections[1].id
    with open_store(data_dir, pack, clock=clock) as earlier:
        earlier.mark_read(first)
        path = earlier.path
    other = sqlite3.connect(path, isolation_level=None, timeout=0.2)
    other.execute("BEGIN IMMEDIATE")
    try:
        with open_store(data_dir, pack, clock=clock) as store:
            assert store.persistent and store.notices == []
            assert set(store.read_sections()) == {first}
            store.write_timeout = connection.SHORT_BUSY_TIMEOUT  # as the app sets it
            with pytest.raises(ProgressNotSaved, match="busy"):
                store.mark_read(second)
            other.execute("ROLLBACK")
            store.mark_read(second)
    finally:
        other.close()
    with open_store(data_dir, pack, clock=clock) as restarted:
        assert set(restarted.read_sections()) == {first, second}


def test_a_file_to_upgrade_that_stays_busy_is_left_as_it_was_and_says_why(
    data_dir: Path, pack: Pack, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Upgrading needs the lock at opening: when another process keeps it past the busy timeout,
    the session shows the saved progress from memory, and says that it is not saved and why."""
    monkeypatch.setattr(connection, "BUSY_TIMEOUT", 0.2)
    path = data_dir / "progress.sqlite3"
    path.parent.mkdir(parents=True)
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=SCHEMA_VERSION - 1)
    conn.execute(
        "INSERT INTO read_sections VALUES (?, ?, '2026-01-01T00:00:00Z')",
        (pack.id, pack.sections[0].id),
    )
    conn.execute("BEGIN IMMEDIATE")  # held by an older summitreader
    try:
        with open_store(data_dir, pack, clock=clock) as store:
            assert not store.persistent
            (notice,) = store.notices
            assert "must be upgraded" in notice and "keeps it busy" in notice
            assert "will not be saved" in notice
            assert set(store.read_sections()) == {pack.sections[0].id}
        assert user_version(conn) == SCHEMA_VERSION - 1
    finally:
        conn.close()
    with open_store(data_dir, pack, clock=clock) as later:  # the other one is done
        assert later.persistent and later.notices == []
        assert set(later.read_sections()) == {pack.sections[0].id}
