"""Screens as they look at 100×30 with a fixed clock and a fresh data folder."""

from __future__ import annotations

from summitreader.pack.model import PassageRef

SIZE = (100, 30)


def test_read_screen(snap_compare, build_app):
    assert snap_compare(build_app(), terminal_size=SIZE)


def test_read_screen_with_bookmark_and_note(snap_compare, build_app):
    async def prepare(pilot):
        await pilot.app.screen.go_to(PassageRef("pros-and-cons", 3))
        await pilot.press("b", "n", *"keep this", "enter")
        await pilot.pause()

    assert snap_compare(build_app(), terminal_size=SIZE, run_before=prepare)


def test_index_screen(snap_compare, build_app):
    assert snap_compare(build_app(), terminal_size=SIZE, press=["2"])


def test_index_timeline(snap_compare, build_app):
    assert snap_compare(build_app(), terminal_size=SIZE, press=["2", "right_square_bracket"])


def test_search_screen_with_results(snap_compare, build_app):
    async def prepare(pilot):
        app = pilot.app
        for _ in range(200):
            if app.services.search.index is not None:
                break
            await pilot.pause(0.05)
        await pilot.press("3", *"arms control")
        for _ in range(100):  # until the hits of the whole query show (not those of "arms co")
            await pilot.pause(0.05)
            if app.screen.shown_query == "arms control":
                break
        await app.workers.wait_for_complete()
        app.screen.query_one("#query").cursor_blink = False  # the same picture at every moment
        await pilot.pause()

    assert snap_compare(build_app(), terminal_size=SIZE, run_before=prepare)


def test_help_screen(snap_compare, build_app):
    assert snap_compare(build_app(), terminal_size=SIZE, press=["question_mark"])


def test_narrow_terminal(snap_compare, build_app):
    assert snap_compare(build_app(), terminal_size=(40, 12))
