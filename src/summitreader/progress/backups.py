"""Copies of the progress file kept aside: backups before an upgrade or a reset (the newest
:data:`KEEP_BACKUPS` kept), and a damaged file moved aside under a dated name, never deleted."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

BACKUP_DIR = "backups"
"""The folder beside the progress file that holds its backups."""
KEEP_BACKUPS = 5


def backup(conn: sqlite3.Connection, folder: Path, reason: str, now: dt.datetime) -> Path:
    """Copy the database of ``conn`` into ``folder`` with ``Connection.backup``; keep the newest
    :data:`KEEP_BACKUPS`. The copy is written under a ``.partial`` name and renamed when complete,
    so a failed backup leaves nothing behind."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = now.astimezone().strftime("%Y%m%d-%H%M%S")
    final = unused(folder / f"progress-{stamp}-{reason}.sqlite3")
    partial = final.with_name(final.name + ".partial")
    try:
        target = sqlite3.connect(partial, isolation_level=None)
        try:
            conn.backup(target)
        finally:
            target.close()
        os.replace(partial, final)
    except BaseException:
        for leftover in (partial, partial.with_name(partial.name + "-journal")):
            leftover.unlink(missing_ok=True)
        raise
    rotate_backups(folder)
    return final


def rotate_backups(folder: Path, keep: int = KEEP_BACKUPS) -> None:
    backups = sorted(folder.glob("progress-*.sqlite3"))
    for old in backups[: max(0, len(backups) - keep)]:
        old.unlink(missing_ok=True)


def move_aside(path: Path, now: dt.datetime) -> Path:
    """Rename ``path`` (and its ``-wal`` and ``-shm``) to a dated name beside it; return it."""
    stamp = now.astimezone().strftime("%Y%m%d-%H%M%S")
    stem = path.name.removesuffix(".sqlite3")
    target = unused(path.with_name(f"{stem}.damaged-{stamp}.sqlite3"))
    os.rename(path, target)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.rename(companion, target.with_name(target.name + suffix))
    return target


def unused(path: Path) -> Path:
    """``path``, or the first ``name-2``, ``name-3``... beside it that does not exist."""
    candidate, number = path, 2
    while os.path.lexists(candidate):
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        number += 1
    return candidate
