"""The study session's footer shows whole keys only, at 80 and 100 columns, in every phase of every
kind of card: the keys that matter most (show the answer or check it, the ratings, escape) are
always there; the others give way, in a planned order, when there is no room for them."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from summitreader.pack import Pack
from summitreader.study.deck import build_deck
from summitreader.study.session import Session
from summitreader.tui.screens.review import ReviewScreen
from support.app import build_app
from support.clock import Clock
from support.pilot import footer_keys, wait_until
from support.review import answer_current, review_screen

KINDS = ("recall", "typed", "cloze", "choice", "order")
NEEDED = {
    "asking": {"recall": {"space", "escape"}, "other": {"enter", "escape"}},
    "answered": {"enter", "1", "2", "3", "4", "escape"},
    "reread": {"enter", "r", "escape"},
    "done": {"enter"},
}


def whole_keys(pilot: Pilot, what: str) -> set[str]:
    """The keys of the footer, failing if one is cut at the palette's edge or pushed past it."""
    keys, palette = footer_keys(pilot.app.screen)
    keys = [k for k in keys if k.display]  # a key that gave way is not displayed
    cut = [(k.key, k.description) for k in keys if k.region.x < palette < k.region.right]
    hidden = [(k.key, k.description) for k in keys if k.region.x >= palette]
    assert not cut, (what, cut)
    assert not hidden, (what, hidden)
    return {k.key for k in keys}


def shown(pilot: Pilot) -> set[str]:
    """The footer's keys now (none while it is composed again)."""
    keys = list(pilot.app.screen.query_one(Footer).query(FooterKey))
    shown = {k.key for k in keys if k.display}  # a key that gave way is not displayed
    return shown if any(k.key == "ctrl+p" for k in keys) else set()


async def footer_settled(pilot: Pilot, wanted: set[str], what: str) -> set[str]:
    await wait_until(
        pilot, lambda: wanted <= shown(pilot), f"{sorted(wanted)} in the footer ({what})"
    )
    await pilot.pause()
    return whole_keys(pilot, what)


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
@pytest.mark.parametrize("kind", KINDS)
async def test_no_key_of_the_session_footer_is_cut(
    pack: Pack, data_dir: Path, clock: Clock, cache_dir: Path, size: tuple[int, int], kind: str
) -> None:
    app, store = build_app(pack, data_dir, clock, cache_dir)
    card = next(c for c in build_deck(pack) if c.card_kind == kind)
    async with app.run_test(size=size) as pilot:
        await pilot.press("4")
        await wait_until(pilot, lambda: hasattr(app.screen, "schedule"), "the Study screen")
        session = Session([card], store, app.screen.schedule, clock, "Test")  # type: ignore[attr-defined]
        await app.push_screen(ReviewScreen(session, pack))
        screen = review_screen(pilot)
        asking = NEEDED["asking"]["recall" if kind == "recall" else "other"]
        await footer_settled(pilot, asking, f"{kind} asking")
        await answer_current(pilot, right=False)
        await footer_settled(pilot, NEEDED["answered"], f"{kind} answered")
        await pilot.press("1")
        await wait_until(pilot, lambda: screen.phase == "reread", "the re-read box")
        await footer_settled(pilot, NEEDED["reread"], f"{kind} reread")
        await pilot.press("escape")
        await wait_until(pilot, lambda: screen.phase == "done", "the summary")
        await footer_settled(pilot, NEEDED["done"], f"{kind} done")
    store.close()


async def test_help_gives_way_first_and_comes_back_with_room(
    pack: Pack, data_dir: Path, clock: Clock, cache_dir: Path
) -> None:
    """At 80 columns the answered card's footer has no room for help: it leaves, the ratings stay;
    at 100 it is shown again."""
    app, store = build_app(pack, data_dir, clock, cache_dir)
    card = next(c for c in build_deck(pack) if c.card_kind == "recall")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await wait_until(pilot, lambda: hasattr(app.screen, "schedule"), "the Study screen")
        session = Session([card], store, app.screen.schedule, clock, "Test")  # type: ignore[attr-defined]
        await app.push_screen(ReviewScreen(session, pack))
        await footer_settled(pilot, {"space", "question_mark"}, "asking at 80")
        await answer_current(pilot)
        shown = await footer_settled(pilot, NEEDED["answered"], "answered at 80")
        assert "question_mark" not in shown
        await pilot.resize_terminal(100, 30)
        await footer_settled(pilot, NEEDED["answered"] | {"question_mark"}, "answered at 100")
    store.close()
