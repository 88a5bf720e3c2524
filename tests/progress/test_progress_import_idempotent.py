"""Importing is idempotent: two imports of one file at the same time, or an export imported back
after its text was cleaned, add each review once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from summitreader.pack.model import Pack
from summitreader.progress import Store, open_store
from summitreader.progress.exchange import export_progress, import_progress
from support.clock import Clock
from support.progress_pack import fsrs_state, review_document


def test_two_imports_of_one_file_at_the_same_time_add_each_review_once(
    store: Store, data_dir: Path, pack: Pack, clock: Clock
) -> None:
    document = review_document(pack.id, 6, clock.now - dt.timedelta(hours=1))
    with open_store(data_dir, pack, clock=clock) as other:
        started = False

        def meanwhile(done: int, total: int) -> None:
            # The first import has read the store and written its first batch; the second runs
            # whole before the first goes on (two processes importing the same file).
            nonlocal started
            if not started:
                started = True
                import_progress(other, document)

        import_progress(store, document, batch_size=1, progress=meanwhile)
    assert started
    assert len(store.review_log()) == 6
    assert import_progress(store, document)["reviews"] == 0
    assert len(store.review_log()) == 6


def test_the_same_review_twice_is_kept_twice_and_imported_once_each(
    store: Store, clock: Clock
) -> None:
    store.save_review("card-two", fsrs_state(clock.now), 1, clock.now, None, "typed answer")
    store.save_review("card-two", fsrs_state(clock.now), 1, clock.now, None, "typed answer")
    document = export_progress(store)
    assert import_progress(store, document)["reviews"] == 0
    assert len(store.review_log()) == 2


def test_an_answer_cleaned_on_export_does_not_duplicate_its_review(
    store: Store, clock: Clock
) -> None:
    """A review whose answer was stored before cleaning (an older version) is exported cleaned:
    imported back, it is still the same review."""
    store.save_review("card-one", fsrs_state(clock.now), 3, clock.now, 900, "plain")
    store._conn.execute("UPDATE reviews SET answer = ?", ("bidi \u202e and C1 \x9b here",))
    document = export_progress(store)
    assert import_progress(store, document)["reviews"] == 0
    assert len(store.review_log()) == 1


def test_a_typed_answer_is_stored_clean_and_its_export_imports_as_the_same_review(
    store: Store, clock: Clock
) -> None:
    store.save_review("card-one", fsrs_state(clock.now), 3, clock.now, 900, "a\u202eb\x9b[2Jc")
    (review,) = store.review_log()
    document = export_progress(store)
    assert review.answer == document["reviews"][0]["answer"]
    assert "\u202e" not in review.answer and "\x9b" not in review.answer
    assert import_progress(store, document)["reviews"] == 0


def test_an_imported_note_keeps_its_lines_with_cr_made_lf(store: Store, clock: Clock) -> None:
    document = export_progress(store)
    document["notes"] = [
        {
            "uid": "u1",
            "section": "middle",
            "paragraph": 1,
            "text": "one\r\ntwo\rthree\n\n  four",
            "created": clock.now.isoformat(),
            "updated": clock.now.isoformat(),
        }
    ]
    import_progress(store, document)
    assert [n.text for n in store.notes()] == ["one\ntwo\nthree\n\n  four"]
    assert export_progress(store)["notes"][0]["text"] == "one\ntwo\nthree\n\n  four"
