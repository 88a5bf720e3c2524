"""At 80×24 an answered choice card fits the screen: the card's parts are spaced closer in a
short terminal, so nothing scrolls and the blank line under the header stays."""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll

from summitreader.pack import Pack
from summitreader.study.deck import build_deck
from summitreader.study.session import Session
from summitreader.tui.screens.review import ReviewScreen
from support.app import build_app
from support.clock import Clock
from support.review import answer_current, review_screen


async def test_an_answered_choice_card_fits_80_by_24(
    pack: Pack, data_dir: Path, clock: Clock, cache_dir: Path
) -> None:
    app, store = build_app(pack, data_dir, clock, cache_dir)
    card = {c.id: c for c in build_deck(pack)}["takeaway-domestic-constraints-name"]
    assert card.card_kind == "choice"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        session = Session([card], store, app.screen.schedule, clock, "Test")
        await app.push_screen(ReviewScreen(session, pack))
        await answer_current(pilot, right=False)
        await pilot.pause()
        screen = review_screen(pilot)
        body = screen.query_one("#review-body", VerticalScroll)
        assert body.max_scroll_y == 0 and body.scroll_y == 0
        prompt = screen.query_one("#review-prompt")
        assert prompt.region.y == body.region.y  # its blank line on top is on screen
        assert prompt.styles.padding.top == 1
        assert screen.query_one("#rating-4").region.bottom <= (
            body.region.bottom
        )
    store.close()
