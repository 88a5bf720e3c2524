"""The app's one way to write progress: every write goes through a :class:`SaveQueue`.

A write that fails (another process holds the file's write lock past the busy timeout, a full
disk) is not lost: it is kept, with every write made after it, and the queue retries them in
order until they are saved. While writes wait, new ones join the end of the queue without being
tried, so the order of the user's actions is the order they reach the file. Writes of a value
that only the latest matters (the reading position) carry a ``key``: a waiting one is replaced
by the newer one instead of queueing both.

Plain Python, no Textual: the app shows the queue's :class:`SaveState` and schedules
:meth:`SaveQueue.retry` (off its UI thread: a retry may wait for the busy timeout).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from summitreader.progress import ProgressNotSaved

Write = Callable[[], object]


@dataclass(frozen=True, slots=True)
class SaveState:
    """What the user is told: how many writes wait, and why the last attempt failed."""

    waiting: int = 0
    error: str | None = None
    """The last failure's message, while writes wait."""


@dataclass
class _Pending:
    write: Write
    key: str | None


class SaveQueue:
    """Runs writes in order, keeping those that fail until a retry saves them.

    ``listener`` is called with the :class:`SaveState` after every write saved or queued, from
    the thread that made it (the caller of :meth:`save`, or of :meth:`retry`).
    """

    def __init__(self, listener: Callable[[SaveState], None] | None = None) -> None:
        self.listener = listener
        self._pending: list[_Pending] = []
        self._error: str | None = None
        self._lock = threading.Lock()
        self._retrying = threading.Lock()

    @property
    def state(self) -> SaveState:
        with self._lock:
            return SaveState(len(self._pending), self._error if self._pending else None)

    @property
    def waiting(self) -> int:
        return self.state.waiting

    def save(self, write: Write, key: str | None = None) -> bool:
        """Run ``write`` now, or queue it behind writes that wait. Returns True: the write is
        saved, or kept and retried until it is (:attr:`waiting` says which); the caller goes on
        as if it were saved."""
        with self._lock:
            if self._pending:
                self._enqueue(write, key)
                waiting = True
            else:
                waiting = False
        if waiting:
            self._tell()
            return True
        try:
            write()
        except ProgressNotSaved as error:
            with self._lock:
                self._error = str(error)
                self._pending.insert(0, _Pending(write, key))
        self._tell()
        return True

    def retry(self) -> SaveState:
        """Try the waiting writes in order; stop at the first that fails again. Safe to call
        from a worker thread while :meth:`save` is called on another; one retry at a time."""
        if not self._retrying.acquire(blocking=False):
            return self.state
        try:
            while True:
                with self._lock:
                    if not self._pending:
                        break
                    head = self._pending[0]
                try:
                    head.write()
                except ProgressNotSaved as error:
                    with self._lock:
                        self._error = str(error)
                    break
                with self._lock:
                    self._pending.pop(0)
                    if not self._pending:
                        self._error = None
        finally:
            self._retrying.release()
        self._tell()
        return self.state

    def _enqueue(self, write: Write, key: str | None) -> None:
        """Add a write at the end; a waiting write with the same key (never the first, which a
        retry may be running) is replaced instead."""
        if key is not None:
            for n, pending in enumerate(self._pending[1:], start=1):
                if pending.key == key:
                    self._pending[n] = _Pending(write, key)
                    return
        self._pending.append(_Pending(write, key))

    def _tell(self) -> None:
        if self.listener is not None:
            self.listener(self.state)
