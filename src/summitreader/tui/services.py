"""What the app works on, handed to it by :func:`summitreader.tui.factory.make_app`.

The screens receive the parts they need from here through their constructors; none of them opens a
file or a database of its own.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from summitreader.tui.saving import SaveQueue

if TYPE_CHECKING:
    from summitreader.pack.model import Card, Pack
    from summitreader.progress import Store
    from summitreader.search import SearchIndex
    from summitreader.tui.reading import Reading


class SearchHandle:
    """The search index, opened (or built) once, off the UI thread, on first need.

    :meth:`open` blocks and is called from a worker thread; :attr:`index` is ``None`` until it is
    ready, :attr:`error` says why when it cannot be. ``on_progress`` receives ``(done, total)``
    while an index is built.
    """

    def __init__(self, pack: Pack, cache_dir: Path) -> None:
        self.pack = pack
        self.cache_dir = cache_dir
        self.index: SearchIndex | None = None
        self.error: str | None = None
        self._lock = threading.Lock()
        self._listeners: list[Callable[[int, int], None]] = []
        self._listeners_lock = threading.Lock()
        self._notes: tuple[tuple[object, ...], ...] = ((), ())

    def open(self, on_progress: Callable[[int, int], None] | None = None) -> SearchIndex | None:
        """The index, opened or built now; a caller that waits for another's build also gets its
        ``on_progress`` calls."""
        if on_progress is not None:
            with self._listeners_lock:
                self._listeners.append(on_progress)
        try:
            with self._lock:
                if self.index is not None or self.error is not None:
                    return self.index
                from summitreader.search import SearchIndex

                try:
                    self.index = SearchIndex.open(
                        self.pack, self.cache_dir, progress=self._progress
                    )
                except Exception as error:  # noqa: BLE001 - shown to the user; the app goes on
                    self.error = f"search is not available: {error}"
                return self.index
        finally:
            if on_progress is not None:
                with self._listeners_lock:
                    self._listeners.remove(on_progress)

    def _progress(self, done: int, total: int) -> None:
        with self._listeners_lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(done, total)

    def sync_notes(
        self,
        notes: Iterable[tuple[int, str, int, str]],
        cards: Iterable[tuple[str, str, int, str]] = (),
    ) -> None:
        """Give the index the reader's notes as ``(id, section, paragraph, text)`` and cards as
        ``(uid, section, paragraph, text)``, when they changed since the last time. Called from
        the search worker, off the UI thread."""
        given = (tuple(notes), tuple(cards))
        with self._lock:
            if self.index is None or given == self._notes:
                return
            self.index.set_notes(*given)
            self._notes = given

    def close(self) -> None:
        with self._lock:
            if self.index is not None:
                self.index.close()
                self.index = None


@dataclass
class Services:
    pack: Pack
    store: Store
    search: SearchHandle
    clock: Callable[[], datetime]
    notices: list[str] = field(default_factory=list)
    """Messages to show once the app is up (from opening the store, for example)."""
    saves: SaveQueue = field(default_factory=SaveQueue)
    """Every write to ``store`` goes through here: one that fails is kept and retried."""
    save_delay: float | None = None
    """Seconds the reader waits after the last scroll before saving the position; ``None`` for
    the reader's own (tests set 0, so nothing waits on the clock)."""
    search_delay: float | None = None
    """Seconds the search screen waits after the last key before searching; ``None`` for the
    screen's own."""
    retry_delay: float | None = None
    """Seconds between a failed save and the next attempt (more than 0); ``None`` for the app's
    own (tests set a shorter one, so they wait less for a retry once the file is free)."""
    data_dir: Path | None = None
    """The data folder, whose library the Library screen lists (None: no library, as in
    tests that give the app a pack of their own)."""

    @cached_property
    def deck(self) -> tuple[Card, ...]:
        """The cards studied: the pack's, those generated from its index and the reader's own.
        Built on first need, once for every screen, and again after :meth:`refresh_deck`."""
        from summitreader.study.deck import build_deck

        return build_deck(self.pack, self.store.my_cards())

    @cached_property
    def reading(self) -> Reading:
        """The reading progress, counted in one place for the title and the reader."""
        from summitreader.tui.reading import Reading

        return Reading(self.pack, self.store)

    def refresh_deck(self) -> None:
        """The reader's cards changed: the deck is built again when next needed."""
        self.__dict__.pop("deck", None)
