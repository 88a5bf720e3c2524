"""The library's lock: adding and removing a pack hold it (:func:`library_lock`, a lock on the
file ``<data folder>/library.lock`` that the system releases when its process ends, however it
ends), and whoever holds it first finishes what a killed ``add`` or ``remove`` left behind
(:func:`tidy_library`): a ``.adding-*`` folder is a pack half-written, a ``.removing-ID`` folder a
pack whose removal had begun."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from summitreader.library.errors import LibraryError

LOCK_SUFFIX = ".lock"
ADDING_PREFIX = ".adding-"
REMOVING_PREFIX = ".removing-"


class LibraryBusy(LibraryError):
    """Another process holds the library's lock (only when asked not to wait)."""


def lock_path(library: Path) -> Path:
    """The file whose lock is the library's: beside the library folder, not in it."""
    return library.with_name(library.name + LOCK_SUFFIX)


@contextlib.contextmanager
def library_lock(
    library: Path, *, wait: bool = True, on_wait: Callable[[], None] | None = None
) -> Iterator[list[str]]:
    """Hold the lock of the library folder ``library`` (made if need be) while the block runs,
    after finishing what a killed ``add`` or ``remove`` left (the block gets the list of what was
    done, see :func:`tidy_library`). When another process holds it, ``on_wait`` is called and the
    lock awaited; with ``wait`` False, :class:`LibraryBusy` is raised instead. OSError when the
    folder or the lock file cannot be made."""
    library = Path(library)
    library.mkdir(parents=True, exist_ok=True)
    handle = os.open(lock_path(library), os.O_RDWR | os.O_CREAT, 0o666)
    try:
        if not _try_lock(handle):
            if not wait:
                raise LibraryBusy("another summitreader is adding or removing a pack")
            if on_wait is not None:
                on_wait()
            _lock(handle)
        yield tidy_library(library)
    finally:
        os.close(handle)  # releases the lock


if sys.platform == "win32":
    import msvcrt

    def _try_lock(handle: int) -> bool:
        try:
            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _lock(handle: int) -> None:
        while not _try_lock(handle):
            with contextlib.suppress(OSError):  # LK_LOCK tries for 10 seconds, then raises
                msvcrt.locking(handle, msvcrt.LK_LOCK, 1)
                return

else:
    import fcntl

    def _try_lock(handle: int) -> bool:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _lock(handle: int) -> None:
        fcntl.flock(handle, fcntl.LOCK_EX)


def tidy_library(library: Path) -> list[str]:
    """Finish what a killed ``add`` or ``remove`` left in ``library``; call it holding the lock,
    when no live process owns those folders. A ``.adding-*`` folder is a pack half-written:
    deleted. A ``.removing-ID`` folder is a pack whose progress was backed up before it was
    renamed so: deleted, as the remove meant. Returns what was done, for the user; a folder that
    cannot be deleted stays for the next time (said too)."""
    done: list[str] = []
    try:
        children = sorted(Path(library).iterdir())
    except OSError:
        return done
    for child in children:
        name = child.name
        if name.startswith(ADDING_PREFIX):
            what = "a pack half-added by an interrupted add"
        elif name.startswith(REMOVING_PREFIX):
            pack_id = name.removeprefix(REMOVING_PREFIX)
            what = f"the pack '{pack_id}' an interrupted remove had begun to delete"
        else:
            continue
        if child.is_symlink() or not child.is_dir():
            continue
        shutil.rmtree(child, ignore_errors=True)
        if child.exists():
            done.append(f"{what} ({child}) could not be deleted; it is tried again next time")
        else:
            done.append(f"deleted {what}")
    return done
