"""The review screen says what is to come and what its keys do."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, Static

from summitreader.pack import Pack
from summitreader.study.deck import build_deck, cards_of_takeaway
from summitreader.study.plan import cram_session
from summitreader.study.session import Session
from summitreader.tui.screens.review import ReviewScreen
from support.app import build_app
from support.clock import Clock
from support.review import review_screen


def shown_keys(screen: ReviewScreen) -> dict[str, str]:
    return {
        active.binding.key_display or key: active.binding.description
        for key, active in screen.active_bindings.items()
        if active.binding.show and active.enabled
    }


async def test_the_header_counts_new_learning_and_review_cards(
    pack: Pack, data_dir: Path, clock: Clock, cache_dir: Path
) -> None:
    app, store = build_app(pack, data_dir, clock, cache_dir)
    deck = {c.id: c for c in build_deck(pack)}
    cards = [deck["helsinki-result"], deck["helsinki-date"]]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4")
        session = Session(cards, store, app.screen.schedule, clock, "Test")
        await app.push_screen(ReviewScreen(session, pack))
        screen = review_screen(pilot)
        header = screen.query_one("#review-progress", Static)
        assert "2 new · 0 learning · 0 review" in str(header.content)
        await pilot.press("space", "1", "enter")  # Again: it comes back, in learning
        await pilot.pause()
        assert "1 new · 1 learning · 0 review · 1 rated" in str(header.content)
    store.close()


async def test_a_letter_answers_a_choice_card_and_shows_the_result_before_a_rating(
    pack: Pack, data_dir: Path, clock: Clock, cache_dir: Path
) -> None:
    app, store = build_app(pack, data_dir, clock, cache_dir)
    choice = {c.id: c for c in build_deck(pack)}["paris-occasion"]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4")
        session = Session([choice], store, app.screen.schedule, clock, "Test")
        await app.push_screen(ReviewScreen(session, pack))
        screen = review_screen(pilot)
        keys = shown_keys(screen)
        assert keys.get("a–d") == "Answer", keys
        wrong = next(n for n, c in enumerate(choice.choices) if c != choice.answer)
        await pilot.press("abcd"[wrong])
        await pilot.pause()
        assert session.phase == "answered" and store.review_log() == []
        options = screen.query_one("#review-options", OptionList)
        lines = [str(options.render_line(y).text) for y in range(options.size.height)]
        assert any("(right answer)" in line for line in lines), lines
        result = screen.query_one("#review-result", Static)
        if choice.explanation:
            assert choice.explanation[:20] in str(result.render())
        keys = shown_keys(screen)
        assert "a–d" not in keys and "Accept Again" in keys.values(), keys
    store.close()


async def test_the_reread_box_shows_the_pack_note_under_the_paragraph(
    pack: Pack, data_dir: Path, clock: Clock, cache_dir: Path
) -> None:
    app, store = build_app(pack, data_dir, clock, cache_dir)
    card = {c.id: c for c in build_deck(pack)}["time-count-versions"]
    notes = [n for n in pack.notes if n.passage == card.passage]
    assert notes
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4")
        session = Session([card], store, app.screen.schedule, clock, "Test")
        await app.push_screen(ReviewScreen(session, pack))
        await pilot.press("space", "1")
        await pilot.pause()
        assert session.phase == "reread"
        shown = str(review_screen(pilot).query_one("#review-passage", Static).render())
        paragraph = pack.paragraph(card.passage)
        assert paragraph is not None and paragraph.text in shown
        for note in notes:
            assert f"ⓘ Note: {note.title}\n{note.text}" in shown
    store.close()


async def test_the_rating_buttons_keep_one_height_at_80_columns(
    pack: Pack, data_dir: Path, clock: Clock, cache_dir: Path
) -> None:
    app, store = build_app(pack, data_dir, clock, cache_dir)
    card = {c.id: c for c in build_deck(pack)}["helsinki-date"]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        session = Session([card], store, app.screen.schedule, clock, "Test")
        await app.push_screen(ReviewScreen(session, pack))
        await pilot.press(*"xq zv", "enter")  # wrong: Again is proposed
        await pilot.pause()
        assert session.proposed == 1
        screen = review_screen(pilot)
        heights = {screen.query_one(f"#rating-{r}", Static).outer_size.height for r in (1, 2, 3, 4)}
        assert heights == {5}, heights
    store.close()


async def test_a_long_cram_header_is_shown_whole_at_100_columns(
    pack: Pack, data_dir: Path, clock: Clock, cache_dir: Path
) -> None:
    app, store = build_app(pack, data_dir, clock, cache_dir)
    deck = build_deck(pack)
    takeaway = max(pack.takeaways, key=lambda t: len(t.title))
    title = f"Cram: {takeaway.title}"
    cards = cards_of_takeaway(deck, takeaway.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4")
        session = cram_session(cards, title, store, app.screen.schedule, clock)
        await app.push_screen(ReviewScreen(session, pack))
        await pilot.pause()
        header = review_screen(pilot).query_one("#review-progress", Static)
        lines = [str(header.render_line(y).text).strip() for y in range(header.size.height)]
        shown = " ".join(lines)
        assert "cram: the schedule does not change" in shown, lines
    store.close()
