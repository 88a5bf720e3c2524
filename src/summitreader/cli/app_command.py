"""``summitreader`` with no command: the app on the pack, the progress store and the search
cache."""

from __future__ import annotations

import contextlib
import signal
import sys
from typing import TYPE_CHECKING

from summitreader.cli.context import Context

if TYPE_CHECKING:
    from summitreader.tui.app import SummitApp

STOP_SIGNALS = (signal.SIGHUP, signal.SIGTERM)
"""Signals that end the app as quitting does (what waits to be saved is tried once more, and what
is still not saved is told)."""


def run_app(context: Context) -> int:
    from summitreader.library import last_pack_read
    from summitreader.tui.factory import make_app

    notices: list[str] = []
    context.cache_parsed_pack = True
    if not context.pack_given:
        # The pack read last; the shipped one if that one is gone or no longer loads.
        context.pack_path, gone = last_pack_read(context.data_dir)
        notices = [gone_notice(gone)] if gone else []
        notices += _check_pack(context)
    app = make_app(context.pack, context.store, context.cache_dir, data_dir=context.data_dir)
    app.services.notices.extend(notices)

    def stop(signum: int, frame: object) -> None:
        """The terminal hung up, or the system asks the app to end: end it as ``q`` twice
        would, so that what waits to be saved gets a last try below."""
        app.exit()

    previous = {sig: signal.signal(sig, stop) for sig in STOP_SIGNALS}
    try:
        app.run()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        app.services.search.close()
    saves = app.services.saves
    if saves.waiting:
        saves.retry()  # a last try: the other process may be done by now
        app.unsaved_at_exit = saves.waiting
    notice = unsaved_notice(app)
    if notice:
        with contextlib.suppress(OSError):  # a terminal that hung up cannot be told
            print(notice, file=sys.stderr)
    if app.return_code:
        return app.return_code
    return 0


def gone_notice(gone: str) -> str:
    """What the app says when the pack read last is no longer there."""
    return (
        f"The pack read last ({gone}) is no longer in the library (removed or moved): the pack "
        "that ships is open instead. summitreader packs lists those you have."
    )


def _check_pack(context: Context) -> list[str]:
    from summitreader import paths
    from summitreader.cli.context import CliError
    from summitreader.library import validate_command

    try:
        context.pack  # noqa: B018 - loaded now, to fall back when it cannot be
    except CliError:
        failed = context.pack_path
        context.pack_path = paths.default_pack_dir()
        return [
            f"The pack read last ({failed}) cannot be loaded: "
            f"{validate_command(context.data_dir, failed)} says why. "
            "The pack that ships is open instead."
        ]
    return []


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
