"""Printing for the CLI: content always as plain text, never markup or terminal controls."""

from __future__ import annotations

import codecs
import io
import json
import os
import sys
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


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], max_width: int = 60) -> None:
    """A plain text table; cells longer than ``max_width`` are cut with an ellipsis."""
    cells = [[shorten(clean_text(str(c)), max_width) for c in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()
    print(bold(line) if styled() else line)
    for row in cells:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())

