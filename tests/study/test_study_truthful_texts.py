"""What the study screens say is true: the session's name, what is due at its end, and whether a
section is still to re-read once it has been read again."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from summitreader.pack import Pack
from summitreader.study.deck import build_deck
from summitreader.study.session import Session
from summitreader.tui.screens.review import ReviewScreen
from support.app import build_app
from support.clock import Clock
from support.pilot import wait_until
from support.review import review_screen


async def test_a_session_of_new_cards_is_not_called_due(
    pack: Pack, data_dir: Path, clock: Clock, cache_dir: Path
) -> None:
    app, store = build_app(pack, data_dir, clock, cache_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4")
        await wait_until(pilot, lambda: app.screen.query("#study-list"), "the Study screen")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReviewScreen), "a session")
        screen = review_screen(pilot)
        assert screen.session.title == "New cards"
        header = str(screen.query_one("#review-progress", Static).content)
        assert "Due cards" not in header and header.startswith("New cards")
    store.close()


async def test_the_summary_says_cards_are_due_now_when_they_are(
    pack: Pack, data_dir: Path, clock: Clock, cache_dir: Path
) -> None:
    app, store = build_app(pack, data_dir, clock, cache_dir)
    deck = {c.id: c for c in build_deck(pack)}
    first, second = deck["helsinki-result"], deck["time-count-versions"]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4")
        await wait_until(pilot, lambda: app.screen.query("#study-list"), "the Study screen")
        earlier = Session([first], store, app.screen.schedule, clock, "Test")
        earlier.reveal()
        earlier.rate(3)
        clock.advance(days=60)  # the first card is due again by now
        session = Session([second], store, app.screen.schedule, clock, "Test", deck=[first, second])
        await app.push_screen(ReviewScreen(session, pack))
        await pilot.press("space", "4")  # Easy: it leaves the session
        await wait_until(pilot, lambda: session.phase == "done", "the summary")
        shown = str(review_screen(pilot).query_one("#review-summary", Static).render())
        line = next(line for line in shown.splitlines() if line.startswith("Next due"))
        assert "now · 1 card due" in line, line
    store.close()


async def test_the_reread_box_says_when_its_section_has_been_read_again(
    pack: Pack, data_dir: Path, clock: Clock, cache_dir: Path
) -> None:
    app, store = build_app(pack, data_dir, clock, cache_dir)
    card = {c.id: c for c in build_deck(pack)}["helsinki-result"]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4")
        await wait_until(pilot, lambda: app.screen.query("#study-list"), "the Study screen")
        session = Session([card], store, app.screen.schedule, clock, "Test")
        await app.push_screen(ReviewScreen(session, pack))
        screen = review_screen(pilot)
        await pilot.press("space", "1")
        await wait_until(pilot, lambda: session.phase == "reread", "the re-read box")
        box = screen.query_one("#review-passage", Static)
        assert "is queued to re-read" in str(box.render())
        await pilot.press("r")  # the reader opens at the passage
        await wait_until(pilot, lambda: app.current_mode == "read", "the reader")
        store.mark_read(card.passage.section)  # what the reader does once the end is shown
        await pilot.press("4")
        await wait_until(pilot, lambda: app.screen is screen, "the session again")
        await wait_until(pilot, lambda: "read again since" in str(box.render()), "the update")
        assert "is queued to re-read" not in str(box.render())
    store.close()


async def test_with_the_days_new_cards_started_study_now_says_a_takeaways_row_still_starts(
    pack: Pack, data_dir: Path, clock: Clock, cache_dir: Path
) -> None:
    """"No new cards left today" beside rows that each had new cards, and started them: the
    day's limit holds for "Study now" only, and the row now says so."""
    from textual.widgets import OptionList

    from summitreader.study.schedule import NEW_PER_DAY_KEY

    app, store = build_app(pack, data_dir, clock, cache_dir)
    store.set_setting(NEW_PER_DAY_KEY, 0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4")
        await wait_until(pilot, lambda: app.screen.query("#study-list"), "the Study screen")
        rows = app.screen.query_one("#study-list", OptionList)
        first = str(rows.get_option_at_index(0).prompt)
        assert "no more new today (a row below starts its own)" in first
        assert "new" in str(rows.get_option_at_index(1).prompt)
    store.close()
