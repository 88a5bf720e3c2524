"""Local to the progress tests: their own small pack (made from the model's dataclasses, see
``support.progress_pack``), a clock standing at nine in the morning, the version-1 fixture database
and a pack folder for the CLI. The data folder and the store are the shared fixtures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from summitreader.pack.model import Pack
from support.clock import Clock
from support.progress_pack import make_pack, make_v1_database, write_pack_folder


@pytest.fixture
def pack() -> Pack:
    return make_pack()


@pytest.fixture
def clock() -> Clock:
    return Clock(dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC))


@pytest.fixture
def v1_file(data_dir: Path) -> Path:
    return make_v1_database(data_dir / "progress.sqlite3")


@pytest.fixture
def pack_dir(tmp_path: Path) -> Path:
    return write_pack_folder(tmp_path / "pack")
