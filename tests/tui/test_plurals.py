"""Counts of one read in the singular on the screens."""

from __future__ import annotations

import datetime as dt

from summitreader.study.session import Summary
from summitreader.tui.screens.review_text import summary_text


def test_a_session_of_one_answer_says_answer(pack) -> None:
    start = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    summary = Summary(
        title="Every card", cram=False, seen=1, reviews=1, right_first=1, started=start,
        ended=start + dt.timedelta(minutes=1), ratings={3: 1}, reread=(), not_saved=0,
        next_due=None, due_next_day=0,
    )
    text = str(summary_text(summary, pack, start + dt.timedelta(minutes=1)))
    assert "(1 answer)" in text and "answers" not in text
