"""Connections to the progress file: the busy timeouts, how a file is connected to (by URI mode),
WAL mode, the empty store in memory, and what :func:`~summitreader.progress.files.open_database`
returns (:class:`Opened`).

The busy timeout is read when a connection is made, so a change to :data:`BUSY_TIMEOUT` applies to
the connections made after it.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from summitreader.progress import schema
from summitreader.progress.schema import SCHEMA_VERSION

BUSY_TIMEOUT = 5.0
"""Seconds a connection waits for another process's lock."""
SHORT_BUSY_TIMEOUT = 0.1
"""Seconds the app's writes wait for the lock before they are queued and retried."""
DAMAGED = frozenset({"SQLITE_NOTADB", "SQLITE_CORRUPT"})
"""SQLite's names for a file that is not a database, or a damaged one."""
NOT_SAVED = "progress will not be saved this session"


@dataclass
class Opened:
    """A progress file opened: its connection, and what the user is told of it."""

    conn: sqlite3.Connection
    persistent: bool
    pending: bool = False
    """True when there is no file yet: it is created on the first write."""
    notices: list[str] = field(default_factory=list)


def connect(path: Path, mode: str) -> sqlite3.Connection:
    """A connection to ``path`` in SQLite's URI ``mode`` (``ro``, ``rw``, ``rwc``, with options
    such as ``&immutable=1``), waiting :data:`BUSY_TIMEOUT` seconds for locks."""
    uri = f"{path.absolute().as_uri()}?mode={mode}"
    return sqlite3.connect(
        uri, uri=True, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False
    )


def tune(conn: sqlite3.Connection) -> None:
    """WAL and ``synchronous=FULL``. Switching to WAL does not wait on the busy timeout when
    another instance is switching the same new file at the same moment, so it is retried for up
    to :data:`BUSY_TIMEOUT` seconds."""
    deadline = time.monotonic() + BUSY_TIMEOUT
    while True:
        try:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            break
        except sqlite3.OperationalError as error:
            if not is_busy(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)
    if str(mode).lower() != "wal":
        raise sqlite3.OperationalError(f"cannot use WAL mode (got {mode})")
    conn.execute("PRAGMA synchronous = FULL")


def is_busy(error: sqlite3.Error) -> bool:
    """Whether ``error`` says that another connection holds the lock it waited for."""
    return str(getattr(error, "sqlite_errorname", "")).startswith("SQLITE_BUSY")


def empty_memory(schema_version: int = SCHEMA_VERSION) -> sqlite3.Connection:
    """An empty store in memory, its schema at ``schema_version``."""
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    schema.migrate(conn, target=schema_version)
    return conn


def rollback(conn: sqlite3.Connection) -> None:
    """Roll back the transaction ``conn`` is in, if any, whatever happens."""
    if conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")


def why(error: BaseException) -> str:
    """An error's reason, for a notice."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__
