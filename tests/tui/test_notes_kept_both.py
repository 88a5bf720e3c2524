"""No note is lost or hidden: a note written elsewhere (another instance) while the note editor
was open is kept beside the new text, and the user is told; every note of a paragraph (several,
after an import) shows under it and in the list ``l``."""

from __future__ import annotations

from pathlib import Path

from summitreader.pack import Pack
from summitreader.progress import open_store
from summitreader.tui.screens.marks import MarksScreen
from summitreader.tui.screens.read import ReadScreen
from summitreader.tui.widgets.passage import Passage
from support.app import build_app
from support.clock import Clock
from support.pilot import type_text, wait_for_input, wait_until

SIZE = (100, 30)


def _reader_ready(app: object) -> bool:
    screen = getattr(app, "screen", None)
    return isinstance(screen, ReadScreen) and screen.top_paragraph() is not None


async def test_a_note_written_elsewhere_meanwhile_is_kept(
    pack: Pack, data_dir: Path, clock: Clock, shared_cache_dir: Path
) -> None:
    app, store = build_app(pack, data_dir, clock, shared_cache_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: _reader_ready(app), "the reader")
        reader = app.screen
        assert isinstance(reader, ReadScreen)
        top = reader.top_paragraph()
        assert top is not None
        section, number = reader.section.id, top.paragraph.number
        await pilot.press("n")
        await wait_for_input(pilot)
        with open_store(data_dir, pack, clock=clock) as other:  # another instance
            other.add_note(section, number, "note from A")
        await type_text(pilot, "note from B", "enter")
        await wait_until(pilot, lambda: app.screen is reader, "the note editor closed")
        texts = sorted(n.text for n in store.notes())
        assert texts == ["note from A", "note from B"]
        told = [str(n.message) for n in app._notifications]
        assert any("changed elsewhere" in t and "both" in t for t in told), told
        passage = reader.query_one(f"#p-{number}", Passage)
        assert sorted(passage.notes) == ["note from A", "note from B"]
    store.close()


async def test_a_note_written_elsewhere_before_the_editor_opened_is_kept(
    pack: Pack, data_dir: Path, clock: Clock, shared_cache_dir: Path
) -> None:
    """Two instances one after the other: A writes its note while B shows the paragraph
    without one; B's note typed over what its editor shows does not replace A's."""
    app, store = build_app(pack, data_dir, clock, shared_cache_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: _reader_ready(app), "the reader")
        reader = app.screen
        assert isinstance(reader, ReadScreen)
        top = reader.top_paragraph()
        assert top is not None and top.note is None
        section, number = reader.section.id, top.paragraph.number
        with open_store(data_dir, pack, clock=clock) as other:  # another instance
            other.add_note(section, number, "note from A")
        await pilot.press("n")
        box = await wait_for_input(pilot)
        box.clear()
        await type_text(pilot, "note from B", "enter")
        await wait_until(pilot, lambda: app.screen is reader, "the note editor closed")
        assert sorted(n.text for n in store.notes()) == ["note from A", "note from B"]
        told = [str(n.message) for n in app._notifications]
        assert any("changed elsewhere" in t for t in told), told
    store.close()


async def test_every_note_of_a_paragraph_is_shown_and_listed(
    pack: Pack, data_dir: Path, clock: Clock, shared_cache_dir: Path
) -> None:
    first = pack.sections[0]
    with open_store(data_dir, pack, clock=clock) as writer:
        writer.add_note(first.id, 1, "note of this device")
        writer.add_note(first.id, 1, "note of another device")  # as an import with another uid
    app, store = build_app(pack, data_dir, clock, shared_cache_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: _reader_ready(app), "the reader")
        reader = app.screen
        assert isinstance(reader, ReadScreen)
        passage = reader.query_one("#p-1", Passage)
        assert passage.notes == ("note of this device", "note of another device")
        shown = str(passage.render())
        assert "note of this device" in shown and "note of another device" in shown
        await pilot.press("n")
        box = await wait_for_input(pilot)
        assert getattr(box, "value", None) == "note of another device"  # the newest is edited
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is reader, "the note editor closed")
        await pilot.press("l")
        await wait_until(pilot, lambda: isinstance(app.screen, MarksScreen), "the list")
        labels = [
            str(app.screen.query_one("OptionList").get_option_at_index(i).prompt)
            for i in range(app.screen.query_one("OptionList").option_count)
        ]
        assert sum("note of this device" in label for label in labels) == 1
        assert sum("note of another device" in label for label in labels) == 1
    store.close()
