"""``summitreader`` with no command: the app on the pack, the progress store and the search
cache."""

from __future__ import annotations

import sys

from summitreader.cli.context import Context


def run_app(context: Context) -> int:
    from summitreader.tui.factory import make_app

    app = make_app(context.pack, context.store, context.cache_dir)
    try:
        app.run()
    finally:
        app.services.search.close()
    unsaved = app.unsaved_at_exit or app.services.saves.waiting
    if unsaved:
        print(
            f"summitreader: {unsaved} change{'s were' if unsaved != 1 else ' was'} not saved: "
            f"the progress file ({context.store.path}) stayed busy.",
            file=sys.stderr,
        )
    if app.return_code:
        return app.return_code
    return 0
