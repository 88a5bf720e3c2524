"""Quitting while changes wait to be saved: `q` warns, and a second `q` quits only right after
the warning (any other key in between, and `q` warns again); SIGTERM or SIGHUP end the app as
quitting does, with a last try to save and a word about what is lost, not a silent death."""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from summitreader.progress import connection
from summitreader.tui.screens.read import ReadScreen
from support.pilot import wait_until
from support.terminal import DEADLINE as TIMEOUT
from support.terminal import visible


def told(app, title: str) -> list[str]:
    return [n.message for n in app._notifications if n.title == title]


async def test_q_warns_again_after_other_keys(build_app, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(connection, "BUSY_TIMEOUT", 0.2)
    app = build_app()
    store = app.services.store
    store.set_setting("theme", "textual-dark")  # the file exists from here on
    other = sqlite3.connect(store.path, isolation_level=None, timeout=0.2)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            reader = app.screen
            assert isinstance(reader, ReadScreen)
            await wait_until(pilot, lambda: reader.top_paragraph() is not None, "a paragraph")
            other.execute("BEGIN IMMEDIATE")
            await pilot.press("b")
            await wait_until(pilot, lambda: app.services.saves.waiting == 1, "a waiting save")
            await pilot.press("q")
            assert app.is_running and len(told(app, "Not saved yet")) == 1
            await pilot.press("j", "k")  # the user goes on reading
            await pilot.press("q")
            assert app.is_running and len(told(app, "Not saved yet")) == 2
            await pilot.press("q")  # right after the warning: quits
            await wait_until(pilot, lambda: app.unsaved_at_exit == 1, "the app to quit")
    finally:
        other.close()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_stop_signal_ends_the_app_and_says_what_was_not_saved(
    tmp_path: Path, signum: signal.Signals
) -> None:
    data = tmp_path / "data"
    args = [
        sys.executable, "-m", "summitreader", "--data-dir", str(data),
        "--cache-dir", str(tmp_path / "cache"),
    ]  # fmt: skip
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "SUMMITREADER"))}
    env["TERM"] = "xterm-256color"
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    process = subprocess.Popen(
        args, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    output = bytearray()
    other: sqlite3.Connection | None = None

    def read_until(phrase: str) -> None:
        deadline = time.monotonic() + TIMEOUT
        while phrase not in visible(bytes(output)).replace("\n", " "):
            assert time.monotonic() < deadline, f"never saw {phrase!r}: {visible(bytes(output))}"
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    output.extend(os.read(master, 65536))
                except OSError:
                    return

    try:
        read_until("sections read")
        os.write(master, b"b")  # a bookmark, saved: the file exists
        read_until("Bookmarked")
        other = sqlite3.connect(data / "progress.sqlite3", isolation_level=None, timeout=5)
        other.execute("BEGIN IMMEDIATE")
        os.write(master, b"j")
        os.write(master, b"b")  # its removal (or the next bookmark) waits
        read_until("kept;")
        process.send_signal(signum)
        status = process.wait(timeout=TIMEOUT)
        read_until("not saved")
        deadline = time.monotonic() + 1
        while time.monotonic() < deadline and select.select([master], [], [], 0.1)[0]:
            try:
                output.extend(os.read(master, 65536))
            except OSError:
                break
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        os.close(master)
        if other is not None:
            other.close()
    shown = visible(bytes(output))
    assert status == 0, shown[-2000:]
    assert "Traceback" not in shown
    # The bookmark waits, and so may the reader's own position save after `j`: one or two.
    assert re.search(r"summitreader: [12] changes? (was|were) not saved", shown), shown[-2000:]


async def test_ctrl_c_says_how_to_quit_in_plain_text(build_app) -> None:
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+c")
        await wait_until(pilot, lambda: told(app, "Do you want to quit?"), "the hint")
        (hint,) = told(app, "Do you want to quit?")
        assert hint == "Press q to quit the app."
