"""Saving reviews in the progress store: a study session's writes, each timed, into a real SQLite
file in a temporary folder (WAL, ``synchronous=FULL``: every save reaches the disk)."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import time
from pathlib import Path

from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler

from summitreader.pack.model import Pack
from summitreader.progress import open_store

START = dt.datetime(2025, 1, 6, 9, 0, tzinfo=dt.UTC)


def review_save_times(pack: Pack, count: int) -> tuple[float, list[float]]:
    """Seconds of the first save (it creates the file) and of the ``count`` saves after it.

    The reviews go through the pack's cards in turn, graded Good, Hard, Good, Easy, ..., one every
    20 seconds; the card states are computed by FSRS beforehand, so only saving is timed.
    """
    scheduler = Scheduler(enable_fuzzing=False)
    ratings = (Rating.Good, Rating.Hard, Rating.Good, Rating.Easy)
    cards: dict[str, FsrsCard] = {}
    reviews = []
    for i in range(count + 1):
        card = pack.cards[i % len(pack.cards)]
        at = START + dt.timedelta(seconds=20 * i)
        rating = ratings[i % len(ratings)]
        state, _ = scheduler.review_card(cards.get(card.id, FsrsCard()), rating, review_datetime=at)
        cards[card.id] = state
        reviews.append((card.id, state.to_dict(), int(rating), at))
    folder = Path(tempfile.mkdtemp(prefix="summit-bench-data-"))
    store = open_store(folder, pack, clock=lambda: START)
    try:
        times = []
        for card_id, state, rating, at in reviews:
            started = time.perf_counter()
            store.save_review(card_id, state, rating, at, duration_ms=4200, answer=None)
            times.append(time.perf_counter() - started)
        assert len(store.review_log()) == count + 1
    finally:
        store.close()
        shutil.rmtree(folder, ignore_errors=True)
    return times[0], times[1:]
