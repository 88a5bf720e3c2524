"""The Index and Study footers show whole keys only: at 80 and 100 columns no key is cut at the
palette's edge (the screens' keys and quit are in the help, as on Read), and each screen's own
keys are all shown but those that give way at 80 columns."""

from __future__ import annotations

import pytest

from summitreader.tui.screens.index import IndexScreen
from summitreader.tui.screens.study import StudyScreen
from support.pilot import footer_keys, wait_until


@pytest.mark.parametrize("width", [80, 100])
@pytest.mark.parametrize(
    ("key", "screen_type", "own"),
    [
        ("2", IndexScreen, {"f", "s", "right_square_bracket", "d", "question_mark"}),
        ("4", StudyScreen, {"enter", "c", "minus", "question_mark"}),
    ],
)
async def test_no_key_of_the_footer_is_cut(build_app, width, key, screen_type, own):
    app = build_app()
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, screen_type)
        await pilot.pause()
        keys, palette = footer_keys(app.screen)
        cut = [(k.key, k.region) for k in keys if k.region.x < palette < k.region.right]
        hidden = [k.key for k in keys if k.region.x >= palette]
        assert not cut, cut
        assert not hidden, hidden
        # At 80 columns Study's "fewer new cards" gives way to the Library's key (README).
        gives_way = {"minus"} if width == 80 and screen_type is StudyScreen else set()
        assert own - gives_way <= {k.key for k in keys}


@pytest.mark.parametrize("width", [80, 100])
async def test_the_detail_pane_alone_keeps_its_way_back_in_the_footer(build_app, width):
    """With the detail pane alone (d), its footer showed no d at 80 columns: the one key back
    to the lists gave way first. Filter, which also goes back to them, gives way instead."""
    app = build_app()
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.press("2")
        await wait_until(pilot, lambda: isinstance(app.screen, IndexScreen), "the index")
        screen = app.screen
        await pilot.press("right_square_bracket", "right_square_bracket", "d")
        await wait_until(pilot, lambda: screen.has_class("-detail"), "the detail alone")

        def whole() -> set[str]:
            keys, palette = footer_keys(screen)
            return {k.key for k in keys if k.region.right <= palette}

        await wait_until(pilot, lambda: "d" in whole(), "d in the footer")
        keys, palette = footer_keys(screen)
        assert not [k.key for k in keys if k.region.right > palette]
        await pilot.press("d")
        await wait_until(pilot, lambda: not screen.has_class("-detail"), "the lists again")


async def test_sort_is_not_offered_while_the_lists_are_hidden(build_app):
    """With the detail pane alone, s sorted the table out of sight ("Meetings sorted by…") and
    the footer offered it."""
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await wait_until(pilot, lambda: isinstance(app.screen, IndexScreen), "the index")
        screen = app.screen
        assert isinstance(screen, IndexScreen)
        before = (screen.sort_column, screen.sort_reverse)
        await pilot.press("d")
        await wait_until(pilot, lambda: screen.has_class("-detail"), "the detail alone")
        await pilot.press("tab", "s")
        await pilot.pause()
        assert (screen.sort_column, screen.sort_reverse) == before
        assert "s" not in {k.key for k in footer_keys(screen)[0]}
        await pilot.press("d")
        await wait_until(pilot, lambda: not screen.has_class("-detail"), "the lists again")
        await wait_until(pilot, lambda: "s" in {k.key for k in footer_keys(screen)[0]}, "s")
