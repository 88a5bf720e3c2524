"""The progress store: what one reader did with one pack, kept in SQLite.

:func:`open_store` opens it; :class:`Store` is its API, made of the reading part
(:mod:`~summitreader.progress.reading`), the card part (:mod:`~summitreader.progress.cards`),
settings and reset here, on the common ground of :mod:`~summitreader.progress.core`
(transactions, threads, a second instance). How a file in a bad state is opened:
:mod:`~summitreader.progress.files`.

Per pack
    Rows are keyed by the pack's id; the pack's content hash is recorded with every write. Section
    and card ids are stable: when the pack changes, progress on ids that still exist is kept. Rows
    for ids no longer in the pack (orphans) stay in the file and in exports, but the store's
    methods do not return them. Card ids are the exception: the store does not know the deck (the
    pack's cards and those generated from it), so card methods take the ids wanted.

Settings
    Per pack too, as JSON values (``theme``, ``new_per_day``, ...).

When progress cannot be saved
    ``persistent`` is False and ``notices`` says why. The store then works on an in-memory copy for
    the session, so the app behaves normally.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summitreader.card_state import read_json
from summitreader.progress import backups, files
from summitreader.progress.cards import CardProgress
from summitreader.progress.core import Clock, checked
from summitreader.progress.my_cards import MyCardProgress
from summitreader.progress.reading import ReadingProgress
from summitreader.progress.records import PACK_TABLES, ProgressNotSaved, utc_now

if TYPE_CHECKING:
    from summitreader.pack.model import Pack


def open_store(
    data_dir: Path,
    pack: Pack,
    *,
    clock: Clock | None = None,
) -> Store:
    """Open the progress of ``pack`` kept in ``data_dir``. Never raises for the state of the file
    or the folder: problems become ``store.notices``. Nothing is created until the first write."""
    clock = clock or utc_now
    path = Path(data_dir) / files.DB_NAME
    opened = files.open_database(path, create=False, now=checked(clock()))
    store = Store(pack, path, opened, clock=clock)
    store.check_rows()
    return store


class Store(ReadingProgress, CardProgress, MyCardProgress):
    """What one reader did with one pack. Use :func:`open_store` to make one.

    ``notices``: messages for the user from opening; ``persistent``: False when progress cannot
    be saved (the store then works in memory for the session); ``path``: the progress file."""

    # -- settings --------------------------------------------------------------------------------

    def get_setting(self, key: str, default: Any = None) -> Any:
        row = self._one(
            "SELECT value FROM settings WHERE pack_id = ? AND key = ?", (self.pack.id, key)
        )
        if row is None:
            return default
        ok, value = read_json(row[0])
        return value if ok else default

    def set_setting(self, key: str, value: Any, at: dt.datetime | None = None) -> None:
        """Store a JSON-serialisable value (TypeError or ValueError otherwise), changed ``at``
        (the time of the user's action) or now."""
        if not isinstance(key, str) or not key:
            raise ValueError("a setting needs a non-empty string key")
        text = json.dumps(value, allow_nan=False, sort_keys=True)
        with self._write(at) as (conn, now):
            conn.execute(
                "INSERT INTO settings VALUES (?, ?, ?, ?) ON CONFLICT (pack_id, key) "
                "DO UPDATE SET value = excluded.value, updated = excluded.updated",
                (self.pack.id, key, text, now),
            )

    # -- the whole store -------------------------------------------------------------------------

    def reset(self) -> Path | None:
        """Back the file up, then clear this pack's progress (other packs' stays). Returns the
        backup's path (None when there was no file to back up)."""
        with self._lock:
            if self._pending:
                return None  # nothing was ever written
            backup = None
            if self.has_file():
                try:
                    backup = backups.backup(
                        self._conn, self.path.parent / backups.BACKUP_DIR, "reset", self.now()
                    )
                except (OSError, sqlite3.Error) as error:
                    raise ProgressNotSaved(
                        f"Progress was not cleared: it could not be backed up first ({error})."
                    ) from error
            with self._write() as (conn, _):
                for table in PACK_TABLES:
                    conn.execute(f"DELETE FROM {table} WHERE pack_id = ?", (self.pack.id,))
            return backup
