"""The app's one way to write progress: every write goes through a :class:`SaveQueue`.

A write that fails (another process holds the file's write lock past the busy timeout, a full
disk) is not lost: it is kept, with every write made after it, and the queue retries them in
order until they are saved. While writes wait, new ones join the end of the queue without being
tried, so the order of the user's actions is the order they reach the file. Writes of a value
that only the latest matters (the reading position) carry a ``key``: a waiting one is replaced
by the newer one instead of queueing both.

The user is told of actions, not writes: the app marks where each action starts
(:meth:`SaveQueue.new_action`, on every key or click), and the writes it makes (a rating and the
re-read it asks for) count once in :attr:`SaveState.waiting`.

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
    """How many user actions have writes that wait."""
    error: str | None = None
    """The last failure's message, while writes wait."""
    episode: int = 0
    """Counts the times writes started to wait: a new episode is told anew."""


@dataclass
class _Pending:
    write: Write
    key: str | None
    action: int
    effect: object = None



def saved_when(state: SaveState) -> str:
    """When writes that wait will be saved, as the user is told: another instance holding the
    file lets go soon; a full disk or a read-only file does not, and "when the file is free"
    would send the user looking for one."""
    busy = "busy" in (state.error or "")
    return "when the progress file is free" if busy else "as soon as it can be"

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
        self._action = 0
        self._episode = 0

    @property
    def state(self) -> SaveState:
        with self._lock:
            actions = len({pending.action for pending in self._pending})
            return SaveState(actions, self._error if self._pending else None, self._episode)

    def new_action(self) -> None:
        """The writes made from now on belong to a new user action."""
        with self._lock:
            self._action += 1

    def confirm(self, saved: str, kept: str, *, persistent: bool = True) -> str:
        """What to tell the user after an action's writes: ``saved`` when they reached the file,
        else ``kept`` and when it will be saved (``persistent`` False: never, this session)."""
        if not persistent:
            return f"{kept} for this session only: progress is not saved."
        state = self.state
        if state.waiting:
            return f"{kept}; it will be saved {saved_when(state)}."
        return saved

    @property
    def waiting(self) -> int:
        return self.state.waiting

    def save(self, write: Write, key: str | None = None, effect: object = None) -> bool:
        """Run ``write`` now, or queue it behind writes that wait. Returns True: the write is
        saved, or kept and retried until it is (:attr:`waiting` says which); the caller goes on
        as if it were saved. ``effect`` describes what the write changes, for views that must
        show what waits as if it were saved (:meth:`waiting_effects`)."""
        with self._lock:
            if self._pending:
                self._enqueue(write, key, effect)
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
                if not self._pending:
                    self._episode += 1
                self._pending.insert(0, _Pending(write, key, self._action, effect))
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

    def waits(self, key: str) -> bool:
        """Whether a write with ``key`` waits to be saved."""
        with self._lock:
            return any(pending.key == key for pending in self._pending)

    def waiting_effects(self) -> list[object]:
        """The effects of the writes that wait (those given one), in the order they will be
        saved."""
        with self._lock:
            return [pending.effect for pending in self._pending if pending.effect is not None]

    def _enqueue(self, write: Write, key: str | None, effect: object) -> None:
        """Add a write at the end; a waiting write with the same key (never the first, which a
        retry may be running) is replaced instead."""
        if key is not None:
            for n, pending in enumerate(self._pending[1:], start=1):
                if pending.key == key:
                    self._pending[n] = _Pending(write, key, self._action, effect)
                    return
        self._pending.append(_Pending(write, key, self._action, effect))

    def _tell(self) -> None:
        if self.listener is not None:
            self.listener(self.state)
