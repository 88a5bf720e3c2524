"""Building the app from its parts, the same way for the command line and for tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from summitreader.tui.services import SearchHandle, Services

if TYPE_CHECKING:
    from summitreader.pack.model import Pack
    from summitreader.progress import Store
    from summitreader.tui.app import SummitApp


def make_app(
    pack: Pack,
    store: Store,
    cache_dir: Path,
    *,
    clock: Callable[[], datetime] | None = None,
    data_dir: Path | None = None,
) -> SummitApp:
    """The app on ``pack``, keeping progress in ``store`` and the search index under
    ``cache_dir``. The deck is built once, on first need, for every screen. With ``data_dir``,
    the Library screen lists its packs and the app can switch to them."""
    from summitreader.tui.app import SummitApp

    return SummitApp(make_services(pack, store, cache_dir, clock=clock, data_dir=data_dir))


def make_services(
    pack: Pack,
    store: Store,
    cache_dir: Path,
    *,
    clock: Callable[[], datetime] | None = None,
    data_dir: Path | None = None,
) -> Services:
    from summitreader.progress import connection

    # A write waits only a moment for another process: the UI thread never hangs on the lock,
    # and a retry in a worker never holds the store (and the UI's reads) for long.
    store.write_timeout = connection.SHORT_BUSY_TIMEOUT
    return Services(
        pack=pack,
        store=store,
        search=SearchHandle(pack, cache_dir),
        clock=clock or (lambda: datetime.now(UTC)),
        data_dir=data_dir,
    )


def open_services(folder: Path, before: Services) -> Services:
    """The services of the pack in ``folder``, with the folders and clock of ``before``: for
    switching packs. Raises :class:`~summitreader.pack.PackError` when the pack does not
    load."""
    from summitreader.pack.cache import cache_key, load_pack_cached
    from summitreader.progress import open_store

    data_dir = before.data_dir if before.data_dir is not None else before.store.path.parent
    pack = load_pack_cached(folder, before.search.cache_dir, cache_key(data_dir))
    store = open_store(data_dir, pack, clock=before.store.clock)
    services = make_services(
        pack, store, before.search.cache_dir, clock=before.clock, data_dir=before.data_dir
    )
    services.save_delay, services.search_delay = before.save_delay, before.search_delay
    services.retry_delay = before.retry_delay
    return services
