"""A card's FSRS state as the progress store keeps it (``fsrs.Card.to_dict()``), read in one place.

A card with no state is new. A state that cannot be read (an unknown code, a due time that is not an
ISO 8601 time with an offset) reads as well as it can: code 0 (new), no due time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

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
