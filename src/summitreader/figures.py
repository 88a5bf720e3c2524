"""The figures of ``summitreader stats`` and of the Progress screen: what needs both the deck (the
study side) and the progress store.

The deck is passed in as ``card_ids`` (the pack's cards and the generated ones: see
:func:`summitreader.study.deck.build_deck`). Cards outside it are left out of every figure. The
review log is never read whole: the store counts it in SQL (reviews per quarter of an hour, true
retention, whether cards were due on a day), so the figures stay fast with hundreds of thousands of
reviews.

Days are the user's local days: times from the store's clock are converted with ``tz`` (default:
the system's local timezone, with its daylight-saving rules) before their date is taken.

Definitions
    - A card is *new* until it has a state; then it is *learning*, *review* or *relearning*, as FSRS
      says (``state`` 1, 2, 3).
    - *True retention*: of the reviews of cards that were in the review state at the time (scheduled
      reviews; not new cards, not learning or relearning steps), the share rated Hard, Good or Easy
      (rating above 1). For reviews logged without the card's prior state (by schema 1), a review
      counts when the card's previous review was at least a day earlier. None when there are none.
    - *Streak*: consecutive days with at least one review, ending today (or yesterday, while today
      has no review yet). A day without reviews on which no card was due neither breaks the streak
      nor counts in it. A card was due on a day if the due time set by its last review before that
      day fell before the day's end; days for which the log does not say (schema 1) do not break it.
    - *Due now*: cards whose due time has come; *due in the next 7 days*: not yet due, but due
      within seven days (168 hours) from now.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from summitreader.card_state import STATE_NAMES, due_of, state_code

if TYPE_CHECKING:
    from summitreader.progress.store import Store


@dataclass(frozen=True, slots=True)
class Stats:
    sections_total: int
    sections_read: int
    percent_read: float
    reread_queue: int
    bookmarks: int
    notes: int
    cards_total: int
    cards_new: int
    cards_learning: int
    cards_review: int
    cards_relearning: int
    reviews_today: int
    reviews_total: int
    retention_percent: float | None
    retention_reviews: int
    streak_days: int
    due_now: int
    due_next_7_days: int

    def to_dict(self) -> dict[str, Any]:
        """The shape of ``summitreader stats --json`` (without the pack)."""
        return {
            "reading": {
                "sections_read": self.sections_read,
                "sections_total": self.sections_total,
                "percent_read": self.percent_read,
                "reread_queue": self.reread_queue,
            },
            "bookmarks": self.bookmarks,
            "notes": self.notes,
            "cards": {
                "total": self.cards_total,
                "new": self.cards_new,
                "learning": self.cards_learning,
                "review": self.cards_review,
                "relearning": self.cards_relearning,
            },
            "reviews": {"today": self.reviews_today, "total": self.reviews_total},
            "true_retention": {
                "percent": self.retention_percent,
                "reviews": self.retention_reviews,
            },
            "streak_days": self.streak_days,
            "due": {"now": self.due_now, "next_7_days": self.due_next_7_days},
        }


def compute_stats(store: Store, card_ids: Iterable[str], *, tz: dt.tzinfo | None = None) -> Stats:
    deck = list(dict.fromkeys(card_ids))
    now = store.now()
    today = local_date(now, tz)
    days = _review_days(store, deck, tz)
    tomorrow = today + dt.timedelta(days=1)
    (reviews_today,) = store.review_counts([day_start(today, tz), day_start(tomorrow, tz)], deck)
    passed, counted = store.retention_counts(deck)
    dues = _due_times(store, deck)
    kinds = Counter(STATE_NAMES[code] for code, _ in dues.values())
    total_sections = len(store.pack.sections)
    read = len(store.read_sections())
    return Stats(
        sections_total=total_sections,
        sections_read=read,
        percent_read=round(100 * read / total_sections, 1) if total_sections else 0.0,
        reread_queue=len(store.reread_queue()),
        bookmarks=len(store.bookmarks()),
        notes=len(store.notes()),
        cards_total=len(deck),
        cards_new=len(deck) - len(dues) + kinds["new"],
        cards_learning=kinds["learning"],
        cards_review=kinds["review"],
        cards_relearning=kinds["relearning"],
        reviews_today=reviews_today,
        reviews_total=store.review_total(deck) if days else 0,
        retention_percent=round(100 * passed / counted, 1) if counted else None,
        retention_reviews=counted,
        streak_days=_streak(store, deck, days, now, tz),
        due_now=sum(1 for _, due in dues.values() if due is not None and due <= now),
        due_next_7_days=sum(
            1
            for _, due in dues.values()
            if due is not None and now < due <= now + dt.timedelta(days=7)
        ),
    )


def reviews_per_day(
    store: Store,
    card_ids: Iterable[str] | None = None,
    days: int = 30,
    *,
    tz: dt.tzinfo | None = None,
) -> list[tuple[dt.date, int]]:
    """Reviews on each of the last ``days`` local days, oldest first, today last."""
    today = local_date(store.now(), tz)
    first = today - dt.timedelta(days=days - 1)
    dates = [first + dt.timedelta(days=n) for n in range(days)]
    bounds = [day_start(d, tz) for d in (*dates, today + dt.timedelta(days=1))]
    return list(zip(dates, store.review_counts(bounds, card_ids), strict=True))


def due_forecast(
    store: Store,
    card_ids: Iterable[str] | None = None,
    days: int = 14,
    *,
    tz: dt.tzinfo | None = None,
) -> list[tuple[dt.date, int]]:
    """Cards falling due on each of the next ``days`` local days, today first (cards already
    overdue count on today)."""
    today = local_date(store.now(), tz)
    counts: Counter[dt.date] = Counter()
    for _, due in _due_times(store, card_ids).values():
        if due is not None:
            counts[max(today, local_date(due, tz))] += 1
    return [
        (today + dt.timedelta(days=n), counts[today + dt.timedelta(days=n)]) for n in range(days)
    ]


def local_date(moment: dt.datetime, tz: dt.tzinfo | None = None) -> dt.date:
    return (moment.astimezone(tz) if tz is not None else moment.astimezone()).date()


def day_start(day: dt.date, tz: dt.tzinfo | None = None) -> dt.datetime:
    """The first instant of a local day, as an aware datetime."""
    midnight = dt.datetime.combine(day, dt.time())
    return midnight.replace(tzinfo=tz) if tz is not None else midnight.astimezone()


def _streak(
    store: Store,
    deck: Sequence[str],
    days: set[dt.date],
    now: dt.datetime,
    tz: dt.tzinfo | None,
) -> int:
    """Days in the current streak; see the module docstring."""
    if not days:
        return 0

    def something_due(day: dt.date) -> bool:
        start, end = day_start(day, tz), day_start(day + dt.timedelta(days=1), tz)
        return store.any_due_between(start, end, deck)

    day = local_date(now, tz)
    if day not in days:
        day -= dt.timedelta(days=1)
    first = min(days)
    count = 0
    while day >= first:
        if day in days:
            count += 1
        elif something_due(day):
            break
        day -= dt.timedelta(days=1)
    return count


def _review_days(
    store: Store, card_ids: Iterable[str] | None, tz: dt.tzinfo | None
) -> set[dt.date]:
    """The local days with at least one review (asked per day, not counted: one index step each,
    so two years of daily reviews cost the same with ten reviews a day or ten thousand)."""
    span = store.review_span(card_ids)
    if span is None:
        return set()
    first, last = (local_date(moment, tz) for moment in span)
    dates = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    bounds = [day_start(d, tz) for d in (*dates, last + dt.timedelta(days=1))]
    return {
        day for day, some in zip(dates, store.review_days(bounds, card_ids), strict=True) if some
    }


def _due_times(
    store: Store, card_ids: Iterable[str] | None
) -> dict[str, tuple[int, dt.datetime | None]]:
    """Card id -> (FSRS state code, due time) for the deck's cards that have a state."""
    return {
        card_id: (state_code(state), due_of(state))
        for card_id, state in store.card_states(card_ids).items()
    }
