"""The read count shown once for the title and the reader's contents panel; keys that come in a
burst: right after the find bar closes, and right after the key that opens the search."""

from __future__ import annotations

import pytest
from textual import events
from textual.containers import VerticalScroll
from textual.widgets import Input

from summitreader.tui.screens.read import ReadScreen
from summitreader.tui.screens.search import SearchScreen
from support.pilot import wait_until


def reader(app) -> ReadScreen:
    screen = app.screen
    assert isinstance(screen, ReadScreen)
    return screen


def panel(screen: ReadScreen) -> str:
    return str(screen.query_one("#read-progress").render())


async def test_title_and_contents_panel_show_the_count_at_the_same_moment(build_app):
    """The section is marked read as its end comes on screen: at that moment (no message
    handled in between) the title says what the contents panel says."""
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = reader(app)
        await wait_until(pilot, lambda: screen.passages() and screen.complete, "the section")
        await pilot.press("right_square_bracket")
        await wait_until(
            pilot, lambda: reader(app).section.number == 2 and reader(app).complete, "section 2"
        )
        await pilot.pause()
        screen = reader(app)
        text = screen.query_one("#text", VerticalScroll)
        assert text.max_scroll_y > 0, "section 2 must be longer than the view"
        assert "0/7 sections read" in app.sub_title and "Read 0 of 7" in panel(screen)
        text.scroll_end(animate=False, immediate=True)  # marks it read, before any await
        assert set(app.services.store.read_sections()) == {screen.section.id}
        assert "Read 1 of 7 · 14%" in panel(screen)
        assert "1/7 sections read · 14%" in app.sub_title


async def test_end_right_after_closing_the_find_bar_scrolls_the_reader(build_app):
    """ctrl+f, a word, escape and End in one burst: End goes to the reader, not to the box
    that was just hidden."""
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("right_square_bracket")
        await wait_until(
            pilot, lambda: reader(app).section.number == 2 and reader(app).complete, "section 2"
        )
        await pilot.pause()
        screen = reader(app)
        text = screen.query_one("#text", VerticalScroll)
        assert text.max_scroll_y > 0
        for key, char in [("ctrl+f", None), *((c, c) for c in "the")]:
            app.post_message(events.Key(key, char))
        await wait_until(pilot, lambda: screen.query_one("#find-input", Input).value == "the")
        text.scroll_home(animate=False, immediate=True)
        await pilot.pause()
        app.post_message(events.Key("escape", None))
        app.post_message(events.Key("end", None))
        await wait_until(pilot, lambda: text.scroll_y == text.max_scroll_y, "the section's end")
        assert app.focused is text


@pytest.mark.parametrize("opener", [("3", "3"), ("slash", "/")])
async def test_letters_typed_with_the_key_that_opens_search_go_to_its_box(build_app, opener):
    """``3`` (or ``/``) and a word in one burst, as a terminal sends them: every letter lands
    in the search box, none reaches the reader (``b`` would bookmark, ``n`` open a note)."""
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: reader(app).passages(), "the reader")
        await pilot.pause()
        for key, char in [opener, *((c, c) for c in "bank")]:
            app.post_message(events.Key(key, char))
        await wait_until(
            pilot,
            lambda: isinstance(app.screen, SearchScreen) and app.screen.query("#query"),
            "the search box",
        )
        box = app.screen.query_one("#query", Input)
        await wait_until(pilot, lambda: box.value == "bank", "the word in the box")
        assert app.focused is box
        assert app.services.store.bookmarks() == []
