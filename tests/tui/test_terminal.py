"""The real app in a real pseudo-terminal: what reaches the terminal, under a C locale, with
content that tries to drive it (escape sequences, bidi overrides) and text that is hard to lay out
(right-to-left, emoji sequences, combining marks)."""

from __future__ import annotations

import fcntl
import os
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from summitreader.paths import default_pack_dir

TIMEOUT = 30.0
_ESCAPES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[PX^_][^\x1b]*\x1b\\"
    rb"|\x1b[@-OQ-WYZ\\]|\x1b[()][0-9A-Za-z]"
)
HOSTILE = (
    "Injected \x1b]0;owned-title\x07 \x1b]52;c;b3duZWQ=\x07 \x1b[2J \x9b31m \u202eevil\u202c "
    "שלום עולם 👩‍👩‍👧 cafe\u0301 end."
)


def visible(data: bytes) -> str:
    return _ESCAPES.sub(b"", data).decode("utf-8", "replace")


def run_in_terminal(args: list[str], env: dict[str, str], phrase: str) -> tuple[bytes, int]:
    """Start ``args`` on a 100×30 pseudo-terminal, wait until ``phrase`` is drawn, press q, and
    return everything written to the terminal and the exit status."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    process = subprocess.Popen(
        args, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    output = bytearray()
    deadline = time.monotonic() + TIMEOUT
    quit_sent = False
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    break  # the terminal closed: the program has exited
                if not chunk:
                    break
                output += chunk
            if not quit_sent and phrase in visible(bytes(output)).replace("\n", " "):
                time.sleep(0.3)  # let it settle, then quit as a user would
                os.write(master, b"q")
                quit_sent = True
            if process.poll() is not None and not ready:
                break
        status = process.wait(timeout=max(1.0, deadline - time.monotonic()))
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        os.close(master)
    assert quit_sent, f"never drew {phrase!r}; it wrote:\n{visible(bytes(output))[-2000:]}"
    return bytes(output), status


@pytest.fixture
def hostile_pack(tmp_path: Path) -> Path:
    root = tmp_path / "pack"
    shutil.copytree(default_pack_dir(), root)
    intro = root / "sections" / "01-introduction.md"
    intro.write_text(HOSTILE + "\n\n" + intro.read_text(encoding="utf-8"), encoding="utf-8")
    return root


def test_content_never_drives_the_terminal_under_a_c_locale(tmp_path, hostile_pack):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("LC_", "LANG", "PYTHONUTF8", "TEXTUAL", "SUMMITREADER"))
    }
    env.update(LC_ALL="C", TERM="xterm-256color")
    args = [
        sys.executable, "-m", "summitreader", "--pack", str(hostile_pack),
        "--data-dir", str(tmp_path / "data"), "--cache-dir", str(tmp_path / "cache"),
    ]
    output, status = run_in_terminal(args, env, "Injected")
    assert status == 0
    assert b"Traceback" not in output
    assert b"owned" not in output  # neither the window title nor the clipboard (OSC 52) sequence
    assert "\u202e".encode() not in output and b"\x9b" not in output
    shown = visible(output)
    assert "evil" in shown and "end." in shown
    assert "שלום" in shown and "👩" in shown
