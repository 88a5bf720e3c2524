"""The Library's key (6) is in the Read, Index and Study footers, whole: at 100 columns beside
every key of the screen, at 80 with the least-used keys giving way in a planned order (each of
them still in the help, under its screen). The real app through Pilot."""

from __future__ import annotations

import pytest

from summitreader.tui.screens.index import IndexScreen
from summitreader.tui.screens.read import ReadScreen
from summitreader.tui.screens.study import StudyScreen
from support.pilot import footer_keys, wait_until

SCREENS = [
    ("1", ReadScreen, "Read (1)", {"right_square_bracket", "ctrl+f", "t", "m", "b"}),
    ("2", IndexScreen, "Index (2)", {"f", "s", "right_square_bracket", "d"}),
    ("4", StudyScreen, "Study (4)", {"enter", "c", "plus", "minus"}),
]
GIVEN_WAY_AT_80 = {"1": {"b"}, "2": set(), "4": {"minus"}}
"""The keys left out of the footer at 80 columns, to make room for the Library's."""


async def shown_keys(pilot, key, screen_type, width):  # type: ignore[no-untyped-def]
    app = pilot.app
    await pilot.press(key)
    await wait_until(pilot, lambda: isinstance(app.screen, screen_type))
    await pilot.pause()
    await pilot.pause()
    keys, palette = footer_keys(app.screen)
    shown = [k for k in keys if k.display and k.region.width]
    cut = [(k.key, k.region) for k in shown if k.region.right > palette]
    assert not cut, cut
    assert all(k.region.right <= width for k in shown)
    return {k.key for k in shown}


@pytest.mark.parametrize(("key", "screen_type", "section", "own"), SCREENS)
async def test_the_library_key_is_in_the_footer_at_100_columns(
    build_app, key, screen_type, section, own
):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        shown = await shown_keys(pilot, key, screen_type, 100)
        assert "6" in shown
        assert "question_mark" in shown
        assert own <= shown, own - shown


@pytest.mark.parametrize(("key", "screen_type", "section", "own"), SCREENS)
async def test_at_80_columns_the_least_used_keys_give_way_to_it(
    build_app, key, screen_type, section, own
):
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        shown = await shown_keys(pilot, key, screen_type, 80)
        assert "6" in shown
        assert "question_mark" in shown
        assert own - shown == GIVEN_WAY_AT_80[key], own - shown
        helped = " ".join(keys for keys, _ in dict(app.help_sections())[section]).split()
        display = {"minus": "-", "b": "b"}
        for left_out in GIVEN_WAY_AT_80[key]:
            assert display[left_out] in helped, (left_out, helped)
