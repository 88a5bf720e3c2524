"""Fixtures of the study tests: the default pack, a small pack, a clock the test moves, a store in
a temporary data folder, and local time fixed to UTC (so "today" is the same on every machine)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent / "pack"))

from study_helpers import START, Clock

from summitreader.pack import Pack, load_pack
from summitreader.paths import default_pack_dir
from summitreader.progress import Store, open_store


@pytest.fixture(autouse=True)
def utc_local_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture(scope="session")
def pack() -> Pack:
    return load_pack(default_pack_dir())


@pytest.fixture
def mini_pack(tmp_path: Path) -> Callable[..., Pack]:
    """``mini_pack({"cards.yaml": None})``: the small test pack, with those files replaced."""
    from packfactory import write_pack

    count = 0

    def make(overrides: dict[str, str | None] | None = None) -> Pack:
        nonlocal count
        count += 1
        return load_pack(write_pack(tmp_path / f"pack{count}", overrides))

    return make


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One search-index cache for every app of the run, so the index is built once."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture
def store(data_dir: Path, pack: Pack, clock: Clock) -> Iterator[Store]:
    with open_store(data_dir, pack, clock=clock) as opened:
        yield opened
