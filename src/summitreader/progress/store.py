"""The progress store: what one reader did with one pack, kept in SQLite.

Writing
    Every user action is one short ``BEGIN IMMEDIATE`` transaction (the write lock is taken at the
    start, so two instances never interleave the read and the write of one action). Values are
    upserted inside that transaction; nothing is read in one transaction and written back in
    another, so a second instance on the same folder loses no update. A failed write (disk full,
    I/O error, the file kept busy past the timeout) is rolled back and raises
    :class:`ProgressNotSaved`; the last good state stays.

Threads
    One connection, opened with ``check_same_thread=False``; every call holds a re-entrant lock,
    so the UI thread and worker threads may share a store.

Per pack
    Rows are keyed by the pack's id; the pack's content hash is recorded with every write. Section
    and card ids are stable: when the pack changes, progress on ids that still exist is kept. Rows
    for ids no longer in the pack (orphans) stay in the file and in exports, but the methods here do
    not return them. The known cards are the pack's cards plus, when the study module provides
    ``build_deck``, the generated ones (or the ids given as ``card_ids``).

When progress cannot be saved
    ``persistent`` is False and ``notices`` says why (see :mod:`summitreader.progress.files`). The
    store then works on an in-memory copy for the session, so the app behaves normally.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summitreader.progress import files
from summitreader.progress.records import (
    Bookmark,
    NoteRecord,
    Position,
    ProgressNotSaved,
    Review,
    from_text,
    to_text,
    utc_now,
)

if TYPE_CHECKING:
    from summitreader.pack.model import Pack

Clock = Callable[[], dt.datetime]


def open_store(
    data_dir: Path,
    pack: Pack,
    *,
    clock: Clock | None = None,
    card_ids: Iterable[str] | None = None,
) -> Store:
    """Open the progress of ``pack`` kept in ``data_dir``. Never raises for the state of the file
    or the folder: problems become ``store.notices``. Nothing is created until the first write."""
    clock = clock or utc_now
    path = Path(data_dir) / files.DB_NAME
    opened = files.open_database(path, create=False, now=_checked(clock()))
    return Store(pack, path, opened, clock=clock, card_ids=card_ids)


class Store:
    """Use :func:`open_store` to make one."""

    def __init__(
        self,
        pack: Pack,
        path: Path,
        opened: files.Opened,
        *,
        clock: Clock,
        card_ids: Iterable[str] | None = None,
    ) -> None:
        self.pack = pack
        self.path = path
        self.clock = clock
        self.notices: list[str] = list(opened.notices)
        self.persistent = opened.persistent
        self._conn = opened.conn
        self._pending = opened.pending
        self._lock = threading.RLock()
        self._sections = {s.id: n for n, s in enumerate(pack.sections)}
        self._cards = None if card_ids is None else frozenset(card_ids) | _pack_cards(pack)

    # -- reading position and read sections ------------------------------------------------------

    def get_position(self) -> Position | None:
        row = self._one(
            "SELECT section, paragraph, scroll FROM position WHERE pack_id = ?", (self.pack.id,)
        )
        if row is None or row[0] not in self._sections:
            return None
        return Position(row[0], row[1], row[2])

    def set_position(self, section: str, paragraph: int, scroll: float = 0.0) -> None:
        self._check_section(section)
        _check_count("paragraph", paragraph)
        scroll = float(scroll)
        if not math.isfinite(scroll):
            raise ValueError("scroll must be a finite number")
        with self._write() as (conn, now):
            conn.execute(
                "INSERT INTO position VALUES (?, ?, ?, ?, ?) ON CONFLICT (pack_id) DO UPDATE SET "
                "section = excluded.section, paragraph = excluded.paragraph, "
                "scroll = excluded.scroll, updated = excluded.updated",
                (self.pack.id, section, paragraph, scroll, now),
            )

    def mark_read(self, section_id: str) -> None:
        """Mark a section read (now) and take it off the re-read queue."""
        self._check_section(section_id)
        with self._write() as (conn, now):
            conn.execute(
                "INSERT INTO read_sections VALUES (?, ?, ?) ON CONFLICT (pack_id, section) "
                "DO UPDATE SET read_at = excluded.read_at",
                (self.pack.id, section_id, now),
            )
            conn.execute(
                "DELETE FROM reread_queue WHERE pack_id = ? AND section = ?",
                (self.pack.id, section_id),
            )

    def read_sections(self) -> dict[str, dt.datetime]:
        """Section id -> when it was last marked read, in reading order."""
        rows = self._all(
            "SELECT section, read_at FROM read_sections WHERE pack_id = ?", (self.pack.id,)
        )
        known = [(self._sections[s], s, t) for s, t in rows if s in self._sections]
        return {s: from_text(t) for _, s, t in sorted(known)}

    def queue_reread(self, section_id: str) -> None:
        self._check_section(section_id)
        with self._write() as (conn, now):
            conn.execute(
                "INSERT INTO reread_queue VALUES (?, ?, ?) ON CONFLICT (pack_id, section) "
                "DO UPDATE SET queued_at = excluded.queued_at",
                (self.pack.id, section_id, now),
            )

    def reread_queue(self) -> set[str]:
        rows = self._all("SELECT section FROM reread_queue WHERE pack_id = ?", (self.pack.id,))
        return {s for (s,) in rows if s in self._sections}

    # -- bookmarks and notes ---------------------------------------------------------------------

    def add_bookmark(self, section: str, paragraph: int) -> int:
        """Bookmark a paragraph; bookmarking it again returns the existing bookmark's id."""
        self._check_section(section)
        _check_count("paragraph", paragraph)
        with self._write() as (conn, now):
            conn.execute(
                "INSERT INTO bookmarks (pack_id, section, paragraph, created) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (pack_id, section, paragraph) DO NOTHING",
                (self.pack.id, section, paragraph, now),
            )
            row = conn.execute(
                "SELECT id FROM bookmarks WHERE pack_id = ? AND section = ? AND paragraph = ?",
                (self.pack.id, section, paragraph),
            ).fetchone()
        return int(row[0])

    def remove_bookmark(self, bookmark_id: int) -> bool:
        with self._write() as (conn, _):
            cursor = conn.execute(
                "DELETE FROM bookmarks WHERE id = ? AND pack_id = ?", (bookmark_id, self.pack.id)
            )
        return cursor.rowcount > 0

    def bookmarks(self) -> list[Bookmark]:
        """Bookmarks in reading order (section, then paragraph)."""
        rows = self._all(
            "SELECT id, section, paragraph, created FROM bookmarks WHERE pack_id = ?",
            (self.pack.id,),
        )
        marks = [Bookmark(i, s, p, from_text(c)) for i, s, p, c in rows if s in self._sections]
        return sorted(marks, key=lambda b: (self._sections[b.section], b.paragraph, b.id))

    def add_note(self, section: str, paragraph: int, text: str) -> int:
        self._check_section(section)
        _check_count("paragraph", paragraph)
        _check_text(text)
        with self._write() as (conn, now):
            cursor = conn.execute(
                "INSERT INTO notes (uid, pack_id, section, paragraph, text, created, updated) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (uuid.uuid4().hex, self.pack.id, section, paragraph, text, now, now),
            )
        return int(cursor.lastrowid or 0)

    def update_note(self, note_id: int, text: str) -> bool:
        _check_text(text)
        with self._write() as (conn, now):
            cursor = conn.execute(
                "UPDATE notes SET text = ?, updated = ? WHERE id = ? AND pack_id = ?",
                (text, now, note_id, self.pack.id),
            )
        return cursor.rowcount > 0

    def delete_note(self, note_id: int) -> bool:
        with self._write() as (conn, _):
            cursor = conn.execute(
                "DELETE FROM notes WHERE id = ? AND pack_id = ?", (note_id, self.pack.id)
            )
        return cursor.rowcount > 0

    def notes(self) -> list[NoteRecord]:
        """Notes in reading order (section, paragraph, then when written)."""
        rows = self._all(
            "SELECT id, section, paragraph, text, created, updated FROM notes WHERE pack_id = ?",
            (self.pack.id,),
        )
        notes = [
            NoteRecord(i, s, p, t, from_text(c), from_text(u))
            for i, s, p, t, c, u in rows
            if s in self._sections
        ]
        return sorted(notes, key=lambda n: (self._sections[n.section], n.paragraph, n.id))

    # -- cards -----------------------------------------------------------------------------------

    def card_states(self) -> dict[str, dict[str, Any]]:
        """Card id -> its FSRS state (``fsrs.Card.to_dict()``), for the cards of the deck."""
        rows = self._all(
            "SELECT card_id, state FROM card_states WHERE pack_id = ? ORDER BY card_id",
            (self.pack.id,),
        )
        known = self.known_cards()
        return {c: json.loads(s) for c, s in rows if c in known}

    def save_review(
        self,
        card_id: str,
        state: dict[str, Any],
        rating: int,
        reviewed_at: dt.datetime,
        duration_ms: int | None = None,
        answer: str | None = None,
    ) -> None:
        """Log a review and store the card's new state, in one transaction. A state older than
        the one stored (by review time) is logged but does not replace it."""
        if not isinstance(card_id, str) or not card_id:
            raise ValueError("card_id must be a non-empty string")
        if not isinstance(state, dict):
            raise TypeError("state must be a dict (fsrs.Card.to_dict())")
        if isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 4:
            raise ValueError("rating must be 1, 2, 3 or 4")
        if duration_ms is not None:
            _check_count("duration_ms", duration_ms)
        if answer is not None:
            _check_text(answer)
        at = to_text(reviewed_at)
        state_text = json.dumps(state, allow_nan=False, sort_keys=True)
        due = _due_of(state)
        with self._write() as (conn, _):
            conn.execute(
                "INSERT INTO reviews (pack_id, card_id, rating, reviewed_at, duration_ms, answer, "
                "prior_state, due) VALUES (?, ?, ?, ?, ?, ?, (SELECT json_extract(state, "
                "'$.state') FROM card_states WHERE pack_id = ? AND card_id = ? "
                "AND json_valid(state)), ?)",
                (self.pack.id, card_id, rating, at, duration_ms, answer,
                 self.pack.id, card_id, due),
            )
            conn.execute(
                "INSERT INTO card_states VALUES (?, ?, ?, ?) ON CONFLICT (pack_id, card_id) "
                "DO UPDATE SET state = excluded.state, updated = excluded.updated "
                "WHERE excluded.updated >= card_states.updated",
                (self.pack.id, card_id, state_text, at),
            )

    def review_log(self, card_id: str | None = None) -> list[Review]:
        """The review log, oldest first: all of it, or one card's."""
        sql = (
            "SELECT card_id, rating, reviewed_at, duration_ms, answer, prior_state, due "
            "FROM reviews WHERE pack_id = ?"
        )
        params: tuple[Any, ...] = (self.pack.id,)
        if card_id is not None:
            sql += " AND card_id = ?"
            params += (card_id,)
        rows = self._all(sql + " ORDER BY reviewed_at, id", params)
        known = self.known_cards()
        return [
            Review(c, r, from_text(t), d, a, p, _time_or_none(due))
            for c, r, t, d, a, p, due in rows
            if c in known
        ]

    def known_cards(self) -> frozenset[str]:
        """The ids of the deck's cards (see the module docstring)."""
        if self._cards is None:
            from summitreader.progress.deck import deck_card_ids

            self._cards = frozenset(deck_card_ids(self.pack))
        return self._cards

    # -- settings --------------------------------------------------------------------------------

    def get_setting(self, key: str, default: Any = None) -> Any:
        row = self._one(
            "SELECT value FROM settings WHERE pack_id = ? AND key = ?", (self.pack.id, key)
        )
        if row is None:
            return default
        try:
            return json.loads(row[0])
        except ValueError:
            return default

    def set_setting(self, key: str, value: Any) -> None:
        """Store a JSON-serialisable value (TypeError or ValueError otherwise)."""
        if not isinstance(key, str) or not key:
            raise ValueError("a setting needs a non-empty string key")
        text = json.dumps(value, allow_nan=False, sort_keys=True)
        with self._write() as (conn, now):
            conn.execute(
                "INSERT INTO settings VALUES (?, ?, ?, ?) ON CONFLICT (pack_id, key) "
                "DO UPDATE SET value = excluded.value, updated = excluded.updated",
                (self.pack.id, key, text, now),
            )

    # -- the whole store -------------------------------------------------------------------------

    def has_file(self) -> bool:
        """Whether there is a progress file behind this store (False before the first write)."""
        return self.persistent and not self._pending

    def reset(self) -> Path | None:
        """Back the file up, then clear this pack's progress (other packs' stays). Returns the
        backup's path (None when there was no file to back up)."""
        with self._lock:
            if self._pending:
                return None  # nothing was ever written
            backup = None
            if self.has_file():
                try:
                    backup = files.backup(
                        self._conn, self.path.parent / files.BACKUP_DIR, "reset", self.now()
                    )
                except (OSError, sqlite3.Error) as error:
                    raise ProgressNotSaved(
                        f"Progress was not cleared: it could not be backed up first ({error})."
                    ) from error
            with self._write() as (conn, _):
                for table in _PACK_TABLES:
                    conn.execute(f"DELETE FROM {table} WHERE pack_id = ?", (self.pack.id,))
            return backup

    def now(self) -> dt.datetime:
        return _checked(self.clock())

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing (also used by the other modules of this package) -------------------------------

    @contextmanager
    def _write(self) -> Iterator[tuple[sqlite3.Connection, str]]:
        """One ``BEGIN IMMEDIATE`` transaction; yields the connection and the time now."""
        with self._lock:
            now = to_text(self.now())
            self._materialise()
            conn = self._conn
            try:
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
        self.notices.extend(opened.notices)
        if not self.persistent:
            raise ProgressNotSaved(" ".join(opened.notices))

    def _failure(self, error: sqlite3.Error) -> str:
        name = getattr(error, "sqlite_errorname", "") or ""
        if name.startswith("SQLITE_FULL"):
            why = "the disk is full"
        elif name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
            why = "another summitreader kept the progress file busy; try again"
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


_PACK_TABLES = (
    "position", "read_sections", "reread_queue", "bookmarks", "notes", "card_states", "reviews",
    "settings",
)


def _pack_cards(pack: Pack) -> frozenset[str]:
    return frozenset(card.id for card in pack.cards)


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # SQLite has already rolled back (as it may after SQLITE_FULL or an I/O error)


def _checked(moment: dt.datetime) -> dt.datetime:
    to_text(moment)  # refuses naive times
    return moment


def _check_count(name: str, value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{name} must be a whole number, 0 or more")


def _check_text(text: str) -> None:
    if not isinstance(text, str):
        raise TypeError("text must be a string")


def _due_of(state: dict[str, Any]) -> str | None:
    due = state.get("due")
    if isinstance(due, str):
        try:
            return to_text(from_text(due))
        except ValueError:
            return None
    if isinstance(due, dt.datetime):
        return to_text(due)
    return None


def _time_or_none(text: str | None) -> dt.datetime | None:
    if text is None:
        return None
    try:
        return from_text(text)
    except ValueError:
        return None
