"""What a first-time user met on the Index at 100×30 and 80×24: the links list highlights its
first link when it gets the focus, an entry without links offers neither ``enter`` nor a tab
into an empty list, a wrapped link row hangs under its text, the detail pane is readable at 80
columns and ``d`` works at every width; the note box's placeholder shows whole at 80 columns."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from textual.widgets import DataTable, Input, OptionList
from textual.widgets._footer import FooterKey

from summitreader.tui.screens.index import IndexScreen
from summitreader.tui.screens.note import PLACEHOLDER, NoteScreen
from summitreader.tui.widgets.entry_detail import EntryDetail

SIZES = [(100, 30), (80, 24)]


def footer_keys(screen: IndexScreen) -> dict[str, str]:
    return {key.key: key.description for key in screen.query(FooterKey)}


async def open_index(pilot, meeting: str) -> IndexScreen:
    await pilot.press("2")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, IndexScreen)
    table = screen.query_one("#meetings", DataTable)
    table.move_cursor(row=table.get_row_index(meeting))
    await pilot.pause()
    assert screen.query_one(EntryDetail).entry_id == meeting
    return screen


@pytest.mark.parametrize("size", SIZES)
async def test_the_first_link_is_highlighted_when_the_links_get_the_focus(build_app, size):
    app = build_app()
    async with app.run_test(size=size) as pilot:
        screen = await open_index(pilot, "budapest")
        await pilot.press("tab", "tab")
        await pilot.pause()
        links = screen.query_one("#detail-links")
        assert app.focused is links
        assert links.highlighted == 0
        assert footer_keys(screen).get("enter") == "Follow link"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is not screen or screen.query_one(EntryDetail).entry_id != "budapest"


@pytest.mark.parametrize("size", SIZES)
async def test_an_entry_without_links_offers_no_link_to_follow(build_app, size):
    app = build_app()
    async with app.run_test(size=size) as pilot:
        screen = await open_index(pilot, "paris")
        detail = screen.query_one(EntryDetail)
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is detail
        assert "enter" not in footer_keys(screen)
        assert "tab" not in footer_keys(screen)  # no "Links" to tab to
        await pilot.press("enter")  # from the list: the pane, not an empty list
        await pilot.pause()
        assert app.focused is not screen.query_one("#detail-links")


async def test_a_wrapped_link_row_hangs_under_its_text(build_app):
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_index(pilot, "hamburg-bilateral")
        links = screen.query_one("#detail-links", OptionList)
        prompts = [links.get_option_at_index(n).prompt for n in range(links.option_count)]
        console = Console(width=22, file=io.StringIO(), record=True)
        for prompt in prompts:
            console.print(prompt)
        rows = console.export_text().splitlines()
        issue = next(n for n, row in enumerate(rows) if row.rstrip() == "Issue · Election")
        assert rows[issue + 1].rstrip() == "        interference", rows
        passage = next(n for n, row in enumerate(rows) if row.startswith("Passage · "))
        assert rows[passage + 1].startswith("          "), rows


async def test_the_detail_pane_is_readable_at_80_columns_and_d_shows_it_alone(build_app):
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_index(pilot, "hamburg-bilateral")
        detail = screen.query_one(EntryDetail)
        assert detail.content_region.width >= 30, detail.content_region
        lists = screen.query_one("#index-lists")
        await pilot.press("d")
        await pilot.pause()
        assert not lists.display or lists.region.width == 0
        assert detail.region.width >= 70
        await pilot.press("d")
        await pilot.pause()
        assert lists.region.width > 0


async def test_d_works_at_100_columns_too(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_index(pilot, "hamburg-bilateral")
        detail = screen.query_one(EntryDetail)
        narrow = detail.region.width
        await pilot.press("d")
        await pilot.pause()
        assert detail.region.width > narrow
        assert screen.query_one("#index-lists").region.width == 0


async def test_the_note_box_placeholder_shows_whole_at_80_columns(build_app):
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.push_screen(NoteScreen("Introduction ¶1", "Some text."))
        await pilot.pause()
        box = app.screen.query_one(Input)
        assert len(PLACEHOLDER) <= box.content_region.width
        assert "removed" in PLACEHOLDER
