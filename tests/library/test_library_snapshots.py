"""The Library screen as drawn, at 100×30, with the shipped pack and one added article."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from textual.widgets import OptionList

from summitreader import paths
from summitreader.authoring import add_article
from summitreader.library import library_dir, shipped_ids
from summitreader.pack import load_pack
from summitreader.progress import open_store
from summitreader.tui.factory import make_app
from summitreader.tui.screens.library import LibraryScreen
from support.pilot import settle, wait_until

FIXTURES = Path(__file__).parent / "fixtures"
NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)


def test_library_screen(snap_compare, tmp_path):
    data = tmp_path / "data"
    added = add_article(
        FIXTURES / "photosynthesis.md", library_dir(data), taken=shipped_ids(), now=NOW
    )
    pack = load_pack(paths.default_pack_dir())
    store = open_store(data, pack, clock=lambda: NOW)
    store.mark_read("introduction")
    other = open_store(data, load_pack(added.path), clock=lambda: NOW)
    other.mark_read("overview")
    other.close()
    app = make_app(pack, store, tmp_path / "cache", clock=lambda: NOW, data_dir=data)

    async def prepare(pilot):
        await pilot.press("6")
        await wait_until(
            pilot, lambda: isinstance(pilot.app.screen, LibraryScreen) and pilot.app.screen.loaded
        )
        options = pilot.app.screen.query_one(OptionList)
        await wait_until(
            pilot,
            lambda: all(
                "read" in str(options.get_option_at_index(n).prompt)
                for n in range(options.option_count)
            ),
            "the packs' progress",
        )
        await settle(pilot)

    try:
        assert snap_compare(app, terminal_size=(100, 30), run_before=prepare)
    finally:
        store.close()
