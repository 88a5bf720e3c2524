"""Scheduling with FSRS (the ``fsrs`` package): card states, previews, due and new cards.

A card's state is what the progress store keeps: ``fsrs.Card.to_dict()``. A card with no state is
new. All times are timezone-aware UTC; "today" is the local calendar day of the machine (what a
reader means by today), unless a timezone is passed.

Fuzzing is off: the interval shown under each rating before the user picks is exactly the one
applied. (FSRS fuzz spreads the reviews of large decks over neighbouring days; a deck of a hundred
cards gains little from it.)
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, cast

from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler

from summitreader.card_state import LEARNING, RELEARNING, due_of, state_code
from summitreader.pack.model import Card

if TYPE_CHECKING:
    from fsrs.card import CardDict

UTC = dt.UTC
NEW_PER_DAY_KEY = "new_per_day"
NEW_PER_DAY_DEFAULT = 20
LEARN_AHEAD = dt.timedelta(minutes=20)
"""A card in (re)learning due within this time is shown again in the same session."""


class ReviewRecord(Protocol):
    card_id: str
    reviewed_at: dt.datetime


@dataclass(frozen=True, slots=True)
class Preview:
    """What a rating would do: the card's next state, when it would be due, and after how long."""

    rating: int
    state: dict[str, Any]
    due: dt.datetime
    interval: dt.timedelta

    @property
    def label(self) -> str:
        return format_interval(self.interval)


class Schedule:
    """FSRS with summitreader's settings."""

    def __init__(
        self,
        desired_retention: float = 0.9,
        learning_steps: Sequence[dt.timedelta] = (
            dt.timedelta(minutes=1),
            dt.timedelta(minutes=10),
        ),
        relearning_steps: Sequence[dt.timedelta] = (dt.timedelta(minutes=10),),
    ) -> None:
        self.scheduler = Scheduler(
            desired_retention=desired_retention,
            learning_steps=tuple(learning_steps),
            relearning_steps=tuple(relearning_steps),
            enable_fuzzing=False,
        )

    def fsrs_card(
        self, card_id: str, state: Mapping[str, Any] | None, now: dt.datetime
    ) -> FsrsCard:
        """The FSRS card for a stored state, or a new one due ``now``."""
        if state:
            return FsrsCard.from_dict(cast("CardDict", dict(state)))
        return FsrsCard(card_id=zlib.crc32(card_id.encode()), due=utc(now))

    def preview(
        self, card_id: str, state: Mapping[str, Any] | None, now: dt.datetime
    ) -> dict[int, Preview]:
        """For each rating 1–4, what it would do to the card if given ``now``."""
        now = utc(now)
        card = self.fsrs_card(card_id, state, now)
        result = {}
        for rating in Rating:
            after, _ = self.scheduler.review_card(card, rating, now)
            due = utc(after.due)
            result[int(rating)] = Preview(int(rating), dict(after.to_dict()), due, due - now)
        return result

    def review(
        self, card_id: str, state: Mapping[str, Any] | None, rating: int, now: dt.datetime
    ) -> dict[str, Any]:
        """The card's state after ``rating`` given ``now``."""
        return self.preview(card_id, state, now)[rating].state

    def retrievability(self, state: Mapping[str, Any] | None, now: dt.datetime) -> float:
        """The chance (0–1) of recalling the card ``now``; 0 for a new card."""
        if not state:
            return 0.0
        card = FsrsCard.from_dict(cast("CardDict", dict(state)))
        return float(self.scheduler.get_card_retrievability(card, utc(now)))


# -- times -----------------------------------------------------------------------------------


def utc(moment: dt.datetime) -> dt.datetime:
    """``moment`` in UTC (the fsrs package insists); a naive time is refused."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("times must be timezone-aware")
    return moment.astimezone(UTC)


def local_day(moment: dt.datetime, tz: dt.tzinfo | None = None) -> dt.date:
    """The calendar day of ``moment`` in ``tz`` (default: the machine's local time)."""
    return moment.astimezone(tz).date()


def start_of_day(moment: dt.datetime, tz: dt.tzinfo | None = None) -> dt.datetime:
    """The first moment of ``moment``'s local day, in UTC."""
    local = moment.astimezone(tz)
    return utc(dt.datetime.combine(local.date(), dt.time(), local.tzinfo))


def end_of_day(moment: dt.datetime, tz: dt.tzinfo | None = None) -> dt.datetime:
    """The first moment of the local day after ``moment``'s, in UTC."""
    local = moment.astimezone(tz)
    tomorrow = dt.datetime.combine(local.date() + dt.timedelta(days=1), dt.time(), local.tzinfo)
    return utc(tomorrow)


# -- what is due -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DeckStatus:
    """What the deck holds for today."""

    due: tuple[str, ...]
    """Due now, most overdue first."""
    learning: tuple[str, ...]
    """In (re)learning and due later today."""
    new: tuple[str, ...]
    """New cards that may be started today, in deck order (the daily limit applied)."""
    new_total: int
    new_today: int
    """New cards started today (first reviewed today)."""
    limit: int
    next_due: dt.datetime | None
    """The earliest due time after now."""


def new_per_day(value: object) -> int:
    """The daily limit of new cards from a stored setting (default if missing or invalid)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return NEW_PER_DAY_DEFAULT
    return value


def started_today(
    log: Iterable[ReviewRecord], now: dt.datetime, tz: dt.tzinfo | None = None
) -> set[str]:
    """The cards whose first review in ``log`` was today."""
    first: dict[str, dt.datetime] = {}
    for review in log:
        seen = first.get(review.card_id)
        if seen is None or review.reviewed_at < seen:
            first[review.card_id] = review.reviewed_at
    today = local_day(now, tz)
    return {card_id for card_id, at in first.items() if local_day(at, tz) == today}


def deck_status(
    deck: Sequence[Card],
    states: Mapping[str, Mapping[str, Any]],
    today: Collection[str],
    now: dt.datetime,
    limit: int = NEW_PER_DAY_DEFAULT,
    tz: dt.tzinfo | None = None,
) -> DeckStatus:
    """What ``deck`` holds at ``now``, given the cards' ``states`` and the cards started ``today``
    (:func:`started_today`, or the store's ``started_between`` the day's bounds)."""
    now = utc(now)
    tonight = end_of_day(now, tz)
    due: list[tuple[dt.datetime, int, str]] = []
    learning: list[str] = []
    new: list[str] = []
    later: list[dt.datetime] = []
    for n, card in enumerate(deck):
        state = states.get(card.id)
        when = due_of(state)
        if not state or when is None:
            new.append(card.id)
        elif when <= now:
            due.append((when, n, card.id))
        else:
            later.append(when)
            if state_code(state) in (LEARNING, RELEARNING) and when < tonight:
                learning.append(card.id)
    room = max(0, limit - len(today))
    return DeckStatus(
        due=tuple(card_id for _, _, card_id in sorted(due)),
        learning=tuple(learning),
        new=tuple(new[:room]),
        new_total=len(new),
        new_today=len(today),
        limit=limit,
        next_due=min(later) if later else None,
    )


def format_interval(interval: dt.timedelta) -> str:
    """A short interval for the rating buttons: ``<1m``, ``10m``, ``3h``, ``4d``, ``2mo``,
    ``1.5y``."""
    seconds = interval.total_seconds()
    minutes = seconds / 60
    if minutes < 1:
        return "<1m"
    if minutes < 60:
        return f"{round(minutes)}m"
    hours = minutes / 60
    if hours < 24:
        return f"{round(hours)}h"
    days = hours / 24
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{round(days / 30.4)}mo"
    years = days / 365
    return f"{years:.1f}y".replace(".0y", "y")


def format_when(moment: dt.datetime, now: dt.datetime) -> str:
    """When something is due, said from ``now``: ``now``, ``in 10m``, ``in 3d``."""
    if moment <= now:
        return "now"
    return f"in {format_interval(moment - now)}"
