"""The Read footer shows whole keys only: at 80 and 100 columns no key or description is cut,
and the keys left out of it are in the help."""

from __future__ import annotations

import pytest

from summitreader.tui.screens.read import ReadScreen
from support.pilot import footer_keys


@pytest.mark.parametrize("width", [80, 100])
async def test_no_key_of_the_read_footer_is_cut(build_app, width):
    app = build_app()
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReadScreen)
        await pilot.pause()
        keys, palette = footer_keys(app.screen)
        cut = [(k.key, k.region) for k in keys if k.region.x < palette < k.region.right]
        hidden = [k.key for k in keys if k.region.x >= palette]
        assert not cut, cut
        assert not hidden, hidden
        shown = {k.key for k in keys}
        assert {"right_square_bracket", "ctrl+f", "t", "m", "question_mark"} <= shown


async def test_the_keys_left_out_of_the_read_footer_are_in_the_help(build_app):
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        keys, _ = footer_keys(app.screen)
        shown = {k.key for k in keys}
        helped = dict(app.help_sections())
        read_keys = " ".join(key for key, _ in helped["Read (1)"])
        for key, label in (("b", "Bookmark"), ("n", "Note"), ("l", "Marks"), ("c", "Card")):
            assert key in shown or key in read_keys.split(), (key, label)
        everywhere = " ".join(key for key, _ in helped["Everywhere"]).split()
        assert {"1", "2", "3", "4", "5", "q"} <= set(everywhere)
