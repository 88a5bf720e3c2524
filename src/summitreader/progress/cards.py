"""Card progress: FSRS card states and the review log, and the review log's aggregates (counted
in SQL, so that they stay fast with hundreds of thousands of reviews).

The store does not know which cards make up the deck: methods take the ids of the cards wanted
(``card_ids``); ``None`` means every card of the pack that has progress, including ids no longer
in it (orphans).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Iterable, Sequence
from typing import Any

from summitreader.card_state import REVIEW, due_of, read_state
from summitreader.progress import rows
from summitreader.progress.core import StoreCore, check_count, check_text
from summitreader.progress.exchange_checks import EARLIEST
from summitreader.progress.exchange_document import ExchangeError
from summitreader.progress.records import Review, from_text, to_text
from summitreader.progress.rows import StoredChecks
from summitreader.text import clean_text, shorten, visible


class CardProgress(StoreCore):
    """The card part of :class:`~summitreader.progress.store.Store`. Card ids are not checked
    (generated cards are not in the pack)."""

    def card_states(self, card_ids: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
        """Card id -> its FSRS state (``fsrs.Card.to_dict()``), for the cards that have one. A
        state that does not read (:func:`~summitreader.card_state.read_state`) is left out: the
        card is treated as not yet scheduled (its review log is kept), and a notice names it,
        once."""
        return {r["card_id"]: r["state"] for r in self.card_state_rows(card_ids)}

    def card_state_rows(self, card_ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """The card states of ``card_ids`` as rows (``card_id``, ``state``, ``updated``), by card
        id: the one reading path of the table (see :meth:`card_states`)."""
        where, params = self._cards_where(card_ids)
        found = self._all(
            f"SELECT card_id, state, updated FROM card_states WHERE {where} ORDER BY card_id",
            params,
        )
        if not found:
            return []
        checks = StoredChecks(self.now())
        read = []
        for card_id, text, updated in found:
            state = read_state(text)
            try:
                updated = checks.event(updated, "updated")
            except ExchangeError:
                state = None
            if state is None or not isinstance(card_id, str):
                self._damaged_state(card_id)
            else:
                read.append({"card_id": card_id, "state": state, "updated": updated})
        return read

    def check_rows(self) -> None:
        """Read every row of the pack's progress (of the review log, those whose time is out of
        range: :func:`~summitreader.progress.rows.check_reviews`), so that a damaged one is told
        (in ``notices``) before anything shows it."""
        self.card_states()
        for table in rows.TABLES:
            if table != "reviews":
                rows.read(self, table)
        rows.check_reviews(self)

    def _damaged_state(self, card_id: str) -> None:
        self.tell_damaged(
            "card_states",
            card_id,
            f"The saved state of the card {_shown_id(card_id)} is damaged: the card is "
            "studied as new, and its past reviews are kept.",
            "More saved card states are damaged: those cards are studied as new too, and "
            "their past reviews are kept.",
        )

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
            answer = clean_text(answer)  # what is stored is what is shown and exported
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
        wanted = [card_id] if card_id is not None else card_ids
        where, params = (
            ("", ())
            if wanted is None
            else (
                "AND card_id IN (SELECT value FROM json_each(?))",
                (json.dumps(sorted(wanted)),),
            )
        )
        return [
            Review(
                r["card_id"],
                r["rating"],
                from_text(r["reviewed_at"]),
                r["duration_ms"],
                r["answer"],
                r["prior_state"],
                _time_or_none(r["due"]),
            )
            for r in rows.read(self, "reviews", where, params, "reviewed_at, id")
        ]

    # -- aggregates of the review log ------------------------------------------------------------

    def review_counts(
        self, bounds: Sequence[dt.datetime], card_ids: Iterable[str] | None = None
    ) -> list[int]:
        """Reviews between each two consecutive times of ``bounds`` (from the first, included,
        to the second, excluded), e.g. per local day."""
        if len(bounds) < 2:
            return []
        where, params = self._log_where(card_ids)
        spans = json.dumps([[to_text(a), to_text(b)] for a, b in itertools.pairwise(bounds)])
        found = self._all(
            f"SELECT (SELECT count(*) FROM reviews WHERE {where} "
            "AND reviewed_at >= json_extract(s.value, '$[0]') "
            "AND reviewed_at < json_extract(s.value, '$[1]')) "
            "FROM json_each(?) AS s ORDER BY s.key",
            (*params, spans),
        )
        return [int(n) for (n,) in found]

    def review_days(
        self, bounds: Sequence[dt.datetime], card_ids: Iterable[str] | None = None
    ) -> list[bool]:
        """Whether there was a review between each two consecutive times of ``bounds``, as
        :meth:`review_counts` would count it: one step along the index by time per span, however
        many reviews the span holds."""
        if len(bounds) < 2:
            return []
        where, params = self._log_where(card_ids)
        spans = json.dumps([[to_text(a), to_text(b)] for a, b in itertools.pairwise(bounds)])
        found = self._all(
            f"SELECT EXISTS (SELECT 1 FROM reviews WHERE {where} "
            "AND reviewed_at >= json_extract(s.value, '$[0]') "
            "AND reviewed_at < json_extract(s.value, '$[1]')) "
            "FROM json_each(?) AS s ORDER BY s.key",
            (*params, spans),
        )
        return [bool(n) for (n,) in found]

    def review_total(self, card_ids: Iterable[str] | None = None) -> int:
        """How many reviews of ``card_ids`` the log holds."""
        where, params = self._log_where(card_ids)
        row = self._one(f"SELECT count(*) FROM reviews WHERE {where}", params)
        return int(row[0]) if row else 0

    def review_span(
        self, card_ids: Iterable[str] | None = None
    ) -> tuple[dt.datetime, dt.datetime] | None:
        """When the first and the last review of ``card_ids`` were (None without reviews)."""
        where, params = self._log_where(card_ids)
        row = self._one(  # two subqueries: each is then one step along the index by time
            f"SELECT (SELECT min(reviewed_at) FROM reviews WHERE {where} AND reviewed_at >= ?), "
            f"(SELECT max(reviewed_at) FROM reviews WHERE {where} AND reviewed_at < ?)",
            (*params, EARLIEST_TEXT, *params, LATEST_TEXT),
        )
        if not row or row[0] is None:
            return None
        first, last = _time_or_none(row[0]), _time_or_none(row[1])
        if first is None or last is None:  # damaged rows of the log (told when it is read)
            return None
        return first, last

    def retention_counts(self, card_ids: Iterable[str] | None = None) -> tuple[int, int]:
        """``(passed, counted)``: of the reviews of cards that were in the review state at the
        time, how many were rated above Again. For reviews logged without the card's prior state,
        a review counts when the card's previous review was at least a day earlier."""
        where, params = self._log_where(card_ids)
        counted, again = self._one(  # Again is the rare rating: fewer index entries to count
            f"SELECT (SELECT count(*) FROM reviews WHERE {where} AND prior_state = ?), "
            f"(SELECT count(*) FROM reviews WHERE {where} AND prior_state = ? AND rating = 1)",
            (*params, REVIEW, *params, REVIEW),
        )
        passed = counted - again
        old_counted, old_passed = self._one(  # each review's previous one by a window: linear
            "SELECT count(*), count(*) FILTER (WHERE rating > 1) FROM ("
            "SELECT rating, reviewed_at, prior_state, lag(reviewed_at) OVER ("
            "PARTITION BY card_id ORDER BY reviewed_at, id) AS before "
            f"FROM reviews WHERE {where} AND card_id IN (SELECT card_id FROM reviews "
            f"WHERE {where} AND prior_state IS NULL)) "
            "WHERE prior_state IS NULL AND reviewed_at >= "
            "strftime('%Y-%m-%dT%H:%M:%S', before, '+1 day') || substr(before, 20)",
            (*params, *params),
        )
        return int(passed) + int(old_passed), int(counted) + int(old_counted)

    def started_between(
        self, start: dt.datetime, end: dt.datetime, card_ids: Iterable[str] | None = None
    ) -> set[str]:
        """The cards first reviewed at or after ``start`` and before ``end``."""
        where, params = self._cards_where(card_ids)
        found = self._all(
            "SELECT DISTINCT card_id FROM reviews AS r "
            f"WHERE {where} AND reviewed_at >= ? AND reviewed_at < ? AND NOT EXISTS ("
            "SELECT 1 FROM reviews AS e WHERE e.pack_id = r.pack_id AND e.card_id = r.card_id "
            "AND e.reviewed_at < ?)",
            (*params, to_text(start), to_text(end), to_text(start)),
        )
        return {c for (c,) in found}

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

    def reviewed_cards(self) -> set[str]:
        """The ids of the cards that have reviews (one index step per card)."""
        found = self._all(
            "WITH RECURSIVE c(id) AS (SELECT min(card_id) FROM reviews WHERE pack_id = ? "
            "UNION ALL SELECT (SELECT min(card_id) FROM reviews WHERE pack_id = ? "
            "AND card_id > c.id) FROM c WHERE c.id IS NOT NULL) "
            "SELECT id FROM c WHERE id IS NOT NULL",
            (self.pack.id, self.pack.id),
        )
        return {c for (c,) in found}

    def _log_where(self, card_ids: Iterable[str] | None) -> tuple[str, tuple[Any, ...]]:
        """Like :meth:`_cards_where`, for a query over the review log: when every card with
        reviews is among ``card_ids`` the filter on cards is left out (the indexes by time and by
        state then answer without reading the log's rows)."""
        if card_ids is not None:
            wanted = set(card_ids)
            card_ids = None if self.reviewed_cards() <= wanted else wanted
        return self._cards_where(card_ids)

    def _cards_where(self, card_ids: Iterable[str] | None) -> tuple[str, tuple[Any, ...]]:
        if card_ids is None:
            return "pack_id = ?", (self.pack.id,)
        return (
            "pack_id = ? AND card_id IN (SELECT value FROM json_each(?))",
            (self.pack.id, json.dumps(sorted(card_ids))),
        )


EARLIEST_TEXT = to_text(EARLIEST)
LATEST_TEXT = "9999"
"""Bounds of the review log's times where the first and the last are looked up: a damaged time
(text that is no time) falls outside them."""


def _due_of(state: dict[str, Any]) -> str | None:
    due = due_of(state)
    return None if due is None else to_text(due)


def _time_or_none(text: str | None) -> dt.datetime | None:
    if text is None:
        return None
    try:
        return from_text(text)
    except (TypeError, ValueError, OverflowError):
        return None


def _shown_id(card_id: object) -> str:
    """A card id from the file as a notice shows it: cleaned, quoted, cut to a line; an id that
    cleans to nothing is shown by its code points, so the card can still be told apart."""
    text = str(card_id)
    shown = " ".join(clean_text(text).split())
    if not visible(shown):
        return "with an id of " + shorten(" ".join(f"U+{ord(c):04X}" for c in text), 60)
    return repr(shorten(shown, 60))
