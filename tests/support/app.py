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
    pack: Pack,
    data_dir: Path,
    clock: Callable[[], dt.datetime],
    cache_dir: Path,
    *,
    real_delays: bool = False,
    retry_delay: float | None = None,
    library: bool = False,
    prepare_screens: bool = False,
) -> tuple[SummitApp, Store]:
    """The app on ``pack``, with its store (which the caller closes). Two apps built on the same
    folders see the same progress, like a restart.

    The reader's position save and the search screen's wait for the last key run at once
    (``real_delays=False``), so a test waits on what they do, never on the clock; a test of what
    happens before such a delay has run asks for the real ones. ``retry_delay`` is the seconds
    between a save that failed and its retry (the app's own second unless given): a test that
    waits for a retry once the file is free gives a short one. With ``library``, the app has
    ``data_dir``'s library: the Library screen lists its packs and switches to them. The
    screens not shown are built in quiet moments, as the app does, only with
    ``prepare_screens`` (a test that shows one screen would otherwise pay for all of them)."""
    store = open_store(data_dir, pack, clock=clock)
    app = make_app(pack, store, cache_dir, clock=clock, data_dir=data_dir if library else None)
    if not real_delays:
        app.services.save_delay = 0.0
        app.services.search_delay = 0.0
    app.services.retry_delay = retry_delay
    if not prepare_screens:
        app.prepare_after = None
    return app, store
