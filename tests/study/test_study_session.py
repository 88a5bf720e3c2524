"""Study sessions on the real store: answering, rating, the re-read loop, cram, the summary."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from summitreader.card_state import due_of, state_code
from summitreader.pack import Pack
from summitreader.progress import Store
from summitreader.study.deck import build_deck, cards_of_takeaway
from summitreader.study.grading import AGAIN, EASY, GOOD, HARD
from summitreader.study.plan import cram_session, due_session, takeaway_session
from summitreader.study.schedule import Schedule
from summitreader.study.session import Session, shuffled_items
from support.clock import Clock
from support.review import answer_right


def pick(pack: Pack, *ids: str) -> list:
    deck = {c.id: c for c in build_deck(pack)}
    return [deck[i] for i in ids]


def test_a_whole_session_of_every_kind(pack: Pack, store: Store, clock: Clock) -> None:
    cards = pick(
        pack,
        "helsinki-date",
        "helsinki-one-on-one",
        "paris-occasion",
        "order-inf-treaty",
        "helsinki-result",
    )
    session = Session(cards, store, Schedule(), clock, "Five")
    assert {c.card_kind for c in cards} == {"typed", "cloze", "choice", "order", "recall"}
    shown = []
    while session.phase != "done":
        assert session.phase == "asking" and session.previews
        shown.append(session.current.id)
        answer_right(session)
        assert session.phase == "answered" and session.proposed == GOOD
        clock.advance(seconds=30)
        session.rate(EASY)
    assert shown == [c.id for c in cards]
    states = store.card_states()
    assert set(states) == set(shown)
    assert all(state_code(s) == 2 for s in states.values())
    log = store.review_log()
    assert [r.card_id for r in log] == shown
    assert log[0].answer == "16 July 2018" and log[0].duration_ms == 30_000
    assert log[-1].answer is None
    summary = session.summary()
    assert (summary.seen, summary.reviews, summary.right_first, summary.accuracy) == (5, 5, 5, 1.0)
    assert summary.duration == dt.timedelta(seconds=150)
    assert summary.next_due is not None and summary.next_due > clock()


def test_learning_cards_come_back_in_the_same_session(
    pack: Pack, store: Store, clock: Clock
) -> None:
    session = Session(pick(pack, "helsinki-result"), store, Schedule(), clock, "One")
    session.reveal()
    session.rate(GOOD)  # due again in ten minutes: within the learn-ahead
    assert session.phase == "asking" and session.current.id == "helsinki-result"
    session.reveal()
    session.rate(GOOD)  # now in review, due in days
    assert session.phase == "done"
    summary = session.summary()
    assert (summary.seen, summary.reviews) == (1, 2)


def test_again_queues_the_passage_to_reread(pack: Pack, store: Store, clock: Clock) -> None:
    cards = pick(pack, "da-nang-city", "helsinki-result")
    session = Session(cards, store, Schedule(), clock, "Two")
    grade = session.submit_text("Hanoi")
    assert grade.rating == AGAIN and session.proposed == AGAIN
    session.rate()  # the proposed rating
    assert session.phase == "reread"
    assert session.reread_section == "context-and-background" and session.reread_saved
    assert store.reread_queue() == {"context-and-background"}
    assert store.card_states()["da-nang-city"]["state"] == 1
    session.next()
    assert session.current.id == "helsinki-result"
    session.reveal()
    session.rate(EASY)
    # The forgotten card comes back (due in a minute), and is right this time.
    assert session.current.id == "da-nang-city"
    session.submit_text("Da Nang")
    session.rate()
    summary = session.finish()
    assert summary.seen == 2 and summary.right_first == 1 and summary.accuracy == 0.5
    assert summary.reread == ("context-and-background",)
    assert summary.ratings == {AGAIN: 1, EASY: 1, GOOD: 1}


def test_ending_early_keeps_what_was_rated(pack: Pack, store: Store, clock: Clock) -> None:
    deck = build_deck(pack)
    session = due_session(deck, store, Schedule(), clock)
    assert session.total == 20  # nothing due yet: the day's new cards
    for _ in range(3):
        answer_right(session)
        session.rate(EASY)
    summary = session.finish()
    assert session.phase == "done" and session.current is None
    assert summary.seen == 3 and len(store.card_states()) == 3


def test_cram_changes_no_schedule(pack: Pack, store: Store, clock: Clock) -> None:
    cards = pick(pack, "helsinki-result", "da-nang-city")
    session = cram_session(cards, "Cram", store, Schedule(), clock)
    assert session.cram and session.previews == {}
    session.reveal()
    session.rate(GOOD)
    session.submit_text("wrong")
    session.rate(AGAIN)
    assert session.phase == "reread"
    session.next()
    assert session.current.id == "da-nang-city"  # again at the end
    session.submit_text("Da Nang")
    session.rate()
    assert session.phase == "done"
    assert store.card_states() == {} and store.review_log() == []
    assert store.reread_queue() == {"context-and-background"}


def test_a_takeaway_session_holds_its_due_and_new_cards(
    pack: Pack, store: Store, clock: Clock
) -> None:
    deck = build_deck(pack)
    takeaway = "history-of-limited-success"
    own = cards_of_takeaway(deck, takeaway)
    session = takeaway_session(deck, takeaway, "History", store, Schedule(), clock)
    assert [c.id for c in session.cards] == [c.id for c in own]
    while session.phase != "done":
        answer_right(session)
        session.rate(EASY)
    assert takeaway_session(deck, takeaway, "History", store, Schedule(), clock).total == 0
    clock.advance(days=60)
    assert takeaway_session(deck, takeaway, "History", store, Schedule(), clock).total == len(own)


def test_a_failed_save_is_counted_and_changes_nothing(
    pack: Pack, store: Store, clock: Clock
) -> None:
    def refuse(write: Callable[[], object]) -> bool:
        return False

    session = Session(
        pick(pack, "helsinki-result", "da-nang-city"), store, Schedule(), clock, "Two", save=refuse
    )
    session.reveal()
    session.rate(GOOD)
    assert session.current.id == "da-nang-city"  # not requeued: its state did not change
    session.submit_text("x")
    session.rate()
    assert session.phase == "reread" and not session.reread_saved
    session.next()
    summary = session.summary()
    assert summary.not_saved == 2 and summary.reread == ()
    assert store.card_states() == {}


def test_rating_before_answering_is_refused(pack: Pack, store: Store, clock: Clock) -> None:
    session = Session(pick(pack, "helsinki-result"), store, Schedule(), clock, "One")
    with pytest.raises(RuntimeError):
        session.rate(GOOD)
    with pytest.raises(ValueError):
        session.submit_text("None")  # a flip card is not typed
    session.reveal()
    with pytest.raises(RuntimeError):
        session.reveal()
    with pytest.raises(ValueError):
        session.rate(5)


def test_an_empty_session_is_done_at_once(store: Store, clock: Clock) -> None:
    session = Session([], store, Schedule(), clock, "Nothing")
    assert session.phase == "done" and session.current is None
    assert session.summary().seen == 0 and session.summary().accuracy is None


def test_order_cards_start_mixed_up(pack: Pack) -> None:
    for card in build_deck(pack):
        if card.card_kind == "order":
            start = shuffled_items(card)
            assert sorted(start) == sorted(card.items) and start != card.items
            assert shuffled_items(card) == start


def test_due_times_are_utc(pack: Pack, store: Store, clock: Clock) -> None:
    session = Session(pick(pack, "helsinki-result"), store, Schedule(), clock, "One")
    session.reveal()
    session.rate(EASY)
    due = due_of(store.card_states()["helsinki-result"])
    assert due is not None and due.utcoffset() == dt.timedelta(0)
    assert HARD in session.previews or session.phase == "done"
