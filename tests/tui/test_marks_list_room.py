"""The list ``l`` at 80×24 with more items than fit: its keys stay in sight and the list scrolls
inside the dialog; an item's wrapped lines line up under its own text."""

from __future__ import annotations

from textual.containers import Vertical
from textual.widgets import Label, OptionList

from summitreader.tui.screens.marks import MarksScreen
from support.pilot import wait_until

NOTE = "A note long enough to wrap onto a second line in the list of marks at eighty columns"


def seed(app, store) -> None:  # type: ignore[no-untyped-def]
    section = app.services.pack.sections[1]
    for number in range(1, 6):
        store.add_bookmark(section.id, number)
        store.add_note(section.id, number, NOTE)


async def open_list(pilot) -> MarksScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.press("l")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, MarksScreen), "the list")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, MarksScreen)
    return screen


async def test_the_keys_stay_in_sight_over_a_long_list_at_80x24(build_app, store):
    app = build_app()
    seed(app, store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_list(pilot)
        dialog = screen.query_one(".dialog", Vertical)
        keys = screen.query_one(".marks--keys", Label)
        options = screen.query_one(OptionList)
        inside = dialog.content_region
        assert keys.region.height == 1 and inside.contains_region(keys.region), (
            keys.region,
            inside,
        )
        assert inside.contains_region(options.region), (options.region, inside)
        assert options.max_scroll_y > 0  # more items than rows: the list scrolls
        await pilot.press("end")
        await wait_until(pilot, lambda: options.highlighted == options.option_count - 1, "end")
        await pilot.pause()
        assert options.scroll_y == options.max_scroll_y


async def test_a_wrapped_item_hangs_under_its_text(build_app, store):
    app = build_app()
    seed(app, store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_list(pilot)
        options = screen.query_one(OptionList)
        lines = [line.text for line in options.render_lines(options.region.reset_offset)]
        start = next(i for i, line in enumerate(lines) if "Note · " in line)
        head = lines[start].index("Context")
        assert lines[start + 1][:head].strip() == "", lines[start : start + 4]
        body = next(i for i in range(start + 1, len(lines)) if "A note" in lines[i])
        column = lines[body].index("A note")
        assert lines[body + 1][:column].strip() == "", lines[body : body + 2]
        assert lines[body + 1][column].strip(), lines[body : body + 2]
