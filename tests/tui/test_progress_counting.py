"""The Progress screen is drawn at once and counts its figures off the UI thread: until the first
count is done its figures' block says "Counting…" (a long review history takes a few tenths of a
second to count), then the figures replace it."""

from __future__ import annotations

from textual.widgets import Static

from summitreader.tui.screens.progress import COUNTING, ProgressScreen
from support.pilot import wait_until


def figures(app) -> str:  # type: ignore[no-untyped-def]
    block = app.screen.query_one("#progress-figures", Static)
    return " ".join(line.text for line in block.render_lines(block.region.reset_offset))


async def test_progress_is_drawn_before_its_figures_are_counted(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        # The progress file is held by the test: a count on another thread waits for it, a count
        # on the UI thread (the test's) would not.
        with app.services.store._lock:
            await pilot.press("5")
            await wait_until(pilot, lambda: isinstance(app.screen, ProgressScreen), "Progress")
            await wait_until(pilot, lambda: COUNTING in figures(app), "the counting state")
            assert "True retention" not in figures(app)
        await app.workers.wait_for_complete()
        await wait_until(pilot, lambda: "True retention" in figures(app), "the figures")
        assert COUNTING not in figures(app)
