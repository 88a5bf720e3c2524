"""A pack note shows its sources under it, as the names of their sites in the order the note
lists them, in the reader and in the study's re-read box; a note that points to its sources says
they are listed under it."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from summitreader.pack import Pack
from summitreader.study.deck import build_deck
from summitreader.study.session import Session
from summitreader.text import site_name
from summitreader.tui.screens.read import ReadScreen
from summitreader.tui.screens.review import ReviewScreen
from support.app import build_app
from support.clock import Clock
from support.pilot import wait_until
from support.review import answer_current, review_screen

NOTE = "note-six-meetings-count"
SITES = "Sources: localnewswave.com · dnyuz.com · gulfnews.com · axios.com"


def test_a_source_is_named_by_its_site() -> None:
    assert site_name("https://www.axios.com/2019/01/12/x") == "axios.com"
    assert site_name("https://dnyuz.com/2025/08/15/x") == "dnyuz.com"
    assert site_name("https://WWW.Example.org") == "example.org"


def test_the_note_that_points_to_its_sources_says_where_they_are(pack: Pack) -> None:
    note = next(n for n in pack.notes if n.id == NOTE)
    assert "the first two sources listed under this note" in note.text
    assert "sources below" not in note.text
    assert [site_name(url) for url in note.sources[:2]] == ["localnewswave.com", "dnyuz.com"]


async def test_the_reader_shows_a_notes_sources_under_it(
    pack: Pack, data_dir: Path, clock: Clock, cache_dir: Path
) -> None:
    note = next(n for n in pack.notes if n.id == NOTE)
    assert note.passage is not None
    app, store = build_app(pack, data_dir, clock, cache_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        reader = app.screen
        assert isinstance(reader, ReadScreen)
        await reader.go_to(note.passage)
        number = note.passage.paragraph
        await wait_until(
            pilot, lambda: any(p.paragraph.number == number for p in reader.passages()), "it"
        )
        passage = next(p for p in reader.passages() if p.paragraph.number == number)
        shown = str(passage.render())
        assert f"ⓘ Note: {note.title}\n{note.text}\n{SITES}" in shown
    store.close()


async def test_the_reread_box_shows_a_notes_sources_under_it(
    pack: Pack, data_dir: Path, clock: Clock, cache_dir: Path
) -> None:
    note = next(n for n in pack.notes if n.id == NOTE)
    card = next(c for c in build_deck(pack) if c.passage == note.passage)
    app, store = build_app(pack, data_dir, clock, cache_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4")
        session = Session([card], store, app.screen.schedule, clock, "Test")
        await app.push_screen(ReviewScreen(session, pack))
        screen = review_screen(pilot)
        await answer_current(pilot, right=False)
        await pilot.press("1")
        await wait_until(pilot, lambda: session.phase == "reread", "the re-read box")
        await pilot.pause()
        shown = str(screen.query_one("#review-passage", Static).render())
        assert f"{note.text}\n{SITES}" in shown
    store.close()
