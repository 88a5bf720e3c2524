"""The library of packs: the one that ships and those made with ``summitreader add``, kept in
``<data folder>/library/<id>/``. Which pack was read last is kept in
``<data folder>/library/last.json``. No Textual here.

Progress needs no folder of its own per pack: the progress file keys every record by the pack's
id, and the search cache names its folders by pack id and content hash. A pack removed from the
library has its progress exported to ``<data folder>/library-backups/`` first.

Progress belongs to the pack's id
    A pack's progress belongs to its id (the ``id:`` of its ``pack.yaml``). A pack edited in
    place, or moved, keeps it; so does a copy of its folder, which is the same pack (they share
    their progress, and the app says so). The progress of each pack records the folder that
    claimed its id first and that folder's content hash (the setting :data:`CLAIM_SETTING`);
    a *different* pack opened with the same id (another folder, other contents, while the first
    folder is still there) is told, every time it is opened, that it shares the first one's
    progress and how to give it its own (:func:`check_claim`, in
    :mod:`summitreader.library.claims`).

One change at a time
    Adding and removing a pack hold the library's lock (:func:`library_lock`, a lock on the
    file ``<data folder>/library.lock`` that the system releases when its process ends, however
    it ends; :mod:`summitreader.library.lock`). So two ``add`` of the same article at once make
    one pack, and the second is told it is there.
    A pack is added in a ``.adding-*`` folder renamed into place, and removed by renaming it to
    ``.removing-ID`` first: what a killed ``add`` or ``remove`` left behind is found by the next
    one that holds the lock (no live process owns it then) and finished (:func:`tidy_library`).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shlex
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

import yaml

from summitreader import paths
from summitreader.library.claims import CLAIM_SETTING, Claim, check_claim
from summitreader.library.earlier import (
    REMOVED_SETTING,
    Earlier,
    record_removed,
    settle_earlier_progress,
)
from summitreader.library.errors import LibraryError, os_problem
from summitreader.library.jsonfile import read_json_object
from summitreader.library.lock import (
    ADDING_PREFIX,
    LOCK_SUFFIX,
    REMOVING_PREFIX,
    LibraryBusy,
    library_lock,
    lock_path,
    tidy_library,
)
from summitreader.pack.yamlsafe import MAX_BYTES, Problem, read_text
from summitreader.text import clean_text

if TYPE_CHECKING:
    from summitreader.progress import Store

__all__ = [
    "ADDING_PREFIX",
    "BACKUP_FOLDER",
    "CLAIM_SETTING",
    "LAST_FILE",
    "LIBRARY_FOLDER",
    "LOCK_SUFFIX",
    "REMOVED_SETTING",
    "REMOVING_PREFIX",
    "Claim",
    "Earlier",
    "LibraryBusy",
    "LibraryError",
    "PackInfo",
    "PackSummary",
    "back_up_progress",
    "check_claim",
    "find_pack",
    "last_pack",
    "last_pack_gone",
    "last_pack_read",
    "library_dir",
    "library_folders",
    "library_lock",
    "library_pack_info",
    "list_packs",
    "lock_path",
    "os_problem",
    "pack_info",
    "pack_spec",
    "read_json_object",
    "read_small_text",
    "remember_last",
    "remove_pack",
    "reserved_id_problem",
    "settle_earlier_progress",
    "shipped_ids",
    "summarise",
    "tidy_library",
    "validate_command",
]

LIBRARY_FOLDER = "library"
BACKUP_FOLDER = "library-backups"
LAST_FILE = "last.json"


@dataclass(frozen=True, slots=True)
class PackInfo:
    """A pack of the library, from its ``pack.yaml`` only (cheap to list)."""

    id: str
    title: str
    path: Path
    sections: tuple[str, ...]
    shipped: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "path": str(self.path),
            "sections": len(self.sections),
            "shipped": self.shipped,
        }


def read_small_text(path: Path, limit: int = MAX_BYTES) -> str | None:
    """The UTF-8 text of ``path`` when it is a regular file (after following links) of at most
    ``limit`` bytes; else None. A FIFO would block and ``/dev/zero`` never ends: neither is
    opened."""
    problems: list[Problem] = []
    return read_text(Path(path), Path(path).name, problems, limit)


def library_dir(data_dir: Path) -> Path:
    return Path(data_dir) / LIBRARY_FOLDER


def pack_info(folder: Path, shipped: bool = False) -> PackInfo | None:
    """The head of the pack in ``folder``, or None when it has no readable ``pack.yaml``."""
    text = read_small_text(folder / "pack.yaml")
    if text is None:
        return None
    try:
        head = yaml.safe_load(text)
    except yaml.YAMLError:
        return None
    if not isinstance(head, dict):
        return None
    sections = head.get("sections")
    ids = (
        tuple(str(s["id"]) for s in sections if isinstance(s, dict) and "id" in s)
        if isinstance(sections, list)
        else ()
    )
    # The head is read without the loader's checks: clean what is shown (a title may hold
    # escape sequences or bidi controls from the article it was made from).
    return PackInfo(
        id=clean_text(str(head.get("id") or folder.name)),
        title=" ".join(clean_text(str(head.get("title") or folder.name)).split()),
        path=folder,
        sections=ids,
        shipped=shipped,
    )


def library_pack_info(folder: Path) -> PackInfo:
    """The library's pack in ``folder``, by its folder name (the id ``--pack``, ``validate``
    and ``remove`` take). A folder whose ``pack.yaml`` cannot be read is listed all the same,
    titled by its folder name: :func:`summarise` says what is wrong with it."""
    info = pack_info(folder)
    if info is None:
        return PackInfo(id=folder.name, title=folder.name, path=folder, sections=(), shipped=False)
    return PackInfo(
        id=folder.name, title=info.title, path=folder, sections=info.sections, shipped=False
    )


def library_folders(data_dir: Path) -> list[Path]:
    """Every folder of the library but those being added or removed (their names start with
    a dot)."""
    folder = library_dir(data_dir)
    if not folder.is_dir():
        return []
    return [
        child for child in folder.iterdir() if not child.name.startswith(".") and child.is_dir()
    ]


def list_packs(data_dir: Path) -> list[PackInfo]:
    """The shipped pack, then every folder of the library, by title."""
    found: list[PackInfo] = []
    shipped = pack_info(paths.default_pack_dir(), shipped=True)
    if shipped is not None:
        found.append(shipped)
    mine = [library_pack_info(child) for child in library_folders(data_dir)]
    mine.sort(key=lambda p: (p.title.casefold(), p.id))
    return found + mine


def shipped_ids() -> frozenset[str]:
    return frozenset({paths.DEFAULT_PACK_ID})


def reserved_id_problem(data_dir: Path | None, folder: Path, pack_id: str) -> str | None:
    """What is wrong when a pack of the library (``folder``) says the id of the pack that ships
    (it would take over that pack's progress: a ``reset`` of it would clear the shipped pack's),
    as ``pack.yaml:LINE:COLUMN: message``; None when nothing is."""
    if pack_id not in shipped_ids() or data_dir is None:
        return None
    folder = Path(folder)
    try:
        if folder.resolve() == paths.default_pack_dir().resolve():
            return None
        if folder.parent.resolve() != library_dir(data_dir).resolve():
            return None
    except OSError:
        return None
    line, column = 1, 1
    text = read_small_text(folder / "pack.yaml") or ""
    for number, row in enumerate(text.splitlines(), start=1):
        if row.startswith("id:"):
            line, column = number, len(row) - len(row[3:].lstrip()) + 1
            break
    return (
        f"pack.yaml:{line}:{column}: the id '{pack_id}' is the id of the pack that ships with "
        f"summitreader (its progress is that pack's); give this pack an id of its own, "
        f"such as '{folder.name}'"
    )


def find_pack(data_dir: Path, spec: str) -> Path:
    """The folder of the pack ``spec``: a path (with a slash) as it is; else a library id (or
    the shipped pack's), else a folder of that name."""
    if spec == paths.DEFAULT_PACK_ID:
        return paths.default_pack_dir()
    folder = Path(spec).expanduser()
    if "/" in spec or os.sep in spec or spec in (".", ".."):
        return folder  # a path: the loader says what is wrong with it, if anything
    candidate = library_dir(data_dir) / spec
    if not spec.startswith(".") and _is_dir(candidate):
        return candidate  # even without a pack.yaml: the loader says so
    if _is_dir(folder):
        return folder
    raise LibraryError(
        f"'{spec}' is neither a pack of the library nor a folder (see: summitreader packs)"
    )


def _is_dir(path: Path) -> bool:
    """Whether ``path`` is a folder; False for a name the system refuses (too long, say)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def pack_spec(data_dir: Path | None, pack_path: Path) -> str:
    """What names the pack in ``pack_path`` on the command line: its id when it ships or is in
    the library, else its folder."""
    pack_path = Path(pack_path)
    if pack_path.resolve() == paths.default_pack_dir().resolve():
        return paths.DEFAULT_PACK_ID
    if data_dir is not None and pack_path.parent.resolve() == library_dir(data_dir).resolve():
        return pack_path.name
    return str(pack_path.resolve())


def validate_command(data_dir: Path | None, pack_path: Path) -> str:
    """The command that lists what is wrong with the pack in ``pack_path``, to show a user."""
    return f"summitreader validate {shlex.quote(pack_spec(data_dir, pack_path))}"


def last_pack(data_dir: Path) -> Path:
    """The folder of the pack read last; the shipped pack when none was, or it is gone."""
    return last_pack_read(data_dir)[0]


def last_pack_gone(data_dir: Path) -> str | None:
    """The pack read last as it was recorded, when it can no longer be found; else None."""
    return last_pack_read(data_dir)[1]


def last_pack_read(data_dir: Path) -> tuple[Path, str | None]:
    """The folder of the pack read last (the shipped pack when none was recorded, or the one
    recorded is gone), and the record (cleaned, its id or folder) when it is gone, so that
    opening the shipped pack instead is said."""
    record = read_json_object(library_dir(data_dir) / LAST_FILE)
    value = record.get("pack") if record is not None else None
    if not isinstance(value, str) or not value:
        return paths.default_pack_dir(), None
    try:
        return find_pack(data_dir, value), None
    except LibraryError:
        return paths.default_pack_dir(), clean_text(value)


def remember_last(data_dir: Path, pack_path: Path) -> None:
    """Keep ``pack_path`` as the pack read last (by id when it is in the library). Written
    atomically; raises OSError when it cannot be."""
    folder = library_dir(data_dir)
    value = pack_spec(data_dir, pack_path)
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".last-", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({"pack": value}, out)
        os.replace(temporary, folder / LAST_FILE)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def remove_pack(
    data_dir: Path,
    pack_id: str,
    store: Store | None,
    now: dt.datetime,
    *,
    on_wait: Callable[[], None] | None = None,
    tell: Callable[[str], None] | None = None,
) -> Path | None:
    """Remove the library's pack ``pack_id``; its progress (from ``store``, open on it) is
    exported first to a backup file, whose path is returned (None without a store). Holds the
    library's lock. Raises :class:`LibraryError` with what happened: when the backup cannot be
    written (a full disk) or the folder cannot be moved, nothing is removed. ``tell`` receives
    what was finished of an interrupted ``add`` or ``remove`` (see :func:`tidy_library`)."""
    if pack_id in shipped_ids():
        raise LibraryError(f"'{pack_id}' ships with summitreader and cannot be removed")
    library = library_dir(data_dir)
    folder = library / pack_id
    if "/" in pack_id or os.sep in pack_id or pack_id.startswith(".") or not folder.is_dir():
        raise LibraryError(f"there is no pack '{pack_id}' in the library (see: summitreader packs)")
    try:
        with library_lock(library, on_wait=on_wait) as tidied:
            for line in tidied:
                if tell is not None:
                    tell(line)
            if not folder.is_dir():  # removed by another process while this one waited
                raise LibraryError(f"there is no pack '{pack_id}' in the library any more")
            backup = back_up_progress(data_dir, pack_id, store, now)
            if store is not None:
                record_removed(store, folder)
            from summitreader.progress.backups import unused

            trash = unused(library / f"{REMOVING_PREFIX}{pack_id}")
            try:
                os.rename(folder, trash)
            except OSError as error:
                kept = f"; a copy of its progress is in {backup}" if backup else ""
                raise LibraryError(
                    f"'{pack_id}' could not be removed ({_why(error)}): nothing was removed{kept}"
                ) from None
            shutil.rmtree(trash, ignore_errors=True)  # what stays is deleted next time
    except OSError as error:
        raise LibraryError(
            f"the library cannot be changed ({_why(error)}): nothing was removed"
        ) from None
    return backup


@overload
def back_up_progress(
    data_dir: Path, pack_id: str, store: Store, now: dt.datetime, why: str = ...
) -> Path: ...
@overload
def back_up_progress(
    data_dir: Path, pack_id: str, store: Store | None, now: dt.datetime, why: str = ...
) -> Path | None: ...
def back_up_progress(
    data_dir: Path, pack_id: str, store: Store | None, now: dt.datetime, why: str = ""
) -> Path | None:
    """Export the progress in ``store`` to a new file of the library's backups folder (named
    after the pack, the time and ``why``); None without a store. Raises :class:`LibraryError`
    when it cannot be written."""
    if store is None:
        return None
    from summitreader.progress.backups import unused
    from summitreader.progress.exchange import ExchangeError, export_progress, write_document

    target = Path(data_dir) / BACKUP_FOLDER
    label = "-".join(why.split())
    name = f"{pack_id}-{now:%Y%m%dT%H%M%S}" + (f"-{label}" if label else "")
    backup = unused(target / f"{name}.json")
    try:
        target.mkdir(parents=True, exist_ok=True)
        write_document(export_progress(store), backup)
    except (OSError, ExchangeError) as error:
        reason = _why(error.__cause__) if isinstance(error.__cause__, OSError) else _why(error)
        raise LibraryError(
            f"the progress of '{pack_id}' could not be backed up ({reason})"
            + ("" if label else ": nothing was removed")
        ) from None
    return backup


def _why(error: BaseException) -> str:
    return os_problem(error)


@dataclass(frozen=True, slots=True)
class PackSummary:
    """A pack of the library with the reader's progress on it."""

    info: PackInfo
    read: int
    """Sections read."""
    due: int | None
    """Cards due now; None when the pack cannot be loaded."""
    problem: str = ""
    new: int = 0
    """New cards Study offers today (under the daily limit)."""

    @property
    def percent(self) -> int:
        total = len(self.info.sections)
        return round(100 * self.read / total) if total else 0

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.info.to_dict(),
            "read_sections": self.read,
            "read_percent": self.percent,
            "cards_due": self.due,
            "cards_new": self.new if self.due is not None else None,
            "problem": self.problem or None,
        }


def summarise(data_dir: Path, info: PackInfo) -> PackSummary:
    """Reading progress and cards due for the pack ``info``: it is loaded, and its progress
    read (nothing is written)."""
    from summitreader.pack import PackError, load_pack
    from summitreader.progress import open_store
    from summitreader.study.deck import build_deck
    from summitreader.study.plan import today_status

    try:
        pack = load_pack(info.path)
    except PackError as error:
        count = len(error.problems)
        return PackSummary(info, 0, None, f"{count} problem{'s' if count != 1 else ''}")
    if reserved_id_problem(data_dir, info.path, pack.id) is not None:
        return PackSummary(info, 0, None, "it takes the id of the pack that ships")
    store = open_store(Path(data_dir), pack)
    try:
        read = store.read_sections()
        done = sum(1 for s in pack.sections if s.id in read)
        deck = build_deck(pack)
        status = today_status(deck, store, store.now())
        return PackSummary(info, done, len(status.due), new=len(status.new))
    finally:
        store.close()
