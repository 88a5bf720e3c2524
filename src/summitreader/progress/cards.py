"""Card progress: FSRS card states and the review log."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from summitreader.progress.core import StoreCore, check_count, check_text
from summitreader.progress.records import Review, from_text, to_text


class CardProgress(StoreCore):
    """The card part of :class:`~summitreader.progress.store.Store`. Card ids are not checked
    (generated cards are not in the pack); only known cards are returned."""

    def card_states(self) -> dict[str, dict[str, Any]]:
        """Card id -> its FSRS state (``fsrs.Card.to_dict()``), for the cards of the deck."""
        rows = self._all(
            "SELECT card_id, state FROM card_states WHERE pack_id = ? ORDER BY card_id",
            (self.pack.id,),
        )
        known = self.known_cards()
        return {c: json.loads(s) for c, s in rows if c in known}

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

    def review_log(self, card_id: str | None = None) -> list[Review]:
        """The review log, oldest first: all of it, or one card's."""
        sql = (
            "SELECT card_id, rating, reviewed_at, duration_ms, answer, prior_state, due "
            "FROM reviews WHERE pack_id = ?"
        )
        params: tuple[Any, ...] = (self.pack.id,)
        if card_id is not None:
            sql += " AND card_id = ?"
            params += (card_id,)
        rows = self._all(sql + " ORDER BY reviewed_at, id", params)
        known = self.known_cards()
        return [
            Review(c, r, from_text(t), d, a, p, _time_or_none(due))
            for c, r, t, d, a, p, due in rows
            if c in known
        ]

    def known_cards(self) -> frozenset[str]:
        """The ids of the deck's cards (see the module docstring)."""
        if self._cards is None:
            from summitreader.progress.deck import deck_card_ids

            self._cards = frozenset(deck_card_ids(self.pack))
        return self._cards


def _due_of(state: dict[str, Any]) -> str | None:
    due = state.get("due")
    if isinstance(due, str):
        try:
            return to_text(from_text(due))
        except ValueError:
            return None
    if isinstance(due, dt.datetime):
        return to_text(due)
    return None


def _time_or_none(text: str | None) -> dt.datetime | None:
    if text is None:
        return None
    try:
        return from_text(text)
    except ValueError:
        return None
