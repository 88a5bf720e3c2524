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
) -> SummitApp:
    """The app on ``pack``, keeping progress in ``store`` and the search index under
    ``cache_dir``. The deck is built once, on first need, for every screen."""
    from summitreader.progress import files
    from summitreader.tui.app import SummitApp

    # A write waits only a moment for another process: the UI thread never hangs on the lock,
    # and a retry in a worker never holds the store (and the UI's reads) for long.
    store.write_timeout = files.SHORT_BUSY_TIMEOUT
    services = Services(
        pack=pack,
        store=store,
        search=SearchHandle(pack, cache_dir),
        clock=clock or (lambda: datetime.now(UTC)),
    )
    return SummitApp(services)
