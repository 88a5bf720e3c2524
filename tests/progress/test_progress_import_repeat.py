"""Importing a file again adds nothing, even when its times were written by a clock a little
ahead; and an import that empties a note says it removed it. On a real progress file, and through
the CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from summitreader.cli import main
from summitreader.pack import load_pack
from summitreader.pack.model import Pack
from summitreader.progress import Store, open_store
from summitreader.progress.exchange import REMOVED_NOTES, export_progress, import_progress
from support.clock import Clock
from support.progress_pack import review_document


def test_a_review_from_a_clock_ahead_is_imported_once(
    store: Store, data_dir: Path, pack: Pack, clock: Clock
) -> None:
    document = review_document(pack.id, 3, clock.now + dt.timedelta(hours=20))
    assert import_progress(store, document)["reviews"] == 3
    clock.advance(minutes=5)
    assert import_progress(store, document)["reviews"] == 0
    clock.advance(hours=30)  # later, once the review's time is past
    assert import_progress(store, document)["reviews"] == 0
    assert len(store.review_log()) == 3
    with open_store(data_dir, pack, clock=clock) as other:  # the export imported elsewhere
        assert import_progress(other, export_progress(store))["reviews"] == 0


def test_two_imports_at_once_of_a_review_from_a_clock_ahead_add_it_once(
    store: Store, data_dir: Path, pack: Pack, clock: Clock
) -> None:
    document = review_document(pack.id, 4, clock.now + dt.timedelta(hours=20))
    with open_store(data_dir, pack, clock=clock) as other:
        started = False

        def meanwhile(done: int, total: int) -> None:
            nonlocal started
            if not started:
                started = True
                clock.advance(seconds=1)
                import_progress(other, document)

        import_progress(store, document, batch_size=1, progress=meanwhile)
    assert started
    assert len(store.review_log()) == 4


def note_document(pack: Pack, text: str, updated: dt.datetime) -> dict[str, Any]:
    return {
        "format": "summitreader-progress",
        "version": 2,
        "pack": {"id": pack.id, "content_hash": "hash-1"},
        "notes": [
            {
                "uid": "k1",
                "section": "middle",
                "paragraph": 2,
                "text": text,
                "created": "2024-01-01T00:00:00+00:00",
                "updated": updated.isoformat(),
            }
        ],
    }


def test_a_note_emptied_by_a_newer_edit_is_removed_and_counted(
    store: Store, pack: Pack, clock: Clock
) -> None:
    day = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    assert import_progress(store, note_document(pack, "my important note", day))["notes"] == 1
    older_empty = note_document(pack, "", day - dt.timedelta(days=1))
    assert import_progress(store, older_empty).get(REMOVED_NOTES, 0) == 0
    assert [n.text for n in store.notes()] == ["my important note"]

    counts = import_progress(store, note_document(pack, " \n ", day + dt.timedelta(days=1)))
    assert counts[REMOVED_NOTES] == 1 and counts["notes"] == 0
    assert store.notes() == []
    again = import_progress(store, note_document(pack, "", day + dt.timedelta(days=1)))
    assert again.get(REMOVED_NOTES, 0) == 0 and again["notes"] == 0


def test_an_empty_note_is_never_added(store: Store, pack: Pack) -> None:
    now = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    counts = import_progress(store, note_document(pack, "", now))
    assert counts["notes"] == 0 and counts.get(REMOVED_NOTES, 0) == 0
    assert store.notes() == [] and export_progress(store)["notes"] == []


@pytest.fixture
def cli(data_dir: Path, tmp_path: Path, pack_dir: Path, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    def run(*args: str) -> str:
        code = main(
            [
                "--data-dir",
                str(data_dir),
                "--cache-dir",
                str(tmp_path / "cache"),
                "--pack",
                str(pack_dir),
                *args,
            ]
        )
        out = capsys.readouterr()
        assert code == 0, out.err
        return out.out + out.err

    return run


def test_the_import_command_says_a_note_was_removed(cli, tmp_path: Path, pack_dir: Path) -> None:  # type: ignore[no-untyped-def]
    pack = load_pack(pack_dir)
    day = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text(json.dumps(note_document(pack, "my important note", day)))
    second.write_text(json.dumps(note_document(pack, "", day + dt.timedelta(days=1))))
    assert "1 note." in cli("import", str(first))
    assert "1 note removed." in cli("import", str(second))
    assert "nothing new" in cli("import", str(second))
