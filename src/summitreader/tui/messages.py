"""Messages that cross screens: "open this passage", "open this entry", and what the app's
workers report (the search index's build, the saving of progress)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from summitreader.pack.model import PassageRef

if TYPE_CHECKING:
    from summitreader.tui.services import Services


@dataclass
class OpenPassage(Message):
    """Show ``ref`` in the reader, with ``terms`` (search words) marked."""

    ref: PassageRef
    terms: tuple[str, ...] = ()


@dataclass
class OpenEntry(Message):
    """Show a meeting, issue or takeaway in the index."""

    entry_id: str


@dataclass
class SearchIndexProgress(Message):
    """The search index is being built: ``done`` of ``total`` documents."""

    done: int
    total: int


@dataclass
class SearchIndexOpened(Message):
    """The search index is ready, or ``error`` says why there is none."""

    error: str | None = None


@dataclass
class SavesChanged(Message):
    """A write to the progress store was saved, or is waiting to be (posted from any thread)."""


@dataclass
class NoteChangedElsewhere(Message):
    """A note that waited to be saved met, when it was saved, a note changed elsewhere (another
    instance) meanwhile: both are kept, and the user is told (posted from the retry's thread)."""

    place: str
    """Where the note is (``Section title ¶3``)."""


def changed_elsewhere(place: str) -> str:
    """What the user is told when a note saved meets a note changed elsewhere."""
    return f"The note on {place} was changed elsewhere: both texts are kept."


@dataclass
class PackLoaded(Message):
    """Another pack, chosen in the Library (from ``folder``), is loaded with its progress:
    switch to it, unless the choice was cancelled meanwhile."""

    services: Services
    folder: Path


@dataclass
class MyCardsChanged(Message):
    """The reader made, edited or deleted a card of their own: the deck is built again."""
