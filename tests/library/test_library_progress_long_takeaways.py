"""The Progress screen at 80×24 shows an added pack's long takeaway titles whole, wrapped under
themselves, however many lines they take (they were cut after two lines, ending in "…")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import Static

from summitreader.authoring import add_article
from summitreader.pack import Pack, load_pack
from support.pilot import settle, wait_until

LEADS = [
    "Tidal mills were built wherever a sheltered inlet let the miller hold back the sea behind "
    "a dam with a sluice",
    "The earliest known tidal mills of Europe were working on the Irish coast in the seventh "
    "century",
    "Short one",
]


@pytest.fixture
def long_pack(tmp_path: Path) -> Pack:
    items = "".join(
        f"- **{lead}.** It is what the {nth} part of the article argues.\n"
        for lead, nth in zip(LEADS, ("first", "second", "third"), strict=True)
    )
    source = tmp_path / "mills.md"
    source.write_text(
        "# Tidal mills\n\n## History\n\n"
        "Tidal mills were built on sheltered inlets of the sea, where a dam with a sluice held "
        "back the water; the earliest known of Europe were working on the Irish coast in the "
        "seventh century.\n\n## Key takeaways\n\n" + items,
        encoding="utf-8",
    )
    return load_pack(add_article(source, tmp_path / "library").path)


def _titles(block: Static) -> str:
    rows = [line.text for line in block.render_lines(block.region.reset_offset)]
    return " ".join(" ".join(re.split("[░█▏▎▍▌▋▊▉]", row)[0] for row in rows).split())


async def _open_progress(pilot) -> Static:  # type: ignore[no-untyped-def]
    await pilot.press("5")
    await wait_until(pilot, lambda: pilot.app.screen.query("#progress-mastery"), "Progress")
    return pilot.app.screen.query_one("#progress-mastery", Static)


async def test_long_takeaway_titles_are_whole_at_80_by_24(build_app, long_pack):
    app = build_app(long_pack)
    async with app.run_test(size=(80, 24)) as pilot:
        block = await _open_progress(pilot)
        await wait_until(
            pilot, lambda: all(lead in _titles(block) for lead in LEADS), "whole takeaway titles"
        )
        assert "…" not in _titles(block)


def test_progress_long_takeaways_at_80_by_24(snap_compare, build_app, long_pack):
    async def prepare(pilot):  # type: ignore[no-untyped-def]
        block = await _open_progress(pilot)
        await wait_until(pilot, lambda: LEADS[0] in _titles(block), "whole takeaway titles")
        await settle(pilot)

    assert snap_compare(build_app(long_pack), terminal_size=(80, 24), run_before=prepare)
