"""Time to first paint: a program is started in a pseudo-terminal and timed until a phrase of the
article appears in what it writes to the terminal.

The terminal output is escape sequences around text. CSI, OSC and other escape sequences are
removed, which leaves each run of text as written; the phrase looked for is short enough to sit on
one line of the screen, so line wrapping does not split it.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

COLUMNS = 100
LINES = 30
TIMEOUT = 30.0
"""Seconds a program may take to paint before the run counts as failed."""

_ESCAPES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    rb"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC, ended by BEL or ST
    rb"|\x1b[PX^_][^\x1b]*\x1b\\"  # DCS, SOS, PM, APC
    rb"|\x1b[@-OQ-WYZ\\]"  # other two-character sequences
    rb"|\x1b[()][0-9A-Za-z]"  # character set selection
)


class PaintTimeout(RuntimeError):
    """The program exited or took too long before the phrase appeared."""


@dataclass(frozen=True)
class Paint:
    seconds: float
    """From just before the program was started to the read that completed the phrase."""
    peak_kib: int | None
    """The program's peak resident memory (VmHWM) when the phrase had appeared."""
    output_bytes: int


def environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of the measured program: this one's, with a fixed terminal and size and
    without the variables that change what Textual does (devtools, drivers, colours)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TEXTUAL", "SUMMITREADER"))
        and key not in ("NO_COLOR", "FORCE_COLOR", "COLORTERM")
    }
    env.update(TERM="xterm-256color", COLUMNS=str(COLUMNS), LINES=str(LINES))
    env.update(extra or {})
    return env


def visible_text(data: bytes) -> str:
    """``data`` written to a terminal, without its escape sequences."""
    return _ESCAPES.sub(b"", data).decode("utf-8", "replace")


def peak_memory_kib(pid: int) -> int | None:
    """VmHWM of process ``pid`` in KiB, or None where /proc cannot tell."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"^VmHWM:\s+(\d+)\s+kB", status, re.MULTILINE)
    return int(match.group(1)) if match else None


def first_paint(
    argv: list[str],
    phrase: str,
    *,
    env: dict[str, str] | None = None,
    cwd: str | None = None,
    settle: float = 0.0,
    until: Callable[[], bool] | None = None,
    timeout: float = TIMEOUT,
) -> Paint:
    """Run ``argv`` in a pseudo-terminal of :data:`COLUMNS` × :data:`LINES` until ``phrase`` shows;
    then, after ``settle`` more seconds (or once ``until()`` is true), read its peak memory and kill
    it."""
    environ = env if env is not None else environment()
    wanted = phrase.encode()
    started = time.perf_counter()
    pid, master = pty.fork()
    if pid == 0:  # the child: the pseudo-terminal is its controlling terminal and stdio
        try:
            fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
            if cwd:
                os.chdir(cwd)
            os.execve(argv[0], argv, environ)
        finally:
            os._exit(127)
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    output = bytearray()
    shown = bytearray()
    scanned = 0
    painted_at: float | None = None
    peak: int | None = None
    try:
        deadline = started + timeout
        while painted_at is None:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise PaintTimeout(f"{argv[1:]!r} did not show {phrase!r} in {timeout:.0f} s")
            ready, _, _ = select.select([master], [], [], remaining)
            if not ready:
                continue
            chunk = _read(master)
            if not chunk:
                raise PaintTimeout(
                    f"{argv[1:]!r} ended before showing {phrase!r}: "
                    + visible_text(bytes(output))[-400:]
                )
            output += chunk
            end = _complete_up_to(output, scanned)
            before = len(shown)
            shown += _ESCAPES.sub(b"", bytes(output[scanned:end]))
            scanned = end
            if wanted in shown[max(0, before - len(wanted)) :]:
                painted_at = time.perf_counter()
        if until is not None:
            deadline = time.perf_counter() + timeout
            while not until() and time.perf_counter() < deadline:
                _drain(master, 0.05)
        elif settle:
            deadline = time.perf_counter() + settle
            while time.perf_counter() < deadline:
                _drain(master, deadline - time.perf_counter())
        peak = peak_memory_kib(pid)
    finally:
        _stop(pid, master)
    return Paint(painted_at - started, peak, len(output))


def _complete_up_to(output: bytearray, start: int) -> int:
    """Where the data from ``start`` stops being whole: before an escape sequence that the end of
    the last read cut off."""
    last = output.rfind(b"\x1b", start)
    if last < 0 or _ESCAPES.match(output, last):
        return len(output)
    if len(output) - last > 4096:  # not an escape sequence that will ever end: take it as text
        return len(output)
    return last


def _read(fd: int) -> bytes:
    try:
        return os.read(fd, 65536)
    except OSError as error:
        if error.errno == errno.EIO:  # the other side closed: the program ended
            return b""
        raise


def _drain(fd: int, wait: float) -> None:
    ready, _, _ = select.select([fd], [], [], max(0.0, wait))
    if ready:
        _read(fd)


def _stop(pid: int, master: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    try:
        while _read_nowait(master):
            pass
    finally:
        os.close(master)
        os.waitpid(pid, 0)


def _read_nowait(fd: int) -> bytes:
    ready, _, _ = select.select([fd], [], [], 0.2)
    return _read(fd) if ready else b""
