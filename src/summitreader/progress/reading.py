"""Reading progress: the position, read sections, the re-read queue, bookmarks and notes.

Note texts come from outside (typed, or imported): they are cleaned with
:func:`~summitreader.text.clean_text` when they are written, and again when they are read back, so
that a progress file written by an older version or another tool cannot drive the terminal."""

from __future__ import annotations

import datetime as dt
import math
import sqlite3
import uuid

from summitreader.progress import rows
from summitreader.progress.core import StoreCore, check_count, check_text
from summitreader.progress.records import Bookmark, NoteRecord, Position, from_text
from summitreader.text import clean_text


class ReadingProgress(StoreCore):
    """The reading part of :class:`~summitreader.progress.store.Store`. Section ids are checked
    against the pack (ValueError for an unknown one); paragraphs are numbers from 1 (0 is
    accepted, for the top of a section before its first paragraph)."""

    # -- reading position and read sections ------------------------------------------------------

    def get_position(self) -> Position | None:
        for row in rows.read(self, "position"):
            if row["section"] in self._sections:
                return Position(row["section"], row["paragraph"], row["scroll"])
        return None

    def set_position(
        self, section: str, paragraph: int, scroll: float = 0.0, at: dt.datetime | None = None
    ) -> None:
        """Keep the reading place, stamped ``at`` (the time of the user's action) or now."""
        self._check_section(section)
        check_count("paragraph", paragraph)
        scroll = float(scroll)
        if not math.isfinite(scroll):
            raise ValueError("scroll must be a finite number")
        with self._write(at) as (conn, now):
            conn.execute(
                "INSERT INTO position VALUES (?, ?, ?, ?, ?) ON CONFLICT (pack_id) DO UPDATE SET "
                "section = excluded.section, paragraph = excluded.paragraph, "
                "scroll = excluded.scroll, updated = excluded.updated",
                (self.pack.id, section, paragraph, scroll, now),
            )

    def mark_read(self, section_id: str, at: dt.datetime | None = None) -> None:
        """Mark a section read (``at``, the time of the user's action, or now) and take it off
        the re-read queue."""
        self._check_section(section_id)
        with self._write(at) as (conn, now):
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
        known = [
            (self._sections[r["section"]], r["section"], r["read_at"])
            for r in rows.read(self, "read_sections")
            if r["section"] in self._sections
        ]
        return {s: from_text(t) for _, s, t in sorted(known)}

    def queue_reread(self, section_id: str, at: dt.datetime | None = None) -> None:
        """Queue a section to re-read, stamped ``at`` (the time of the user's action: a write
        that waited in a queue is not stamped with the time it was retried) or now."""
        self._check_section(section_id)
        with self._write(at) as (conn, now):
            conn.execute(
                "INSERT INTO reread_queue VALUES (?, ?, ?) ON CONFLICT (pack_id, section) "
                "DO UPDATE SET queued_at = excluded.queued_at",
                (self.pack.id, section_id, now),
            )

    def reread_queue(self) -> set[str]:
        return {
            r["section"] for r in rows.read(self, "reread_queue") if r["section"] in self._sections
        }

    # -- bookmarks and notes ---------------------------------------------------------------------

    def add_bookmark(self, section: str, paragraph: int, at: dt.datetime | None = None) -> int:
        """Bookmark a paragraph, created ``at`` (the time of the user's action) or now;
        bookmarking it again returns the existing bookmark's id."""
        self._check_section(section)
        check_count("paragraph", paragraph)
        with self._write(at) as (conn, now):
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

    def set_bookmark(
        self, section: str, paragraph: int, on: bool, at: dt.datetime | None = None
    ) -> None:
        """Bookmark a paragraph (``on``) or remove its bookmark, whatever it had: a write that
        waited in a queue does what the user asked, even after other writes of the paragraph.
        ``at`` is the time of the user's action (now when not given)."""
        if on:
            self.add_bookmark(section, paragraph, at)
            return
        with self._write(at) as (conn, _):
            conn.execute(
                "DELETE FROM bookmarks WHERE pack_id = ? AND section = ? AND paragraph = ?",
                (self.pack.id, section, paragraph),
            )

    def bookmarks(self) -> list[Bookmark]:
        """Bookmarks in reading order (section, then paragraph)."""
        marks = [
            Bookmark(r["rowid"], r["section"], r["paragraph"], from_text(r["created"]))
            for r in rows.read(self, "bookmarks")
            if r["section"] in self._sections
        ]
        return sorted(marks, key=lambda b: (self._sections[b.section], b.paragraph, b.id))

    def add_note(
        self, section: str, paragraph: int, text: str, at: dt.datetime | None = None
    ) -> int:
        """Add a note, written ``at`` (the time of the user's action) or now."""
        self._check_section(section)
        check_count("paragraph", paragraph)
        check_text(text)
        text = clean_text(text)
        with self._write(at) as (conn, now):
            return self._insert_note(conn, section, paragraph, text, now)

    def _insert_note(
        self, conn: sqlite3.Connection, section: str, paragraph: int, text: str, now: str
    ) -> int:
        cursor = conn.execute(
            "INSERT INTO notes (uid, pack_id, section, paragraph, text, created, updated) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (uuid.uuid4().hex, self.pack.id, section, paragraph, text, now, now),
        )
        return int(cursor.lastrowid or 0)

    def set_note(
        self,
        section: str,
        paragraph: int,
        text: str,
        expected: str | None = None,
        at: dt.datetime | None = None,
    ) -> bool:
        """Make ``text`` the paragraph's note, in one transaction: its newest note (the last
        written) is changed (removed, for an empty text), or a note is added if it has none.

        ``expected`` is the note's text the editor started from ("" for none). When the note
        stored is another (another instance wrote or changed it meanwhile), nothing is lost:
        ``text`` is added as a note of its own beside it (an empty ``text`` removes nothing),
        and True is returned. False otherwise (the same text stored there included), and
        always without ``expected``.

        ``at`` is the time of the user's action: the note's ``created``/``updated`` (a write that
        waited in a queue is not stamped with the time it was retried, and so does not rank as
        newer than an edit made elsewhere meanwhile); now when not given."""
        self._check_section(section)
        check_count("paragraph", paragraph)
        check_text(text)
        text = clean_text(text)
        with self._write(at) as (conn, now):
            row = conn.execute(
                "SELECT id, text FROM notes WHERE pack_id = ? AND section = ? AND paragraph = ? "
                "ORDER BY id DESC LIMIT 1",
                (self.pack.id, section, paragraph),
            ).fetchone()
            stored = clean_text(row[1]) if row is not None and isinstance(row[1], str) else ""
            if expected is not None and stored != clean_text(expected):
                if text == stored:
                    return False  # the same text was written there: nothing to keep twice
                if text:
                    self._insert_note(conn, section, paragraph, text, now)
                return True
            if row is None:
                if text:
                    self._insert_note(conn, section, paragraph, text, now)
            elif text:
                conn.execute(
                    "UPDATE notes SET text = ?, updated = ? WHERE id = ?", (text, now, row[0])
                )
            else:
                conn.execute("DELETE FROM notes WHERE id = ?", (row[0],))
        return False

    def update_note(self, note_id: int, text: str, at: dt.datetime | None = None) -> bool:
        check_text(text)
        text = clean_text(text)
        with self._write(at) as (conn, now):
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
        notes = [n for n in self._all_notes() if n.section in self._sections]
        return sorted(notes, key=lambda n: (self._sections[n.section], n.paragraph, n.id))

    def kept_notes(self) -> list[NoteRecord]:
        """Notes kept but not shown: those of sections the pack does not have (an import keeps
        them; they come back with their section), by section id, then when written."""
        notes = [n for n in self._all_notes() if n.section not in self._sections]
        return sorted(notes, key=lambda n: (n.section, n.created, n.id))

    def _all_notes(self) -> list[NoteRecord]:
        return [
            NoteRecord(
                r["rowid"],
                r["section"],
                r["paragraph"],
                r["text"],
                from_text(r["created"]),
                from_text(r["updated"]),
            )
            for r in rows.read(self, "notes")
        ]
