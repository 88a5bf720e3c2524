"""What a reader did with a pack: reading position, read sections, bookmarks, notes, card states,
the review log and settings, kept in one SQLite file in the data folder. No Textual in here.

- :mod:`~summitreader.progress.store`: :func:`open_store` and :class:`Store` (transactions,
  threads, a second instance, orphans);
- :mod:`~summitreader.progress.files`: opening a file in any state (missing, damaged, newer,
  unwritable, old); :mod:`~summitreader.progress.connection`: connections, WAL and the busy
  timeouts; :mod:`~summitreader.progress.in_memory`: sessions in memory and read-only copies;
  :mod:`~summitreader.progress.backups`: backups, and a damaged file moved aside;
- :mod:`~summitreader.progress.schema`: the layout and its migrations;
- :mod:`~summitreader.progress.cards`: card states, the review log and its aggregates (counted
  in SQL; the figures built on them are in :mod:`summitreader.figures`);
- :mod:`~summitreader.progress.exchange`: export to and import from a versioned JSON document;
- :mod:`~summitreader.progress.exchange_document`: that document's format, and how it is read
  and written as text;
- :mod:`~summitreader.progress.exchange_checks`: the checks every imported record passes.

Importing this package creates and opens nothing.
"""

from summitreader.progress.records import (
    Bookmark,
    NoteRecord,
    Position,
    ProgressNotSaved,
    Review,
)
from summitreader.progress.schema import SCHEMA_VERSION
from summitreader.progress.store import Store, open_store

__all__ = [
    "SCHEMA_VERSION",
    "Bookmark",
    "NoteRecord",
    "Position",
    "ProgressNotSaved",
    "Review",
    "Store",
    "open_store",
]
