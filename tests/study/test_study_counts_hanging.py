"""At 80 columns the Study screen's counts and a session's header wrap under their text, not at
the left edge under their label."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from summitreader.pack import Pack
from summitreader.study.deck import build_deck
from summitreader.study.session import Session
from summitreader.tui.screens.review import ReviewScreen
from summitreader.tui.screens.study import StudyScreen
from support.app import build_app
from support.clock import Clock
from support.review import review_screen


def shown_lines(box: Static) -> list[str]:
    return [box.render_line(y).text.rstrip() for y in range(box.size.height)]


def indent(text: str) -> int:
    return len(text) - len(text.lstrip())


async def test_the_new_count_wraps_under_its_text(
    pack: Pack, data_dir: Path, clock: Clock, cache_dir: Path
) -> None:
    app, store = build_app(pack, data_dir, clock, cache_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        lines = [line for line in shown_lines(app.screen.query_one("#study-today", Static))
                 if line.strip()]
        new = next(n for n, line in enumerate(lines) if line.strip().startswith("New"))
        assert "not started in all)" not in lines[new], lines  # it wraps at 80 columns
        text_column = lines[new].index(lines[new].split()[1])
        assert indent(lines[new + 1]) == text_column, lines
    store.close()


async def test_the_session_header_wraps_under_its_counts(
    pack: Pack, data_dir: Path, clock: Clock, cache_dir: Path
) -> None:
    app, store = build_app(pack, data_dir, clock, cache_dir)
    cards = [c for c in build_deck(pack) if c.card_kind == "recall"][:2]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        session = Session(cards, store, app.screen.schedule, clock, "A long session title here")
        await app.push_screen(ReviewScreen(session, pack))
        await pilot.pause()
        header = review_screen(pilot).query_one("#review-progress", Static)
        lines = [line for line in shown_lines(header) if line.strip()]
        assert len(lines) > 1, lines
        column = lines[0].index("to come")
        assert all(indent(line) == column for line in lines[1:]), lines
    store.close()
