"""A keystroke in the search box does not touch the progress file on the UI thread: the reader's
notes and cards are read by the search worker, once when the screen is shown, not at every key.
A note written elsewhere meanwhile is found when the screen is shown again."""

from __future__ import annotations

import threading

from summitreader.tui.screens.search import SearchScreen
from support.pilot import wait_until

KEYS = "helsinki"


async def test_typing_in_search_reads_no_progress_on_the_ui_thread(build_app):
    app = build_app()
    store = app.services.store
    statements: list[tuple[str, str]] = []

    def trace(sql: str) -> None:
        on_ui = threading.current_thread() is threading.main_thread()
        statements.append(("ui" if on_ui else "worker", sql))

    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await wait_until(pilot, lambda: screen.search.index is not None, "the search index")
        await app.workers.wait_for_complete()
        store._conn.set_trace_callback(trace)  # the real connection: every statement it runs
        for number, key in enumerate(KEYS, start=1):
            await pilot.press(key)
            typed = KEYS[:number]
            await wait_until(pilot, lambda t=typed: screen.shown_query == t, f"{typed!r} searched")
        store._conn.set_trace_callback(None)
        on_ui = [sql for thread, sql in statements if thread == "ui"]
        assert not on_ui, on_ui
        # read once for the screen's showing, before the keys: not again at each key
        assert not statements, statements


async def test_a_note_written_elsewhere_is_found_when_search_is_shown_again(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", *"zanzibar")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await wait_until(pilot, lambda: screen.shown_query == "zanzibar", "the first search")
        assert screen.hits == []
        await pilot.press("escape", "escape")
        await wait_until(pilot, lambda: app.screen is not screen, "the search left")
        section = app.services.pack.sections[0].id
        app.services.store.add_note(section, 1, "a zanzibar reminder")
        await pilot.press("3", "end", "space")  # (the box's text is selected, as it is focused)
        await wait_until(pilot, lambda: screen.shown_query == "zanzibar ", "the search again")
        assert [(h.kind, h.section) for h in screen.hits] == [("note", section)]
