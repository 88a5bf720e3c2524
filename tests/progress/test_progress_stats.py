"""The figures of `summitreader stats`, over simulated days with an injected clock."""

from __future__ import annotations

import datetime as dt

import fsrs

from summitreader.figures import compute_stats, due_forecast, reviews_per_day
from summitreader.progress import Store
from support.clock import Clock
from support.progress_pack import CARD_IDS, fsrs_state

EST = dt.timezone(dt.timedelta(hours=-5))


def state(kind: int, due: dt.datetime) -> dict[str, object]:
    return fsrs_state(due, kind)


def test_an_empty_store(store: Store) -> None:
    stats = compute_stats(store, CARD_IDS, tz=EST)
    assert stats.to_dict() == {
        "reading": {
            "sections_read": 0,
            "sections_total": 3,
            "percent_read": 0.0,
            "reread_queue": 0,
        },
        "bookmarks": 0,
        "notes": 0,
        "cards": {"total": 3, "new": 3, "learning": 0, "review": 0, "relearning": 0},
        "reviews": {"today": 0, "total": 0},
        "true_retention": {"percent": None, "reviews": 0},
        "streak_days": 0,
        "due": {"now": 0, "next_7_days": 0},
    }


def test_reading_bookmarks_notes_and_cards(store: Store, clock: Clock) -> None:
    store.mark_read("opening")
    store.mark_read("ending")
    store.queue_reread("middle")
    store.add_bookmark("middle", 1)
    store.add_note("middle", 1, "one")
    store.add_note("ending", 2, "two")
    now = clock.now
    store.save_review("card-one", state(2, now - dt.timedelta(hours=1)), 3, now)
    store.save_review("card-two", state(3, now + dt.timedelta(days=2)), 1, now)
    store.save_review("orphan", state(2, now), 3, now)  # not in the deck: left out
    stats = compute_stats(store, [*CARD_IDS, "generated-1"], tz=EST)
    assert (stats.sections_read, stats.sections_total, stats.percent_read) == (2, 3, 66.7)
    assert stats.reread_queue == 1
    assert (stats.bookmarks, stats.notes) == (1, 2)
    assert (stats.cards_total, stats.cards_new, stats.cards_review, stats.cards_relearning) == (
        4,
        2,
        1,
        1,
    )
    assert (stats.reviews_today, stats.reviews_total) == (2, 2)
    assert (stats.due_now, stats.due_next_7_days) == (1, 1)


def test_true_retention_counts_reviews_of_cards_in_review(store: Store, clock: Clock) -> None:
    later = clock.now + dt.timedelta(days=30)
    moments = iter(clock.now + dt.timedelta(days=n) for n in range(10))
    # new -> learning (not counted), learning -> review (not counted)
    store.save_review("card-one", state(1, later), 3, next(moments))
    store.save_review("card-one", state(2, later), 3, next(moments))
    # in review: Good, Again (lapse to relearning), relearning step (not counted), then Easy
    store.save_review("card-one", state(2, later), 3, next(moments))
    store.save_review("card-one", state(3, later), 1, next(moments))
    store.save_review("card-one", state(2, later), 3, next(moments))
    store.save_review("card-one", state(2, later), 4, next(moments))
    stats = compute_stats(store, CARD_IDS, tz=EST)
    assert (stats.retention_percent, stats.retention_reviews) == (66.7, 3)


def test_days_are_local_days(store: Store, clock: Clock) -> None:
    clock.now = dt.datetime(2026, 3, 3, 3, 0, tzinfo=dt.UTC)  # 22:00 on 2 March in EST
    store.save_review("card-one", state(2, clock.now + dt.timedelta(days=3)), 3, clock.now)
    clock.now = dt.datetime(2026, 3, 3, 12, 0, tzinfo=dt.UTC)
    assert compute_stats(store, CARD_IDS, tz=EST).reviews_today == 0
    assert compute_stats(store, CARD_IDS, tz=dt.UTC).reviews_today == 1
    series = reviews_per_day(store, CARD_IDS, days=3, tz=EST)
    assert series == [(dt.date(2026, 3, 1), 0), (dt.date(2026, 3, 2), 1), (dt.date(2026, 3, 3), 0)]


def test_the_streak(store: Store, clock: Clock) -> None:
    start = dt.datetime(2026, 3, 2, 14, 0, tzinfo=dt.UTC)  # 9:00 in EST

    def review_on(day: int, due_in_days: float, card: str = "card-one") -> None:
        at = start + dt.timedelta(days=day)
        store.save_review(card, state(2, at + dt.timedelta(days=due_in_days)), 3, at)

    review_on(0, 1)
    review_on(1, 1)
    review_on(2, 3)  # nothing due on day 3 or 4
    review_on(5, 1)  # a day 6 with something due and no review breaks here
    review_on(7, 1)
    review_on(8, 4)
    clock.now = start + dt.timedelta(days=8, hours=2)
    assert compute_stats(store, CARD_IDS, tz=EST).streak_days == 2
    clock.now = start + dt.timedelta(days=9, hours=2)  # today: no review yet, nothing lost
    assert compute_stats(store, CARD_IDS, tz=EST).streak_days == 2
    clock.now = start + dt.timedelta(days=13, hours=2)  # days 9-11 had nothing due; 12 had
    assert compute_stats(store, CARD_IDS, tz=EST).streak_days == 0

    review_on(13, 1)
    assert compute_stats(store, CARD_IDS, tz=EST).streak_days == 1


def test_a_streak_across_days_with_nothing_due(store: Store, clock: Clock) -> None:
    start = dt.datetime(2026, 3, 2, 14, 0, tzinfo=dt.UTC)
    for day, gap in ((0, 1), (1, 2), (3, 4), (7, 1)):
        at = start + dt.timedelta(days=day)
        store.save_review("card-two", state(2, at + dt.timedelta(days=gap)), 3, at)
    clock.now = start + dt.timedelta(days=7, hours=1)
    assert compute_stats(store, CARD_IDS, tz=EST).streak_days == 4


def test_weeks_of_fsrs_reviews(store: Store, clock: Clock) -> None:
    scheduler = fsrs.Scheduler(enable_fuzzing=False)
    start = dt.datetime(2026, 3, 2, 15, 0, tzinfo=dt.UTC)
    cards = {card_id: fsrs.Card(due=start) for card_id in CARD_IDS}
    ratings = [fsrs.Rating.Good, fsrs.Rating.Good, fsrs.Rating.Again, fsrs.Rating.Easy]
    total = 0
    review_days = set()
    for day in range(42):
        clock.now = start + dt.timedelta(days=day)
        day_end = start + dt.timedelta(days=day, hours=14)  # midnight in EST
        for number, (card_id, card) in enumerate(cards.items()):
            while card.due < day_end:  # everything due today is done today
                review_days.add(day)
                rating = ratings[(day + number + total) % len(ratings)]
                card, _ = scheduler.review_card(card, rating, clock.now)
                store.save_review(card_id, card.to_dict(), int(rating), clock.now, 2000)
                total += 1
                clock.now += dt.timedelta(minutes=11)
            cards[card_id] = card
    stats = compute_stats(store, CARD_IDS, tz=EST)
    assert stats.reviews_total == total
    assert stats.cards_new == 0
    assert stats.cards_learning + stats.cards_review + stats.cards_relearning == 3
    assert stats.retention_reviews > 0 and 0 <= (stats.retention_percent or 0) <= 100
    assert stats.streak_days == len(review_days)  # days with nothing due did not break it
    assert len(review_days) < 42
    per_day = reviews_per_day(store, CARD_IDS, days=30, tz=EST)
    assert len(per_day) == 30 and per_day[-1][0] == clock.now.astimezone(EST).date()
    forecast = due_forecast(store, CARD_IDS, days=14, tz=EST)
    assert len(forecast) == 14 and forecast[0][0] == clock.now.astimezone(EST).date()
    due_in_window = sum(
        1
        for c in cards.values()
        if c.due.astimezone(EST).date() < forecast[-1][0] + dt.timedelta(days=1)
    )
    assert sum(count for _, count in forecast) == due_in_window


def test_figures_leave_out_reviews_of_cards_outside_the_deck(store: Store, clock: Clock) -> None:
    later = clock.now + dt.timedelta(days=30)
    store.save_review("card-one", state(2, later), 3, clock.now)
    store.save_review("card-one", state(2, later), 1, clock.now + dt.timedelta(days=2))
    store.save_review("orphan", state(2, later), 3, clock.now + dt.timedelta(days=1))
    store.save_review("orphan", state(2, later), 3, clock.now + dt.timedelta(days=3))
    clock.now += dt.timedelta(days=3)
    with_orphan = compute_stats(store, CARD_IDS, tz=EST)
    assert (with_orphan.retention_percent, with_orphan.retention_reviews) == (0.0, 1)
    assert with_orphan.reviews_total == 2
    everything = compute_stats(store, [*CARD_IDS, "orphan"], tz=EST)
    assert (everything.retention_percent, everything.retention_reviews) == (50.0, 2)
    assert everything.reviews_total == 4


def test_a_new_file_has_the_index_for_retention(store: Store, clock: Clock) -> None:
    store.save_review("card-one", state(1, clock.now), 3, clock.now)
    names = {
        row[0] for row in store._all("SELECT name FROM sqlite_master WHERE type = 'index'", ())
    }
    assert "reviews_by_state" in names
