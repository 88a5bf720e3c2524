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
class PackLoaded(Message):
    """Another pack, chosen in the Library (from ``folder``), is loaded with its progress:
    switch to it, unless the choice was cancelled meanwhile."""

    services: Services
    folder: Path


@dataclass
class MyCardsChanged(Message):
    """The reader made, edited or deleted a card of their own: the deck is built again."""
