"""The on-disk cache of built indexes.

One folder per pack version under ``<cache_dir>/search/``, named by the pack's id and content hash,
the schema version and the whoosh version. It holds whoosh's files, the word list and a
``manifest.json`` that records what the index was built from and the size and CRC-32 of every file.

- Opening reads the whole folder into memory after checking it against the manifest; anything
  unexpected (a missing or truncated file, garbage, a manifest for something else, anything but a
  regular file: a FIFO, a device, a symbolic link) makes :func:`load` return None, and the caller
  rebuilds. No read blocks and none reads more than the manifest says.
- Saving writes a complete folder under a temporary name beside the final one and renames it into
  place, so a reader never sees half an index. Two processes saving at once both succeed: the first
  rename wins and the other process keeps using the index it built in memory. Threads of one process
  take turns (:func:`folder_lock`), so the later ones find the first one's index.
- A cache folder that cannot be written is not an error: :func:`save` returns False.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import tempfile
import threading
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

import whoosh
from whoosh.index import Index

from summitreader.search.schema import SCHEMA_VERSION
from summitreader.search.storage import MemoryStorage
from summitreader.search.vocabulary import Vocabulary

FORMAT = 1
MANIFEST = "manifest.json"
VOCABULARY = "vocabulary.json"
MAX_MANIFEST = 1024 * 1024
"""The largest manifest read; a bigger one is not ours."""
LEFTOVER_AGE = 3600.0
"""Seconds after which a temporary folder left by a crashed build is removed."""

_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


@dataclass(frozen=True)
class Key:
    """What a cached index must have been built from."""

    pack_id: str
    content_hash: str
    schema_version: int = SCHEMA_VERSION
    whoosh_version: str = whoosh.versionstring()

    @property
    def folder_name(self) -> str:
        return (
            f"{self.prefix}{self.content_hash[:16]}-s{self.schema_version}-w{self.whoosh_version}"
        )

    @property
    def prefix(self) -> str:
        """What every cache folder of this pack's id starts with, and no other pack's does."""
        safe = re.sub(r"[^a-z0-9]+", "-", self.pack_id.lower()).strip("-")[:40] or "pack"
        return f"{safe}--"

    def manifest(self, doc_count: int, files: dict[str, bytes]) -> dict[str, object]:
        return {
            "format": FORMAT,
            "pack_id": self.pack_id,
            "content_hash": self.content_hash,
            "schema_version": self.schema_version,
            "whoosh_version": self.whoosh_version,
            "doc_count": doc_count,
            "files": {
                name: {"size": len(data), "crc32": zlib.crc32(data)}
                for name, data in sorted(files.items())
            },
        }


@dataclass
class Loaded:
    storage: MemoryStorage
    index: Index
    vocabulary: Vocabulary


def root(cache_dir: Path) -> Path:
    return cache_dir / "search"


def folder_lock(folder: Path) -> threading.Lock:
    """The lock threads of this process hold while they open or build the index in ``folder``."""
    with _locks_guard:
        return _locks.setdefault(str(folder), threading.Lock())


def load(folder: Path, key: Key, doc_count: int) -> Loaded | None:
    """The index cached in ``folder``, read into memory, or None if it is missing or not exactly
    what ``key`` and ``doc_count`` describe."""
    try:
        manifest = json.loads(_read_regular(folder / MANIFEST, MAX_MANIFEST))
        expected = key.manifest(doc_count, {})
        if not isinstance(manifest, dict) or any(
            manifest.get(field) != value for field, value in expected.items() if field != "files"
        ):
            return None
        listed = manifest.get("files")
        if not isinstance(listed, dict) or VOCABULARY not in listed:
            return None
        files = {}
        for name, info in listed.items():
            if not _plain_name(name) or not isinstance(info, dict):
                return None
            size = info.get("size")
            if type(size) is not int or size < 0:
                return None
            data = _read_regular(folder / name, size)
            if len(data) != size or zlib.crc32(data) != info.get("crc32"):
                return None
            files[name] = data
        vocabulary = Vocabulary.from_json(files.pop(VOCABULARY))
        storage = MemoryStorage()
        storage.files.update(files)
        index = storage.open_index()
        if index.doc_count_all() != doc_count:
            return None
        return Loaded(storage=storage, index=index, vocabulary=vocabulary)
    except Exception:  # noqa: BLE001 - a damaged cache (any error) is rebuilt
        return None


def save(
    folder: Path, key: Key, storage: MemoryStorage, vocabulary: Vocabulary, doc_count: int
) -> bool:
    """Write the index in ``storage`` to ``folder``, atomically; False if it could not be written.

    If ``folder`` exists already and holds a good index (another process was quicker), it is kept;
    if it holds a damaged one, it is replaced.
    """
    files = {name: bytes(data) for name, data in storage.files.items()}
    files[VOCABULARY] = vocabulary.to_json()
    manifest = json.dumps(key.manifest(doc_count, files), indent=1).encode()
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        temporary = Path(tempfile.mkdtemp(prefix=".build-", dir=folder.parent))
    except OSError:
        return False
    try:
        for name, data in files.items():
            (temporary / name).write_bytes(data)
        (temporary / MANIFEST).write_bytes(manifest)
        if _rename(temporary, folder):
            return True
        if load(folder, key, doc_count) is not None:
            return True  # someone else's index, as good as ours
        aside = folder.parent / f".stale-{folder.name}-{os.getpid()}-{threading.get_ident()}"
        try:
            os.rename(folder, aside)
        except OSError:
            pass  # gone already, or taken aside by another process
        else:
            _remove(aside)
        return _rename(temporary, folder)
    except OSError:
        return False
    finally:
        _remove(temporary)


def prune(folder: Path, key: Key) -> None:
    """Remove the cached indexes of other versions of the same pack, and temporary folders left by
    builds that crashed. Best effort: nothing here may fail."""
    try:
        entries = list(folder.parent.iterdir())
    except OSError:
        return
    now = time.time()
    for entry in entries:
        if entry.name == folder.name:
            continue
        try:
            if entry.name.startswith((".build-", ".stale-")):
                if now - entry.stat().st_mtime < LEFTOVER_AGE:
                    continue
            elif not entry.name.startswith(key.prefix):
                continue
            _remove(entry)
        except OSError:
            continue


def _read_regular(path: Path, limit: int) -> bytes:
    """At most ``limit`` + 1 bytes of the regular file at ``path``. Anything else (a FIFO, which
    would block a plain read forever, a device, a symbolic link) raises OSError: the index is then
    rebuilt. The file is opened without blocking and checked once open, so nothing can be swapped
    in between the check and the read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError(f"{path.name} is not a regular file")
        return handle.read(limit + 1)


def _remove(path: Path) -> None:
    """Remove ``path`` without opening anything that is not a directory: a real directory (not a
    link to one) is removed with what it holds, anything else (a file, a link, a FIFO, which
    ``shutil.rmtree`` would open and wait on forever) is unlinked. Best effort."""
    try:
        mode = os.lstat(path).st_mode
        if stat.S_ISDIR(mode):
            shutil.rmtree(path, ignore_errors=True)
        else:
            os.unlink(path)
    except OSError:
        pass


def _rename(source: Path, target: Path) -> bool:
    try:
        os.rename(source, target)
    except OSError:
        return False
    return True


def _plain_name(name: object) -> bool:
    return (
        isinstance(name, str)
        and name not in ("", MANIFEST)
        and not name.startswith(".")
        and "/" not in name
        and "\\" not in name
        and "\x00" not in name
    )
