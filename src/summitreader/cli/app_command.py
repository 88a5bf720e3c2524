"""``summitreader`` with no command: the app on the pack, the progress store and the search
cache."""

from __future__ import annotations

from summitreader.cli.context import Context


def run_app(context: Context) -> int:
    from summitreader.tui.factory import make_app

    app = make_app(context.pack, context.store, context.cache_dir)
    try:
        app.run()
    finally:
        app.services.search.close()
    if app.return_code:
        return app.return_code
    return 0
