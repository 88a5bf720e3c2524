"""The Progress and Study screens compute their figures once when first shown, and again each time
they are shown after: counted as the queries that reach the progress file, not as time."""

from __future__ import annotations

from support.pilot import wait_until

RETENTION = "lag(reviewed_at)"
"""In the query of true retention (Progress) only."""
STARTED = "NOT EXISTS"
"""In the query of the cards started today (Study) only."""


async def shown_queries(build_app, key: str, name: str, marker: str) -> tuple[int, int]:
    app = build_app()
    statements: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        app.services.store._conn.set_trace_callback(statements.append)
        await pilot.press(key)
        await wait_until(pilot, lambda: type(app.screen).__name__ == name, name)
        await pilot.pause()
        first = sum(marker in s for s in statements)
        await pilot.press("1")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "ReadScreen", "Read")
        await pilot.press(key)
        await wait_until(pilot, lambda: type(app.screen).__name__ == name, name)
        await pilot.pause()
        again = sum(marker in s for s in statements) - first
        app.services.store._conn.set_trace_callback(None)
    return first, again


async def test_progress_counts_its_figures_once_per_showing(build_app) -> None:
    first, again = await shown_queries(build_app, "5", "ProgressScreen", RETENTION)
    assert first == again == 1


async def test_study_counts_its_figures_once_per_showing(build_app) -> None:
    # The first showing does the work of one showing (not of two), and a later one does it again.
    first, again = await shown_queries(build_app, "4", "StudyScreen", STARTED)
    assert first == again > 0
