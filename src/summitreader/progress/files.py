"""Opening the progress file, whatever state it is in, and keeping backups of it.

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
- An older schema: backed up with ``Connection.backup`` into ``backups/`` (the newest
  :data:`KEEP_BACKUPS` are kept), then migrated forward one transaction per version. If the backup
  or a migration fails, the file is left as it was and the session runs in memory.
- A ``-wal`` left by a crash is replayed by SQLite when the file is opened.

A writable file is put in WAL mode with ``synchronous=FULL`` and a busy timeout of
:data:`BUSY_TIMEOUT` seconds.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from summitreader.progress import schema
from summitreader.progress.schema import SCHEMA_VERSION, MigrationError

DB_NAME = "progress.sqlite3"
BACKUP_DIR = "backups"
KEEP_BACKUPS = 5
BUSY_TIMEOUT = 5.0
SHORT_BUSY_TIMEOUT = 0.1
"""Seconds the app's writes wait for the lock before they are queued and retried."""
_DAMAGED = frozenset({"SQLITE_NOTADB", "SQLITE_CORRUPT"})
_NOT_SAVED = "progress will not be saved this session"


@dataclass
class Opened:
    conn: sqlite3.Connection
    persistent: bool
    pending: bool = False
    """True when there is no file yet: it is created on the first write."""
    notices: list[str] = field(default_factory=list)


def open_database(path: Path, *, create: bool, now: dt.datetime) -> Opened:
    """Open the progress file at ``path`` (see the module docstring for every case)."""
    if not os.path.lexists(path):
        return _absent(path, create=create, now=now, notices=[])
    if not path.is_file():
        return _memory([f"The progress file {path} is not a regular file; {_NOT_SAVED}."])
    odd = _odd_companion(path)
    if odd is not None:  # SQLite would open it: a FIFO blocks forever, a device...
        return _memory_from(
            path,
            [f"{odd} (beside the progress file) is not a regular file; {_NOT_SAVED}."],
            immutable=True,
        )
    newer = _clean_newer_version(path)
    if newer is not None:
        return _memory_from(path, [_newer_notice(path, newer)], immutable=True)
    try:
        conn = _connect(path, "rw")
    except sqlite3.Error as error:
        return _memory_from(
            path, [f"The progress file {path} cannot be opened ({_why(error)}); {_NOT_SAVED}."]
        )
    try:
        version = schema.user_version(conn)
        if version > SCHEMA_VERSION:
            conn.close()
            return _memory_from(path, [_newer_notice(path, version)])
        healthy = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError as error:
        if getattr(error, "sqlite_errorname", None) not in _DAMAGED:
            conn.close()
            return _memory_from(
                path, [f"The progress file {path} cannot be written ({_why(error)}); {_NOT_SAVED}."]
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
            return Opened(_empty_memory(), persistent=True, pending=True, notices=notices)
        return _memory([*notices, _cannot_create_notice(path.parent)])
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():  # made by another instance in the meantime
            return open_database(path, create=True, now=now)
        conn = _connect(path, "rwc")
    except (OSError, sqlite3.Error) as error:
        return _memory([*notices, _cannot_create_notice(path.parent, error)])
    try:
        _tune(conn)  # WAL first, so an instance joining the new file shares it through WAL
        schema.migrate(conn)
    except (MigrationError, sqlite3.Error) as error:
        conn.close()
        return _memory([*notices, _cannot_create_notice(path.parent, error)])
    return Opened(conn, persistent=True, notices=notices)


def _make_current(conn: sqlite3.Connection, path: Path, *, now: dt.datetime) -> Opened:
    """Check that the healthy file at ``path`` can be written, upgrade it, switch to WAL."""
    try:
        _check_writable(conn)
    except sqlite3.Error as error:
        conn.close()
        return _memory_from(
            path, [f"The progress file {path} cannot be written ({_why(error)}); {_NOT_SAVED}."]
        )

    def back_up(version: int) -> None:
        backup(conn, path.parent / BACKUP_DIR, f"v{version}", now)

    try:
        schema.migrate(conn, before=back_up)
    except (OSError, sqlite3.Error) as error:  # the backup failed: nothing was migrated
        conn.close()
        return _memory_from(
            path,
            [
                f"The progress file {path} could not be backed up before "
                f"upgrading it ({_why(error)}); it is left as it was, and "
                f"{_NOT_SAVED}."
            ],
        )
    except MigrationError as error:
        conn.close()
        return _memory_from(
            path,
            [
                f"The progress file {path} could not be upgraded ({error}); "
                f"it is left as it was, and {_NOT_SAVED}."
            ],
        )
    try:
        _tune(conn)
    except sqlite3.Error as error:
        conn.close()
        return _memory_from(
            path, [f"The progress file {path} cannot be written ({_why(error)}); {_NOT_SAVED}."]
        )
    return Opened(conn, persistent=True)


def _set_aside(path: Path, *, create: bool, now: dt.datetime) -> Opened:
    try:
        moved = move_aside(path, now)
    except OSError as error:
        if not os.path.lexists(path):  # another instance has just moved it aside
            notice = "The progress file was damaged; another summitreader has moved it aside."
            return _absent(path, create=create, now=now, notices=[notice])
        return _memory(
            [
                f"The progress file {path} is damaged and could not be moved aside "
                f"({_why(error)}); {_NOT_SAVED}."
            ]
        )
    notice = f"The progress file was damaged. It has been kept as {moved}, and a new one started."
    return _absent(path, create=create, now=now, notices=[notice])


def _check_writable(conn: sqlite3.Connection) -> None:
    """Raise sqlite3.Error unless ``conn`` can write. ``BEGIN IMMEDIATE`` alone succeeds on a
    read-only file in WAL mode, so a page is written (the version, unchanged) and rolled back."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(f"PRAGMA user_version = {schema.user_version(conn):d}")
    finally:
        _rollback(conn)


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")


def _memory_from(path: Path, notices: list[str], *, immutable: bool = False) -> Opened:
    """A session in memory, seeded from a readable copy of ``path`` when there is one: the file
    read as it is; else, when it cannot be read in place (a ``-wal`` in a folder that cannot be
    written), a temporary copy of it and its ``-wal``, where SQLite can replay the ``-wal``; else
    the file alone, as immutable (without what a ``-wal`` holds)."""
    memory = _empty_memory(schema_version=0)
    sources = (
        [_in_place("ro&immutable=1")]
        if immutable
        else [_in_place("ro"), _temporary_copy, _in_place("ro&immutable=1")]
    )
    for source in sources:
        try:
            source(path, memory)
            break
        except (OSError, sqlite3.Error):
            continue
    damaged = False
    try:
        damaged = memory.execute("PRAGMA quick_check").fetchone()[0] != "ok"
        version = schema.user_version(memory)
        if damaged:
            usable = False
        elif version > SCHEMA_VERSION:
            usable = schema.compatible(memory)
        else:
            schema.migrate(memory)
            usable = True
    except sqlite3.DatabaseError as error:
        damaged = getattr(error, "sqlite_errorname", None) in _DAMAGED
        usable = False
    except (sqlite3.Error, MigrationError):
        usable = False
    if damaged:  # it could not be opened in place, so it was not checked, nor moved aside
        notices = [
            f"The progress file {path} is damaged, and cannot be moved aside (it cannot be "
            "written): it is kept as it is, and this session starts with no progress; "
            f"{_NOT_SAVED}."
        ]
    elif not usable:
        notices = [*notices, "Its contents cannot be shown by this version."]
    if not usable:
        memory.close()
        memory = _empty_memory()
    return Opened(memory, persistent=False, notices=notices)


def _in_place(mode: str) -> Callable[[Path, sqlite3.Connection], None]:
    def copy(path: Path, memory: sqlite3.Connection) -> None:
        source = _connect(path, mode)
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
        source = _connect(copy, "rw")
        try:
            source.backup(memory)
        finally:
            source.close()


def _memory(notices: list[str]) -> Opened:
    return Opened(_empty_memory(), persistent=False, notices=notices)


def _empty_memory(schema_version: int = SCHEMA_VERSION) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    schema.migrate(conn, target=schema_version)
    return conn


def _connect(path: Path, mode: str) -> sqlite3.Connection:
    uri = f"{path.absolute().as_uri()}?mode={mode}"
    return sqlite3.connect(
        uri, uri=True, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False
    )


def _tune(conn: sqlite3.Connection) -> None:
    """WAL and ``synchronous=FULL``. Switching to WAL does not wait on the busy timeout when
    another instance is switching the same new file at the same moment, so it is retried for up
    to :data:`BUSY_TIMEOUT` seconds."""
    deadline = time.monotonic() + BUSY_TIMEOUT
    while True:
        try:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            break
        except sqlite3.OperationalError as error:
            busy = str(getattr(error, "sqlite_errorname", "")).startswith("SQLITE_BUSY")
            if not busy or time.monotonic() > deadline:
                raise
            time.sleep(0.01)
    if str(mode).lower() != "wal":
        raise sqlite3.OperationalError(f"cannot use WAL mode (got {mode})")
    conn.execute("PRAGMA synchronous = FULL")


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
        conn = _connect(path, "ro&immutable=1")
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


def move_aside(path: Path, now: dt.datetime) -> Path:
    """Rename ``path`` (and its ``-wal`` and ``-shm``) to a dated name beside it; return it."""
    stamp = now.astimezone().strftime("%Y%m%d-%H%M%S")
    stem = path.name.removesuffix(".sqlite3")
    target = _unused(path.with_name(f"{stem}.damaged-{stamp}.sqlite3"))
    os.rename(path, target)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.rename(companion, target.with_name(target.name + suffix))
    return target


def backup(conn: sqlite3.Connection, folder: Path, reason: str, now: dt.datetime) -> Path:
    """Copy the database of ``conn`` into ``folder`` with ``Connection.backup``; keep the newest
    :data:`KEEP_BACKUPS`. The copy is written under a ``.partial`` name and renamed when complete,
    so a failed backup leaves nothing behind."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = now.astimezone().strftime("%Y%m%d-%H%M%S")
    final = _unused(folder / f"progress-{stamp}-{reason}.sqlite3")
    partial = final.with_name(final.name + ".partial")
    try:
        target = sqlite3.connect(partial, isolation_level=None)
        try:
            conn.backup(target)
        finally:
            target.close()
        os.replace(partial, final)
    except BaseException:
        for leftover in (partial, partial.with_name(partial.name + "-journal")):
            leftover.unlink(missing_ok=True)
        raise
    rotate_backups(folder)
    return final


def rotate_backups(folder: Path, keep: int = KEEP_BACKUPS) -> None:
    backups = sorted(folder.glob("progress-*.sqlite3"))
    for old in backups[: max(0, len(backups) - keep)]:
        old.unlink(missing_ok=True)


def _unused(path: Path) -> Path:
    candidate, number = path, 2
    while os.path.lexists(candidate):
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        number += 1
    return candidate


def _newer_notice(path: Path, version: int) -> str:
    return (
        f"The progress file {path} was written by a newer version of summitreader (schema "
        f"{version}; this version knows {SCHEMA_VERSION}). It is left untouched, and "
        f"{_NOT_SAVED}."
    )


def _cannot_create_notice(folder: Path, error: BaseException | None = None) -> str:
    why = f" ({_why(error)})" if error is not None else ""
    return f"The data folder {folder} cannot be created or written{why}; {_NOT_SAVED}."


def _why(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__
