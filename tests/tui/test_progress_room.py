"""The Progress screen gives its texts the room there is: takeaway titles whole (wrapped under
themselves when long, never cut to a few letters), a long section title to re-read whole, and the
forecast's first and last days on one line under its axis."""

from __future__ import annotations

import re

import pytest
from textual.widgets import Static

from support.pilot import wait_until


def lines(block: Static) -> list[str]:
    """The block's lines without its padding's first cell."""
    return [line.text[1:].rstrip() for line in block.render_lines(block.region.reset_offset)]


def title_column(rows: list[str]) -> list[str]:
    """The rows without their meters and figures: the titles' text only."""
    return [re.split("[░█▏▎▍▌▋▊▉]", row)[0] for row in rows]


async def open_progress(pilot) -> None:  # type: ignore[no-untyped-def]
    app = pilot.app
    await pilot.press("5")
    await wait_until(pilot, lambda: app.screen.query("#progress-forecast"), "Progress")
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_takeaway_titles_are_whole(build_app, size):
    app = build_app()
    async with app.run_test(size=size) as pilot:
        await open_progress(pilot)
        block = app.screen.query_one("#progress-mastery", Static)
        titles = [t.title for t in app.services.pack.takeaways]

        def whole() -> bool:
            text = " ".join(" ".join(title_column(lines(block))).split())
            return all(title in text for title in titles)

        await wait_until(pilot, whole, f"whole takeaway titles at {size}")
        assert "…" not in "".join(lines(block)), lines(block)


async def test_a_wrapped_takeaway_title_hangs_under_itself(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_progress(pilot)
        block = app.screen.query_one("#progress-mastery", Static)
        rows = [line for line in lines(block)[3:] if line.strip()]
        follow = [line for line in rows if "/" not in line]
        assert follow, rows  # at 100 columns some titles take two lines
        for line in follow:
            assert line.startswith("  ") and line[2] != " ", rows


async def test_the_forecast_dates_share_one_line_at_80_columns(build_app):
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_progress(pilot)
        block = app.screen.query_one("#progress-forecast", Static)
        await wait_until(pilot, lambda: "15 Mar" in "".join(lines(block)), "the last day")
        axis = lines(block)[-1]
        assert "02 Mar" in axis and "15 Mar" in axis, lines(block)


async def test_a_long_title_to_reread_is_shown_whole(build_app, store):
    app = build_app()
    section = max(app.services.pack.sections, key=lambda s: len(s.title))
    store.queue_reread(section.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_progress(pilot)
        block = app.screen.query_one("#progress-figures", Static)
        text = " ".join(" ".join(lines(block)).split())
        assert section.title in text, lines(block)
