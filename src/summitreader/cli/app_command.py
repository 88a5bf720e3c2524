"""``summitreader`` with no command: the app (until it exists, the help)."""

from __future__ import annotations

from summitreader.cli.context import Context


def run_app(context: Context) -> int:
    from summitreader.cli import build_parser

    build_parser().print_help()
    return 0
