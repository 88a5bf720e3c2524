"""The reading progress, counted in one place: the app's title and the reader's contents panel
show the same count, at the same moment.

Plain Python, no Textual: :class:`Reading` counts from the store when asked
(:meth:`Reading.refresh`, after a section is marked read or a save lands) and hands the count to
every view that listens, at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summitreader.pack.model import Pack
    from summitreader.progress import Store


@dataclass(frozen=True, slots=True)
class ReadCount:
    """Which of the pack's sections are read, and which wait to be read again."""

    read: frozenset[str]
    """The ids of the sections read (only the pack's own)."""
    reread: frozenset[str]
    """The ids of the sections to read again (only the pack's own)."""
    total: int

    @property
    def done(self) -> int:
        return len(self.read)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def count_read(pack: Pack, store: Store) -> ReadCount:
    """The sections of ``pack`` read and to re-read, as ``store`` holds them now."""
    ids = {section.id for section in pack.sections}
    return ReadCount(
        frozenset(store.read_sections()) & ids,
        frozenset(store.reread_queue()) & ids,
        len(pack.sections),
    )


Listener = Callable[[ReadCount], None]


class Reading:
    """Counts the reading progress and tells every listener the same count at once."""

    def __init__(self, pack: Pack, store: Store) -> None:
        self.pack = pack
        self.store = store
        self._listeners: list[Listener] = []

    def listen(self, listener: Listener) -> None:
        if listener not in self._listeners:
            self._listeners.append(listener)

    def forget(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def refresh(self) -> ReadCount:
        """Count now, and tell every listener before returning the count."""
        count = count_read(self.pack, self.store)
        for listener in list(self._listeners):
            listener(count)
        return count


def reading_subtitle(count: ReadCount, waiting: int = 0, persistent: bool = True) -> str:
    """The header's subtitle. What is not saved comes first, and the count then drops its words,
    so the warning is seen beside the pack's title in 80 columns."""
    if not persistent:
        return f"progress not saved · {count.done}/{count.total} read"
    if waiting:
        return f"{waiting} not saved yet · {count.done}/{count.total} read"
    return f"{count.done}/{count.total} sections read · {count.percent}%"
