"""Progress already kept under the id of a pack just added: a pack of that id was removed
(its progress stays in the progress file, keyed by the id). It is the new pack's only when the
new pack is the same article: :func:`settle_earlier_progress` compares what :func:`record_removed`
kept of the removed pack (its source's SHA-256, from ``origin.json``, and its content hash)
with the new pack's. Progress of another article under a reused id is exported to the library's
backups folder and cleared, so the new pack starts clean: an id reused by a different article
never inherits reviews, notes or bookmarks. No Textual here."""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summitreader.library.claims import CLAIM_SETTING, check_claim
from summitreader.library.errors import LibraryError
from summitreader.library.jsonfile import read_json_object
from summitreader.progress.records import PACK_TABLES

if TYPE_CHECKING:
    from summitreader.pack import Pack
    from summitreader.progress import Store

REMOVED_SETTING = "removed_pack"
"""The setting that records which article a removed pack was: ``{"sha256": …, "content_hash":
…}`` (the SHA-256 of ``origin.json``, when the pack was made by ``add``)."""
ORIGIN_FILE = "origin.json"
PROGRESS_KINDS = tuple(table for table in PACK_TABLES if table != "settings")
"""What counts as progress of the reader's own (settings such as the theme do not)."""


@dataclass(frozen=True, slots=True)
class Earlier:
    """What :func:`settle_earlier_progress` did."""

    restored: dict[str, int] = field(default_factory=dict)
    """What is kept of the same article, by kind (empty: nothing)."""
    set_aside: Path | None = None
    """Where the progress of another article, cleared, was exported."""
    restored_from: Path | None = None
    """The backup the progress restored was read from (the progress file no longer held it:
    another article took the id in between, and had it set aside)."""
    backup_left: str | None = None
    """Said when a backup of this article's progress was found but could not be restored."""
    shared: str | None = None
    """Said when the progress is that of another folder's pack with this id, still there."""


def record_removed(store: Store, folder: Path) -> None:
    """Keep in ``store`` which article the pack in ``folder`` (about to be removed) is, so that
    adding it again brings its progress back and adding another article does not. Bookkeeping:
    when it cannot be written, the progress is simply not restored later (it is backed up)."""
    from summitreader.progress import ProgressNotSaved

    if not store.has_file():
        return  # no progress: nothing to restore later, and no progress file is made for it
    origin = read_json_object(Path(folder) / ORIGIN_FILE) or {}
    sha256 = origin.get("sha256")
    record = {
        "content_hash": store.pack.content_hash,
        "sha256": sha256 if isinstance(sha256, str) else None,
    }
    with contextlib.suppress(ProgressNotSaved, OSError):
        store.set_setting(REMOVED_SETTING, record)


def settle_earlier_progress(
    data_dir: Path, pack: Pack, folder: Path, digest: str, now: dt.datetime | None = None
) -> Earlier:
    """Decide what becomes of the progress the progress file holds under the id of ``pack``,
    just added in ``folder`` from an article whose source digest is ``digest``. Raises
    :class:`LibraryError` when the progress of another article cannot be set aside."""
    from summitreader.progress import open_store
    from summitreader.progress.exchange import export_progress

    store = open_store(Path(data_dir), pack)
    try:
        if not store.has_file():
            return Earlier()
        # The last pack removed under this id was another article: this one's progress may
        # have been set aside when that one was added (it is looked for in the backups then,
        # and only then: an article whose own progress was reset is not given it back).
        removed: Any = store.get_setting(REMOVED_SETTING)
        another = isinstance(removed, dict) and not _same_article(store, digest)
        set_aside = None
        document = export_progress(store)
        if any(document.get(kind) for kind in PROGRESS_KINDS):
            if _same_article(store, digest):
                return Earlier(restored=_counts(store))
            claim = check_claim(store, folder)
            if claim.notice is not None:
                # Another folder's pack has this id and is still there: its progress is
                # not ours to clear; opening this pack says the same.
                return Earlier(shared=claim.notice)
            set_aside = _set_aside(data_dir, store, now or store.now())
        if set_aside is None and not another:
            return Earlier()
        return _from_backup(data_dir, store, digest, set_aside)
    finally:
        store.close()


def _from_backup(data_dir: Path, store: Store, digest: str, set_aside: Path | None) -> Earlier:
    """The progress of this article, from the newest backup of the library that holds it
    (exported when its pack was removed, or set aside when another article took its id), merged
    into ``store``; an :class:`Earlier` that says where it is when it cannot be."""
    from summitreader.progress import ProgressNotSaved
    from summitreader.progress.exchange import ExchangeError, import_progress

    backup = _article_backup(data_dir, store.pack, digest, skip=set_aside)
    if backup is None:
        return Earlier(set_aside=set_aside)
    path, document = backup
    try:
        import_progress(store, document)
    except (ExchangeError, ProgressNotSaved) as error:
        return Earlier(
            set_aside=set_aside,
            backup_left=(
                f"your earlier progress on this article is in {path}, and could not be "
                f"restored ({error}); try: summitreader --pack {store.pack.id} import {path}"
            ),
        )
    return Earlier(restored=_counts(store), set_aside=set_aside, restored_from=path)


def _article_backup(
    data_dir: Path, pack: Pack, digest: str, skip: Path | None
) -> tuple[Path, dict[str, Any]] | None:
    """The newest backup of the library (by its time, then name) of progress on ``pack``'s id
    for the same article (the same content hash; or, in a backup made before the record of
    the removed article was left out of exports, the same source digest), with its document;
    None when there is none. Files that cannot be read are passed over."""
    from summitreader.library import BACKUP_FOLDER
    from summitreader.progress.exchange import ExchangeError, read_document

    folder = Path(data_dir) / BACKUP_FOLDER
    try:
        names = [p for p in folder.glob(f"{glob.escape(pack.id)}-*.json") if p != skip]
        names.sort(key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)
    except OSError:
        return None
    for path in names:
        try:
            document = read_document(path)
        except (ExchangeError, OSError):
            continue
        if _is_of(document, pack, digest):
            return path, document
    return None


def _is_of(document: Any, pack: Pack, digest: str) -> bool:
    if not isinstance(document, dict) or not any(document.get(k) for k in PROGRESS_KINDS):
        return False
    head = document.get("pack")
    if not isinstance(head, dict) or head.get("id") != pack.id:
        return False
    if head.get("content_hash") == pack.content_hash:
        return True
    settings = document.get("settings")
    return isinstance(settings, list) and any(
        isinstance(r, dict)
        and r.get("key") == REMOVED_SETTING
        and isinstance(r.get("value"), dict)
        and r["value"].get("sha256") == digest
        for r in settings
    )


def _same_article(store: Store, digest: str) -> bool:
    removed: Any = store.get_setting(REMOVED_SETTING)
    if isinstance(removed, dict):
        if removed.get("sha256") == digest:
            return True
        return removed.get("content_hash") == store.pack.content_hash
    # Removed before this was recorded: the pack recorded by the app when it was opened.
    claimed: Any = store.get_setting(CLAIM_SETTING)
    return isinstance(claimed, dict) and claimed.get("content_hash") == store.pack.content_hash


def _counts(store: Store) -> dict[str, int]:
    found = {
        "sections_read": len(store.read_sections()),
        "cards_reviewed": len(store.reviewed_cards()),
        "notes": len(store.notes()),
        "bookmarks": len(store.bookmarks()),
        "position": int(store.get_position() is not None),
    }
    return found if any(found.values()) else {}


def _set_aside(data_dir: Path, store: Store, now: dt.datetime) -> Path:
    from summitreader.library import back_up_progress
    from summitreader.progress import ProgressNotSaved

    backup = back_up_progress(data_dir, store.pack.id, store, now, "of another article")
    try:
        store.reset()
    except ProgressNotSaved as error:
        raise LibraryError(
            f"progress of another article is kept under the id '{store.pack.id}' and could "
            f"not be cleared ({error}); it is in {backup}"
        ) from None
    return backup
