"""The parsed pack kept in the cache folder, so a large pack is parsed once.

:func:`load_pack_cached` returns the pack parsed before when no file of the pack folder (nor of
the loader) has changed since: the cache entry is named by a digest of every file's path, size and
modification time, and of the loader's own modules. Otherwise it loads the pack with every check
(:func:`~summitreader.pack.load.load_pack`) and keeps the result. A cache entry that cannot be read
or written is no error: the pack is then parsed as usual. Entries are pickles, read only from the
user's own cache folder and only under the name their digest gives; ``validate`` never uses them.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from summitreader.pack.load import load_pack
from summitreader.pack.model import Pack

CACHE_VERSION = 1
FOLDER = "packs"
_LOADER_MODULES = ("model.py", "load.py", "markdown.py", "links.py", "fields.py", "cache.py")


def _digest(root: Path) -> str | None:
    """A digest of the pack folder's files (path, size, modification time) and the loader's."""
    h = hashlib.sha256(f"v{CACHE_VERSION}\0{root.resolve()}\0".encode())
    here = Path(__file__).resolve().parent
    try:
        for name in _LOADER_MODULES:
            stat = (here / name).stat()
            h.update(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
        for folder, dirs, files in os.walk(root):
            dirs.sort()
            for name in sorted(files):
                path = Path(folder) / name
                stat = path.stat()
                relative = path.relative_to(root).as_posix()
                h.update(f"{relative}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    except OSError:
        return None
    return h.hexdigest()


def _entry(root: Path, cache_dir: Path, digest: str) -> Path:
    owner = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]
    return Path(cache_dir) / FOLDER / f"{owner}-{digest[:32]}.pickle"


def load_pack_cached(root: str | os.PathLike[str], cache_dir: Path) -> Pack:
    """The pack in ``root``, from the cache when it is unchanged; raises
    :class:`~summitreader.pack.load.PackError` as :func:`load_pack` does."""
    folder = Path(root)
    digest = _digest(folder) if folder.is_dir() else None
    if digest is None:
        return load_pack(folder)
    entry = _entry(folder, cache_dir, digest)
    try:
        cached = pickle.loads(entry.read_bytes())
    except (
        OSError,
        pickle.UnpicklingError,
        EOFError,
        AttributeError,
        ImportError,
        TypeError,
        ValueError,
        IndexError,
    ):
        cached = None
    if isinstance(cached, Pack) and cached.root == str(folder):
        return cached
    pack = load_pack(folder)
    _keep(entry, pack)
    return pack


def _keep(entry: Path, pack: Pack) -> None:
    """Write the entry atomically, and remove the same pack's older entries."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".pack-", dir=entry.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(pack, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, entry)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        owner = entry.name.split("-", 1)[0]
        for old in entry.parent.glob(f"{owner}-*.pickle"):
            if old != entry:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a cache that cannot be written: the pack is parsed again next time


__all__ = ["load_pack_cached"]
