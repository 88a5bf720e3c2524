"""``summitreader`` with no command: the app on the pack, the progress store and the search
cache."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from summitreader.cli.context import Context

if TYPE_CHECKING:
    from summitreader.tui.app import SummitApp


def run_app(context: Context) -> int:
    from summitreader.tui.factory import make_app

    app = make_app(context.pack, context.store, context.cache_dir)
    try:
        app.run()
    finally:
        app.services.search.close()
    notice = unsaved_notice(app)
    if notice:
        print(notice, file=sys.stderr)
    if app.return_code:
        return app.return_code
    return 0


def unsaved_notice(app: SummitApp) -> str | None:
    """What to say after the app ended with changes that never reached the progress file."""
    unsaved = app.unsaved_at_exit or app.services.saves.waiting
    if not unsaved:
        return None
    were = "s were" if unsaved != 1 else " was"
    return (
        f"summitreader: {unsaved} change{were} not saved: the progress file "
        f"({app.services.store.path}) stayed busy."
    )
