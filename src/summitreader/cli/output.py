"""Printing for the CLI: content always as plain text, never markup or terminal controls."""

from __future__ import annotations

import codecs
import io
import json
import os
import shutil
import sys
import textwrap
from collections.abc import Iterable, Sequence
from typing import Any

from summitreader.text import clean_text, shorten


def styled() -> bool:
    """Whether bold may be used: stdout is a terminal and NO_COLOR is not set."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def bold(text: str) -> str:
    text = clean_text(text)
    return f"\x1b[1m{text}\x1b[22m" if styled() else text


def say(*parts: str) -> None:
    """Print content as text: every part goes through :func:`clean_text`."""
    print(*(clean_text(part) for part in parts))


def hint(text: str) -> None:
    """A line for the person, not for a program reading stdout: on stderr."""
    print(clean_text(text), file=sys.stderr)


_FAILING = {"strict", "surrogateescape"}


def prepare_streams() -> None:
    """Make stdout and stderr take any text. Under a C or POSIX locale without Python's UTF-8
    mode they are ASCII (with "surrogateescape", which fails on the article's first dash or
    typographic quote): there they print '?' for what they cannot encode instead of failing."""
    for stream in (sys.stdout, sys.stderr):
        if (
            not unicode_stream(stream)
            and isinstance(stream, io.TextIOWrapper)
            and stream.errors in _FAILING
        ):
            stream.reconfigure(errors="replace")


def unicode_stream(stream: object) -> bool:
    try:
        return codecs.lookup(getattr(stream, "encoding", None) or "ascii").name.startswith("utf")
    except LookupError:
        return False


def emit_json(value: Any) -> None:
    """JSON on stdout; control characters escaped by the encoder, and non-ASCII kept, or escaped
    when stdout cannot take Unicode, so that the data stay exact."""
    print(json.dumps(value, ensure_ascii=not unicode_stream(sys.stdout), indent=2))


MIN_WRAPPED = 24
"""A wrapped column is not made narrower than this while there are columns to drop…"""
LAST_WRAPPED = 10
"""…nor ever narrower than this."""


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    max_width: int = 60,
    *,
    wrap: int | None = None,
    drop: Sequence[int] = (),
    width: int | None = None,
) -> None:
    """A plain text table that fits ``width`` columns (default: the terminal's, or ``COLUMNS``).

    Cells longer than ``max_width`` are cut with an ellipsis, except in the column ``wrap``, whose
    cells wrap onto more lines to fit. When the table is still too wide the columns ``drop`` are
    left out, one after the other in that order, until it fits."""
    width = width or shutil.get_terminal_size().columns
    cells = [[clean_text(str(c)) for c in row] for row in rows]
    shown = list(range(len(headers)))
    for index in [*drop, None]:
        widths = _widths(headers, cells, shown, max_width, wrap)
        room = width - sum(w for i, w in widths.items() if i != wrap) - 2 * (len(shown) - 1)
        if wrap in widths:
            fits = room >= min(widths[wrap], MIN_WRAPPED)
            # Nothing left to drop: the wrapped column takes what room there is.
            floor = MIN_WRAPPED if fits or index is not None else LAST_WRAPPED
            widths[wrap] = min(widths[wrap], max(room, floor))
        else:
            fits = room >= 0
        if fits or index is None:
            break
        shown.remove(index)
    line = "  ".join(headers[i].ljust(widths[i]) for i in shown).rstrip()
    print(bold(line) if styled() else line)
    for row in cells:
        columns = [
            textwrap.wrap(row[i], widths[i]) or [""]
            if i == wrap
            else [shorten(row[i], widths[i])]
            for i in shown
        ]
        for n in range(max(len(c) for c in columns)):
            parts = [c[n] if n < len(c) else "" for c in columns]
            print("  ".join(p.ljust(widths[i]) for p, i in zip(parts, shown, strict=True)).rstrip())


def _widths(
    headers: Sequence[str], cells: list[list[str]], shown: list[int], cap: int, wrap: int | None
) -> dict[int, int]:
    return {
        i: max(
            [len(headers[i])]
            + [len(row[i]) if i == wrap else min(len(row[i]), cap) for row in cells]
        )
        for i in shown
    }
