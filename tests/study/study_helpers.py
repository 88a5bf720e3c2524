"""Helpers shared by the study tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

START = dt.datetime(2026, 3, 2, 12, 0, tzinfo=dt.UTC)
"""A Monday, at noon UTC."""


class Clock:
    """A clock that stands still until the test moves it."""

    def __init__(self, start: dt.datetime = START) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> dt.datetime:
        self.now += dt.timedelta(**delta)
        return self.now

    def set(self, moment: dt.datetime) -> dt.datetime:
        self.now = moment
        return self.now


def answer_right(session: Any) -> None:
    """Answer a session's current card correctly, whatever its kind."""
    card = session.current
    assert card is not None
    if card.card_kind == "recall":
        session.reveal()
    elif card.card_kind in ("typed", "cloze"):
        session.submit_text(card.answer)
    elif card.card_kind == "choice":
        session.submit_choice(card.answer)
    else:
        session.submit_order(card.items)
