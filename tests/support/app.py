"""The one way tests build the app: the real factory, a real SQLite store in a data folder, the
real search index in a cache folder, and a test clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from summitreader.pack import Pack
from summitreader.progress import Store, open_store
from summitreader.tui.app import SummitApp
from summitreader.tui.factory import make_app


def build_app(
    pack: Pack, data_dir: Path, clock: Callable[[], dt.datetime], cache_dir: Path
) -> tuple[SummitApp, Store]:
    """The app on ``pack``, with its store (which the caller closes). Two apps built on the same
    folders see the same progress, like a restart."""
    store = open_store(data_dir, pack, clock=clock)
    return make_app(pack, store, cache_dir, clock=clock), store
