"""Export and import: a versioned JSON document, merged back without losing anything."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from summitreader.pack.model import Pack
from summitreader.progress import ProgressNotSaved, Store, open_store
from summitreader.progress.exchange import (
    BATCH_SIZE,
    FORMAT_VERSION,
    ExchangeError,
    export_progress,
    import_progress,
    read_document,
    write_document,
)
from support.clock import Clock
from support.progress_pack import fsrs_state, make_pack, review_document


def fill(store: Store, clock: Clock) -> None:
    store.set_position("middle", 2, 7.5)
    store.mark_read("opening")
    clock.advance(minutes=1)
    store.queue_reread("ending")
    store.add_bookmark("middle", 3)
    store.add_bookmark("opening", 1)
    note = store.add_note("middle", 1, "Ünïcode, [b]markup[/b] and \\ backslashes")
    clock.advance(minutes=1)
    store.update_note(note, "edited ✓")
    store.add_note("ending", 2, "")
    store.save_review("card-one", fsrs_state(clock.now, 1), 3, clock.now, 1200)
    # the same review twice (a frozen clock): both are kept, and both come back
    store.save_review("card-two", fsrs_state(clock.now), 1, clock.now, None, "typed answer")
    store.save_review("card-two", fsrs_state(clock.now), 1, clock.now, None, "typed answer")
    store.set_setting("theme", "nord")
    store.set_setting("new_per_day", 10)
    clock.advance(days=1)


def test_export_import_export_gives_the_same_document(
    store: Store, clock: Clock, tmp_path: Path, pack: Pack
) -> None:
    fill(store, clock)
    with open_store(store.path.parent, make_pack(sections=("middle", "ending")), clock=clock) as s:
        s.mark_read("ending")  # "opening" is then an orphan for that pack, not for ours
    first = export_progress(store)
    assert first["format"] == "summitreader-progress" and first["version"] == FORMAT_VERSION
    assert len(first["reviews"]) == 3
    write_document(first, tmp_path / "progress.json")

    with open_store(tmp_path / "elsewhere", pack, clock=clock) as empty:
        counts = import_progress(empty, read_document(tmp_path / "progress.json"))
        assert counts["reviews"] == 3 and counts["notes"] == 1  # the empty note is not exported
        second = export_progress(empty)
        write_document(second, tmp_path / "again.json")
    assert second == first
    assert (tmp_path / "again.json").read_bytes() == (tmp_path / "progress.json").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == [
        "again.json",
        "progress.json",
    ]  # no temporary files left


def test_importing_twice_changes_nothing(store: Store, clock: Clock) -> None:
    fill(store, clock)
    document = export_progress(store)
    counts = import_progress(store, document)
    assert sum(counts.values()) == 0
    assert export_progress(store) == document


def test_import_merges_newer_records_and_unions_reviews(
    data_dir: Path, tmp_path: Path, pack: Pack, clock: Clock
) -> None:
    with open_store(data_dir, pack, clock=clock) as mine:
        mine.set_position("opening", 1)
        mine.add_bookmark("opening", 1)
        mine.save_review("card-one", fsrs_state(clock.now, who="mine"), 3, clock.now)
        note = mine.add_note("middle", 1, "first words")
        mine.set_setting("theme", "mine")
        document = export_progress(mine)

    clock.advance(hours=1)
    with open_store(tmp_path / "other", pack, clock=clock) as theirs:
        import_progress(theirs, document)  # they start from my progress ...
        theirs.update_note(1, "their better words")
        theirs.save_review("card-one", fsrs_state(clock.now, who="theirs"), 4, clock.now)
        theirs.add_bookmark("ending", 3)
        theirs.mark_read("middle")
        clock.advance(hours=1)
        theirs.set_position("ending", 2)
        theirs_document = export_progress(theirs)

    clock.advance(hours=1)
    with open_store(data_dir, pack, clock=clock) as mine:
        mine.set_setting("theme", "mine, later")  # newer than theirs: stays
        mine.save_review("card-two", fsrs_state(clock.now, 1), 1, clock.now)
        mine.queue_reread("middle")  # queued after they read it: stays queued
        import_progress(mine, theirs_document)

        assert mine.get_position() is not None and mine.get_position().section == "ending"
        assert [(b.section, b.paragraph) for b in mine.bookmarks()] == [
            ("opening", 1),
            ("ending", 3),
        ]
        assert [n.text for n in mine.notes()] == ["their better words"]
        assert mine.notes()[0].id == note
        assert mine.card_states()["card-one"]["who"] == "theirs"
        assert [(r.card_id, r.rating) for r in mine.review_log()] == [
            ("card-one", 3),
            ("card-one", 4),
            ("card-two", 1),
        ]
        assert mine.get_setting("theme") == "mine, later"
        assert set(mine.read_sections()) == {"middle"}
        assert mine.reread_queue() == {"middle"}


def test_a_read_newer_than_a_queued_re_read_clears_it(
    store: Store, clock: Clock, tmp_path: Path, pack: Pack
) -> None:
    store.queue_reread("middle")
    clock.advance(minutes=1)
    with open_store(tmp_path / "other", pack, clock=clock) as other:
        other.mark_read("middle")
        import_progress(store, export_progress(other))
    assert store.reread_queue() == set()
    assert set(store.read_sections()) == {"middle"}


def broken(change: Any) -> Any:
    def apply(document: dict[str, Any]) -> Any:
        document = copy.deepcopy(document)
        result = change(document)
        return document if result is None else result

    return apply


BROKEN = {
    "a list": broken(lambda d: [d]),
    "no format": broken(lambda d: d.pop("format")),
    "another format": broken(lambda d: d.update(format="anki")),
    "no version": broken(lambda d: d.pop("version")),
    "version as text": broken(lambda d: d.update(version="1")),
    "another pack": broken(lambda d: d["pack"].update(id="someone-else")),
    "pack missing": broken(lambda d: d.pop("pack")),
    "reviews not a list": broken(lambda d: d.update(reviews={"a": 1})),
    "rating out of range": broken(lambda d: d["reviews"][1].update(rating=9)),
    "rating a boolean": broken(lambda d: d["reviews"][0].update(rating=True)),
    "time without zone": broken(lambda d: d["reviews"][0].update(reviewed_at="2026-01-01T00:00")),
    "time garbage": broken(lambda d: d["notes"][0].update(created="yesterday")),
    "missing section": broken(lambda d: d["read_sections"][0].pop("section")),
    "paragraph negative": broken(lambda d: d["bookmarks"][0].update(paragraph=-2)),
    "state not an object": broken(lambda d: d["card_states"][0].update(state=[1, 2])),
    "note text a number": broken(lambda d: d["notes"][0].update(text=12)),
    "position a string": broken(lambda d: d.update(position="middle")),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_malformed_document_is_refused_and_changes_nothing(
    case: str, store: Store, clock: Clock
) -> None:
    fill(store, clock)
    before = export_progress(store)
    bad = BROKEN[case](before)
    bad_reviews = bad.get("reviews") if isinstance(bad, dict) else None
    if isinstance(bad_reviews, list):  # a new, valid review too: it must not get in either
        bad["reviews"] = [*bad_reviews, {**bad_reviews[0], "reviewed_at": clock.now.isoformat()}]
    with pytest.raises(ExchangeError) as caught:
        import_progress(store, bad)
    assert "\n" not in str(caught.value) and str(caught.value)
    assert export_progress(store) == before


def test_a_document_from_a_newer_version_is_refused(store: Store, clock: Clock) -> None:
    fill(store, clock)
    document = export_progress(store)
    before = copy.deepcopy(document)
    document["version"] = FORMAT_VERSION + 1
    document["reviews"] = []
    with pytest.raises(ExchangeError, match="newer summitreader"):
        import_progress(store, document)
    assert export_progress(store) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not valid JSON"),
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "not valid JSON"),
        (b"[1, 2]", "not a summitreader progress file"),
    ],
)
def test_unreadable_files_are_refused(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "in.json"
    path.write_bytes(content)
    with pytest.raises(ExchangeError, match=message):
        read_document(path)
    with pytest.raises(ExchangeError, match="cannot read"):
        read_document(tmp_path / "missing.json")
    with pytest.raises(ExchangeError, match="cannot read"):
        read_document(tmp_path)


def test_an_import_that_cannot_be_written_changes_nothing(
    store: Store, clock: Clock, tmp_path: Path, pack: Pack
) -> None:
    store.add_note("middle", 1, "mine")
    with open_store(tmp_path / "other", pack, clock=clock) as other:
        for number in range(300):
            other.add_note("ending", 1, f"theirs {number} " + "x" * 300)
        document = export_progress(other)
    before = export_progress(store)
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(ProgressNotSaved, match="disk is full"):
        import_progress(store, document)
    assert export_progress(store) == before


def test_times_are_normalised_to_utc(store: Store, clock: Clock) -> None:
    document = export_progress(store)
    paris = dt.timezone(dt.timedelta(hours=1))
    document["reviews"] = [
        {
            "card_id": "card-one",
            "rating": 3,
            "reviewed_at": dt.datetime(2026, 3, 1, 10, 0, tzinfo=paris).isoformat(),
        }
    ]
    import_progress(store, document)
    [review] = store.review_log()
    assert review.reviewed_at == dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)
    assert review.duration_ms is None and review.prior_state is None
    assert json.loads(json.dumps(export_progress(store)))["reviews"][0]["reviewed_at"] == (
        "2026-03-01T09:00:00.000000+00:00"
    )


def test_a_large_import_is_written_in_short_transactions(store: Store, clock: Clock) -> None:
    store.mark_read("opening")  # the file exists: its connection is the one traced
    count = 2 * BATCH_SIZE + 500
    document = review_document(store.pack.id, count, clock.now - dt.timedelta(days=1))
    transactions: list[int] = []

    def trace(statement: str) -> None:
        if statement == "BEGIN IMMEDIATE":
            transactions.append(0)
        elif transactions and statement.startswith("INSERT INTO reviews"):
            transactions[-1] += 1

    store._conn.set_trace_callback(trace)
    counts = import_progress(store, document)
    store._conn.set_trace_callback(None)
    assert counts["reviews"] == count
    assert transactions == [BATCH_SIZE, BATCH_SIZE, 500]
    assert len(store.review_log("card-one")) == count


def test_an_import_stopped_by_a_failed_write_is_completed_by_importing_again(
    store: Store, clock: Clock, tmp_path: Path, pack: Pack
) -> None:
    document = review_document(store.pack.id, 250, clock.now - dt.timedelta(days=1))
    document["notes"] = [
        {
            "uid": f"n{n}",
            "section": "middle",
            "paragraph": 1,
            "text": "x" * 500,
            "created": clock.now.isoformat(),
            "updated": clock.now.isoformat(),
        }
        for n in range(150)
    ]
    store.mark_read("opening")
    seen: list[int] = []

    def fill_the_disk(done: int, total: int) -> None:
        seen.append(done)
        pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
        store._conn.execute(f"PRAGMA max_page_count = {pages}")

    with pytest.raises(ProgressNotSaved, match="disk is full"):
        import_progress(store, document, batch_size=100, progress=fill_the_disk)
    assert seen == [100]  # the first batch was kept, the second refused whole
    store._conn.execute("PRAGMA max_page_count = 1073741823")
    import_progress(store, document, batch_size=100)

    with open_store(tmp_path / "other", pack, clock=clock) as clean:
        clean.mark_read("opening")
        import_progress(clean, document)
        assert export_progress(store) == export_progress(clean)
    assert sum(import_progress(store, document).values()) == 0


def test_the_folder_a_pack_was_opened_from_never_travels(
    store: Store, clock: Clock, tmp_path: Path, pack: Pack
) -> None:
    """The claim of a pack id records a folder of this machine: an export must not carry that
    path to another, and an import must not replace this machine's record with another's."""
    store.set_setting("pack_folder", {"folder": "/home/someone/packs/mine", "content_hash": "abc"})
    store.set_setting("theme", "nord")
    document = export_progress(store)
    assert [s["key"] for s in document["settings"]] == ["theme"]
    assert "/home/someone" not in json.dumps(document)

    clock.advance(days=1)
    document["settings"].append(
        {
            "key": "pack_folder",
            "value": {"folder": "/elsewhere", "content_hash": "x"},
            "updated": document["settings"][0]["updated"],
        }
    )
    with open_store(tmp_path / "other", pack, clock=clock) as other:
        other.set_setting("pack_folder", {"folder": "/here", "content_hash": "h"})
        import_progress(other, document)
        assert other.get_setting("pack_folder") == {"folder": "/here", "content_hash": "h"}
        assert other.get_setting("theme") == "nord"
