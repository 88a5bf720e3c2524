"""Snapshots of the Study, review and Progress screens at 100×30, with a fixed clock and a fresh
data folder (local time is UTC in these tests; see conftest)."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from textual.pilot import Pilot

from summitreader.pack import Pack
from summitreader.progress import open_store
from summitreader.study.deck import build_deck
from summitreader.study.plan import due_session
from summitreader.study.schedule import Schedule
from summitreader.study.session import Session, shuffled_items
from summitreader.tui.screens.progress import ProgressScreen
from summitreader.tui.screens.study import StudyScreen
from support.app import build_app
from support.clock import START, Clock
from support.pilot import settle, type_text, wait_for_input, wait_until
from support.review import review_screen

SIZE = (100, 30)


def test_study_screen(snap_compare, pack: Pack, data_dir: Path, cache_dir: Path) -> None:
    app, store = build_app(pack, data_dir, Clock(), cache_dir)

    async def run_before(pilot: Pilot) -> None:
        await pilot.press("4")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, StudyScreen), "Study")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
    store.close()


def test_card_screen_near_miss(snap_compare, pack: Pack, data_dir: Path, cache_dir: Path) -> None:
    """A cloze card answered with a near miss: the difference, the proposed Hard, and the next
    interval under each rating."""
    app, store = build_app(pack, data_dir, Clock(), cache_dir)

    async def run_before(pilot: Pilot) -> None:
        await pilot.press("4", "enter")
        await type_text(pilot, "concrete verifiable outcome", "enter")
        await wait_until(pilot, lambda: review_screen(pilot).session.phase == "answered")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
    store.close()


def test_card_screen_after_again(snap_compare, pack: Pack, data_dir: Path, cache_dir: Path) -> None:
    """After Again: the passage, and its section queued to re-read."""
    app, store = build_app(pack, data_dir, Clock(), cache_dir)

    async def run_before(pilot: Pilot) -> None:
        await pilot.press("4", "enter")
        await wait_for_input(pilot)
        await pilot.press("enter")  # no answer → Again
        await wait_until(pilot, lambda: review_screen(pilot).session.phase == "answered")
        await pilot.press("enter")  # accepted
        await wait_until(pilot, lambda: review_screen(pilot).session.phase == "reread")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
    store.close()


def seed_three_weeks(pack: Pack, data_dir: Path) -> Clock:
    """Three weeks of daily sessions (two days missed), six new cards a day, mixed ratings;
    two sections read. Returns the clock, at noon on the day after."""
    clock = Clock(START - dt.timedelta(days=21))
    rng = random.Random(7)
    deck = build_deck(pack)
    with open_store(data_dir, pack, clock=clock) as store:
        store.set_setting("new_per_day", 6)
        for day in range(21):
            if day not in (5, 12):
                session = due_session(deck, store, Schedule(), clock)
                run_through(session, clock, rng)
            clock.advance(days=1)
        store.mark_read("introduction")
        store.mark_read("context-and-background")
    clock.set(START)
    return clock


def run_through(session: Session, clock: Clock, rng: random.Random) -> None:
    while session.phase != "done":
        if session.phase == "reread":
            session.next()
            continue
        card = session.current
        if card.card_kind == "recall":
            session.reveal()
        elif card.card_kind == "choice":
            session.submit_choice(card.choices[0])
        elif card.card_kind == "order":
            session.submit_order(shuffled_items(card))
        else:
            session.submit_text(card.answer)
        clock.advance(seconds=15)
        session.rate(rng.choice([1, 2, 3, 3, 3, 4]))


def test_progress_screen(snap_compare, pack: Pack, data_dir: Path, cache_dir: Path) -> None:
    clock = seed_three_weeks(pack, data_dir)
    app, store = build_app(pack, data_dir, clock, cache_dir)

    async def run_before(pilot: Pilot) -> None:
        await pilot.press("5")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ProgressScreen), "Progress")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
    store.close()
