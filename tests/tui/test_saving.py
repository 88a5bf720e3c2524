"""The save queue on a real progress file, with the file's write lock held by another connection
for longer than the busy timeout (as a long import in another summitreader does)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from summitreader.pack import Pack
from summitreader.progress import ProgressNotSaved, Store, connection, open_store
from summitreader.tui.saving import SaveQueue, SaveState

BUSY = 0.2
"""The busy timeout in these tests, in seconds: a write waits this long for the lock."""


@pytest.fixture
def store(pack: Pack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.setattr(connection, "BUSY_TIMEOUT", BUSY)
    with open_store(tmp_path / "data", pack) as opened:
        opened.set_setting("theme", "textual-dark")  # the file exists from here on
        yield opened


@pytest.fixture
def lock(store: Store) -> Iterator[sqlite3.Connection]:
    """Another connection on the same file, holding its write lock until the test releases it."""
    other = sqlite3.connect(store.path, isolation_level=None, timeout=BUSY)
    other.execute("BEGIN IMMEDIATE")
    yield other
    if other.in_transaction:
        other.execute("ROLLBACK")
    other.close()


def test_a_write_runs_at_once_when_nothing_waits(store: Store) -> None:
    states: list[SaveState] = []
    saves = SaveQueue(states.append)
    assert saves.save(lambda: store.mark_read("introduction"))
    assert set(store.read_sections()) == {"introduction"}
    assert states == [SaveState(0, None)]


def test_writes_made_while_the_file_is_locked_wait_and_reach_it_in_order(
    store: Store, lock: sqlite3.Connection
) -> None:
    states: list[SaveState] = []
    saves = SaveQueue(states.append)
    order = ("introduction", "context-and-background", "in-depth-analysis")
    for section in order:
        saves.new_action()  # one user action each
        assert saves.save(lambda section=section: store.add_bookmark(section, 1))
    assert store.bookmarks() == []
    assert saves.waiting == 3
    error = saves.state.error
    assert error is not None and "busy" in error
    assert [s.waiting for s in states] == [1, 2, 3]

    # Still locked: a retry saves nothing and keeps everything, in order.
    assert saves.retry() == SaveState(3, error, episode=1)
    assert store.bookmarks() == []

    lock.execute("COMMIT")
    assert saves.retry() == SaveState(0, None, episode=1)
    assert [b.section for b in sorted(store.bookmarks(), key=lambda b: b.id)] == list(order)
    assert states[-1] == SaveState(0, None, episode=1)


def test_a_waiting_write_with_a_key_is_replaced_by_the_newer_one(
    store: Store, lock: sqlite3.Connection
) -> None:
    saves = SaveQueue()
    for write, key in (
        (lambda: store.mark_read("introduction"), None),
        (lambda: store.set_position("introduction", 2, 10.0), "position"),
        (lambda: store.add_bookmark("introduction", 1), None),
        (lambda: store.set_position("introduction", 3, 20.0), "position"),
    ):
        saves.new_action()
        saves.save(write, key=key)
    assert saves.waiting == 3
    lock.execute("COMMIT")
    saves.retry()
    position = store.get_position()
    assert position is not None and (position.paragraph, position.scroll) == (3, 20.0)
    assert set(store.read_sections()) == {"introduction"} and len(store.bookmarks()) == 1


def test_the_writes_of_one_action_count_once_and_are_confirmed_as_kept(
    store: Store, lock: sqlite3.Connection
) -> None:
    saves = SaveQueue()
    assert saves.confirm("Note saved.", "Note kept") == "Note saved."
    saves.new_action()
    saves.save(lambda: store.mark_read("introduction"))
    saves.save(lambda: store.add_bookmark("introduction", 1))
    assert saves.waiting == 1
    assert saves.confirm("Note saved.", "Note kept") == (
        "Note kept; it will be saved when the progress file is free."
    )
    saves.new_action()
    saves.save(lambda: store.add_bookmark("introduction", 2))
    assert saves.state == SaveState(2, saves.state.error, episode=1)
    lock.execute("COMMIT")
    saves.retry()
    assert saves.state == SaveState(0, None, episode=1) and len(store.bookmarks()) == 2
    assert "for this session only" in saves.confirm("Saved.", "Kept", persistent=False)


def test_a_write_kept_for_a_full_disk_is_not_said_to_wait_for_a_busy_file() -> None:
    saves = SaveQueue()

    def full() -> None:
        raise ProgressNotSaved("Progress was not saved: the disk is full (progress.sqlite3).")

    saves.new_action()
    saves.save(full)
    assert saves.waiting == 1
    told = saves.confirm("Note saved.", "Note kept")
    assert told == "Note kept; it will be saved as soon as it can be."
    assert "free" not in told
