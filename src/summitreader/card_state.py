"""A card's FSRS state as the progress store keeps it (``fsrs.Card.to_dict()``), read in one place.

A card with no state is new. A stored state is parsed here only (:func:`read_state`): a row that is
not JSON, not an object, or not a card the ``fsrs`` library reads and can schedule is damaged, and
the card is then treated as not yet scheduled. A state that cannot be read (an unknown code, a due
time that is not an ISO 8601 time with an offset) reads as well as it can: code 0 (new), no due
time.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping
from typing import Any

from fsrs import Card

NEW, LEARNING, REVIEW, RELEARNING = 0, 1, 2, 3
STATE_NAMES = {NEW: "new", LEARNING: "learning", REVIEW: "review", RELEARNING: "relearning"}


def state_code(state: Mapping[str, Any] | None) -> int:
    """0 new, 1 learning, 2 review, 3 relearning (0 for a missing or unreadable state)."""
    if not state:
        return NEW
    try:
        code = int(state.get("state", NEW))
    except (TypeError, ValueError):
        return NEW
    return code if code in STATE_NAMES else NEW


def due_of(state: Mapping[str, Any] | None) -> dt.datetime | None:
    """When the card is due, in UTC (None for a new card or an unreadable due time)."""
    if not state:
        return None
    due = state.get("due")
    if isinstance(due, dt.datetime):
        moment = due
    elif isinstance(due, str):
        try:
            moment = dt.datetime.fromisoformat(due)
        except ValueError:
            return None
    else:
        return None
    if moment.tzinfo is None or moment.utcoffset() is None:
        return None
    return moment.astimezone(dt.UTC)


def read_json(text: object) -> tuple[bool, Any]:
    """``(True, value)`` for a stored JSON text; ``(False, None)`` for one that does not parse
    (not JSON, not text, or nested too deep for Python's parser)."""
    if not isinstance(text, str | bytes):
        return False, None
    try:
        return True, json.loads(text)
    except (ValueError, RecursionError):
        return False, None


def read_state(text: object) -> dict[str, Any] | None:
    """A stored FSRS state (the JSON text of ``fsrs.Card.to_dict()``) as a dict, or None when it
    is damaged: not JSON, not an object, or not a card the ``fsrs`` library reads (``from_dict``)
    with times that have an offset and finite numbers, which it can then schedule."""
    ok, state = read_json(text)
    if not ok or not isinstance(state, dict):
        return None
    try:
        card = Card.from_dict(state)  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 - whatever the library trips on is damage
        return None
    times = (card.due, card.last_review)
    if any(t is not None and (t.tzinfo is None or t.utcoffset() is None) for t in times):
        return None
    numbers = (card.stability, card.difficulty)
    if any(n is not None and not math.isfinite(n) for n in numbers):
        return None
    if card.step is not None and (isinstance(card.step, bool) or not isinstance(card.step, int)):
        return None
    return state
