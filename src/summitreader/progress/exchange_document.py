"""The exchange document: the versioned JSON that ``export`` writes and ``import`` reads, and
how it is read and written as text (the checks every imported record passes are in
:mod:`~summitreader.progress.exchange_checks`).

Shape (``version`` :data:`FORMAT_VERSION`)::

    {"format": "summitreader-progress", "version": 2,
     "pack": {"id": ..., "content_hash": ...},
     "position": {"section", "paragraph", "scroll", "updated"} or null,
     "read_sections": [{"section", "read_at"}], "reread_queue": [{"section", "queued_at"}],
     "bookmarks": [{"section", "paragraph", "created"}],
     "notes": [{"uid", "section", "paragraph", "text", "created", "updated"}],
     "card_states": [{"card_id", "state": {FSRS card}, "updated"}],
     "reviews": [{"card_id", "rating", "reviewed_at", "duration_ms", "answer", "prior_state",
                  "due"}],
     "settings": [{"key", "value", "updated"}],
     "my_cards": [{"uid", "section", "paragraph", "kind", "front", "back", "created", "updated",
                   "deleted"}]}

Version 2 added ``my_cards`` (the reader's own cards, deleted ones as tombstones); a version 1
document has none and still imports.

Times are ISO 8601 with a timezone; they are normalised to UTC on reading.

A UTF-8 byte order mark at the start of the file is accepted.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from summitreader.progress.records import PACK_TABLES
from summitreader.text import UNSAFE_CHARACTERS

FORMAT = "summitreader-progress"
FORMAT_VERSION = 2
MAX_BYTES = 256 * 1024 * 1024

REVIEW_FIELDS = ("card_id", "rating", "reviewed_at", "duration_ms", "answer", "prior_state", "due")
KINDS = PACK_TABLES
MY_CARD_FIELDS = (
    "uid",
    "section",
    "paragraph",
    "kind",
    "front",
    "back",
    "created",
    "updated",
    "deleted",
)


class ExchangeError(Exception):
    """A document that cannot be imported (or a file that cannot be written), as one message."""


_UNSAFE = re.compile(f"[{UNSAFE_CHARACTERS}]")


def dump(document: dict[str, Any]) -> str:
    """The document as JSON text. Characters that could drive a terminal or hide text (C1
    controls, DEL, bidirectional controls, invisible characters, lone surrogates: see
    :data:`~summitreader.text.UNSAFE_CHARACTERS`) are written as ``\\u`` escapes, so the text
    is safe to show and still holds exactly what the store holds."""
    text = json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)
    return _UNSAFE.sub(_json_escape, text) + "\n"


def _json_escape(match: re.Match[str]) -> str:
    """The character matched as a JSON ``\\u`` escape (a surrogate pair beyond U+FFFF)."""
    code = ord(match.group())
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def read_document(source: str | Path) -> dict[str, Any]:
    """Read and parse a document (``-``: standard input); ExchangeError if it cannot be."""
    try:
        if str(source) == "-":
            raw = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            with Path(source).open("rb") as file:
                raw = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise ExchangeError(f"cannot read {source}: {error.strerror or error}") from error
    if len(raw) > MAX_BYTES:
        raise ExchangeError(f"{source} is larger than {MAX_BYTES // 2**20} MiB")
    try:
        # NaN and Infinity are read as numbers, so that the check of the record that holds one
        # refuses it by name ("reviews[3].duration_ms: NaN is not a finite number").
        document = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ExchangeError(f"{source} is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise ExchangeError(
            f"{source} is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    except RecursionError:
        raise ExchangeError(f"{source} is not valid JSON: it is nested too deeply") from None
    except ValueError as error:
        if "digits" in str(error):  # Python's bound on the digits of a whole number
            raise ExchangeError(
                f"{source} holds a number with too many digits (more than "
                f"{sys.get_int_max_str_digits()}): it is not a summitreader progress file"
            ) from None
        raise ExchangeError(f"{source} is not valid JSON") from None
    if not isinstance(document, dict):
        raise ExchangeError(f"{source} is not a summitreader progress file")
    return document
