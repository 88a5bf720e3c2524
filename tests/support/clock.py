"""The one test clock: it stands still until the test moves it."""

from __future__ import annotations

import datetime as dt

START = dt.datetime(2026, 3, 2, 12, 0, tzinfo=dt.UTC)
"""A Monday, at noon UTC."""


class Clock:
    """A clock that stands still until the test moves it. Pass it wherever the code takes a
    ``clock`` (a callable returning an aware ``datetime``)."""

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
