"""Study and Progress keep their figures current while they are shown: a card that falls due, or
a rating made by another program, shows without leaving the screen (it stayed "Due now 0" and
"Next due in 3m" until the screen was shown again)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from summitreader.card_state import due_of
from summitreader.pack import Pack
from summitreader.progress import open_store
from summitreader.study.schedule import Schedule
from summitreader.tui.screens.progress import ProgressScreen
from summitreader.tui.screens.study import StudyScreen
from support.app import build_app
from support.clock import Clock
from support.pilot import wait_until


def text_of(screen: StudyScreen | ProgressScreen, selector: str) -> str:
    """The block's text as drawn, its lines joined and its runs of spaces made one."""
    block = screen.query_one(selector)
    drawn = block.render_lines(block.region.reset_offset)
    return " ".join(" ".join(line.text for line in drawn).split())


async def test_a_card_falling_due_shows_while_study_is_shown(
    pack: Pack, data_dir: Path, clock: Clock, shared_cache_dir: Path
) -> None:
    card = pack.cards[0].id
    with open_store(data_dir, pack, clock=clock) as store:
        state = Schedule().review(card, None, 1, clock.now)  # Again: due again in minutes
        store.save_review(card, state, 1, clock.now)
        due = due_of(store.card_states([card])[card])
    assert due is not None
    clock.set(due - dt.timedelta(seconds=10))  # Study is opened ten seconds before
    app, store = build_app(pack, data_dir, clock, shared_cache_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4")
        await wait_until(pilot, lambda: isinstance(app.screen, StudyScreen), "Study")
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        await wait_until(pilot, lambda: "Next due" in text_of(screen, "#study-today"))
        assert screen.status is not None and not screen.status.due
        ticker = screen._ticker
        assert ticker is not None and ticker._interval == StudyScreen.KEEP_CURRENT
        # The due time is seconds away: the screen wakes for it, sooner than its next tick.
        assert screen._due_timer is not None
        clock.advance(hours=1)
        screen._due_timer._callback()  # type: ignore[misc]  # the moment it fires
        await pilot.pause()
        assert screen.status is not None and screen.status.due == (card,)
        assert "Due now 1" in text_of(screen, "#study-today")
        # Left for another screen, it no longer ticks (it is brought up to date when shown).
        await pilot.press("1")
        await wait_until(pilot, lambda: app.screen is not screen, "the reader")
        assert screen._ticker is None and screen._due_timer is None
    store.close()


async def test_a_rating_made_by_another_program_shows_while_progress_is_shown(
    pack: Pack, data_dir: Path, clock: Clock, shared_cache_dir: Path
) -> None:
    app, store = build_app(pack, data_dir, clock, shared_cache_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5")
        await wait_until(pilot, lambda: isinstance(app.screen, ProgressScreen), "Progress")
        screen = app.screen
        assert isinstance(screen, ProgressScreen)
        await wait_until(pilot, lambda: "0 today" in text_of(screen, "#progress-figures"))
        assert screen._ticker is not None
        card = pack.cards[0].id
        with open_store(data_dir, pack, clock=clock) as other:  # another program
            state = Schedule().review(card, None, 3, clock.now)
            other.save_review(card, state, 3, clock.now)
        screen.keep_current()  # its tick
        await pilot.pause()
        assert "1 today" in text_of(screen, "#progress-figures")
    store.close()
