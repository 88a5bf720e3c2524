"""Messages that cross screens: "open this passage", "open this entry"."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from summitreader.pack.model import PassageRef


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
class ProgressChanged(Message):
    """Reading progress or study state changed: the header and lists refresh."""
