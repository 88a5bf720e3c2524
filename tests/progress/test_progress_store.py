"""The store's API: reading, bookmarks, notes, cards, settings, orphans, threads."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from pathlib import Path

import fsrs
import pytest

from summitreader.pack.model import Pack
from summitreader.progress import Bookmark, Position, Store, open_store
from support.clock import Clock
from support.progress_pack import fsrs_state, make_pack


def test_opening_a_missing_folder_creates_nothing(tmp_path: Path, pack: Pack) -> None:
    data_dir = tmp_path / "not" / "yet"
    with open_store(data_dir, pack) as store:
        assert store.persistent
        assert store.notices == []
        assert store.get_position() is None
        assert store.read_sections() == {}
        assert store.bookmarks() == []
        assert store.card_states() == {}
        assert store.get_setting("theme", "dark") == "dark"
    assert not (tmp_path / "not").exists()


def test_first_write_creates_the_folder(tmp_path: Path, pack: Pack) -> None:
    data_dir = tmp_path / "not" / "yet"
    with open_store(data_dir, pack) as store:
        store.set_position("middle", 2, 1.5)
        assert (data_dir / "progress.sqlite3").is_file()
    assert sorted(p.name for p in data_dir.iterdir()) == ["progress.sqlite3"]


def test_reading_position_and_sections(
    store: Store, clock: Clock, data_dir: Path, pack: Pack
) -> None:
    store.set_position("middle", 2, 12.25)
    assert store.get_position() == Position("middle", 2, 12.25)
    store.set_position("ending", 1)
    assert store.get_position() == Position("ending", 1, 0.0)

    store.mark_read("ending")
    clock.advance(minutes=5)
    store.mark_read("opening")
    assert list(store.read_sections()) == ["opening", "ending"]  # reading order
    assert store.read_sections()["opening"] == clock.now

    store.queue_reread("middle")
    store.queue_reread("opening")
    assert store.reread_queue() == {"middle", "opening"}
    store.mark_read("middle")
    assert store.reread_queue() == {"opening"}
    store.close()

    with open_store(data_dir, pack, clock=clock) as again:
        assert again.get_position() == Position("ending", 1, 0.0)
        assert set(again.read_sections()) == {"opening", "middle", "ending"}
        assert again.reread_queue() == {"opening"}


def test_unknown_sections_and_bad_values_are_refused(store: Store) -> None:
    with pytest.raises(ValueError):
        store.mark_read("no-such-section")
    with pytest.raises(ValueError):
        store.set_position("middle", -1)
    with pytest.raises(ValueError):
        store.set_position("middle", 1, float("nan"))
    with pytest.raises(ValueError):
        store.add_bookmark("nowhere", 1)
    with pytest.raises(TypeError):
        store.add_note("middle", 1, None)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        store.save_review("card-one", {}, 5, dt.datetime.now(dt.UTC))
    with pytest.raises(ValueError):
        store.save_review("card-one", {}, 3, dt.datetime(2026, 1, 1))  # naive
    with pytest.raises(TypeError):
        store.set_setting("theme", object())
    assert not store.has_file()  # nothing was written


def test_bookmarks(store: Store, clock: Clock) -> None:
    first = store.add_bookmark("ending", 2)
    second = store.add_bookmark("opening", 3)
    assert store.add_bookmark("ending", 2) == first  # the same paragraph once
    assert store.bookmarks() == [
        Bookmark(second, "opening", 3, clock.now),
        Bookmark(first, "ending", 2, clock.now),
    ]
    assert store.remove_bookmark(first)
    assert not store.remove_bookmark(first)
    assert [b.id for b in store.bookmarks()] == [second]


def test_notes(store: Store, clock: Clock) -> None:
    note = store.add_note("middle", 1, "Debatable: [b]not bold[/b]")
    created = clock.now
    clock.advance(hours=1)
    assert store.update_note(note, "Changed my mind.")
    other = store.add_note("opening", 2, "")
    notes = store.notes()
    assert [n.id for n in notes] == [other, note]
    assert notes[1].text == "Changed my mind."
    assert (notes[1].created, notes[1].updated) == (created, clock.now)
    assert store.delete_note(other)
    assert not store.update_note(other, "gone")
    assert [n.id for n in store.notes()] == [note]


def test_reviews_and_card_states(store: Store, clock: Clock) -> None:
    scheduler = fsrs.Scheduler()
    card = fsrs.Card()
    for rating in (fsrs.Rating.Good, fsrs.Rating.Good, fsrs.Rating.Again):
        card, _ = scheduler.review_card(card, rating, clock.now)
        store.save_review("card-one", card.to_dict(), int(rating), clock.now, 900, "typed")
        clock.advance(days=3)
    assert store.card_states() == {"card-one": card.to_dict()}
    assert fsrs.Card.from_dict(store.card_states()["card-one"]).due == card.due
    log = store.review_log("card-one")
    assert [r.rating for r in log] == [3, 3, 1]
    assert [r.prior_state for r in log] == [None, 1, 2]
    assert log[0].duration_ms == 900 and log[0].answer == "typed"
    assert log[-1].due == card.due
    assert store.review_log("card-two") == []
    assert len(store.review_log()) == 3


def test_an_older_state_does_not_replace_a_newer_one(store: Store, clock: Clock) -> None:
    later = clock.now + dt.timedelta(hours=1)
    store.save_review("card-one", fsrs_state(later, 2, mark="new"), 3, later)
    store.save_review("card-one", fsrs_state(clock.now, 1, mark="old"), 1, clock.now)
    assert store.card_states()["card-one"]["mark"] == "new"
    assert [r.rating for r in store.review_log()] == [1, 3]  # both logged, in time order


def test_settings(store: Store, data_dir: Path, pack: Pack) -> None:
    store.set_setting("theme", "gruvbox")
    store.set_setting("new_per_day", 12)
    store.set_setting("layout", {"sidebar": True, "widths": [30, 70]})
    with pytest.raises(ValueError):
        store.set_setting("bad", float("inf"))
    store.close()
    with open_store(data_dir, pack) as again:
        assert again.get_setting("theme") == "gruvbox"
        assert again.get_setting("new_per_day") == 12
        assert again.get_setting("layout") == {"sidebar": True, "widths": [30, 70]}
        assert again.get_setting("missing") is None


def test_progress_is_per_pack(data_dir: Path, pack: Pack) -> None:
    other = make_pack(pack_id="other-pack")
    with open_store(data_dir, pack) as mine, open_store(data_dir, other) as theirs:
        mine.mark_read("opening")
        mine.set_setting("theme", "nord")
        assert theirs.read_sections() == {}
        assert theirs.get_setting("theme") is None


def test_a_changed_pack_keeps_progress_on_ids_that_remain(data_dir: Path, clock: Clock) -> None:
    old = make_pack()
    with open_store(data_dir, old, clock=clock) as store:
        store.mark_read("opening")
        store.mark_read("middle")
        store.add_bookmark("middle", 1)
        store.add_note("middle", 2, "kept in the file")
        store.set_position("middle", 3)
        store.save_review("card-two", fsrs_state(clock.now, 2), 3, clock.now)
        store.save_review("card-three", fsrs_state(clock.now, 2), 3, clock.now)

    changed = make_pack(
        sections=("opening", "ending", "new-part"),
        cards=("card-two", "card-x"),
        content_hash="hash-2",
    )
    with open_store(data_dir, changed, clock=clock) as store:
        assert set(store.read_sections()) == {"opening"}
        assert store.bookmarks() == [] and store.notes() == []
        assert store.get_position() is None
        deck = [card.id for card in changed.cards]
        assert set(store.card_states(deck)) == {"card-two"}
        assert [r.card_id for r in store.review_log(card_ids=deck)] == ["card-two"]
        store.mark_read("new-part")

    with open_store(data_dir, old, clock=clock) as store:  # the orphans were kept
        assert set(store.read_sections()) == {"opening", "middle"}
        assert len(store.notes()) == 1
        assert set(store.card_states(card.id for card in old.cards)) == {"card-two", "card-three"}
        assert set(store.card_states()) == {"card-two", "card-three"}  # every card with progress


def test_card_methods_return_the_cards_asked_for(data_dir: Path, pack: Pack, clock: Clock) -> None:
    with open_store(data_dir, pack, clock=clock) as store:
        store.save_review("gen-when-1", fsrs_state(clock.now, 1), 3, clock.now)
        store.save_review("not-in-deck", fsrs_state(clock.now, 1), 3, clock.now)
        assert set(store.card_states(["gen-when-1", "card-one"])) == {"gen-when-1"}
        assert [r.card_id for r in store.review_log(card_ids=["gen-when-1"])] == ["gen-when-1"]
        assert set(store.card_states()) == {"gen-when-1", "not-in-deck"}


def test_threads_share_a_store(store: Store) -> None:
    errors: list[BaseException] = []

    def work(number: int) -> None:
        try:
            for paragraph in range(1, 21):
                store.add_bookmark(
                    ("opening", "middle", "ending")[number % 3], number * 100 + paragraph
                )
                store.get_position()
                store.bookmarks()
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert errors == []
    assert len(store.bookmarks()) == 80


def test_reset_backs_up_then_clears(store: Store, data_dir: Path, pack: Pack) -> None:
    store.mark_read("opening")
    store.add_note("middle", 1, "note")
    other = make_pack(pack_id="other-pack")
    with open_store(data_dir, other) as theirs:
        theirs.mark_read("opening")
    backup = store.reset()
    assert backup is not None and backup.parent == data_dir / "backups"
    assert store.read_sections() == {} and store.notes() == []
    with open_store(data_dir, other) as theirs:
        assert set(theirs.read_sections()) == {"opening"}  # another pack's progress stays
    conn = sqlite3.connect(backup)
    try:
        assert conn.execute("SELECT count(*) FROM notes").fetchone() == (1,)
    finally:
        conn.close()
