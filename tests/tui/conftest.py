"""Building the real app on a real pack, a real SQLite store and a real search cache in tmp_path."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from summitreader.pack import Pack, load_pack
from summitreader.paths import default_pack_dir
from summitreader.progress import open_store
from summitreader.tui.app import SummitApp
from summitreader.tui.factory import make_app

FIXED_NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="session")
def pack() -> Pack:
    return load_pack(default_pack_dir())


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    return tmp_path / "data", tmp_path / "cache"


@pytest.fixture
def build_app(pack: Pack, folders: tuple[Path, Path]) -> Callable[..., SummitApp]:
    """Builds an app on ``pack`` (the default one unless given) with the test's folders; every
    app built with the same folders sees the same progress, like a restart."""
    stores = []

    def build(with_pack: Pack | None = None) -> SummitApp:
        data, cache = folders
        used = with_pack or pack
        store = open_store(data, used, clock=lambda: FIXED_NOW)
        stores.append(store)
        return make_app(used, store, cache, clock=lambda: FIXED_NOW)

    yield build
    for store in stores:
        store.close()
