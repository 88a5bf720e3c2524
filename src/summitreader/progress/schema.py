"""The layout of the progress database and its forward migrations.

The schema version is ``PRAGMA user_version``. A database is built by running every migration from
version 0, so a new file and an upgraded old one have the same layout by construction. Each
migration runs in one ``BEGIN IMMEDIATE`` transaction that also sets ``user_version``; if any of
its statements fails, the transaction is rolled back and the file is as it was.

Version 1 (the first release) had no re-read queue, and its review log kept only card, rating and
time. Version 2 adds the re-read queue and, per review, its duration, the typed answer, the card's
state before the review and when it was next due after it. Version 3 adds an index of the
review log by the card's prior state and the rating, so that true retention is counted without
reading the log's rows. Version 4 adds the reader's own cards
(:mod:`~summitreader.progress.my_cards`): keyed by a random ``uid`` made when the card is, so that
the same card made on two machines merges; a deleted card stays as a tombstone (``deleted`` = 1) so
that its deletion merges too. Version 5 makes a note's identity its pack and its ``uid`` (a uid
was unique across packs, so a note imported into one pack whose uid another pack's note held was
dropped): the table is rebuilt in the migration's one transaction, every row kept.

Every table is keyed by ``pack_id``: one file holds the progress of every pack. Section and card
ids are kept as text, so progress on an id that a later edit of the pack removed stays in the file
(an orphan) and comes back if the id does.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

SCHEMA_VERSION = 5

_V1 = (
    """CREATE TABLE packs (
        pack_id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        seen_at TEXT NOT NULL
    )""",
    """CREATE TABLE position (
        pack_id TEXT PRIMARY KEY,
        section TEXT NOT NULL,
        paragraph INTEGER NOT NULL,
        scroll REAL NOT NULL DEFAULT 0,
        updated TEXT NOT NULL
    )""",
    """CREATE TABLE read_sections (
        pack_id TEXT NOT NULL,
        section TEXT NOT NULL,
        read_at TEXT NOT NULL,
        PRIMARY KEY (pack_id, section)
    )""",
    """CREATE TABLE bookmarks (
        id INTEGER PRIMARY KEY,
        pack_id TEXT NOT NULL,
        section TEXT NOT NULL,
        paragraph INTEGER NOT NULL,
        created TEXT NOT NULL,
        UNIQUE (pack_id, section, paragraph)
    )""",
    """CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        pack_id TEXT NOT NULL,
        section TEXT NOT NULL,
        paragraph INTEGER NOT NULL,
        text TEXT NOT NULL,
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    )""",
    """CREATE TABLE card_states (
        pack_id TEXT NOT NULL,
        card_id TEXT NOT NULL,
        state TEXT NOT NULL,
        updated TEXT NOT NULL,
        PRIMARY KEY (pack_id, card_id)
    )""",
    """CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        pack_id TEXT NOT NULL,
        card_id TEXT NOT NULL,
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
        reviewed_at TEXT NOT NULL
    )""",
    "CREATE INDEX reviews_by_card ON reviews (pack_id, card_id, reviewed_at)",
    """CREATE TABLE settings (
        pack_id TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        updated TEXT NOT NULL,
        PRIMARY KEY (pack_id, key)
    )""",
)

_V2 = (
    """CREATE TABLE reread_queue (
        pack_id TEXT NOT NULL,
        section TEXT NOT NULL,
        queued_at TEXT NOT NULL,
        PRIMARY KEY (pack_id, section)
    )""",
    "ALTER TABLE reviews ADD COLUMN duration_ms INTEGER",
    "ALTER TABLE reviews ADD COLUMN answer TEXT",
    "ALTER TABLE reviews ADD COLUMN prior_state INTEGER",
    "ALTER TABLE reviews ADD COLUMN due TEXT",
    "CREATE INDEX reviews_by_time ON reviews (pack_id, reviewed_at)",
    # The latest review of each card was followed by the card's current due time.
    """UPDATE reviews SET due = (
        SELECT json_extract(c.state, '$.due') FROM card_states AS c
        WHERE c.pack_id = reviews.pack_id AND c.card_id = reviews.card_id
          AND json_valid(c.state)
    )
    WHERE reviewed_at = (
        SELECT max(r.reviewed_at) FROM reviews AS r
        WHERE r.pack_id = reviews.pack_id AND r.card_id = reviews.card_id
    )""",
)

_V3 = ("CREATE INDEX reviews_by_state ON reviews (pack_id, prior_state, rating)",)

_V4 = (
    """CREATE TABLE my_cards (
        uid TEXT PRIMARY KEY,
        pack_id TEXT NOT NULL,
        section TEXT NOT NULL,
        paragraph INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('cloze', 'qa')),
        front TEXT NOT NULL,
        back TEXT NOT NULL,
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX my_cards_by_pack ON my_cards (pack_id, deleted, created)",
)

_V5 = (
    """CREATE TABLE notes_by_pack (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL,
        pack_id TEXT NOT NULL,
        section TEXT NOT NULL,
        paragraph INTEGER NOT NULL,
        text TEXT NOT NULL,
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        UNIQUE (pack_id, uid)
    )""",
    "INSERT INTO notes_by_pack (id, uid, pack_id, section, paragraph, text, created, updated) "
    "SELECT id, uid, pack_id, section, paragraph, text, created, updated FROM notes",
    "DROP TABLE notes",
    "ALTER TABLE notes_by_pack RENAME TO notes",
)

MIGRATIONS: dict[int, tuple[str, ...]] = {1: _V1, 2: _V2, 3: _V3, 4: _V4, 5: _V5}
"""Version -> the statements that bring a database from the version before to it."""

REQUIRED_COLUMNS: dict[str, frozenset[str]] = {
    "packs": frozenset({"pack_id", "content_hash", "seen_at"}),
    "position": frozenset({"pack_id", "section", "paragraph", "scroll", "updated"}),
    "read_sections": frozenset({"pack_id", "section", "read_at"}),
    "reread_queue": frozenset({"pack_id", "section", "queued_at"}),
    "bookmarks": frozenset({"id", "pack_id", "section", "paragraph", "created"}),
    "notes": frozenset(
        {"id", "uid", "pack_id", "section", "paragraph", "text", "created", "updated"}
    ),
    "card_states": frozenset({"pack_id", "card_id", "state", "updated"}),
    "reviews": frozenset(
        {"id", "pack_id", "card_id", "rating", "reviewed_at", "duration_ms", "answer"}
        | {"prior_state", "due"}
    ),
    "settings": frozenset({"pack_id", "key", "value", "updated"}),
    "my_cards": frozenset(
        {"uid", "pack_id", "section", "paragraph", "kind", "front", "back", "created"}
        | {"updated", "deleted"}
    ),
}
"""What this version reads and writes: a database from a newer version that still has all of it
can be shown (never written back)."""


class MigrationError(Exception):
    """A migration failed and was rolled back."""

    def __init__(self, version: int, cause: BaseException) -> None:
        super().__init__(f"upgrading to schema {version} failed: {cause}")
        self.version = version


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(
    conn: sqlite3.Connection,
    *,
    target: int = SCHEMA_VERSION,
    before: Callable[[int], None] | None = None,
) -> int:
    """Bring ``conn`` (autocommit mode) forward to ``target``, one transaction per version.

    ``before(version)`` is called once, before the first migration, with the version found, when
    that version is not 0 (there is something to keep): it is where the caller backs the file up;
    if it raises, nothing is migrated. A version already reached by another connection in the
    meantime is skipped. Returns the version found. Raises :class:`MigrationError`.
    """
    found = user_version(conn)
    if found >= target:
        return found
    if found and before is not None:
        before(found)
    for version in range(found + 1, target + 1):
        try:
            conn.execute("BEGIN IMMEDIATE")
            if user_version(conn) < version:
                for statement in MIGRATIONS[version]:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {version:d}")
            conn.execute("COMMIT")
        except sqlite3.Error as error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise MigrationError(version, error) from error
    return found


def compatible(conn: sqlite3.Connection) -> bool:
    """Whether ``conn`` has every table and column this version uses."""
    for table, columns in REQUIRED_COLUMNS.items():
        found = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        if not columns <= found:
            return False
    return True
