"""What the progress store hands out: small frozen records, and how times are written down.

Times are timezone-aware UTC :class:`~datetime.datetime` values everywhere in the API. In the
database and in exported documents they are ISO 8601 text in UTC with microseconds
(``2026-01-02T03:04:05.000000+00:00``): one fixed width, so text order is time order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

UTC = dt.UTC


class ProgressNotSaved(Exception):
    """A change could not be written (disk full, disk error, the file kept busy by another
    instance, or progress cannot be saved this session). The change did not happen: the last
    good state is what the store holds. ``str(error)`` is a message for the user."""


@dataclass(frozen=True, slots=True)
class Position:
    """Where the reader stopped: a section, a 1-based paragraph in it, and the scroll offset."""

    section: str
    paragraph: int
    scroll: float = 0.0


@dataclass(frozen=True, slots=True)
class Bookmark:
    id: int
    section: str
    paragraph: int
    created: dt.datetime


@dataclass(frozen=True, slots=True)
class NoteRecord:
    """A note the reader wrote on a paragraph (not to be confused with the pack's own notes)."""

    id: int
    section: str
    paragraph: int
    text: str
    created: dt.datetime
    updated: dt.datetime


@dataclass(frozen=True, slots=True)
class Review:
    """One entry of the review log.

    ``prior_state`` is the card's FSRS state just before this review (1 learning, 2 review,
    3 relearning; None for a new card, or when unknown, as for reviews logged by schema 1).
    ``due`` is when the card was next due after this review (None when unknown)."""

    card_id: str
    rating: int
    reviewed_at: dt.datetime
    duration_ms: int | None = None
    answer: str | None = None
    prior_state: int | None = None
    due: dt.datetime | None = None


PACK_TABLES = (
    "position",
    "read_sections",
    "reread_queue",
    "bookmarks",
    "notes",
    "card_states",
    "reviews",
    "settings",
    "my_cards",
)
"""The tables of a pack's progress: the kinds of records export writes and import reads."""


def to_text(moment: dt.datetime) -> str:
    """``moment`` as fixed-width UTC ISO text; a naive datetime is refused (ValueError)."""
    if not isinstance(moment, dt.datetime):
        raise TypeError(f"expected a datetime, got {type(moment).__name__}")
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("times must be timezone-aware")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_text(text: str) -> dt.datetime:
    """The inverse of :func:`to_text` (accepts any ISO 8601 time with an offset)."""
    moment = dt.datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"time without a timezone: {text!r}")
    return moment.astimezone(UTC)


def utc_now() -> dt.datetime:
    return dt.datetime.now(UTC)
