"""How well each takeaway is known: learned cards and their predicted recall."""

from __future__ import annotations

from summitreader.pack import Pack
from summitreader.study.deck import build_deck, cards_of_takeaway
from summitreader.study.grading import AGAIN, EASY, GOOD
from summitreader.study.mastery import mastery_by_takeaway
from summitreader.study.schedule import Schedule
from support.clock import Clock


def test_a_card_rated_again_just_now_is_not_learned(pack: Pack, clock: Clock) -> None:
    deck = build_deck(pack)
    takeaway = pack.takeaways[0]
    card = cards_of_takeaway(deck, takeaway.id)[0]
    states = {card.id: Schedule().review(card.id, None, AGAIN, clock())}
    [row] = [
        m for m in mastery_by_takeaway(pack, deck, states, clock()) if m.takeaway_id == takeaway.id
    ]
    assert (row.learned, row.recall) == (0, None)


def test_a_card_past_its_learning_steps_is_learned(pack: Pack, clock: Clock) -> None:
    deck = build_deck(pack)
    takeaway = pack.takeaways[0]
    card = cards_of_takeaway(deck, takeaway.id)[0]
    schedule = Schedule()
    state = schedule.review(card.id, None, EASY, clock())
    clock.advance(days=2)
    states = {card.id: state}
    [row] = [
        m for m in mastery_by_takeaway(pack, deck, states, clock()) if m.takeaway_id == takeaway.id
    ]
    assert row.learned == 1
    assert row.recall is not None and 0 < row.recall < 1


def test_a_lapsed_card_is_learned_again_once_relearned(pack: Pack, clock: Clock) -> None:
    deck = build_deck(pack)
    takeaway = pack.takeaways[0]
    card = cards_of_takeaway(deck, takeaway.id)[0]
    schedule = Schedule()
    state = schedule.review(card.id, None, EASY, clock())
    clock.advance(days=5)
    state = schedule.review(card.id, state, AGAIN, clock())
    [row] = [
        m
        for m in mastery_by_takeaway(pack, deck, {card.id: state}, clock())
        if m.takeaway_id == takeaway.id
    ]
    assert row.learned == 0 and row.due == 0
    clock.advance(minutes=15)
    state = schedule.review(card.id, state, GOOD, clock())
    [row] = [
        m
        for m in mastery_by_takeaway(pack, deck, {card.id: state}, clock())
        if m.takeaway_id == takeaway.id
    ]
    assert row.learned == 1
