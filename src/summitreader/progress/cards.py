"""Card progress: FSRS card states and the review log, and the review log's aggregates (counted
in SQL, so that they stay fast with hundreds of thousands of reviews).

The store does not know which cards make up the deck: methods take the ids of the cards wanted
(``card_ids``); ``None`` means every card of the pack that has progress, including ids no longer
in it (orphans).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from summitreader.card_state import REVIEW, due_of
from summitreader.progress.core import StoreCore, check_count, check_text
from summitreader.progress.records import Review, from_text, to_text

QUARTER_HOUR = dt.timedelta(minutes=15)


class CardProgress(StoreCore):
    """The card part of :class:`~summitreader.progress.store.Store`. Card ids are not checked
    (generated cards are not in the pack)."""

    def card_states(self, card_ids: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
        """Card id -> its FSRS state (``fsrs.Card.to_dict()``), for the cards that have one."""
        where, params = self._cards_where(card_ids)
        rows = self._all(
            f"SELECT card_id, state FROM card_states WHERE {where} ORDER BY card_id", params
        )
        return {c: json.loads(s) for c, s in rows}

    def save_review(
        self,
        card_id: str,
        state: dict[str, Any],
        rating: int,
        reviewed_at: dt.datetime,
        duration_ms: int | None = None,
        answer: str | None = None,
    ) -> None:
        """Log a review and store the card's new state, in one transaction. A state older than
        the one stored (by review time) is logged but does not replace it."""
        if not isinstance(card_id, str) or not card_id:
            raise ValueError("card_id must be a non-empty string")
        if not isinstance(state, dict):
            raise TypeError("state must be a dict (fsrs.Card.to_dict())")
        if isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 4:
            raise ValueError("rating must be 1, 2, 3 or 4")
        if duration_ms is not None:
            check_count("duration_ms", duration_ms)
        if answer is not None:
            check_text(answer)
        at = to_text(reviewed_at)
        state_text = json.dumps(state, allow_nan=False, sort_keys=True)
        due = _due_of(state)
        with self._write() as (conn, _):
            conn.execute(
                "INSERT INTO reviews (pack_id, card_id, rating, reviewed_at, duration_ms, answer, "
                "prior_state, due) VALUES (?, ?, ?, ?, ?, ?, (SELECT json_extract(state, "
                "'$.state') FROM card_states WHERE pack_id = ? AND card_id = ? "
                "AND json_valid(state)), ?)",
                (
                    self.pack.id,
                    card_id,
                    rating,
                    at,
                    duration_ms,
                    answer,
                    self.pack.id,
                    card_id,
                    due,
                ),
            )
            conn.execute(
                "INSERT INTO card_states VALUES (?, ?, ?, ?) ON CONFLICT (pack_id, card_id) "
                "DO UPDATE SET state = excluded.state, updated = excluded.updated "
                "WHERE excluded.updated >= card_states.updated",
                (self.pack.id, card_id, state_text, at),
            )

    def review_log(
        self, card_id: str | None = None, *, card_ids: Iterable[str] | None = None
    ) -> list[Review]:
        """The review log, oldest first: of ``card_ids``, or one card's."""
        where, params = self._cards_where([card_id] if card_id is not None else card_ids)
        rows = self._all(
            "SELECT card_id, rating, reviewed_at, duration_ms, answer, prior_state, due "
            f"FROM reviews WHERE {where} ORDER BY reviewed_at, id",
            params,
        )
        return [
            Review(c, r, from_text(t), d, a, p, _time_or_none(due))
            for c, r, t, d, a, p, due in rows
        ]

    # -- aggregates of the review log ------------------------------------------------------------

    def review_counts(
        self, card_ids: Iterable[str] | None = None
    ) -> list[tuple[dt.datetime, int]]:
        """Reviews per quarter of an hour (UTC), oldest first: ``(start, count)`` for each quarter
        that has any. Every timezone's offset is a whole number of quarters, so the counts add up
        to any local day."""
        where, params = self._cards_where(card_ids)
        rows = self._all(
            "SELECT substr(reviewed_at, 1, 14) || printf('%02d', "
            "CAST(substr(reviewed_at, 15, 2) AS INTEGER) / 15 * 15) AS quarter, count(*) "
            f"FROM reviews WHERE {where} GROUP BY quarter ORDER BY quarter",
            params,
        )
        return [(dt.datetime.fromisoformat(f"{q}:00+00:00"), n) for q, n in rows]

    def retention_counts(self, card_ids: Iterable[str] | None = None) -> tuple[int, int]:
        """``(passed, counted)``: of the reviews of cards that were in the review state at the
        time, how many were rated above Again. For reviews logged without the card's prior state,
        a review counts when the card's previous review was at least a day earlier."""
        where, params = self._cards_where(card_ids)
        row = self._one(
            "SELECT coalesce(sum(rating > 1), 0), count(*) FROM ("
            "SELECT rating, prior_state, reviewed_at, lag(reviewed_at) OVER "
            "(PARTITION BY card_id ORDER BY reviewed_at, id) AS before "
            f"FROM reviews WHERE {where}) WHERE prior_state = ? OR (prior_state IS NULL "
            "AND reviewed_at >= strftime('%Y-%m-%dT%H:%M:%S', before, '+1 day') "
            "|| substr(before, 20))",
            (*params, REVIEW),
        )
        return (int(row[0]), int(row[1])) if row else (0, 0)

    def started_between(
        self, start: dt.datetime, end: dt.datetime, card_ids: Iterable[str] | None = None
    ) -> set[str]:
        """The cards first reviewed at or after ``start`` and before ``end``."""
        where, params = self._cards_where(card_ids)
        rows = self._all(
            "SELECT DISTINCT card_id FROM reviews AS r "
            f"WHERE {where} AND reviewed_at >= ? AND reviewed_at < ? AND NOT EXISTS ("
            "SELECT 1 FROM reviews AS e WHERE e.pack_id = r.pack_id AND e.card_id = r.card_id "
            "AND e.reviewed_at < ?)",
            (*params, to_text(start), to_text(end), to_text(start)),
        )
        return {c for (c,) in rows}

    def any_due_between(
        self, start: dt.datetime, end: dt.datetime, card_ids: Iterable[str]
    ) -> bool:
        """Whether one of ``card_ids`` fell due before ``end``, as set by its last review before
        ``start`` (cards whose review log does not say are left out)."""
        row = self._one(
            "SELECT EXISTS (SELECT 1 FROM json_each(?) AS c WHERE (SELECT due FROM reviews "
            "WHERE pack_id = ? AND card_id = c.value AND reviewed_at < ? "
            "ORDER BY reviewed_at DESC, id DESC LIMIT 1) < ?)",
            (json.dumps(list(card_ids)), self.pack.id, to_text(start), to_text(end)),
        )
        return bool(row and row[0])

    def _cards_where(self, card_ids: Iterable[str] | None) -> tuple[str, tuple[Any, ...]]:
        if card_ids is None:
            return "pack_id = ?", (self.pack.id,)
        return (
            "pack_id = ? AND card_id IN (SELECT value FROM json_each(?))",
            (self.pack.id, json.dumps(list(card_ids))),
        )


def _due_of(state: dict[str, Any]) -> str | None:
    due = due_of(state)
    return None if due is None else to_text(due)


def _time_or_none(text: str | None) -> dt.datetime | None:
    if text is None:
        return None
    try:
        return from_text(text)
    except ValueError:
        return None
