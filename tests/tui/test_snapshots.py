"""Screens as they look at 100×30 with a fixed clock and a fresh data folder."""

from __future__ import annotations

from summitreader.pack.model import PassageRef
from support.pilot import settle, type_text, wait_until

SIZE = (100, 30)


def test_read_screen(snap_compare, build_app):
    assert snap_compare(build_app(), terminal_size=SIZE)


def test_read_screen_with_bookmark_and_note(snap_compare, build_app):
    async def prepare(pilot):
        screen = pilot.app.screen
        await screen.go_to(PassageRef("pros-and-cons", 3))

        def at_three() -> bool:
            top = screen.top_paragraph()
            return top is not None and top.paragraph.number == 3

        # b and n act on the paragraph at the top of the view: press them once it is ¶3.
        await wait_until(pilot, at_three, "the reader to arrive at ¶3")
        await pilot.press("b", "n")
        await type_text(pilot, "keep this", "enter")
        await wait_until(pilot, lambda: not pilot.app.screen.is_modal, "the note box to close")
        await settle(pilot)  # the "Bookmarked" toast expires: the picture is without it

    assert snap_compare(build_app(), terminal_size=SIZE, run_before=prepare)


def test_index_screen(snap_compare, build_app):
    assert snap_compare(build_app(), terminal_size=SIZE, press=["2"])


def test_index_timeline(snap_compare, build_app):
    assert snap_compare(build_app(), terminal_size=SIZE, press=["2", "right_square_bracket"])


def test_search_screen_with_results(snap_compare, build_app):
    async def prepare(pilot):
        app = pilot.app
        await wait_until(pilot, lambda: app.services.search.index is not None, "the index")
        await pilot.press("3")
        await type_text(pilot, "arms control")
        # Until the hits of the whole query show (not those of "arms co").
        await wait_until(pilot, lambda: getattr(app.screen, "shown_query", None) == "arms control")
        await settle(pilot)

    assert snap_compare(build_app(), terminal_size=SIZE, run_before=prepare)


def test_help_screen(snap_compare, build_app):
    assert snap_compare(build_app(), terminal_size=SIZE, press=["question_mark"])


def test_narrow_terminal(snap_compare, build_app):
    assert snap_compare(build_app(), terminal_size=(40, 12))
