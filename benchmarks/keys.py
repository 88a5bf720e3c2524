"""Key to paint: a program runs in a pseudo-terminal; after its first paint, keys are written to it
one step at a time, and each step is timed from the write until a phrase of what the key should
show appears in the terminal output (escape sequences removed, as in :mod:`paint`)."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import termios
import time
from dataclasses import dataclass

import paint


@dataclass(frozen=True)
class Step:
    label: str
    keys: bytes
    phrase: str


class Terminal:
    """One program in a pseudo-terminal of :data:`paint.COLUMNS` × :data:`paint.LINES`."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.pid, self.master = pty.fork()
        if self.pid == 0:
            try:
                size = struct.pack("HHHH", paint.LINES, paint.COLUMNS, 0, 0)
                fcntl.ioctl(1, termios.TIOCSWINSZ, size)
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        size = struct.pack("HHHH", paint.LINES, paint.COLUMNS, 0, 0)
        fcntl.ioctl(self.master, termios.TIOCSWINSZ, size)
        self.output = bytearray()
        self.scanned = 0

    def wait_for(
        self, phrase: str, started: float | None = None, timeout: float = paint.TIMEOUT
    ) -> float:
        """Seconds from ``started`` (default: now) until ``phrase`` shows in output read from
        now on."""
        started = time.perf_counter() if started is None else started
        wanted = phrase.encode()
        shown = bytearray()
        self.scanned = len(self.output)
        while True:
            remaining = started + timeout - time.perf_counter()
            if remaining <= 0:
                raise paint.PaintTimeout(f"{phrase!r} not shown in {timeout:.0f} s")
            ready, _, _ = select.select([self.master], [], [], remaining)
            if not ready:
                continue
            chunk = paint._read(self.master)
            if not chunk:
                raise paint.PaintTimeout(f"the program ended before showing {phrase!r}")
            self.output += chunk
            end = paint._complete_up_to(self.output, self.scanned)
            shown += paint._ESCAPES.sub(b"", bytes(self.output[self.scanned : end]))
            self.scanned = end
            if wanted in shown:
                return time.perf_counter() - started

    def settle(self, seconds: float) -> None:
        """Read what the program writes for ``seconds`` (its idle work after a step)."""
        deadline = time.perf_counter() + seconds
        while (left := deadline - time.perf_counter()) > 0:
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                self.output += paint._read(self.master)

    def step(self, step: Step) -> float:
        """Seconds from writing ``step``'s keys to its phrase on screen."""
        started = time.perf_counter()
        os.write(self.master, step.keys)
        return self.wait_for(step.phrase, started)

    def close(self) -> None:
        paint._stop(self.pid, self.master)


def key_paints(
    argv: list[str],
    env: dict[str, str],
    first: str,
    steps: list[Step],
    settle: float,
    first_look: float | None = None,
) -> dict[str, float]:
    """Seconds of each step, after ``first`` has been painted; ``first_look`` seconds of idle
    time after the first paint (``settle`` if not given) and ``settle`` after each step, as a
    user's pauses."""
    terminal = Terminal(argv, env)
    try:
        terminal.wait_for(first)
        terminal.settle(settle if first_look is None else first_look)
        times = {}
        for step in steps:
            times[step.label] = terminal.step(step)
            terminal.settle(settle)
        return times
    finally:
        terminal.close()
