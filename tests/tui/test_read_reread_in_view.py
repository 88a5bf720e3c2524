"""A section to re-read whose end is already on screen when the reader is shown again counts as
read once the reader has been on it a moment (the same moment after which its place is saved):
the same rule as a section opened or scrolled with its end in view."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, Static

from summitreader.pack import Pack
from summitreader.tui.screens.read import ReadScreen
from support.app import build_app
from support.clock import Clock
from support.pilot import wait_until
from support.review import answer_current, review_screen

SECTION = "key-takeaways"


async def test_a_section_queued_to_reread_with_its_end_in_view_counts_as_read_on_return(
    pack: Pack, data_dir: Path, clock: Clock, shared_cache_dir: Path
) -> None:
    app, store = build_app(pack, data_dir, clock, shared_cache_dir)
    section = pack.section(SECTION)
    assert section is not None
    store.set_position(SECTION, section.paragraphs[-1].number)
    store.mark_read(SECTION)
    async with app.run_test(size=(100, 30)) as pilot:
        reader = app.screen
        assert isinstance(reader, ReadScreen)
        await wait_until(pilot, lambda: reader._text().end_on_screen(), "the section's end")
        await pilot.press("4", "enter")
        screen = review_screen(pilot)
        card = screen.session.current
        assert card is not None and card.passage.section == SECTION
        await answer_current(pilot, right=False)
        await pilot.press("1")  # Again: the section is queued to re-read
        assert screen.session.phase == "reread"
        await wait_until(pilot, lambda: SECTION in store.reread_queue(), "the queue")
        await pilot.press("escape", "escape", "1")  # end the session, back to the reader
        await wait_until(pilot, lambda: app.screen is reader, "the reader")
        assert reader._text().end_on_screen()  # nothing was moved: the end was in view
        await wait_until(pilot, lambda: SECTION not in store.reread_queue(), "the read mark")
        await app.workers.wait_for_complete()
        await pilot.pause()
        toc = reader.query_one("#toc", OptionList)
        number = next(n for n, s in enumerate(pack.sections) if s.id == SECTION)
        assert not str(toc.get_option_at_index(number).prompt).startswith("↻ ")
        assert "to re-read" not in str(reader.query_one("#read-progress", Static).render())
    store.close()
