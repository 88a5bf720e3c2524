"""The progress document: a versioned JSON form of a pack's progress, and its checks.

Shape (``version`` :data:`FORMAT_VERSION`)::

    {"format": "summitreader-progress", "version": 1,
     "pack": {"id": ..., "content_hash": ...},
     "position": {"section", "paragraph", "scroll", "updated"} or null,
     "read_sections": [{"section", "read_at"}], "reread_queue": [{"section", "queued_at"}],
     "bookmarks": [{"section", "paragraph", "created"}],
     "notes": [{"uid", "section", "paragraph", "text", "created", "updated"}],
     "card_states": [{"card_id", "state": {FSRS card}, "updated"}],
     "reviews": [{"card_id", "rating", "reviewed_at", "duration_ms", "answer", "prior_state",
                  "due"}],
     "settings": [{"key", "value", "updated"}]}

Times are ISO 8601 with a timezone; they are normalised to UTC on reading.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from summitreader.progress.records import from_text, to_text

FORMAT = "summitreader-progress"
FORMAT_VERSION = 1
MAX_BYTES = 64 * 1024 * 1024


class ExchangeError(Exception):
    """A document that cannot be imported (or a file that cannot be written), as one message."""


def dump(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


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
        document = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    except UnicodeDecodeError:
        raise ExchangeError(f"{source} is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise ExchangeError(
            f"{source} is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    except (ValueError, RecursionError):
        raise ExchangeError(f"{source} is not valid JSON") from None
    if not isinstance(document, dict):
        raise ExchangeError(f"{source} is not a summitreader progress file")
    return document


# -- validation ----------------------------------------------------------------------------------

REVIEW_FIELDS = ("card_id", "rating", "reviewed_at", "duration_ms", "answer", "prior_state", "due")
KINDS = (
    "position",
    "read_sections",
    "reread_queue",
    "bookmarks",
    "notes",
    "card_states",
    "reviews",
    "settings",
)


def validate(document: Any, pack_id: str) -> dict[str, Any]:
    """A checked copy of ``document`` with times normalised; ExchangeError naming the first
    problem otherwise."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ExchangeError(f'not a summitreader progress file (no "format": "{FORMAT}")')
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ExchangeError('the progress file has no valid "version"')
    if version > FORMAT_VERSION:
        raise ExchangeError(
            f"the progress file was written by a newer summitreader (format "
            f"version {version}; this version reads up to {FORMAT_VERSION})"
        )
    pack = _field(document, "pack", dict, "")
    their_pack = _field(pack, "id", str, "pack")
    if their_pack != pack_id:
        raise ExchangeError(f"the progress file is for the pack {their_pack!r}, not {pack_id!r}")
    checked: dict[str, Any] = {}
    position = document.get("position")
    checked["position"] = (
        None
        if position is None
        else _record(
            position,
            "position",
            {"section": _text, "paragraph": _count, "scroll": _number, "updated": _time},
        )
    )
    specs: dict[str, dict[str, Callable[[Any, str], Any]]] = {
        "read_sections": {"section": _text, "read_at": _time},
        "reread_queue": {"section": _text, "queued_at": _time},
        "bookmarks": {"section": _text, "paragraph": _count, "created": _time},
        "notes": {
            "uid": _text,
            "section": _text,
            "paragraph": _count,
            "text": _any_text,
            "created": _time,
            "updated": _time,
        },
        "card_states": {"card_id": _text, "state": _state, "updated": _time},
        "reviews": {
            "card_id": _text,
            "rating": _rating,
            "reviewed_at": _time,
            "duration_ms": _optional(_count),
            "answer": _optional(_any_text),
            "prior_state": _optional(_count),
            "due": _optional(_time),
        },
        "settings": {"key": _text, "value": _json_value, "updated": _time},
    }
    for kind, spec in specs.items():
        items = document.get(kind, [])
        if not isinstance(items, list):
            raise ExchangeError(f"{kind}: expected a list")
        checked[kind] = [_record(item, f"{kind}[{n}]", spec) for n, item in enumerate(items)]
    return checked


def _record(value: Any, where: str, spec: dict[str, Callable[[Any, str], Any]]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ExchangeError(f"{where}: expected an object")
    record: dict[str, Any] = {}
    for name, check in spec.items():
        if name not in value and isinstance(check, _optional):
            record[name] = None
        else:
            record[name] = check(_field(value, name, object, where), f"{where}.{name}")
    return record


def _field(container: dict[str, Any], name: str, kind: type, where: str) -> Any:
    place = f"{where}.{name}" if where else name
    if name not in container:
        raise ExchangeError(f"{place}: missing")
    value = container[name]
    if not isinstance(value, kind):
        raise ExchangeError(f"{place}: expected {kind.__name__}")
    return value


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value:
        raise ExchangeError(f"{where}: expected a non-empty string")
    return value


def _any_text(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise ExchangeError(f"{where}: expected a string")
    return value


def _count(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 2**63:
        raise ExchangeError(f"{where}: expected a whole number, 0 or more")
    return value


def _rating(value: Any, where: str) -> int:
    if isinstance(value, bool) or value not in (1, 2, 3, 4):
        raise ExchangeError(f"{where}: expected a rating from 1 to 4")
    return int(value)


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ExchangeError(f"{where}: expected a number")
    return float(value)


def _time(value: Any, where: str) -> str:
    try:
        return to_text(from_text(value))
    except (TypeError, ValueError, OverflowError):
        raise ExchangeError(f"{where}: expected a time with a timezone (ISO 8601)") from None


def _state(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ExchangeError(f"{where}: expected an object (an FSRS card)")
    return value


def _json_value(value: Any, where: str) -> Any:
    return value  # anything JSON could parse


class _optional:
    """A field that may be null or left out."""

    def __init__(self, check: Callable[[Any, str], Any]) -> None:
        self.check = check

    def __call__(self, value: Any, where: str) -> Any:
        return None if value is None else self.check(value, where)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")
