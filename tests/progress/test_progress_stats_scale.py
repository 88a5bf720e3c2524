"""The figures of ``stats`` and the Progress screen do work linear in the review log, also for
reviews logged without the card's prior state (schema 1, or imported so): measured as the steps
SQLite's virtual machine runs, not as time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from summitreader.figures import compute_stats, due_forecast, reviews_per_day
from summitreader.progress import open_store
from summitreader.progress.exchange import import_progress
from support.clock import Clock
from support.progress_pack import make_pack, review_document

STEP = 100
"""SQLite calls the progress handler every this many virtual machine instructions."""


def work_of_figures(folder: Path, reviews: int) -> int:
    """Steps (of :data:`STEP` instructions) the figures take with ``reviews`` reviews of one card,
    a day apart, logged without their prior state."""
    pack = make_pack()
    clock = Clock(dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC))
    document = review_document(pack.id, reviews, clock.now - dt.timedelta(days=60))
    gap = dt.timedelta(hours=25)  # each review counts for retention
    for n, review in enumerate(document["reviews"]):
        review["reviewed_at"] = (clock.now - (reviews - n) * gap).isoformat()
    with open_store(folder, pack, clock=clock) as store:
        import_progress(store, document)
        assert all(r.prior_state is None for r in store.review_log())
        steps = 0

        def count() -> int:
            nonlocal steps
            steps += 1
            return 0

        deck = [card.id for card in pack.cards]
        store._conn.set_progress_handler(count, STEP)
        stats = compute_stats(store, deck, tz=dt.UTC)
        reviews_per_day(store, deck, tz=dt.UTC)
        due_forecast(store, deck, tz=dt.UTC)
        store._conn.set_progress_handler(None, STEP)
        assert stats.reviews_total == reviews
        assert stats.retention_reviews > 0
    return steps


def test_the_figures_do_linear_work_on_reviews_without_a_prior_state(tmp_path: Path) -> None:
    small = work_of_figures(tmp_path / "small", 1_500)
    large = work_of_figures(tmp_path / "large", 6_000)
    # Four times the reviews: a linear (or n log n) count takes about four to six times the
    # work; a quadratic one (each review looking back over its card's log) takes sixteen.
    assert large < 8 * small, (small, large)
