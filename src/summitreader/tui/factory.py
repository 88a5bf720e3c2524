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
    from summitreader.tui.app import SummitApp

    services = Services(
        pack=pack,
        store=store,
        search=SearchHandle(pack, cache_dir),
        clock=clock or (lambda: datetime.now(UTC)),
    )
    return SummitApp(services)
