"""The Study and review screens in the app: a whole session, a restart, the re-read loop, keys."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static

from summitreader.card_state import state_code
from summitreader.pack import Pack
from summitreader.progress import connection
from summitreader.study.deck import build_deck
from summitreader.study.session import Session, shuffled_items
from summitreader.tui.screens.read import ReadScreen
from summitreader.tui.screens.review import ReviewScreen
from summitreader.tui.screens.study import StudyScreen
from support.app import build_app
from support.clock import Clock
from support.pilot import wait_until
from support.review import answer_current, put_in_order, review_screen

SIZE = (100, 30)


async def test_a_whole_session_and_the_schedule_after_a_restart(
    pack: Pack, data_dir: Path, clock: Clock, cache_dir: Path
) -> None:
    app, store = build_app(pack, data_dir, clock, cache_dir)
    store.set_setting("new_per_day", 8)  # a short session: every key is typed
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        assert isinstance(app.screen, StudyScreen)
        await pilot.press("enter")
        screen = review_screen(pilot)
        assert screen.session.total == 8
        assert {c.card_kind for c in screen.session.cards} >= {"recall", "typed", "cloze", "choice"}
        rated = 0
        while screen.session.phase != "done":
            await answer_current(pilot)
            clock.advance(seconds=20)
            await pilot.press("4" if rated % 2 else "enter")  # Easy, or the proposed Good
            rated += 1
            await pilot.pause()
        assert "Session done" in str(screen.query_one("#review-summary", Static).render())
        await pilot.press("enter")
        assert isinstance(app.screen, StudyScreen)
    states = store.card_states()
    store.close()
    assert len(states) == 8
    log_size = rated

    clock.advance(hours=1)
    app, store = build_app(pack, data_dir, clock, cache_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()  # the Study screen mounted
        study = app.screen
        assert isinstance(study, StudyScreen) and study.status is not None
        assert store.card_states() == states
        assert len(store.review_log()) == log_size
        # Nothing due an hour later, and the day's new cards are used up.
        assert study.status.due == () and study.status.new == ()
        assert study.status.new_today == 8
        assert all(state_code(s) in (1, 2) for s in states.values())
    store.close()

    clock.advance(days=40)
    app, store = build_app(pack, data_dir, clock, cache_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        status = app.screen.status
        assert status is not None and set(status.due) == set(states) and len(status.new) == 8
    store.close()


async def test_again_shows_the_passage_and_r_opens_the_reader(
    pack: Pack, data_dir: Path, clock: Clock, cache_dir: Path
) -> None:
    app, store = build_app(pack, data_dir, clock, cache_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review")
        screen = review_screen(pilot)
        card = screen.session.current
        assert card is not None
        await answer_current(pilot, right=False)
        assert screen.session.proposed == 1
        await pilot.press("enter")  # accept Again
        await wait_until(pilot, lambda: screen.session.phase == "reread", "the re-read")
        passage = str(screen.query_one("#review-passage", Static).render())
        paragraph = pack.paragraph(card.passage)
        assert paragraph is not None and paragraph.text[:40] in passage.replace("\n", " ")
        assert "queued to re-read" in passage
        assert store.reread_queue() == {card.passage.section}
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, ReadScreen), "the reader")
        reader = app.screen
        assert isinstance(reader, ReadScreen)
        assert reader.section.id == card.passage.section
        # Back to the session, which goes on where it was.
        await pilot.press("4")
        await wait_until(pilot, lambda: app.screen is screen, "the session")
        assert screen.session.phase == "reread"
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen.session.phase == "asking", "the next card")
    store.close()


async def test_digits_type_in_the_box_and_rate_once_answered(
    pack: Pack, data_dir: Path, clock: Clock, cache_dir: Path
) -> None:
    app, store = build_app(pack, data_dir, clock, cache_dir)
    deck = {c.id: c for c in build_deck(pack)}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        session = Session(
            [deck["helsinki-date"], deck["helsinki-result"]],
            store,
            app.screen.schedule,
            clock,
            "Test",
        )
        await app.push_screen(ReviewScreen(session, pack))
        await pilot.pause()
        screen = review_screen(pilot)
        box = screen.query_one("#review-input", Input)
        assert app.focused is box
        await pilot.press("1", "6", "space", "J", "u", "l", "y", "space", "2", "0", "1", "8")
        assert box.value == "16 July 2018" and app.screen is screen
        await pilot.press("enter")
        assert session.phase == "answered" and session.proposed == 3
        await pilot.press("2")  # overrides the proposed Good
        assert store.review_log()[-1].rating == 2
        # A flip card: digits do nothing before the answer is shown, and never switch screens.
        assert session.current is not None and session.current.card_kind == "recall"
        await pilot.press("1", "5")
        assert app.screen is screen and session.phase == "asking"
        await pilot.press("space")
        assert session.phase == "answered"
        await pilot.press("escape")
        assert session.phase == "done" and app.screen is screen
        await pilot.press("escape")
        assert isinstance(app.screen, StudyScreen)
    assert [r.card_id for r in store.review_log()] == ["helsinki-date"]
    store.close()


async def test_choice_by_arrows_and_order_by_moving_items(
    pack: Pack, data_dir: Path, clock: Clock, cache_dir: Path
) -> None:
    app, store = build_app(pack, data_dir, clock, cache_dir)
    deck = {c.id: c for c in build_deck(pack)}
    choice, order = deck["paris-occasion"], deck["order-inf-treaty"]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await wait_until(pilot, lambda: isinstance(app.screen, StudyScreen), "Study")
        session = Session([choice, order], store, app.screen.schedule, clock, "Test")
        await app.push_screen(ReviewScreen(session, pack))
        await wait_until(pilot, lambda: isinstance(app.focused, OptionList), "the choices")
        right = choice.choices.index(choice.answer)
        await pilot.press(*["down"] * right, "enter")
        await wait_until(pilot, lambda: session.grade is not None, "the grade")
        assert session.grade is not None and session.grade.given == choice.answer
        await pilot.press("enter")
        await wait_until(pilot, lambda: session.current == order, "the order card")
        screen = review_screen(pilot)
        await wait_until(pilot, lambda: isinstance(app.focused, OptionList), "the items")
        assert tuple(screen.order) == shuffled_items(order)
        # One pair out of place: nearly right, Hard proposed.
        wanted = (order.items[1], order.items[0], *order.items[2:])
        await put_in_order(pilot, wanted)
        await pilot.press("u", "d")
        assert tuple(screen.order) == wanted
        await pilot.press("enter")
        await wait_until(pilot, lambda: session.grade is not None, "the grade")
        assert session.grade is not None and session.grade.rating == 2
        options = screen.query_one("#review-options")
        await wait_until(pilot, lambda: "✗" in str(options.render_line(0).text), "the marks")
        await pilot.press("enter")
        await wait_until(pilot, lambda: len(store.review_log()) == 2, "the second rating")
    assert [r.rating for r in store.review_log()] == [3, 2]
    store.close()


async def test_a_takeaway_session_and_cram_from_the_study_screen(
    pack: Pack, data_dir: Path, clock: Clock, cache_dir: Path
) -> None:
    app, store = build_app(pack, data_dir, clock, cache_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "down", "enter")
        screen = review_screen(pilot)
        assert screen.session.title == pack.takeaways[0].title
        assert all(pack.takeaways[0].id in c.about for c in screen.session.cards)
        await pilot.press("escape", "enter")
        assert isinstance(app.screen, StudyScreen)
        await pilot.press("plus", "plus", "minus")
        assert store.get_setting("new_per_day") == 25
        assert app.screen.status is not None and app.screen.status.limit == 25
        await pilot.press("c")
        cram = review_screen(pilot)
        assert cram.session.cram
        await answer_current(pilot)
        await pilot.press("enter")
        await pilot.press("escape", "escape")
    assert store.review_log() == []
    store.close()


HOSTILE_CARDS = """\
- id: card-markup
  kind: recall
  prompt: "Is [bold]this[/bold] markup? [link=https://example.org]x[/link] \\\\[not]"
  answer: "[red]No[/red], it is text."
  about: [first-point]
  passage: {section: opening, paragraph: 1}
  explanation: "[@click=app.quit]Quit[/]"
"""
HOSTILE_TAKEAWAYS = """\
- id: first-point
  title: "[b]First[/b] Point"
  text: One point, about sanctions.
  passage: {section: lists, paragraph: 2}
  sections: [opening, lists]
"""


async def test_pack_text_is_shown_as_written(
    mini_pack,
    data_dir: Path,
    clock: Clock,
    cache_dir: Path,
) -> None:
    pack = mini_pack({"cards.yaml": HOSTILE_CARDS, "takeaways.yaml": HOSTILE_TAKEAWAYS})
    app, store = build_app(pack, data_dir, clock, cache_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        listing = "\n".join(
            str(line.text)
            for line in (app.screen.query_one("#study-list").render_line(y) for y in range(12))
        )
        assert "[b]First[/b] Point" in listing
        await pilot.press("down", "enter")
        screen = review_screen(pilot)
        prompt = str(screen.query_one("#review-prompt", Static).render())
        assert "[bold]this[/bold]" in prompt and "[link=https://example.org]x[/link]" in prompt
        await pilot.press("space")
        result = str(screen.query_one("#review-result", Static).render())
        assert "[red]No[/red], it is text." in result and "[@click=app.quit]Quit[/]" in result
        assert app.is_running
    store.close()


async def test_a_card_rated_again_shows_its_section_to_reread_in_the_reader_at_once(
    pack: Pack, data_dir: Path, clock: Clock, cache_dir: Path
) -> None:
    app, store = build_app(pack, data_dir, clock, cache_dir)
    async with app.run_test(size=SIZE) as pilot:
        reader = app.screen
        assert isinstance(reader, ReadScreen)  # shown first, before the session
        await pilot.press("4", "enter")
        screen = review_screen(pilot)
        card = screen.session.current
        assert card is not None
        await answer_current(pilot, right=False)
        await pilot.press("1")  # Again
        assert screen.session.phase == "reread"
        await pilot.press("escape", "escape", "1")  # end the session, back to Study, the reader
        await pilot.pause()
        assert app.screen is reader
        toc = reader.query_one("#toc", OptionList)
        number = next(n for n, s in enumerate(pack.sections) if s.id == card.passage.section)
        assert str(toc.get_option_at_index(number).prompt).startswith("↻ ")
        assert "↻ 1 to re-read" in str(reader.query_one("#read-progress", Static).render())
    store.close()


async def test_ratings_made_while_another_process_holds_the_file_are_saved_in_order(
    pack: Pack, data_dir: Path, clock: Clock, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another summitreader holds the write lock past the busy timeout (a long import): the
    ratings wait, the user is told and sees how many wait, and they reach the file in order once
    the lock is released; a second failure in the same run is told again."""
    monkeypatch.setattr(connection, "BUSY_TIMEOUT", 0.2)
    # Retried every 0.1 s, not every second: the test waits for the retry after each release.
    app, store = build_app(pack, data_dir, clock, cache_dir, retry_delay=0.1)
    store.set_setting("new_per_day", 8)  # the file exists from here on
    other = sqlite3.connect(store.path, isolation_level=None, timeout=0.2)

    def told(title: str) -> list[str]:
        return [n.message for n in app._notifications if n.title == title]

    async def rate(count: int) -> list[str]:
        rated = []
        for _ in range(count):
            await answer_current(pilot)
            rated.append(screen.session.current.id)
            await pilot.press("3")
        await pilot.pause()
        return rated

    async def saved() -> None:
        await wait_until(pilot, lambda: not app.services.saves.waiting, "the saves")
        await pilot.pause()
        assert app.services.saves.waiting == 0

    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "enter")
        screen = review_screen(pilot)
        other.execute("BEGIN IMMEDIATE")
        rated = await rate(1)
        assert len(told("Not saved")) == 1 and "busy" in told("Not saved")[0]
        rated += await rate(2)
        assert store.review_log() == []
        assert screen.session.done_count == 3
        assert "3 not saved yet" in app.sub_title
        await pilot.press("q")  # not at once while ratings wait
        assert app.is_running and "q again quits" in told("Not saved yet")[0]
        other.execute("COMMIT")
        await saved()
        assert [r.card_id for r in store.review_log()] == rated
        assert "not saved" not in app.sub_title and told("Saved")

        app.clear_notifications()
        other.execute("BEGIN IMMEDIATE")
        rated += await rate(1)
        assert "1 not saved yet" in app.sub_title
        assert len(told("Not saved")) == 1  # told again
        other.execute("COMMIT")
        await saved()
        assert [r.card_id for r in store.review_log()] == rated
    other.close()
    store.close()
