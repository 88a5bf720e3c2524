"""What is not a regular file or a real folder in the cache folder is never opened or walked: a
FIFO in place of the index folder, or of a build's leftover folder, is unlinked and the index
rebuilt, where removing it as a folder would wait on the FIFO forever (and the app with it)."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from summitreader.pack.model import Pack
from summitreader.search import SearchIndex
from summitreader.search import cache as search_cache
from summitreader.search.cache import Key
from support.search_pack import keys

DEADLINE = 60.0
"""Seconds to wait before calling it a hang (the work takes well under one)."""


def finishes(work: Callable[[], object]) -> object:
    """``work()``'s result; fails if it has not returned after :data:`DEADLINE` (a daemon thread,
    so a hang fails the test rather than the run)."""
    result: list[object] = []
    thread = threading.Thread(target=lambda: result.append(work()), daemon=True)
    thread.start()
    thread.join(DEADLINE)
    assert not thread.is_alive(), "hung on a FIFO in the cache folder"
    return result[0]


def search(pack: Pack, cache_dir: Path) -> tuple[str, list]:
    with SearchIndex.open(pack, cache_dir) as index:
        return index.source, keys(index.search("helsinki"))


def test_a_fifo_in_place_of_the_index_folder_is_replaced(pack: Pack, cache_dir: Path) -> None:
    folder = search_cache.root(cache_dir) / Key(pack.id, pack.content_hash).folder_name
    folder.parent.mkdir(parents=True)
    os.mkfifo(folder)
    source, hits = finishes(lambda: search(pack, cache_dir))  # type: ignore[misc]
    assert source == "built" and hits
    assert folder.is_dir()
    assert finishes(lambda: search(pack, cache_dir)) == ("cache", hits)


def test_an_old_leftover_that_is_a_fifo_is_unlinked(pack: Pack, cache_dir: Path) -> None:
    root = search_cache.root(cache_dir)
    root.mkdir(parents=True)
    old = time.time() - 2 * search_cache.LEFTOVER_AGE
    for name in (".build-crashed", ".stale-crashed"):
        os.mkfifo(root / name)
        os.utime(root / name, (old, old), follow_symlinks=False)
    source, hits = finishes(lambda: search(pack, cache_dir))  # type: ignore[misc]
    assert source == "built" and hits
    assert not (root / ".build-crashed").exists() and not (root / ".stale-crashed").exists()
