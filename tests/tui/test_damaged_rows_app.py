"""The app over a progress file with damaged rows (a time that is no time, an infinite scroll, a
paragraph that is text): every screen opens, the damaged rows are told, the others shown. A card
state damaged while the app runs is told when it is first read, once."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

from summitreader.pack import Pack
from summitreader.progress import open_store
from summitreader.tui.screens.index import IndexScreen
from summitreader.tui.screens.marks import MarksScreen
from summitreader.tui.screens.progress import ProgressScreen
from summitreader.tui.screens.read import ReadScreen
from summitreader.tui.screens.search import SearchScreen
from summitreader.tui.screens.study import StudyScreen
from support.app import build_app
from support.clock import Clock
from support.pilot import wait_until
from support.progress_pack import fsrs_state

SIZE = (100, 30)

DAMAGE = (
    "UPDATE read_sections SET read_at = 'never'",
    "UPDATE notes SET created = 'bad' WHERE text = 'damaged created'",
    "UPDATE notes SET paragraph = 'abc' WHERE text = 'damaged paragraph'",
    "UPDATE bookmarks SET created = '0000-00-00'",
    "UPDATE reviews SET reviewed_at = 'garbage'",
    "UPDATE position SET scroll = 9e999",
)


def _progress(pack: Pack, data_dir: Path, clock: Clock, damage: tuple[str, ...]) -> str:
    """Progress of each kind on the pack, then ``damage`` done to the file; the card reviewed."""
    now = clock()
    first, second = pack.sections[0].id, pack.sections[1].id
    card = pack.cards[0].id
    with open_store(data_dir, pack, clock=clock) as store:
        store.set_position(first, 1, 3.0)
        store.mark_read(first)
        store.mark_read(second)
        store.add_bookmark(first, 1)
        store.add_note(first, 1, "damaged created")
        store.add_note(first, 1, "damaged paragraph")
        store.add_note(first, 1, "a sound note")
        store.save_review(
            card, fsrs_state(now + dt.timedelta(days=3), 2), 3, now - dt.timedelta(days=1)
        )
        store.save_review(card, fsrs_state(now + dt.timedelta(days=3), 2), 3, now)
    with sqlite3.connect(data_dir / "progress.sqlite3") as conn:
        for statement in damage:
            conn.execute(statement)
    conn.close()
    return card


def _told(app: object) -> list[str]:
    return [str(n.message) for n in app._notifications]  # type: ignore[attr-defined]


async def test_every_screen_opens_over_damaged_rows(
    pack: Pack, data_dir: Path, clock: Clock, shared_cache_dir: Path
) -> None:
    _progress(pack, data_dir, clock, DAMAGE)
    app, store = build_app(pack, data_dir, clock, shared_cache_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, ReadScreen), "the reader")
        named = ("'damaged created'", "'damaged paragraph'", "bookmark", "a review")
        named += ("the reading position", "was read")
        # told at start (looked for at once: a notice goes after a while)
        await wait_until(
            pilot, lambda: all(n in " ".join(_told(app)) for n in named), "the damaged rows told"
        )
        for key, screen in (
            ("2", IndexScreen),
            ("4", StudyScreen),
            ("5", ProgressScreen),
            ("3", SearchScreen),
        ):
            await pilot.press(key)
            await wait_until(pilot, lambda s=screen: isinstance(app.screen, s), screen.__name__)
        await pilot.press(*"note", "enter")  # the search screen finds notes too
        await pilot.pause()
        await app.switch_mode("read")  # keys typed on Search go to its query
        await wait_until(pilot, lambda: isinstance(app.screen, ReadScreen), "the reader")
        await pilot.press("l")
        await wait_until(pilot, lambda: isinstance(app.screen, MarksScreen), "the marks")
        await pilot.pause()
        damaged = [n for n in store.notices if "damaged" in n]
        assert len(damaged) == 8, "\n".join(damaged)  # each row told once (2 read, 2 reviews)
        assert [n.text for n in store.notes()] == ["a sound note"]
    store.close()


async def test_a_card_state_damaged_while_the_app_runs_is_told_once(
    pack: Pack, data_dir: Path, clock: Clock, shared_cache_dir: Path
) -> None:
    card = _progress(pack, data_dir, clock, ())
    app, store = build_app(pack, data_dir, clock, shared_cache_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, ReadScreen), "the reader")
        assert not [t for t in _told(app) if "damaged" in t]
        with sqlite3.connect(data_dir / "progress.sqlite3") as conn:
            conn.execute("UPDATE card_states SET state = ?", (json.dumps([1, 2]),))
        conn.close()
        await pilot.press("5")
        await wait_until(pilot, lambda: isinstance(app.screen, ProgressScreen), "Progress")
        await wait_until(pilot, lambda: any("damaged" in t for t in _told(app)), "the notice")
        store.card_states()  # read again: not told again
        await pilot.press("4")
        await wait_until(pilot, lambda: isinstance(app.screen, StudyScreen), "Study")
        await pilot.pause()
        told = [t for t in _told(app) if "damaged" in t]
        assert len(told) == 1 and card in told[0]
    store.close()
