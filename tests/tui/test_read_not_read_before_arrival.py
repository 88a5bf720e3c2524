"""A section opened at a passage (a search hit, a link in the index) is judged read only once it
is at that passage: a check made before, while the view still stood where the last section was
scrolled, found the new section's end "on screen" and marked it read (and took it off the
re-read queue) at the first jump after the app started."""

from __future__ import annotations

from pathlib import Path

from summitreader.pack import Pack
from summitreader.pack.model import PassageRef
from summitreader.tui.screens.read import ReadScreen
from support.app import build_app
from support.clock import Clock
from support.pilot import wait_until

DEEP = "pros-and-cons"
"""The longest section: the reader stands at its end, far down."""
OPENED = "in-depth-analysis"


async def test_a_section_opened_at_a_passage_is_not_marked_read_before_it_is_there(
    pack: Pack, data_dir: Path, clock: Clock, shared_cache_dir: Path
) -> None:
    app, store = build_app(pack, data_dir, clock, shared_cache_dir)
    deep, opened = pack.section(DEEP), pack.section(OPENED)
    assert deep is not None and opened is not None
    store.set_position(DEEP, deep.paragraphs[-1].number)
    store.mark_read(OPENED)
    store.queue_reread(OPENED)  # a forgotten card sent the reader back to it
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.screen
        assert isinstance(reader, ReadScreen)
        text = reader._text()
        await wait_until(pilot, lambda: text.scroll_y > 40, "the reader far down")
        await reader.show_section(opened, PassageRef(OPENED, 2))
        # A check in that moment (the last paragraph's mounting makes one after the next
        # refresh): the new section mounted, not laid out yet, the view not at its passage.
        assert not text.end_on_screen()  # not laid out yet: its end is nowhere yet
        reader._check_read()
        await wait_until(pilot, lambda: not reader._restoring, "the arrival")
        await pilot.pause()
        top = reader.top_paragraph()
        assert top is not None and top.paragraph.number == 2
        assert not text.end_on_screen()
        await app.workers.wait_for_complete()
        assert OPENED in store.reread_queue()
    store.close()
