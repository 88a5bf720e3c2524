"""The app started while another summitreader holds the progress file's write lock behaves as it
does when the lock is taken mid-session: what the user does waits to be saved, ``q`` warns while
it waits, and it is saved once the file is free. A data folder that cannot be written is another
case, kept apart: there the user is told once, at start, that nothing will be saved and why, and
``q`` quits at once (there is nothing to wait for)."""

from __future__ import annotations

import ctypes
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from summitreader.pack import Pack
from summitreader.progress import connection, open_store
from summitreader.tui.app import SummitApp
from summitreader.tui.screens.read import ReadScreen
from support.clock import Clock
from support.pilot import wait_until

SIZE = (100, 30)
TESTS = Path(__file__).parent.parent


def told(app: SummitApp, title: str) -> list[str]:
    return [str(n.message) for n in app._notifications if n.title == title]


def earlier_run(data_dir: Path, pack: Pack, clock: Clock) -> Path:
    """A progress file left by an earlier run (one section read); its path."""
    with open_store(data_dir, pack, clock=clock) as store:
        store.mark_read(pack.sections[0].id)
        return store.path


async def test_q_warns_while_what_was_done_under_a_start_up_lock_waits(
    build_app: Callable[..., SummitApp],
    folders: tuple[Path, Path],
    pack: Pack,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(connection, "BUSY_TIMEOUT", 0.2)
    path = earlier_run(folders[0], pack, clock)
    other = sqlite3.connect(path, isolation_level=None, timeout=0.2)
    other.execute("BEGIN IMMEDIATE")  # held while the app starts
    try:
        app = build_app(retry_delay=0.05)
        store = app.services.store
        assert store.persistent and store.notices == []  # not a read-only session
        async with app.run_test(size=SIZE) as pilot:
            reader = app.screen
            assert isinstance(reader, ReadScreen)
            await wait_until(pilot, lambda: reader.top_paragraph() is not None, "a paragraph")
            assert store.read_sections()  # the saved progress is shown, read from the file
            await pilot.press("b")
            await wait_until(pilot, lambda: app.services.saves.waiting, "the bookmark waiting")
            assert told(app, "Not saved") and not told(app, "Progress")
            # said as the action's own message says it (it said "as soon as it can be")
            assert "saved when the progress file is free" in told(app, "Not saved")[0]
            assert "not saved yet" in app.sub_title

            await pilot.press("q")
            assert app.is_running and "q again quits" in told(app, "Not saved yet")[0]

            other.execute("ROLLBACK")  # the other process is done: the bookmark is saved
            await wait_until(pilot, lambda: not app.services.saves.waiting, "the bookmark saved")
            await wait_until(pilot, lambda: told(app, "Saved"), "the user told")
            assert len(store.bookmarks()) == 1
            await pilot.press("q")  # nothing waits: quits at once
            await wait_until(pilot, lambda: not app.is_running, "the app to quit")
        assert app.unsaved_at_exit == 0
    finally:
        other.close()
    with open_store(folders[0], pack, clock=clock) as restarted:
        assert len(restarted.bookmarks()) == 1


READ_ONLY = """
import asyncio, json, sqlite3, sys
sys.path.insert(0, {tests!r})
from pathlib import Path
from summitreader.pack import load_pack
from summitreader.progress import connection
from support.app import build_app
from support.clock import START
from support.pilot import wait_until

connection.BUSY_TIMEOUT = 0.2

async def main():
    app, store = build_app(
        load_pack({pack!r}), Path({data!r}), lambda: START, Path({cache!r}), retry_delay=0.05
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.screen.top_paragraph() is not None, "a paragraph")
        await pilot.press("b")
        await wait_until(pilot, lambda: any(n.title != "Progress" for n in app._notifications))
        subtitle = app.sub_title
        await pilot.press("q")
        await wait_until(pilot, lambda: not app.is_running, "the app to quit at once")
        told = [[n.title, str(n.message)] for n in app._notifications]
    print(json.dumps({{"persistent": store.persistent, "told": told, "subtitle": subtitle,
        "unsaved": app.unsaved_at_exit, "read": sorted(store.read_sections())}}))

asyncio.run(main())
"""


def without_root_powers() -> None:
    """In a child about to run as root: drop the capabilities that let root write anything
    (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), so file permissions apply to it as to a user."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


@pytest.mark.parametrize("locked", [False, True], ids=["free", "locked by another"])
def test_a_data_folder_that_cannot_be_written_says_so_once_and_q_quits_at_once(
    tmp_path: Path, pack: Pack, clock: Clock, shared_cache_dir: Path, locked: bool
) -> None:
    as_a_user = without_root_powers if os.geteuid() == 0 else None
    try:
        subprocess.run([sys.executable, "-c", "pass"], preexec_fn=as_a_user, check=True)
    except (OSError, subprocess.SubprocessError):
        pytest.skip("running as root, and root's powers cannot be dropped here")
    data = tmp_path / "data"
    path = earlier_run(data, pack, clock)
    other = sqlite3.connect(path, isolation_level=None, timeout=0.2)
    for file in data.iterdir():
        if file.is_file():
            file.chmod(0o444)
    data.chmod(0o555)
    try:
        if locked:  # another summitreader, allowed to write, holds the write lock
            other.execute("BEGIN IMMEDIATE")
        script = READ_ONLY.format(
            tests=str(TESTS), pack=str(pack.root), data=str(data), cache=str(shared_cache_dir)
        )
        result = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            timeout=120,
            preexec_fn=as_a_user,
        )
    finally:
        other.close()
        data.chmod(0o755)
    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["persistent"] is False
    assert seen["read"] == [pack.sections[0].id]  # the saved progress is shown
    progress = [message for title, message in seen["told"] if title == "Progress"]
    assert len(progress) == 1, seen["told"]  # told once, at start, with the reason
    assert "cannot be written" in progress[0] and "will not be saved" in progress[0]
    assert "locked" not in progress[0] and "busy" not in progress[0]
    assert seen["subtitle"].startswith("progress not saved")
    titles = [title for title, _ in seen["told"]]
    assert "Not saved" not in titles and "Not saved yet" not in titles
    assert seen["unsaved"] == 0
