"""Ratings made while the progress file is locked wait in the save queue: each keeps its own
answer, time and rating, whatever is typed after it, and a re-read is stamped with the time of the
Again, not the time of the retry that saved it."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from summitreader.pack import Pack
from summitreader.progress import connection, open_store
from summitreader.study.deck import build_deck
from summitreader.study.plan import due_session
from summitreader.study.schedule import Schedule
from summitreader.tui.saving import SaveQueue
from support.clock import Clock


def test_queued_ratings_keep_their_own_answers_and_times(
    pack: Pack, data_dir: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connection, "BUSY_TIMEOUT", 0.2)
    deck = build_deck(pack)
    typed = [card for card in deck if card.card_kind == "typed"][:3]
    assert len(typed) == 3
    with open_store(data_dir, pack, clock=clock) as store:
        store.set_setting("new_per_day", 50)
        saves = SaveQueue()
        session = due_session(typed, store, Schedule(), clock, saves.save)
        other = sqlite3.connect(store.path, isolation_level=None, timeout=0.2)
        other.execute("BEGIN IMMEDIATE")
        expected = []
        for n, rating in enumerate((3, 1, 4)):
            card = session.current
            assert card is not None
            saves.new_action()  # one user action each, as the app marks them
            answer = f"answer number {n}"
            session.submit_text(answer)
            moment = clock.advance(minutes=1)
            session.rate(rating)
            expected.append((card.id, rating, moment, answer))
            if session.phase == "reread":
                again_at, again_section = moment, card.passage.section
                session.next()
        assert saves.waiting == 3 and store.review_log() == []
        clock.advance(hours=5)  # the retry comes much later
        other.execute("COMMIT")
        other.close()
        assert saves.retry().waiting == 0
        log = store.review_log()
        assert [(r.card_id, r.rating, r.reviewed_at, r.answer) for r in log] == expected
        queued = store._all(
            "SELECT section, queued_at FROM reread_queue WHERE pack_id = ?", (pack.id,)
        )
        assert [(s, dt.datetime.fromisoformat(t)) for s, t in queued] == [
            (again_section, again_at)
        ]
