"""The re-read box lays out a list item as the reader does: its wrapped lines hang under its text,
not under its marker ("•", "2.")."""

from __future__ import annotations

from pathlib import Path

from textual.geometry import Region
from textual.widgets import Static

from summitreader.pack import Pack
from summitreader.study.deck import build_deck
from summitreader.study.session import Session
from summitreader.tui.screens.review import ReviewScreen
from support.app import build_app
from support.clock import Clock
from support.pilot import wait_until
from support.review import answer_current, review_screen


async def test_a_list_item_hangs_under_its_text_in_the_reread_box(
    pack: Pack, data_dir: Path, clock: Clock, cache_dir: Path
) -> None:
    app, store = build_app(pack, data_dir, clock, cache_dir)
    card = next(
        c
        for c in build_deck(pack)
        if c.card_kind == "recall"
        and (p := pack.paragraph(c.passage)) is not None
        and p.list_item
        and len(p.text) > 200
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await wait_until(pilot, lambda: hasattr(app.screen, "schedule"), "the Study screen")
        session = Session([card], store, app.screen.schedule, clock, "Test")  # type: ignore[attr-defined]
        await app.push_screen(ReviewScreen(session, pack))
        screen = review_screen(pilot)
        await answer_current(pilot, right=False)
        await pilot.press("1")
        await wait_until(pilot, lambda: screen.phase == "reread", "the re-read box")
        await pilot.pause()
        box = screen.query_one("#review-passage", Static)
        size = box.content_region.size
        strips = box.render_lines(Region(0, 0, box.size.width, box.size.height))
        lines = [strip.text for strip in strips]
        first = next(n for n, line in enumerate(lines) if line.lstrip("│ ").startswith("• "))
        indent = lines[first].index("•") + 2
        following = lines[first + 1]
        shown = (size, lines[first : first + 3])
        assert following[:indent].strip("│ ") == "", shown  # under the text, not the marker
        assert following[indent] != " ", shown
    store.close()
