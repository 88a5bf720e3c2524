"""Fixtures of the progress tests: a small pack, a clock the test moves, a data folder."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from progress_support import Clock, make_pack, make_v1_database, write_pack_folder

from summitreader.pack.model import Pack
from summitreader.progress import Store, open_store


@pytest.fixture
def pack() -> Pack:
    return make_pack()


@pytest.fixture
def clock() -> Clock:
    return Clock(dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path, pack: Pack, clock: Clock) -> Iterator[Store]:
    with open_store(data_dir, pack, clock=clock) as opened:
        yield opened


@pytest.fixture
def v1_file(data_dir: Path) -> Path:
    return make_v1_database(data_dir / "progress.sqlite3")


@pytest.fixture
def pack_dir(tmp_path: Path) -> Path:
    return write_pack_folder(tmp_path / "pack")
