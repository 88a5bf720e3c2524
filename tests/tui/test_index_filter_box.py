"""The Index filter box behaves like the Search box: ↓ or escape leaves it for the list (escape
there never leaves the screen), and the footer says so while the box has focus."""

from __future__ import annotations

from textual.widgets import Input

from summitreader.tui.screens.index import IndexScreen
from support.pilot import type_text, wait_for_input, wait_until


async def open_filter(pilot) -> tuple[IndexScreen, Input]:  # type: ignore[no-untyped-def]
    app = pilot.app
    await pilot.press("2")
    await wait_until(pilot, lambda: isinstance(app.screen, IndexScreen), "the Index")
    screen = app.screen
    assert isinstance(screen, IndexScreen)
    await pilot.press("f")
    box = await wait_for_input(pilot)
    assert isinstance(box, Input)
    return screen, box


def offered(screen: IndexScreen) -> set[str]:
    """The keys the footer shows now."""
    return {
        key
        for key, active in screen.active_bindings.items()
        if active.enabled and active.binding.show
    }


async def test_down_leaves_the_box_for_the_list_and_keys_work_again(build_app):
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen, box = await open_filter(pilot)
        await type_text(pilot, "summit")
        await pilot.press("down")
        await wait_until(pilot, lambda: app.focused is not box, "focus to leave the box")
        await pilot.press("right_square_bracket")
        await wait_until(pilot, lambda: screen._active() == "tab-timeline", "the next tab")
        assert box.value == "summit"


async def test_escape_leaves_the_box_not_the_screen(build_app):
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen, box = await open_filter(pilot)
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.focused is not box, "focus to leave the box")
        assert app.screen is screen
        await pilot.press("escape")  # from the list, escape goes back as on every screen
        await wait_until(pilot, lambda: app.screen is not screen, "back to Read")


async def test_the_footer_names_the_ways_out_of_the_box(build_app):
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen, _ = await open_filter(pilot)
        await wait_until(pilot, lambda: {"down", "escape"} <= offered(screen), "the box's keys")
        await pilot.press("down")
        await wait_until(pilot, lambda: "down" not in offered(screen), "the list's keys")
