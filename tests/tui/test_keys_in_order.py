"""Keys that reach the app together (a terminal's burst) edit a text box in the order typed:
backspace is not applied after the letters that came after it."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from summitreader.tui.screens.search import SearchScreen
from support.pilot import wait_until

BURST = ["x", "y", "backspace", "z", "a", "left", "left", "delete", "b"]
"""Typed slowly: x, xy, x, xz, xza, cursor before a, before z, "xa", "xba"."""


def post_at_once(app, keys: list[str]) -> None:  # type: ignore[no-untyped-def]
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


async def test_a_burst_of_keys_in_the_search_box_ends_as_typed(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        await wait_until(pilot, lambda: isinstance(app.screen, SearchScreen), "Search")
        box = app.screen.query_one("#query", Input)
        await wait_until(pilot, lambda: app.focused is box, "the box's focus")
        post_at_once(app, BURST)
        await wait_until(pilot, lambda: len(box.value) == 3, "the keys")
        await pilot.pause()
        assert box.value == "xba"


async def test_a_burst_of_keys_in_the_find_bar_ends_as_typed(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+f")
        box = app.screen.query_one("#find-input", Input)
        await wait_until(pilot, lambda: app.focused is box, "the box's focus")
        post_at_once(app, BURST)
        await wait_until(pilot, lambda: len(box.value) == 3, "the keys")
        await pilot.pause()
        assert box.value == "xba"
