"""Switching packs shows a clear state until the new pack is on screen: the Library stays, its
list disabled, saying which pack is opening. When the pack is not opened (a change of the open
pack waits to be saved, or anything unexpected goes wrong), a notice says why and the list is
back: never "Opening…" and then nothing."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Label, OptionList

from summitreader import paths
from summitreader.authoring import add_article
from summitreader.library import library_dir, shipped_ids
from summitreader.pack import load_pack
from summitreader.progress import connection
from summitreader.tui.screens.library import LibraryScreen
from summitreader.tui.screens.read import ReadScreen
from support.app import build_app
from support.clock import START
from support.pilot import DEADLINE, wait_until

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def data(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "data"
    add_article(FIXTURES / "photosynthesis.md", library_dir(folder), taken=shipped_ids())
    yield folder


def messages(app: object) -> str:
    return " ".join(str(n.message) for n in app._notifications)  # type: ignore[attr-defined]


def status(screen: LibraryScreen) -> str:
    label = screen.query_one("#library-loading", Label)
    return str(label.render()) if label.display else ""


async def choose(pilot, app, index: int) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("6")
    await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen) and app.screen.loaded)
    options = app.screen.query_one(OptionList)
    await wait_until(pilot, lambda: all("…" not in str(o.prompt) for o in options.options))
    options.highlighted = index


async def test_the_library_says_which_pack_is_opening_until_it_is_on_screen(
    data, tmp_path, monkeypatch
):
    # Opening the chosen pack's progress waits a moment for the lock another summitreader
    # holds; here as long as the test holds it (the open pack's writes keep their short wait,
    # set when it was built), so the dialog is seen in that state.
    pack = load_pack(paths.default_pack_dir())
    app, store = build_app(pack, data, lambda: START, tmp_path / "cache", library=True)
    monkeypatch.setattr(connection, "SHORT_BUSY_TIMEOUT", DEADLINE)
    store.mark_read(pack.sections[0].id)  # the progress file exists
    other = sqlite3.connect(store.path, isolation_level=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: store.get_position() is not None, "the position saved")
        await choose(pilot, app, 1)
        other.execute("BEGIN IMMEDIATE")
        await pilot.press("enter")
        await wait_until(pilot, lambda: "Opening Photosynthesis…" in status(app.screen))
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert screen.query_one(OptionList).disabled
        await pilot.press("down", "enter")  # the list takes no other choice meanwhile
        assert app.screen is screen and app.services.pack.id != "photosynthesis"
        other.execute("ROLLBACK")
        await wait_until(pilot, lambda: app.services.pack.id == "photosynthesis")
        await wait_until(pilot, lambda: isinstance(app.screen, ReadScreen))
        assert len(app.screen_stack) == 1
        assert app.services.store.persistent
    app.services.store.close()
    other.close()


async def test_a_change_waiting_to_be_saved_keeps_the_pack_open_and_says_so(data, tmp_path):
    pack = load_pack(paths.default_pack_dir())
    app, store = build_app(pack, data, lambda: START, tmp_path / "cache", library=True)
    store.mark_read(pack.sections[0].id)
    other = sqlite3.connect(store.path, isolation_level=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: store.get_position() is not None, "the position saved")
        other.execute("BEGIN IMMEDIATE")
        await pilot.press("b")  # a bookmark, which waits: the file is busy
        await wait_until(pilot, lambda: app.services.saves.waiting, "the bookmark to wait")
        await choose(pilot, app, 1)
        await pilot.press("enter")
        await wait_until(pilot, lambda: "changes not saved yet" in messages(app))
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await wait_until(pilot, lambda: not screen.query_one(OptionList).disabled)
        assert status(screen) == ""
        assert app.services.pack.id != "photosynthesis"
        other.execute("ROLLBACK")
    app.services.store.close()
    other.close()


async def test_an_unexpected_error_while_opening_a_pack_is_told(data, tmp_path):
    # The app's clock (a test clock here) turns naive while the pack is opened: opening its
    # progress refuses the time. Whatever fails, the user is told, with no traceback.
    naive = [False]

    def clock() -> dt.datetime:
        return START.replace(tzinfo=None) if naive[0] else START

    pack = load_pack(paths.default_pack_dir())
    app, _ = build_app(pack, data, clock, tmp_path / "cache", library=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await choose(pilot, app, 1)
        naive[0] = True
        await pilot.press("enter")
        await wait_until(pilot, lambda: "cannot be opened" in messages(app))
        naive[0] = False
        told = messages(app)
        assert "something unexpected went wrong (ValueError" in told
        assert "Traceback" not in told
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await wait_until(pilot, lambda: not screen.query_one(OptionList).disabled)
        assert app.services.pack.id != "photosynthesis"
    app.services.store.close()


async def test_leaving_the_library_while_a_pack_opens_keeps_the_open_pack(
    data, tmp_path, monkeypatch
):
    # escape while Photosynthesis opens: it is not switched to when it is loaded, and the user
    # is told; choosing it again later opens it. Opening waits for the lock as long as the test
    # holds it (see above).
    pack = load_pack(paths.default_pack_dir())
    app, store = build_app(pack, data, lambda: START, tmp_path / "cache", library=True)
    monkeypatch.setattr(connection, "SHORT_BUSY_TIMEOUT", DEADLINE)
    store.mark_read(pack.sections[0].id)  # the progress file exists
    other = sqlite3.connect(store.path, isolation_level=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: store.get_position() is not None, "the position saved")
        await choose(pilot, app, 1)
        other.execute("BEGIN IMMEDIATE")
        await pilot.press("enter")
        await wait_until(pilot, lambda: "Opening Photosynthesis…" in status(app.screen))
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ReadScreen))
        assert "Photosynthesis is not opened" in messages(app)
        other.execute("ROLLBACK")
        await wait_until(
            pilot,
            lambda: not any(w.group == "switch-pack" and w.is_running for w in app.workers),
            "the pack's loading to end",
        )
        await pilot.pause()
        assert app.services.pack.id == pack.id
        assert isinstance(app.screen, ReadScreen) and len(app.screen_stack) == 1

        await choose(pilot, app, 1)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.services.pack.id == "photosynthesis")
    app.services.store.close()
    other.close()
