"""Local to the study tests: local time fixed to UTC (so "today" is the same on every machine),
and ``cache_dir``, the shared search cache the study apps are built with. The pack, the clock
and the store are the shared fixtures of ``tests/conftest.py``."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def utc_local_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def cache_dir(shared_cache_dir: Path) -> Path:
    """One search-index cache for every app of the run, so the index is built once."""
    return shared_cache_dir
