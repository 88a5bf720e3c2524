"""A card state damaged in the progress file (not JSON): the Study screen opens and counts the
card as new, a notice names the card once, and the session studies it like a new card."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from summitreader.pack import Pack
from summitreader.progress import open_store
from summitreader.study.deck import build_deck
from summitreader.tui.screens.study import StudyScreen
from support.app import build_app
from support.clock import Clock
from support.pilot import wait_until

SIZE = (100, 30)


async def test_the_study_screen_opens_on_a_damaged_card_state(
    pack: Pack, data_dir: Path, clock: Clock, cache_dir: Path
) -> None:
    card = build_deck(pack)[0].id
    with open_store(data_dir, pack, clock=clock) as store:
        state = {
            "card_id": 1,
            "state": 2,
            "step": None,
            "stability": 3.0,
            "difficulty": 5.0,
            "due": (clock() + dt.timedelta(days=3)).isoformat(),
            "last_review": clock().isoformat(),
        }
        store.save_review(card, state, 3, clock())
    with sqlite3.connect(data_dir / "progress.sqlite3") as conn:
        conn.execute("UPDATE card_states SET state = '{not json' WHERE card_id = ?", (card,))
    conn.close()

    app, store = build_app(pack, data_dir, clock, cache_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await wait_until(
            pilot,
            lambda: isinstance(app.screen, StudyScreen) and app.screen.status is not None,
            "the Study screen with its figures",
        )
        status = app.screen.status
        assert status is not None and card not in status.due
        told = [n.message for n in app._notifications if card in n.message]
        assert len(told) == 1 and "damaged" in told[0]
        assert not app._exception
    assert [r.card_id for r in store.review_log()] == [card]
    store.close()
