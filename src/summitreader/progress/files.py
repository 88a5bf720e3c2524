"""Opening the progress file, whatever state it is in.

:func:`open_database` always returns a usable connection, with ``persistent`` saying whether changes
reach the file, and notices for the user:

- No file yet: nothing is created. The connection is an empty in-memory database, and the file is
  made on the first write (``create=True``). If the folder could not be made (a path under a
  regular file, a read-only disk), the session runs in memory and the user is told.
- A ``-journal``, ``-wal`` or ``-shm`` beside it that is not a regular file (a FIFO, on which
  SQLite would wait forever): the file is read as immutable into memory (without what a ``-wal``
  holds), never written, and the user is told.
- Not a database, or ``PRAGMA quick_check`` fails: the file (and its ``-wal``/``-shm``) is renamed
  to ``progress.damaged-YYYYmmdd-HHMMSS.sqlite3`` beside it, never deleted, and a fresh store is
  started; the notice says where the old file is.
- Written by a newer version (``user_version`` above :data:`SCHEMA_VERSION`): read only, copied
  into memory with ``Connection.backup`` when this version understands its tables, and never
  written. A file that was closed cleanly is opened ``immutable``, so not a byte of it, nor any
  ``-wal``/``-shm``, is created or changed.
- Cannot be written (read-only file or folder): copied into memory, upgraded there if old, and the
  session runs in memory, showing the saved progress. When the file cannot be read in place (a
  ``-wal`` in a folder that cannot be written), it is read from a temporary copy of the file and
  its ``-wal``, so what the ``-wal`` holds is shown too.
- Busy (another process holds its write lock: another instance saving, a long import): writable,
  so opened for saving, without waiting when it is current (in WAL mode it is read meanwhile);
  each write waits for the lock as it always does, and the app queues what waits until the file
  is free. Only an upgrade waits for the lock at opening, for up to the busy timeout; a file to
  upgrade that stays busy is read into memory, as one that cannot be written, and the notice says
  to start again once the other instance is done.
- An older schema: backed up with ``Connection.backup`` into ``backups/`` (the newest
  :data:`KEEP_BACKUPS` are kept), then migrated forward one transaction per version. If the backup
  or a migration fails, the file is left as it was and the session runs in memory.
- A ``-wal`` left by a crash is replayed by SQLite when the file is opened.

A writable file is put in WAL mode with ``synchronous=FULL`` and a busy timeout of
:data:`~summitreader.progress.connection.BUSY_TIMEOUT` seconds.

The parts: :mod:`~summitreader.progress.connection` (connections, WAL, the busy timeouts),
:mod:`~summitreader.progress.in_memory` (sessions in memory and read-only copies),
:mod:`~summitreader.progress.backups` (backups, and a damaged file moved aside).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from summitreader.progress import connection, schema
from summitreader.progress.backups import BACKUP_DIR, backup, move_aside
from summitreader.progress.connection import (
    DAMAGED,
    NOT_SAVED,
    Opened,
    connect,
    empty_memory,
    is_busy,
    rollback,
    tune,
    why,
)
from summitreader.progress.in_memory import memory, memory_from
from summitreader.progress.schema import SCHEMA_VERSION, MigrationError

DB_NAME = "progress.sqlite3"
"""The progress file's name in the data folder."""


def open_database(path: Path, *, create: bool, now: dt.datetime) -> Opened:
    """Open the progress file at ``path`` (see the module docstring for every case)."""
    if not os.path.lexists(path):
        return _absent(path, create=create, now=now, notices=[])
    if not path.is_file():
        return memory([f"The progress file {path} is not a regular file; {NOT_SAVED}."])
    odd = _odd_companion(path)
    if odd is not None:  # SQLite would open it: a FIFO blocks forever, a device...
        return memory_from(
            path,
            [f"{odd} (beside the progress file) is not a regular file; {NOT_SAVED}."],
            immutable=True,
        )
    newer = _clean_newer_version(path)
    if newer is not None:
        return memory_from(path, [_newer_notice(path, newer)], immutable=True)
    try:
        conn = connect(path, "rw")
    except sqlite3.Error as error:
        return memory_from(
            path, [f"The progress file {path} cannot be opened ({why(error)}); {NOT_SAVED}."]
        )
    try:
        version = schema.user_version(conn)
        if version > SCHEMA_VERSION:
            conn.close()
            return memory_from(path, [_newer_notice(path, version)])
        healthy = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError as error:
        if getattr(error, "sqlite_errorname", None) not in DAMAGED:
            conn.close()
            return memory_from(
                path, [f"The progress file {path} cannot be written ({why(error)}); {NOT_SAVED}."]
            )
        healthy = False
    if not healthy:
        conn.close()
        return _set_aside(path, create=create, now=now)
    return _make_current(conn, path, now=now)


COMPANIONS = ("-journal", "-wal", "-shm")
"""The files SQLite keeps beside a database, named after it."""


def _odd_companion(path: Path) -> Path | None:
    """The first of ``path``'s companion files that exists and is not a regular file (a FIFO,
    a folder, a device), which SQLite must not open."""
    for suffix in COMPANIONS:
        companion = path.with_name(path.name + suffix)
        try:
            if os.path.lexists(companion) and not companion.is_file():
                return companion
        except OSError:
            return companion
    return None


def _absent(path: Path, *, create: bool, now: dt.datetime, notices: list[str]) -> Opened:
    if not create:
        if can_create(path):
            return Opened(empty_memory(), persistent=True, pending=True, notices=notices)
        return memory([*notices, _cannot_create_notice(path.parent)])
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():  # made by another instance in the meantime
            return open_database(path, create=True, now=now)
        conn = connect(path, "rwc")
    except (OSError, sqlite3.Error) as error:
        return memory([*notices, _cannot_create_notice(path.parent, error)])
    try:
        tune(conn)  # WAL first, so an instance joining the new file shares it through WAL
        schema.migrate(conn)
    except (MigrationError, sqlite3.Error) as error:
        conn.close()
        return memory([*notices, _cannot_create_notice(path.parent, error)])
    return Opened(conn, persistent=True, notices=notices)


def _make_current(conn: sqlite3.Connection, path: Path, *, now: dt.datetime) -> Opened:
    """Check that the healthy file at ``path`` can be written, upgrade it, switch to WAL.

    A file whose write lock another process holds (another instance saving, a long import) is
    writable, only busy: when nothing is to be upgraded, it is opened as it is, without waiting
    (in WAL mode it can be read meanwhile), and its writes wait for the lock as every write
    does. Only an upgrade needs the lock now: it is waited for up to the busy timeout."""
    try:
        _check_writable(conn, connection.SHORT_BUSY_TIMEOUT)
    except sqlite3.Error as error:
        if not is_busy(error):
            return _cannot_write(conn, path, error)
        if schema.user_version(conn) == SCHEMA_VERSION:
            return _busy(conn, path)
        try:
            _check_writable(conn, connection.BUSY_TIMEOUT)
        except sqlite3.Error as again:
            if not is_busy(again):
                return _cannot_write(conn, path, again)
            conn.close()
            return memory_from(
                path,
                [
                    f"The progress file {path} must be upgraded for this version, but another "
                    f"summitreader keeps it busy: it is left as it was, and {NOT_SAVED} (start "
                    "summitreader again once the other one is done)."
                ],
            )

    def back_up(version: int) -> None:
        backup(conn, path.parent / BACKUP_DIR, f"v{version}", now)

    try:
        schema.migrate(conn, before=back_up)
    except (OSError, sqlite3.Error) as error:  # the backup failed: nothing was migrated
        conn.close()
        return memory_from(
            path,
            [
                f"The progress file {path} could not be backed up before "
                f"upgrading it ({why(error)}); it is left as it was, and "
                f"{NOT_SAVED}."
            ],
        )
    except MigrationError as error:
        conn.close()
        return memory_from(
            path,
            [
                f"The progress file {path} could not be upgraded ({error}); "
                f"it is left as it was, and {NOT_SAVED}."
            ],
        )
    try:
        tune(conn)
    except sqlite3.Error as error:
        return _cannot_write(conn, path, error)
    return Opened(conn, persistent=True)


def _busy(conn: sqlite3.Connection, path: Path) -> Opened:
    """The current file at ``path``, busy: opened for reading now and writing once it is free."""
    try:
        tune(conn)  # a file in WAL mode already: no lock is needed
    except sqlite3.Error as error:
        return _cannot_write(conn, path, error)
    return Opened(conn, persistent=True)


def _cannot_write(conn: sqlite3.Connection, path: Path, error: sqlite3.Error) -> Opened:
    conn.close()
    return memory_from(
        path, [f"The progress file {path} cannot be written ({why(error)}); {NOT_SAVED}."]
    )


def _set_aside(path: Path, *, create: bool, now: dt.datetime) -> Opened:
    try:
        moved = move_aside(path, now)
    except OSError as error:
        if not os.path.lexists(path):  # another instance has just moved it aside
            notice = "The progress file was damaged; another summitreader has moved it aside."
            return _absent(path, create=create, now=now, notices=[notice])
        return memory(
            [
                f"The progress file {path} is damaged and could not be moved aside "
                f"({why(error)}); {NOT_SAVED}."
            ]
        )
    notice = f"The progress file was damaged. It has been kept as {moved}, and a new one started."
    return _absent(path, create=create, now=now, notices=[notice])


def _check_writable(conn: sqlite3.Connection, timeout: float) -> None:
    """Raise sqlite3.Error unless ``conn`` can write, waiting ``timeout`` seconds for another
    process's lock. ``BEGIN IMMEDIATE`` alone succeeds on a read-only file in WAL mode, so a page
    is written (the version, unchanged) and rolled back."""
    conn.execute(f"PRAGMA busy_timeout = {round(timeout * 1000)}")
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(f"PRAGMA user_version = {schema.user_version(conn):d}")
        finally:
            rollback(conn)
    finally:
        conn.execute(f"PRAGMA busy_timeout = {round(connection.BUSY_TIMEOUT * 1000)}")


def _clean_newer_version(path: Path) -> int | None:
    """The schema version in the header of a file from a newer version, when no ``-wal`` holds
    changes (so the header is the whole truth and the file can be read immutable).

    The header is read through SQLite, never with :func:`open`: on POSIX, closing any descriptor
    of a file drops every lock this process holds on it, and this process may have the file open
    already (the Library reads each pack's progress; a pack switch opens the new store before
    the old one closes). Without its locks, another instance closing its connection takes itself
    for the last one and deletes the ``-wal`` this process still writes to. SQLite keeps such
    descriptors open until the process's last connection to the file closes."""
    wal = path.with_name(path.name + "-wal")
    try:
        if wal.exists() and wal.stat().st_size > 0:
            return None
        conn = connect(path, "ro&immutable=1")
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    except (OSError, sqlite3.Error):
        return None
    return version if version > SCHEMA_VERSION else None


def can_create(path: Path) -> bool:
    """Whether ``path`` could be created: its nearest existing ancestor is a folder we may write."""
    ancestor = path.parent
    while not os.path.lexists(ancestor):
        if ancestor.parent == ancestor:
            return False
        ancestor = ancestor.parent
    return ancestor.is_dir() and os.access(ancestor, os.W_OK | os.X_OK)


def _newer_notice(path: Path, version: int) -> str:
    return (
        f"The progress file {path} was written by a newer version of summitreader (schema "
        f"{version}; this version knows {SCHEMA_VERSION}). It is left untouched, and "
        f"{NOT_SAVED}."
    )


def _cannot_create_notice(folder: Path, error: BaseException | None = None) -> str:
    reason = f" ({why(error)})" if error is not None else ""
    return f"The data folder {folder} cannot be created or written{reason}; {NOT_SAVED}."
