"""A screen's footer composes its keys again only when they change: once on a screen's first
showing (Textual's own footer did it four to six times, a widget per key each time), and again
when a key comes or goes."""

from __future__ import annotations

import pytest
from textual.widgets._footer import FooterKey

from summitreader.tui.widgets.key_footer import KeyFooter, shown_keys


@pytest.mark.parametrize("key", ["2", "3", "4", "5"])
async def test_a_first_visit_composes_the_footer_once(build_app, key):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        read_footer = app.screen.query_one(KeyFooter)
        read_composed = read_footer.composed
        await pilot.press(key)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        assert footer is not read_footer
        assert footer.composed == 1
        assert read_footer.composed == read_composed  # the screen left keeps its keys
        actions = {action for _, action, *_ in shown_keys(app.screen)}
        assert {child.action for child in footer.query(FooterKey)} - {"command_palette"} == actions


async def test_the_footer_composes_again_when_its_keys_change(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        before = footer.composed
        await pilot.press("tab")  # the detail pane: its keys come, the sort key goes
        await pilot.pause()
        assert footer.composed > before
        assert "tab" in {child.key for child in footer.query(FooterKey)}
