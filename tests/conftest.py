"""Fixtures shared by every suite. Helpers live in the ``support`` package beside this file
(``tests`` is on ``sys.path`` through ``pythonpath`` in pyproject's pytest configuration):

- ``support.clock``: the one test clock; ``support.packs``: the one small pack on disk;
  ``support.app``: the one app builder; ``support.pilot``: waiting on the app's state;
  ``support.review``: answering cards with keys; ``support.terminal``: a real pseudo-terminal.

A folder's own ``conftest.py`` overrides ``pack`` (and what depends on it) only where its tests
need a pack of their own.
"""

# ruff: noqa: E402 (the flag below is set before the project's modules are imported)

from __future__ import annotations

import sys

# Every test process (each xdist worker, each subprocess of a test) imports the project and the
# test modules; compiled once and kept in ``__pycache__`` (ignored by git), they are not compiled,
# nor their assertions rewritten, again on every run, even where the environment asks Python not
# to write bytecode (PYTHONDONTWRITEBYTECODE): a tenth of a worker's CPU time on a quick suite.
sys.dont_write_bytecode = False

import gc

# An app under Pilot makes hundreds of thousands of objects that live through many young
# collections, and Python's default thresholds (700, 10, 10) then scan the whole heap about once a
# test: a sixth of the CPU time of the app tests. Young collections a hundred times rarer keep
# the same garbage found, in fewer and larger passes; every cycle is still collected (at the
# latest by pytest's collections at the session's end, which report what ``__del__`` raised).
gc.set_threshold(50_000, 20, 10)

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest

from summitreader.pack import Pack, load_pack
from summitreader.paths import default_pack_dir
from summitreader.progress import Store, open_store
from summitreader.tui.app import SummitApp
from support import app as app_support
from support.clock import START, Clock
from support.packs import write_pack


@pytest.fixture(scope="session")
def default_pack() -> Pack:
    """The shipped pack, loaded once per test process (nothing may change it)."""
    return load_pack(default_pack_dir())


@pytest.fixture(scope="session")
def pack(default_pack: Pack) -> Pack:
    """The pack the app and the store are built on: the shipped one, unless a folder's
    conftest says otherwise."""
    return default_pack


@pytest.fixture
def clock() -> Clock:
    """A clock standing at ``support.clock.START`` until the test moves it."""
    return Clock(START)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path, pack: Pack, clock: Clock) -> Iterator[Store]:
    with open_store(data_dir, pack, clock=clock) as opened:
        yield opened


@pytest.fixture(scope="session")
def shared_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One search-index cache for the apps of a test process, so each pack's index is built once
    (the index holds the pack only; notes are searched apart, so no test changes it)."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture
def make_pack(tmp_path: Path) -> Callable[..., Path]:
    """``make_pack({"meetings.yaml": "..."})`` writes the small pack of ``support.packs``, with
    those files' text instead (``None`` leaves a file out), into a fresh folder and returns it."""
    count = 0

    def make(overrides: Mapping[str, str | bytes | None] | None = None) -> Path:
        nonlocal count
        count += 1
        return write_pack(tmp_path / f"pack{count}", overrides)

    return make


@pytest.fixture
def mini_pack(make_pack: Callable[..., Path]) -> Callable[..., Pack]:
    """``mini_pack({"cards.yaml": None})``: the small pack, written and loaded."""

    def make(overrides: Mapping[str, str | bytes | None] | None = None) -> Pack:
        return load_pack(make_pack(overrides))

    return make


@pytest.fixture
def folders(tmp_path: Path, shared_cache_dir: Path) -> tuple[Path, Path]:
    """The app's data folder (the test's own) and search cache (shared, see
    ``shared_cache_dir``)."""
    return tmp_path / "data", shared_cache_dir


@pytest.fixture
def build_app(
    pack: Pack, folders: tuple[Path, Path], clock: Clock
) -> Iterator[Callable[..., SummitApp]]:
    """``build_app()`` builds the real app on ``pack`` (or the pack given) with the test's
    folders and clock; every app built in a test sees the same progress, like a restart.
    ``cache_dir=`` gives it a search cache of its own (an empty one: the index is built at
    start); ``real_delays=True`` keeps the UI's delays; ``retry_delay=`` shortens the wait
    before a failed save is retried (see ``support.app.build_app``)."""
    stores: list[Store] = []

    def build(
        with_pack: Pack | None = None,
        *,
        cache_dir: Path | None = None,
        real_delays: bool = False,
        retry_delay: float | None = None,
    ) -> SummitApp:
        data, cache = folders
        app, opened = app_support.build_app(
            with_pack or pack,
            data,
            clock,
            cache_dir or cache,
            real_delays=real_delays,
            retry_delay=retry_delay,
        )
        stores.append(opened)
        return app

    yield build
    for opened in stores:
        opened.close()
