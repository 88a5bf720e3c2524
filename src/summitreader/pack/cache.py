"""The parsed pack kept in the cache folder, so a large pack is parsed once.

:func:`load_pack_cached` returns the pack parsed before when no file of the pack folder (nor of
the loader) has changed since: the cache entry is named by a digest of every file's path, size and
modification time, and of the loader's own modules. Otherwise it loads the pack with every check
(:func:`~summitreader.pack.load.load_pack`) and keeps the result. A cache entry that cannot be read
or written is no error: the pack is then parsed as usual. ``validate`` never uses them.

Entries are pickles, and unpickling runs code: so each entry is signed with a secret key kept in
the user's data folder (:func:`cache_key`, readable by the user alone), and an entry whose
signature does not match, whoever wrote it into the cache folder, is never unpickled. Without a
key (a data folder that cannot be written) the pack is parsed every time.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import hashlib
import hmac
import io
import os
import pickle
import secrets
import tempfile
from pathlib import Path
from stat import S_ISREG

from summitreader.pack import model
from summitreader.pack.load import load_pack
from summitreader.pack.model import Pack

CACHE_VERSION = 3
FOLDER = "packs"
KEY_FILE = "cache.key"
"""The secret that signs cache entries, in the data folder (never in the cache folder)."""
_KEY_BYTES = 32
MAX_ENTRY = 256 * 1024 * 1024
"""A larger entry is not read (a pack's entry is a few times the size of its text)."""
_LOADER_MODULES = ("model.py", "load.py", "markdown.py", "links.py", "fields.py", "cache.py")


def _digest(root: Path) -> str | None:
    """A digest of the pack folder's files (path, size, modification time) and the loader's."""
    h = hashlib.sha256(f"v{CACHE_VERSION}\0{root.resolve()}\0".encode())
    here = Path(__file__).resolve().parent
    try:
        for name in _LOADER_MODULES:
            stat = (here / name).stat()
            h.update(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
        # Strings, not paths: a book's folder holds hundreds of files, walked at every start.
        top = os.fspath(root)
        for folder, dirs, files in os.walk(top):
            dirs.sort()
            inside = os.path.relpath(folder, top).replace(os.sep, "/")
            prefix = "" if inside == "." else inside + "/"
            for name in sorted(files):
                stat = os.stat(os.path.join(folder, name))
                h.update(f"{prefix}{name}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    except OSError:
        return None
    return h.hexdigest()


def cache_key(data_dir: str | os.PathLike[str]) -> bytes | None:
    """The key that signs this user's cache entries, made on first use (readable by the user
    alone, written whole or not at all); ``None`` when it can neither be read nor made."""
    path = Path(data_dir) / KEY_FILE
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".key-", dir=path.parent)
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(secrets.token_bytes(_KEY_BYTES))
                os.link(temporary, path)  # fails if another process made it first: theirs is used
            finally:
                os.unlink(temporary)
        except OSError:
            pass
    try:
        key = path.read_bytes() if path.is_file() else b""
    except OSError:
        return None
    return key if len(key) == _KEY_BYTES else None


def _read_entry(entry: Path) -> bytes:
    """The entry's bytes; nothing when it is not a regular file of a sane size (a FIFO would
    block, a link to a device would never end)."""
    stat = entry.lstat()
    if not S_ISREG(stat.st_mode) or stat.st_size > MAX_ENTRY:
        return b""
    return entry.read_bytes()


def _sign(key: bytes, body: bytes) -> bytes:
    return hmac.new(key, body, hashlib.sha256).digest()


def _entry(root: Path, cache_dir: Path, digest: str) -> Path:
    owner = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]
    return Path(cache_dir) / FOLDER / f"{owner}-{digest[:32]}.pickle"


def load_pack_cached(root: str | os.PathLike[str], cache_dir: Path, key: bytes | None) -> Pack:
    """The pack in ``root``, from the cache when it is unchanged and its entry is signed with
    ``key`` (see :func:`cache_key`); raises :class:`~summitreader.pack.load.PackError` as
    :func:`load_pack` does."""
    folder = Path(root)
    digest = _digest(folder) if folder.is_dir() and key else None
    if digest is None or key is None:
        return load_pack(folder)
    entry = _entry(folder, cache_dir, digest)
    cached = None
    try:
        raw = _read_entry(entry)
        tag, body = raw[: hashlib.sha256().digest_size], raw[hashlib.sha256().digest_size :]
        if body and hmac.compare_digest(tag, _sign(key, body)):
            cached = _loads(body)
    except (
        OSError,
        pickle.UnpicklingError,
        EOFError,
        AttributeError,
        ImportError,
        TypeError,
        ValueError,
        IndexError,
        OverflowError,
        RecursionError,
        MemoryError,
    ):
        cached = None
    if isinstance(cached, Pack) and cached.root == str(folder):
        return cached
    pack = load_pack(folder)
    _keep(entry, pack, key)
    return pack


def _reduce(names: tuple[str, ...], entry: object) -> tuple[type, tuple[object, ...]]:
    return type(entry), tuple(getattr(entry, name) for name in names)


@functools.cache
def _reductions() -> dict[type, functools.partial[tuple[type, tuple[object, ...]]]]:
    """How the model's records are pickled: as the arguments of their constructor. A frozen
    record with slots is otherwise restored field by field through its ``__setstate__``, which
    makes reading a book's entry (thousands of paragraphs) several times slower. A record with
    a ``__post_init__`` (the pack itself: one object) keeps the usual way."""
    table = {}
    for value in vars(model).values():
        if (
            isinstance(value, type)
            and dataclasses.is_dataclass(value)
            and value.__module__ == model.__name__
            and not hasattr(value, "__post_init__")
        ):
            fields = dataclasses.fields(value)
            if all(field.init and not field.kw_only for field in fields):
                table[value] = functools.partial(_reduce, tuple(field.name for field in fields))
    return table


def _loads(body: bytes) -> object:
    """Unpickle ``body`` with the cyclic garbage collector paused: the objects made are all
    kept, and collections run on every few hundred of them would only walk them again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(body)
    finally:
        if enabled:
            gc.enable()


def dumps(pack: Pack) -> bytes:
    """``pack`` as the body of a cache entry."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _reductions()
    pickler.dump(pack)
    return out.getvalue()


def _keep(entry: Path, pack: Pack, key: bytes) -> None:
    """Write the entry atomically, and remove the same pack's older entries."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".pack-", dir=entry.parent)
        try:
            body = dumps(pack)
            with os.fdopen(handle, "wb") as out:
                out.write(_sign(key, body) + body)
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


__all__ = ["cache_key", "load_pack_cached"]
