"""Running ``python -m summitreader`` on a real pseudo-terminal of 100×30, reading what it writes
and typing keys once a phrase has been drawn.

The child gets only the environment it needs (``terminal_env``): ``shutil.get_terminal_size``,
which Textual asks for the size, prefers ``COLUMNS`` and ``LINES`` to the terminal's own size, so
a ``COLUMNS=80`` left in the test run's environment made the app draw 80 columns on a terminal
of 100 and the drawn phrases were never found.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Sequence

SIZE = (100, 30)  # columns, rows
DEADLINE = 120.0  # seconds, for a whole run; only to keep a broken run from hanging
QUIET = 0.2
"""Seconds without output after which the app is taken to be done drawing. Shorter than the half
second between two blinks of a text box's cursor (with a text box focused the app writes a blink
every 0.5 s)."""

_ESCAPES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[PX^_][^\x1b]*\x1b\\"
    rb"|\x1b[@-OQ-WYZ\\]|\x1b[()][0-9A-Za-z]"
)


def visible(data: bytes) -> str:
    """What ``data`` shows on a terminal, without its escape sequences."""
    return _ESCAPES.sub(b"", data).decode("utf-8", "replace")


def terminal_env(**extra: str) -> dict[str, str]:
    """Only what the app needs from this process's environment, with ``extra`` on top: nothing
    the test run leaves there (a terminal size, a locale, a colour setting, a data folder) may
    change what the app draws."""
    env = {key: os.environ[key] for key in ("PATH", "HOME", "SYSTEMROOT") if key in os.environ}
    env.update(extra)
    return env


def summitreader(*args: str) -> list[str]:
    return [sys.executable, "-m", "summitreader", *args]


def drive(
    args: Sequence[str],
    env: dict[str, str],
    steps: Sequence[tuple[str, bytes]] = (),
    *,
    interactive: bool = True,
    deadline: float = DEADLINE,
) -> tuple[bytes, int]:
    """Run ``args`` on a pseudo-terminal; for each step, wait until its phrase is drawn (after
    the previous step's keys) and the output has been quiet for ``QUIET``, then type its keys.
    Return everything written and the exit status. ``interactive=False`` gives the child no
    terminal on its input (as a pipe-fed command has)."""
    master, slave = os.openpty()
    columns, rows = SIZE
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    process = subprocess.Popen(
        list(args),
        stdin=slave if interactive else subprocess.DEVNULL,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    output = bytearray()
    step, since = 0, 0
    end = time.monotonic() + deadline
    last_output = time.monotonic()
    try:
        while time.monotonic() < end:
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    break  # the terminal closed: the program has exited
                if not chunk:
                    break
                output += chunk
                last_output = time.monotonic()
            if step < len(steps):
                phrase, keys = steps[step]
                drawn = phrase in visible(bytes(output[since:])).replace("\n", " ")
                if drawn and time.monotonic() - last_output > QUIET:  # as a user would
                    since = len(output)
                    os.write(master, keys)
                    step += 1
            if process.poll() is not None and not ready:
                break
        status = -1  # not finished: killed below, and the assertion says what was awaited
        if step == len(steps):
            status = process.wait(timeout=max(1.0, end - time.monotonic()))
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        os.close(master)
    assert step == len(steps), (
        f"never drew {steps[step][0]!r}; it wrote:\n{visible(bytes(output))[-2000:]}"
    )
    return bytes(output), status
