"""The common ground of the progress store: the connection, transactions, time and checks.

Writing
    Every user action is one short ``BEGIN IMMEDIATE`` transaction: the write lock is taken at the
    start, so two instances never interleave the read and the write of one action. Values are
    upserted inside that transaction; nothing is read in one transaction and written back in
    another, so a second instance on the same folder (sharing the file through WAL) loses no
    update. A failed write (disk full, I/O error, the file kept busy past the busy timeout) is
    rolled back and raises :class:`ProgressNotSaved`; the last good state stays.

Threads
    One connection, opened with ``check_same_thread=False``; every call holds a re-entrant lock,
    so the UI thread and worker threads may share a store.

The first write
    When there is no file yet, reads are served by an empty in-memory database; the first write
    creates the folder and the file (or joins the file another instance made in the meantime).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from summitreader.progress import files
from summitreader.progress.connection import Opened
from summitreader.progress.records import ProgressNotSaved, to_text

if TYPE_CHECKING:
    from summitreader.pack.model import Pack

Clock = Callable[[], dt.datetime]

NAMED_PER_TABLE = 3
"""Damaged rows of one table named one by one in the notices; the rest are told in one line."""


class StoreCore:
    """State and plumbing shared by the parts of the store."""

    def __init__(
        self,
        pack: Pack,
        path: Path,
        opened: Opened,
        *,
        clock: Clock,
    ) -> None:
        self.pack = pack
        self.path = path
        self.clock = clock
        self.notices: list[str] = list(opened.notices)
        self.persistent = opened.persistent
        self._conn = opened.conn
        self._pending = opened.pending
        self.write_timeout: float | None = None
        """Seconds a write waits for another process's lock (``None``: the busy timeout). The
        app sets it short: its writes are queued and retried, and no thread may hold the store
        (and so the UI's reads) for long."""
        self._lock = threading.RLock()
        self._sections = {s.id: n for n, s in enumerate(pack.sections)}
        self._damaged: set[tuple[str, object]] = set()
        self._damaged_told: dict[str, int] = {}
        self._listeners: list[Callable[[str], object]] = []

    # -- notices ---------------------------------------------------------------------------------

    def tell(self, notice: str) -> None:
        """Add a notice for the user, and pass it to the listeners (it may be told while the
        app runs: a damaged row is found when it is first read)."""
        with self._lock:
            self.notices.append(notice)
            listeners = list(self._listeners)
        for listener in listeners:
            listener(notice)

    def listen(self, listener: Callable[[str], object]) -> None:
        """Call ``listener(notice)`` for each notice added from now on (from the thread that
        adds it)."""
        with self._lock:
            self._listeners.append(listener)

    def tell_damaged(self, table: str, key: object, notice: str, more: str) -> None:
        """Tell a damaged row once: the first :data:`NAMED_PER_TABLE` of a table by
        ``notice``, then ``more`` once for the rest."""
        with self._lock:
            if (table, key) in self._damaged:
                return
            self._damaged.add((table, key))
            told = self._damaged_told[table] = self._damaged_told.get(table, 0) + 1
        if told <= NAMED_PER_TABLE:
            self.tell(notice)
        elif told == NAMED_PER_TABLE + 1:
            self.tell(more)

    def has_file(self) -> bool:
        """Whether there is a progress file behind this store (False before the first write)."""
        return self.persistent and not self._pending

    def now(self) -> dt.datetime:
        return checked(self.clock())

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing (also used by the other modules of this package) -------------------------------

    @contextlib.contextmanager
    def _write(self, at: dt.datetime | None = None) -> Iterator[tuple[sqlite3.Connection, str]]:
        """One ``BEGIN IMMEDIATE`` transaction; yields the connection and the time of the write:
        ``at`` (the time of the user's action, given by a caller whose writes may wait in a
        queue and be retried later) or now."""
        with self._lock:
            now = to_text(self.now() if at is None else checked(at))
            self._materialise()
            conn = self._conn
            try:
                if self.write_timeout is not None:
                    conn.execute(f"PRAGMA busy_timeout = {round(self.write_timeout * 1000)}")
                conn.execute("BEGIN IMMEDIATE")
                conn.execute(
                    "INSERT INTO packs VALUES (?, ?, ?) ON CONFLICT (pack_id) DO UPDATE SET "
                    "content_hash = excluded.content_hash, seen_at = excluded.seen_at "
                    "WHERE content_hash != excluded.content_hash",
                    (self.pack.id, self.pack.content_hash, now),
                )
                yield conn, now
                conn.execute("COMMIT")
            except sqlite3.Error as error:
                _rollback(conn)
                raise ProgressNotSaved(self._failure(error)) from error
            except BaseException:
                _rollback(conn)
                raise

    def _materialise(self) -> None:
        """Create the file on the first write."""
        if not self._pending:
            return
        opened = files.open_database(self.path, create=True, now=self.now())
        self._conn.close()
        self._conn, self._pending = opened.conn, False
        self.persistent = opened.persistent
        self.notices.extend(opened.notices)  # the write that failed says it (ProgressNotSaved)
        if not self.persistent:
            raise ProgressNotSaved(" ".join(opened.notices))

    def _failure(self, error: sqlite3.Error) -> str:
        name = getattr(error, "sqlite_errorname", "") or ""
        if name.startswith("SQLITE_FULL"):
            why = "the disk is full"
        elif name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
            why = "another summitreader kept the progress file busy"
        elif name.startswith("SQLITE_READONLY"):
            why = "the progress file is read-only"
        elif name.startswith("SQLITE_IOERR"):
            why = "the disk reported an error"
        else:
            why = str(error)
        return f"Progress was not saved: {why} ({self.path})."

    def _one(self, sql: str, params: tuple[Any, ...]) -> Any:
        with self._lock:
            return self._conn.execute(sql, params).fetchone()

    def _all(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def _check_section(self, section: str) -> None:
        if section not in self._sections:
            raise ValueError(f"no section {section!r} in pack {self.pack.id!r}")


def _rollback(conn: sqlite3.Connection) -> None:
    # SQLite may have rolled back already (as it may after SQLITE_FULL or an I/O error).
    if conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")


def checked(moment: dt.datetime) -> dt.datetime:
    to_text(moment)  # refuses naive times
    return moment


def check_count(name: str, value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{name} must be a whole number, 0 or more")


def check_text(text: str) -> None:
    if not isinstance(text, str):
        raise TypeError("text must be a string")
