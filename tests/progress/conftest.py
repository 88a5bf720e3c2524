"""Fixtures of the progress tests: a small pack, a clock the test moves, a data folder."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from progress_sample_pack import make_pack

from summitreader.pack.model import Pack
from summitreader.progress import Store, open_store

HERE = Path(__file__).parent
V1_SQL = HERE / "fixtures" / "progress-v1.sql"


class Clock:
    """A clock that stands still until the test moves it."""

    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> dt.datetime:
        self.now += dt.timedelta(**delta)
        return self.now


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


def make_v1_database(path: Path) -> Path:
    """The version-1 fixture database, built from its committed SQL."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    try:
        conn.executescript(V1_SQL.read_text(encoding="utf-8"))
    finally:
        conn.close()
    return path


@pytest.fixture
def v1_file(data_dir: Path) -> Path:
    return make_v1_database(data_dir / "progress.sqlite3")
