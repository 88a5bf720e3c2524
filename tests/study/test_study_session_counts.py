"""What a session says of itself: right first time counts right answers, and the cards to come
are counted as new, learning and review."""

from __future__ import annotations

from summitreader.pack import Pack
from summitreader.progress import Store
from summitreader.study.deck import build_deck
from summitreader.study.grading import AGAIN, GOOD, HARD
from summitreader.study.schedule import Schedule
from summitreader.study.session import Session
from support.clock import Clock
from support.review import answer_right


def pick(pack: Pack, *ids: str) -> list:
    deck = {c.id: c for c in build_deck(pack)}
    return [deck[i] for i in ids]


def test_wrong_graded_answers_rated_good_are_not_right_first_time(
    pack: Pack, store: Store, clock: Clock
) -> None:
    cards = pick(pack, "helsinki-date", "helsinki-one-on-one", "paris-occasion")
    session = Session(cards, store, Schedule(), clock, "Wrong")
    while session.phase != "done":
        card = session.current
        assert card is not None
        if card.card_kind == "choice":
            session.submit_choice(next(c for c in card.choices if c != card.answer))
        else:
            session.submit_text("xq zv")
        assert session.grade is not None and not session.grade.correct
        session.rate(GOOD)
    summary = session.summary()
    assert (summary.seen, summary.right_first, summary.accuracy) == (3, 0, 0.0)


def test_right_graded_answers_rated_again_are_right_first_time(
    pack: Pack, store: Store, clock: Clock
) -> None:
    session = Session(pick(pack, "helsinki-date"), store, Schedule(), clock, "Right")
    answer_right(session)
    session.rate(AGAIN)
    session.next()
    summary = session.finish()
    assert (summary.seen, summary.right_first) == (1, 1)


def test_a_flip_card_counts_by_its_rating(pack: Pack, store: Store, clock: Clock) -> None:
    session = Session(pick(pack, "helsinki-result"), store, Schedule(), clock, "Flip")
    session.reveal()
    session.rate(HARD)
    assert session.summary().right_first == 1
    other = Session(pick(pack, "helsinki-result"), store, Schedule(), clock, "Flip again")
    other.reveal()
    other.rate(AGAIN)
    other.next()
    assert other.finish().right_first == 0


def test_cards_to_come_are_counted_as_new_learning_and_review(
    pack: Pack, store: Store, clock: Clock
) -> None:
    cards = pick(pack, "helsinki-date", "helsinki-result")
    session = Session(cards, store, Schedule(), clock, "Counts")
    assert session.counts() == (2, 0, 0)
    answer_right(session)
    session.rate(AGAIN)
    session.next()
    assert session.counts() == (1, 1, 0)
    answer_right(session)
    session.rate(AGAIN)
    session.next()
    assert session.counts() == (0, 2, 0)
    session.finish()
    assert session.counts() == (0, 0, 0)
