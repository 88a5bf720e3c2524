"""A note's identity is its pack and its uid: a note imported into one pack whose uid a note of
another pack holds is added, not dropped as "nothing new". A file of schema 4 (where a uid was
unique across packs) opens, migrates in one transaction, and keeps every row."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from summitreader.pack.model import Pack
from summitreader.progress import SCHEMA_VERSION, open_store
from summitreader.progress.exchange import export_progress, import_progress
from summitreader.progress.schema import MigrationError, migrate, user_version
from support.clock import Clock
from support.progress_pack import make_pack

AT = "2026-03-01T09:00:00.000000+00:00"


def _note(uid: str, text: str) -> dict[str, object]:
    return {
        "uid": uid,
        "section": "opening",
        "paragraph": 1,
        "text": text,
        "created": AT,
        "updated": AT,
    }


def _document(pack: Pack, *notes: dict[str, object]) -> dict[str, object]:
    return {
        "format": "summitreader-progress",
        "version": 2,
        "pack": {"id": pack.id, "content_hash": pack.content_hash},
        "notes": list(notes),
    }


def test_a_note_of_another_pack_with_the_same_uid_is_imported(data_dir: Path, clock: Clock) -> None:
    first, second = make_pack(pack_id="pack-a"), make_pack(pack_id="pack-b")
    with open_store(data_dir, first, clock=clock) as store:
        assert import_progress(store, _document(first, _note("u1", "in A")))["notes"] == 1
    with open_store(data_dir, second, clock=clock) as store:
        assert import_progress(store, _document(second, _note("u1", "in B")))["notes"] == 1
        assert [n.text for n in store.notes()] == ["in B"]
        assert [n["uid"] for n in export_progress(store)["notes"]] == ["u1"]
    with open_store(data_dir, first, clock=clock) as store:
        assert [n.text for n in store.notes()] == ["in A"]
        later = _note("u1", "A edited") | {"updated": "2026-03-01T10:00:00.000000+00:00"}
        assert import_progress(store, _document(first, later))["notes"] == 1
    with open_store(data_dir, second, clock=clock) as store:
        assert [n.text for n in store.notes()] == ["in B"]  # its own note, untouched


def _schema_4_file(path: Path) -> list[tuple[object, ...]]:
    """A file made by schema 4, with notes of two packs, and every row it holds."""
    path.parent.mkdir(parents=True)
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=4)
    for n, (pack_id, uid) in enumerate([("pack-a", "u1"), ("pack-b", "u2"), ("pack-a", "u3")]):
        conn.execute(
            "INSERT INTO notes (uid, pack_id, section, paragraph, text, created, updated) "
            "VALUES (?, ?, 'opening', ?, ?, ?, ?)",
            (uid, pack_id, n + 1, f"note {n}", AT, AT),
        )
    conn.execute("INSERT INTO read_sections VALUES ('pack-a', 'opening', ?)", (AT,))
    conn.execute(
        "INSERT INTO bookmarks (pack_id, section, paragraph, created) "
        "VALUES ('pack-b', 'middle', 2, ?)",
        (AT,),
    )
    rows = _rows(conn)
    conn.close()
    return rows


def _rows(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return [
        (t, *row)
        for t in sorted(tables)
        if t != "packs"
        for row in conn.execute(f"SELECT * FROM {t} ORDER BY rowid")
    ]


def test_a_schema_4_file_migrates_keeping_every_row(data_dir: Path, clock: Clock) -> None:
    path = data_dir / "progress.sqlite3"
    before = _schema_4_file(path)
    second = make_pack(pack_id="pack-b")
    with open_store(data_dir, second, clock=clock) as store:
        assert store.persistent and not store.notices
        assert [n.text for n in store.notes()] == ["note 1"]
        assert import_progress(store, _document(second, _note("u1", "in B")))["notes"] == 1
    conn = sqlite3.connect(path)
    assert user_version(conn) == SCHEMA_VERSION == 5
    after = _rows(conn)
    conn.close()
    assert [r for r in after if r[0] != "notes" or r[3] != "pack-b" or r[2] != "u1"] == before
    backups = list((data_dir / "backups").iterdir())
    assert len(backups) == 1  # the old file, backed up before the migration


def test_the_migration_is_one_transaction(data_dir: Path) -> None:
    """A statement of the migration that fails leaves the file at schema 4, every row kept."""
    path = data_dir / "progress.sqlite3"
    before = _schema_4_file(path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE notes_by_pack (x)")  # the name the migration builds its table in
    with pytest.raises(MigrationError, match="schema 5"):
        migrate(conn)
    assert user_version(conn) == 4
    conn.execute("DROP TABLE notes_by_pack")
    assert _rows(conn) == before
    conn.close()
