"""Switching to a pack while another summitreader holds the progress file's write lock: the pack
opens with saving, as it does at start-up in that case; what the user does in it waits to be saved
(the header says so) and reaches the file once the lock is let go."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import OptionList

from summitreader import paths
from summitreader.authoring import add_article
from summitreader.library import library_dir, shipped_ids
from summitreader.pack import load_pack
from summitreader.progress import connection
from summitreader.tui.screens.library import LibraryScreen
from summitreader.tui.screens.read import ReadScreen
from support.app import build_app
from support.clock import START
from support.pilot import wait_until

FIXTURES = Path(__file__).parent / "fixtures"
BUSY = 0.2
"""The busy timeout: how long opening waits for the lock (short, so the test is quick)."""


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setattr(connection, "BUSY_TIMEOUT", BUSY)
    folder = tmp_path / "data"
    add_article(FIXTURES / "photosynthesis.md", library_dir(folder), taken=shipped_ids())
    yield folder


def messages(app: object) -> list[str]:
    return [str(n.message) for n in app._notifications]  # type: ignore[attr-defined]


async def choose(pilot, app, index: int) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("6")
    await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen) and app.screen.loaded)
    options = app.screen.query_one(OptionList)
    # Every pack's figures are shown: no summary is read while the file is locked below.
    await wait_until(pilot, lambda: all("…" not in str(o.prompt) for o in options.options))
    options.highlighted = index


async def test_a_pack_opened_while_the_progress_file_is_locked_saves_once_it_is_free(
    data, tmp_path
):
    pack = load_pack(paths.default_pack_dir())
    # The reader saves its position at once: the save is done before the lock is taken (with the
    # real delay, a save after it would wait, and the pack would rightly stay open).
    app, store = build_app(
        pack, data, lambda: START, tmp_path / "cache", library=True, retry_delay=0.05
    )
    store.mark_read(pack.sections[0].id)  # the progress file exists
    other = sqlite3.connect(store.path, isolation_level=None, timeout=BUSY)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, ReadScreen))
        await wait_until(pilot, lambda: store.get_position() is not None, "the position saved")
        await choose(pilot, app, 1)
        assert not app.services.saves.waiting
        other.execute("BEGIN IMMEDIATE")  # another summitreader holds the write lock
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.services.pack.id == "photosynthesis")
        await wait_until(pilot, lambda: isinstance(app.screen, ReadScreen))
        opened = app.services.store
        assert opened.persistent
        assert not any("not saved this session" in told for told in messages(app))
        # The new pack's reader saves its position at once: it waits for the file.
        await wait_until(pilot, lambda: app.services.saves.waiting, "the position waiting")
        assert "not saved yet" in app.sub_title

        other.execute("ROLLBACK")  # the file is free again: what waited is saved
        await wait_until(pilot, lambda: not app.services.saves.waiting, "the position saved")
        assert opened.get_position() is not None
        await wait_until(pilot, lambda: "sections read" in app.sub_title, "the header")
    app.services.store.close()
    other.close()
