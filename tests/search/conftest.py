"""Fixtures of the search tests: a small pack and its index on disk, and the shipped pack."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from summitreader.pack.model import Pack
from summitreader.search import SearchIndex
from support.search_pack import make_pack


@pytest.fixture(scope="session")
def pack() -> Pack:
    return make_pack()


@pytest.fixture(scope="session")
def index(pack: Pack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    """The small pack's index, shared by the tests that only search (none of them sets notes)."""
    opened = SearchIndex.open(pack, tmp_path_factory.mktemp("cache"))
    yield opened
    opened.close()


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def fresh_index(pack: Pack, cache_dir: Path) -> Iterator[SearchIndex]:
    """An index of the small pack of the test's own (for tests that change notes)."""
    opened = SearchIndex.open(pack, cache_dir)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def default_pack() -> Pack:
    from summitreader.pack import load_pack
    from summitreader.paths import default_pack_dir

    return load_pack(default_pack_dir())


@pytest.fixture(scope="session")
def default_index(
    default_pack: Pack, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SearchIndex]:
    opened = SearchIndex.open(default_pack, tmp_path_factory.mktemp("default-cache"))
    yield opened
    opened.close()
