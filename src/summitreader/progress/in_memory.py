"""Sessions in memory, whose changes never reach the file: an empty store, or a read-only copy of
a progress file that cannot be written (read only, from a newer version, beside an odd companion
file), upgraded in memory when it is old and shown as far as this version understands it."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

from summitreader.progress import schema
from summitreader.progress.connection import (
    DAMAGED,
    NOT_SAVED,
    Opened,
    connect,
    empty_memory,
)
from summitreader.progress.schema import SCHEMA_VERSION, MigrationError


def memory(notices: list[str]) -> Opened:
    """An empty session in memory, with ``notices`` for the user."""
    return Opened(empty_memory(), persistent=False, notices=notices)


def memory_from(path: Path, notices: list[str], *, immutable: bool = False) -> Opened:
    """A session in memory, seeded from a readable copy of ``path`` when there is one: the file
    read as it is; else, when it cannot be read in place (a ``-wal`` in a folder that cannot be
    written), a temporary copy of it and its ``-wal``, where SQLite can replay the ``-wal``; else
    the file alone, as immutable (without what a ``-wal`` holds)."""
    copy = empty_memory(schema_version=0)
    sources = (
        [_in_place("ro&immutable=1")]
        if immutable
        else [_in_place("ro"), _temporary_copy, _in_place("ro&immutable=1")]
    )
    for source in sources:
        try:
            source(path, copy)
            break
        except (OSError, sqlite3.Error):
            continue
    damaged = False
    try:
        damaged = copy.execute("PRAGMA quick_check").fetchone()[0] != "ok"
        version = schema.user_version(copy)
        if damaged:
            usable = False
        elif version > SCHEMA_VERSION:
            usable = schema.compatible(copy)
        else:
            schema.migrate(copy)
            usable = True
    except sqlite3.DatabaseError as error:
        damaged = getattr(error, "sqlite_errorname", None) in DAMAGED
        usable = False
    except (sqlite3.Error, MigrationError):
        usable = False
    if damaged:  # it could not be opened in place, so it was not checked, nor moved aside
        notices = [
            f"The progress file {path} is damaged, and cannot be moved aside (it cannot be "
            "written): it is kept as it is, and this session starts with no progress; "
            f"{NOT_SAVED}."
        ]
    elif not usable:
        notices = [*notices, "Its contents cannot be shown by this version."]
    if not usable:
        copy.close()
        copy = empty_memory()
    return Opened(copy, persistent=False, notices=notices)


def _in_place(mode: str) -> Callable[[Path, sqlite3.Connection], None]:
    def copy(path: Path, memory: sqlite3.Connection) -> None:
        source = connect(path, mode)
        try:
            source.backup(memory)
        finally:
            source.close()

    return copy


def _temporary_copy(path: Path, memory: sqlite3.Connection) -> None:
    """Copy ``path`` and its ``-wal`` to a temporary folder, open the copy there (SQLite replays
    the ``-wal``) and back it up into ``memory``. The temporary folder is removed."""
    with tempfile.TemporaryDirectory(prefix="summitreader-") as folder:
        copy = Path(folder) / path.name
        shutil.copyfile(path, copy)
        wal = path.with_name(path.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
        source = connect(copy, "rw")
        try:
            source.backup(memory)
        finally:
            source.close()
