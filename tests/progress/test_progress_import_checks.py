"""What an import accepts: every record valid all the way through (times, numbers, FSRS states,
Unicode), texts cleaned where they enter, and the store untouched when a document is refused."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from summitreader.progress import Store, open_store
from summitreader.progress.exchange import (
    ExchangeError,
    export_progress,
    import_progress,
    read_document,
    write_document,
)
from summitreader.text import clean_text
from support.clock import Clock
from support.progress_pack import assert_usable, fsrs_state, good_document

HOSTILE = (
    "Note \x1b]0;owned-title\x07 \x1b]52;c;b3duZWQ=\x07 \x1b[6n \x1b[2J \x9b31m \x9d0;x\x9c "
    "\u202eevil\u202c \u2066iso\u2069 \x85end"
)
# -- each class of bad record --------------------------------------------------------------------

FUTURE = "9999-12-31T23:59:59+00:00"
ANCIENT = "0001-01-01T00:00:00+00:00"

BAD_RECORDS = {
    "a card state updated in year 9999": (
        lambda d: d["card_states"][0].update(updated=FUTURE),
        "card_states[0].updated",
    ),
    "a card state last reviewed in year 9999": (
        lambda d: d["card_states"][0]["state"].update(last_review=FUTURE),
        "card_states[0].state.last_review",
    ),
    "a card due in year 9999": (
        lambda d: d["card_states"][0]["state"].update(due=FUTURE),
        "card_states[0].state.due",
    ),
    "a review in year 1": (
        lambda d: d["reviews"][0].update(reviewed_at=ANCIENT),
        "reviews[0].reviewed_at",
    ),
    "a review due in year 9999": (lambda d: d["reviews"][0].update(due=FUTURE), "reviews[0].due"),
    "a note written in year 1": (lambda d: d["notes"][0].update(created=ANCIENT), "notes[0]"),
    "a note edited in year 9999": (lambda d: d["notes"][0].update(updated=FUTURE), "notes[0]"),
    "a position from year 9999": (
        lambda d: d["position"].update(updated="9999-12-31T23:00:00-05:00"),
        "position.updated",
    ),
    "a bookmark from next week": (
        lambda d: d["bookmarks"][0].update(created="2026-03-09T09:00:00+00:00"),
        "bookmarks[0].created",
    ),
    "an infinite stability": (
        lambda d: d["card_states"][0]["state"].update(stability=float("inf")),
        "card_states[0].state",
    ),
    "an infinite setting": (
        lambda d: d["settings"][0]["value"].update(size=float("inf")),
        "settings[0].value",
    ),
    "a scroll too large for a float": (
        lambda d: d["position"].update(scroll=10**400),
        "position.scroll",
    ),
    "a card state without its fields": (
        lambda d: d["card_states"][0].update(state={"state": 2}),
        "card_states[0].state",
    ),
    "a card state FSRS cannot schedule": (
        lambda d: d["card_states"][0]["state"].update(state=2, stability=None),
        "card_states[0].state",
    ),
    "a card state with a text for a step": (
        lambda d: d["card_states"][0]["state"].update(state=1, step="x"),
        "card_states[0].state.step",
    ),
    "a card state due with no time zone": (
        lambda d: d["card_states"][0]["state"].update(due="2026-03-05T00:00:00"),
        "card_states[0].state.due",
    ),
    "a lone surrogate in a note": (
        lambda d: d["notes"][0].update(text="broken \ud800 text"),
        "notes[0].text",
    ),
    "a lone surrogate in an answer": (
        lambda d: d["reviews"][0].update(answer="\udfff"),
        "reviews[0].answer",
    ),
    "a note of megabytes": (
        lambda d: d["notes"][0].update(text="word " * 400_000),
        "notes[0].text",
    ),
    "a lone surrogate in a setting": (
        lambda d: d["settings"][0].update(value={"\ud83d": 1}),
        "settings[0].value",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_RECORDS))
def test_a_bad_record_refuses_the_document_naming_it(case: str, store: Store, clock: Clock) -> None:
    store.add_note("opening", 1, "mine")
    before = export_progress(store)
    document = good_document(store, clock)
    change, where = BAD_RECORDS[case]
    change(document)
    with pytest.raises(ExchangeError) as caught:
        import_progress(store, document)
    message = str(caught.value)
    assert message.startswith(where) and "\n" not in message
    assert clean_text(message) == message and message.encode("utf-8")
    assert export_progress(store) == before


def test_the_good_document_is_accepted_and_usable(store: Store, clock: Clock) -> None:
    counts = import_progress(store, good_document(store, clock))
    assert sum(counts.values()) == 8
    assert_usable(store)


def test_a_clock_a_little_ahead_is_taken_as_now_so_reviews_still_move_the_card(
    store: Store, clock: Clock
) -> None:
    document = good_document(store, clock)
    ahead = clock.now + dt.timedelta(hours=20)  # the other machine's clock was wrong
    document["card_states"][0]["updated"] = ahead.isoformat()
    import_progress(store, document)
    clock.advance(minutes=1)
    new_state = fsrs_state(clock.now + dt.timedelta(days=9), marker="after the import")
    store.save_review("card-one", new_state, 3, clock.now)
    assert store.card_states()["card-one"]["marker"] == "after the import"


# -- text from a progress file -------------------------------------------------------------------


def test_imported_texts_are_cleaned(store: Store, clock: Clock, tmp_path: Path) -> None:
    document = good_document(store, clock)
    document["notes"][0]["text"] = HOSTILE
    document["reviews"][0]["answer"] = HOSTILE
    document["settings"][0]["value"] = {"name": HOSTILE, HOSTILE: [HOSTILE]}
    document["card_states"][0]["state"]["label"] = HOSTILE
    import_progress(store, document)
    [note] = store.notes()
    assert note.text == clean_text(HOSTILE)
    assert note.text.startswith("Note") and "evil" in note.text and note.text.endswith("end")
    assert [r.answer for r in store.review_log()] == [clean_text(HOSTILE)]
    setting = store.get_setting("theme")
    assert setting == {"name": clean_text(HOSTILE), clean_text(HOSTILE): [clean_text(HOSTILE)]}
    assert store.card_states()["card-one"]["label"] == clean_text(HOSTILE)
    write_document(export_progress(store), tmp_path / "out.json")
    text = (tmp_path / "out.json").read_text(encoding="utf-8")
    assert clean_text(text) == text  # nothing that drives a terminal


def test_typed_note_text_is_cleaned(store: Store) -> None:
    note = store.add_note("middle", 1, HOSTILE)
    assert store.notes()[0].text == clean_text(HOSTILE)
    store.update_note(note, "\x1b[2J" + HOSTILE)
    assert store.notes()[0].text == clean_text(HOSTILE)


def test_notes_an_older_version_kept_raw_are_cleaned_when_read_and_escaped_when_exported(
    store: Store, clock: Clock, tmp_path: Path
) -> None:
    store.add_note("middle", 1, "placeholder")
    store._conn.execute("UPDATE notes SET text = ?", (HOSTILE,))  # as an older version kept it
    assert store.notes()[0].text == clean_text(HOSTILE)
    write_document(export_progress(store), tmp_path / "out.json")
    raw = (tmp_path / "out.json").read_text(encoding="utf-8")
    assert clean_text(raw) == raw
    assert json.loads(raw)["notes"][0]["text"] == HOSTILE  # escaped, not lost


# -- the file itself -----------------------------------------------------------------------------


def test_a_byte_order_mark_is_accepted(store: Store, clock: Clock, tmp_path: Path) -> None:
    path = tmp_path / "with-bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(good_document(store, clock)).encode())
    import_progress(store, read_document(path))
    assert [n.text for n in store.notes()] == ["words"]


def test_an_overflowing_number_in_the_file_is_refused_and_export_keeps_working(
    store: Store, clock: Clock, tmp_path: Path
) -> None:
    text = json.dumps(good_document(store, clock)).replace('"size": 1.5', '"size": 1e999')
    path = tmp_path / "overflow.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ExchangeError, match=r"settings\[0\]\.value.*finite"):
        import_progress(store, read_document(path))
    write_document(export_progress(store), tmp_path / "out.json")


def test_a_lone_surrogate_escaped_in_the_file_is_refused(
    store: Store, clock: Clock, tmp_path: Path
) -> None:
    text = json.dumps(good_document(store, clock)).replace('"words"', '"bad \\ud800 text"')
    path = tmp_path / "surrogate.json"
    path.write_text(text, encoding="utf-8")
    before = export_progress(store)
    with pytest.raises(ExchangeError, match=r"notes\[0\]\.text: not valid Unicode"):
        import_progress(store, read_document(path))
    assert export_progress(store) == before


def test_a_refused_document_leaves_a_new_store_without_a_file(
    data_dir: Path, clock: Clock, pack: Any
) -> None:
    with open_store(data_dir, pack, clock=clock) as store:
        document = good_document(store, clock)
        document["reviews"][0]["reviewed_at"] = FUTURE
        with pytest.raises(ExchangeError):
            import_progress(store, copy.deepcopy(document))
        assert not store.has_file()
    assert not data_dir.exists()
