"""Which cards a session holds: the cards due now and the day's new ones, one takeaway's cards,
or any cards crammed without changing their schedule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from summitreader.card_state import due_of
from summitreader.pack.model import Card
from summitreader.study.deck import cards_of_takeaway
from summitreader.study.schedule import (
    NEW_PER_DAY_DEFAULT,
    NEW_PER_DAY_KEY,
    DeckStatus,
    Schedule,
    deck_status,
    end_of_day,
    new_per_day,
    start_of_day,
    utc,
)
from summitreader.study.session import Save, Session, StudyStore, run_write


def today_status(
    deck: Sequence[Card], store: StudyStore, now: dt.datetime, tz: dt.tzinfo | None = None
) -> DeckStatus:
    """What ``deck`` holds at ``now``: due cards, learning ones, and the day's new ones under the
    daily limit kept in the store. The review log is only asked which cards were started today."""
    ids = [card.id for card in deck]
    started = store.started_between(start_of_day(now, tz), end_of_day(now, tz), ids)
    limit = new_per_day(store.get_setting(NEW_PER_DAY_KEY, NEW_PER_DAY_DEFAULT))
    return deck_status(deck, store.card_states(ids), started, now, limit, tz)


def due_session(
    deck: Sequence[Card],
    store: StudyStore,
    schedule: Schedule,
    clock: Callable[[], dt.datetime],
    save: Save = run_write,
    tz: dt.tzinfo | None = None,
) -> Session:
    """The cards due now, then new cards within the daily limit."""
    status = today_status(deck, store, clock(), tz)
    by_id = {card.id: card for card in deck}
    cards = [by_id[i] for i in (*status.due, *status.new)]
    return Session(cards, store, schedule, clock, session_title(status), "due", save, deck)


def session_title(status: DeckStatus) -> str:
    """What the day's session holds, truly: due cards, new cards, or both."""
    if status.due and status.new:
        return "Due and new cards"
    return "New cards" if status.new else "Due cards"


def takeaway_session(
    deck: Sequence[Card],
    takeaway_id: str,
    title: str,
    store: StudyStore,
    schedule: Schedule,
    clock: Callable[[], dt.datetime],
    save: Save = run_write,
) -> Session:
    """One takeaway's cards that are due or new (the daily limit does not apply: this session
    is asked for)."""
    states = store.card_states(card.id for card in deck)
    now = utc(clock())
    cards = [
        card
        for card in cards_of_takeaway(deck, takeaway_id)
        if (when := due_of(states.get(card.id))) is None or when <= now
    ]
    return Session(cards, store, schedule, clock, title, "takeaway", save, deck)


def cram_session(
    cards: Sequence[Card],
    title: str,
    store: StudyStore,
    schedule: Schedule,
    clock: Callable[[], dt.datetime],
    save: Save = run_write,
) -> Session:
    """Every one of ``cards``, whatever is due, without changing any schedule."""
    return Session(list(cards), store, schedule, clock, title, "cram", save, cards)
