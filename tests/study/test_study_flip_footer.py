"""The footer of a flip card follows its phase at once: Show answer while asking, the ratings once
the answer is shown."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from summitreader.pack import Pack
from summitreader.study.deck import build_deck
from summitreader.study.session import Session
from summitreader.tui.screens.review import ReviewScreen
from support.app import build_app
from support.clock import Clock
from support.review import review_screen


def footer(screen: ReviewScreen) -> set[str]:
    return {
        key.description
        for key in screen.query_one(Footer).walk_children()
        if isinstance(key, FooterKey) and key.description
    }


async def test_the_flip_card_footer_changes_with_the_phase(
    pack: Pack, data_dir: Path, clock: Clock, cache_dir: Path
) -> None:
    app, store = build_app(pack, data_dir, clock, cache_dir)
    flips = [c for c in build_deck(pack) if c.card_kind == "recall"][:2]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4")
        session = Session(flips, store, app.screen.schedule, clock, "Test")
        await app.push_screen(ReviewScreen(session, pack))
        screen = review_screen(pilot)
        await pilot.pause()
        assert "Show answer" in footer(screen)
        await pilot.press("space")
        await pilot.pause()
        shown = footer(screen)
        assert "Show answer" not in shown and {"Again", "Good"} <= shown, shown
        await pilot.press("3")
        await pilot.pause()
        shown = footer(screen)
        assert "Show answer" in shown and "Again" not in shown, shown
    store.close()
