"""The ``summitreader`` command.

Each group of commands lives in a module of this package with a ``register(subparsers)`` function
that adds its sub-commands; a sub-command's handler takes ``(args, context)`` and returns an exit
code. Problems a user can fix are raised as :class:`CliError` and printed as one line.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from summitreader import __version__
from summitreader.cli.context import CliError, Context

COMMAND_MODULES = (
    "summitreader.cli.pack_commands",
    "summitreader.cli.progress_commands",
    "summitreader.cli.search_commands",
    "summitreader.cli.study_commands",
    "summitreader.cli.library_commands",
    "summitreader.cli.card_commands",
)


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = argparse.ArgumentParser(
        prog="summitreader",
        description="Read one article, look things up in it, and remember it. "
        "With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"summitreader {__version__}")
    parser.add_argument(
        "--pack",
        metavar="PACK",
        help="a pack of the library (its id, see 'summitreader packs') or a pack folder "
        "(default: the pack read last, as the app opens it; the pack that ships before any "
        "other was read)",
    )
    parser.add_argument(
        "--data-dir",
        metavar="PATH",
        help="where progress is kept (default: $SUMMITREADER_DATA_DIR, else the user data folder)",
    )
    parser.add_argument(
        "--cache-dir",
        metavar="PATH",
        help="where the search index is cached (default: $SUMMITREADER_CACHE_DIR, "
        "else the user cache folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name == name:
                continue  # a command group that does not exist yet
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from summitreader.cli.output import prepare_streams
    from summitreader.text import clean_text

    prepare_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    context = Context(pack_path=args.pack, data_dir=args.data_dir, cache_dir=args.cache_dir)
    try:
        handler = getattr(args, "handler", None)
        if handler is None:
            from summitreader.cli.app_command import run_app

            return run_app(context)
        code: int = handler(args, context)
        return code
    except CliError as error:
        print(f"summitreader: {clean_text(str(error))}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`summitreader list cards | head`).
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as error:  # a bug of ours: one line for the user, details on request
        if os.environ.get("SUMMITREADER_DEBUG"):
            raise
        print(
            f"summitreader: internal error ({type(error).__name__}: {error}). "
            "Run again with SUMMITREADER_DEBUG=1 to see the details, and please report it.",
            file=sys.stderr,
        )
        return 70
    finally:
        context.close()
