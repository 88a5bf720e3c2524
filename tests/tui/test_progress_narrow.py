"""At 80 columns the Progress screen's mastery table keeps one line a takeaway."""

from __future__ import annotations

from textual.widgets import Static

from support.pilot import wait_until


async def test_the_mastery_table_keeps_its_rows_whole_at_80_columns(build_app):
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await wait_until(pilot, lambda: app.screen.query("#progress-mastery"), "Progress")
        block = app.screen.query_one("#progress-mastery", Static)
        takeaways = len(app.services.pack.takeaways)

        def rows() -> list[str]:
            lines = [line.text.rstrip() for line in block.render_lines(block.region.reset_offset)]
            return [line for line in lines if line.strip()]

        # The title, the column heads, then one line for each takeaway, each with its figures.
        await wait_until(pilot, lambda: len(rows()) == 2 + takeaways, "whole rows")
        for row in rows()[2:]:
            assert "/" in row and ("%" in row or "—" in row), row
