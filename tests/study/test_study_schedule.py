"""FSRS scheduling with an injected clock: previews, states over simulated weeks, the daily
limit."""

from __future__ import annotations

import datetime as dt

import pytest

from summitreader.card_state import due_of, state_code
from summitreader.pack import Pack
from summitreader.progress import Store
from summitreader.study.deck import build_deck
from summitreader.study.grading import AGAIN, EASY, GOOD, HARD
from summitreader.study.plan import due_session, today_status
from summitreader.study.schedule import (
    NEW_PER_DAY_DEFAULT,
    Schedule,
    format_interval,
    format_when,
    new_per_day,
)
from support.clock import START, Clock
from support.review import answer_right


def test_preview_of_a_new_card_grows_with_the_rating() -> None:
    previews = Schedule().preview("c", None, START)
    assert sorted(previews) == [AGAIN, HARD, GOOD, EASY]
    intervals = [previews[r].interval for r in (AGAIN, HARD, GOOD, EASY)]
    assert intervals == sorted(intervals)
    assert previews[AGAIN].label == "1m"
    assert previews[GOOD].label == "10m"
    assert previews[EASY].interval >= dt.timedelta(days=1)
    assert all(
        p.due.tzinfo is not None and p.due.utcoffset() == dt.timedelta(0) for p in previews.values()
    )


def test_the_applied_interval_is_the_one_previewed() -> None:
    schedule = Schedule()
    state = None
    now = START
    for rating in (GOOD, GOOD, GOOD, HARD, EASY):
        preview = schedule.preview("c", state, now)[rating]
        state = schedule.review("c", state, rating, now)
        assert due_of(state) == preview.due
        now = preview.due


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError):
        Schedule().preview("c", None, dt.datetime(2026, 1, 1, 12))


def test_states_over_simulated_weeks() -> None:
    """Learning → review with growing intervals → a lapse → relearning → review again."""
    schedule = Schedule()
    clock = Clock()
    state = None
    seen_states = []
    intervals = []
    for rating in (GOOD, GOOD, GOOD, GOOD, GOOD, AGAIN, GOOD, GOOD):
        state = schedule.review("c", state, rating, clock())
        seen_states.append(state_code(state))
        due = due_of(state)
        assert due is not None and due > clock()
        if state_code(state) == 2:
            intervals.append(due - clock())
        clock.set(due)
    assert seen_states[:2] == [1, 2]  # two learning steps, then review
    assert seen_states[5] == 3  # the lapse
    assert seen_states[-1] == 2
    before_lapse = intervals[:4]
    assert before_lapse == sorted(before_lapse) and before_lapse[-1] >= dt.timedelta(days=14)
    assert clock() - START >= dt.timedelta(weeks=4)


def test_retrievability_falls_with_time() -> None:
    schedule = Schedule()
    state = schedule.review("c", None, EASY, START)
    soon = schedule.retrievability(state, START + dt.timedelta(days=1))
    later = schedule.retrievability(state, START + dt.timedelta(days=60))
    assert 1 >= soon > later > 0
    assert schedule.retrievability(None, START) == 0


@pytest.mark.parametrize(
    ("delta", "label"),
    [
        (dt.timedelta(seconds=20), "<1m"),
        (dt.timedelta(minutes=10), "10m"),
        (dt.timedelta(hours=5), "5h"),
        (dt.timedelta(days=3), "3d"),
        (dt.timedelta(days=61), "2mo"),
        (dt.timedelta(days=365 * 2), "2y"),
        (dt.timedelta(days=550), "1.5y"),
    ],
)
def test_format_interval(delta: dt.timedelta, label: str) -> None:
    assert format_interval(delta) == label


def test_format_when() -> None:
    assert format_when(START, START) == "now"
    assert format_when(START + dt.timedelta(days=2), START) == "in 2d"


def test_new_per_day_setting() -> None:
    assert new_per_day(5) == 5
    assert new_per_day(0) == 0
    for bad in (None, -1, "7", True, 2.5):
        assert new_per_day(bad) == NEW_PER_DAY_DEFAULT


def test_daily_limit_of_new_cards_over_days(pack: Pack, store: Store, clock: Clock) -> None:
    """Five new cards a day: a day's new cards are started, the next day brings five more, and
    the first day's come back due."""
    store.set_setting("new_per_day", 5)
    deck = build_deck(pack)
    schedule = Schedule()

    session = due_session(deck, store, schedule, clock)
    assert session.total == 5
    first_day = [c.id for c in session.cards]
    assert first_day == [c.id for c in deck[:5]]
    while session.phase != "done":
        if session.phase == "asking":
            answer_right(session)
            session.rate(EASY)
        else:
            session.next()
    assert set(store.card_states()) == set(first_day)

    clock.advance(hours=1)
    again = today_status(deck, store, clock())
    assert again.new == () and again.new_today == 5 and again.due == ()
    assert due_session(deck, store, schedule, clock).total == 0

    clock.advance(days=1)
    tomorrow = due_session(deck, store, schedule, clock)
    ids = [c.id for c in tomorrow.cards]
    assert len(ids) == 5 and not set(ids) & set(first_day)

    clock.advance(days=30)
    later = today_status(deck, store, clock())
    assert set(first_day) <= set(later.due)


def test_deck_status_counts_learning_cards_due_later_today(
    pack: Pack, store: Store, clock: Clock
) -> None:
    deck = build_deck(pack)
    session = due_session(deck, store, Schedule(), clock)
    answer_right(session)
    session.rate(GOOD)  # a new card on Good: due again in ten minutes
    status = today_status(deck, store, clock())
    assert status.learning == (deck[0].id,)
    assert status.next_due == clock() + dt.timedelta(minutes=10)
    assert status.new_today == 1 and len(status.new) == 19
    clock.advance(minutes=11)
    status = today_status(deck, store, clock())
    assert status.due == (deck[0].id,) and status.learning == ()
