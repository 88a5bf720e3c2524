"""The checks every record of an imported exchange document passes (the document itself is
:mod:`~summitreader.progress.exchange_document`).

What an import accepts (anything else refuses the whole document, naming the record):

- times with a timezone, from :data:`EARLIEST` on; a time something happened (``updated``,
  ``created``, ``reviewed_at``, ...) no later than :data:`CLOCK_SKEW` after now, and one within
  that margin is taken as now, so the merge rule "the newer wins" never trusts a clock that was
  ahead (but a review's time is kept as written: it is part of the review's identity, so the
  same file imported again adds nothing); a due time no later than :data:`LONGEST_INTERVAL`
  after now;
- finite numbers only (``1e999`` reads as infinity, and is refused);
- a card state that the ``fsrs`` library reads (``Card.from_dict``) and can schedule, with the
  types and ranges its fields should have (difficulty 1 to 10, stability 0.001 to 1,000,000
  days, a learning step below :data:`MAX_STEP`); a review's ``prior_state`` 1, 2 or 3;
- lists and objects (in a setting's value, a card state) nested at most :data:`MAX_NESTING` deep;
- valid Unicode: no lone surrogates (``"\\ud800"``). Every text is then cleaned with
  :func:`summitreader.text.clean_text`, so nothing imported can drive the terminal (and a CR or
  CRLF line break becomes LF: a note keeps its lines exactly, and export writes them back).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import Any

from fsrs import Card, Rating, Scheduler, State

from summitreader.progress.exchange_document import (
    FORMAT,
    FORMAT_VERSION,
    ExchangeError,
)
from summitreader.progress.my_cards import UID, UID_LENGTH, MyCardError, checked_card
from summitreader.progress.records import from_text, to_text
from summitreader.text import clean_text

EARLIEST = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
"""No time in a document may be earlier."""
CLOCK_SKEW = dt.timedelta(days=1)
"""How far ahead of this machine's clock the clock that wrote a document may have been."""
LONGEST_INTERVAL = dt.timedelta(days=36500 + 1)
"""How far ahead a card may be due (FSRS's longest interval is 36,500 days)."""


Check = Callable[[Any, str], Any]

FSRS_RANGES = {"stability": (0.001, 1_000_000.0), "difficulty": (1.0, 10.0)}
"""The ranges FSRS keeps a card's stability (in days) and difficulty in."""
MAX_STEP = 100
"""A learning step is an index into the scheduler's learning steps (two by default)."""


def validate(document: Any, pack_id: str, now: dt.datetime) -> dict[str, Any]:
    """A checked copy of ``document``: times normalised to UTC (and none later than ``now``),
    texts cleaned; ExchangeError naming the first problem otherwise (see the module docstring)."""
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
        raise ExchangeError(
            f"the progress file is for the pack {_shown(their_pack)!r}, not {pack_id!r}"
        )
    checks = Checks(now)
    specs = record_specs(checks)
    checked: dict[str, Any] = {}
    position = document.get("position")
    checked["position"] = (
        None if position is None else check_record(position, "position", specs["position"])
    )
    for kind, spec in specs.items():
        if kind == "position":
            continue
        items = document.get(kind, [])
        if not isinstance(items, list):
            raise ExchangeError(f"{kind}: expected a list")
        checked[kind] = [check_record(item, f"{kind}[{n}]", spec) for n, item in enumerate(items)]
    note_uids: set[str] = set()
    for n, note in enumerate(checked["notes"]):
        if note["uid"] in note_uids:  # the one kept would have been the last, silently
            raise ExchangeError(f"notes[{n}].uid: the same note is given twice")
        note_uids.add(note["uid"])
    seen_uids: set[str] = set()
    for n, card in enumerate(checked["my_cards"]):
        if not UID.fullmatch(card["uid"]):
            raise ExchangeError(
                f"my_cards[{n}].uid: expected {UID_LENGTH} hexadecimal digits (0-9, a-f)"
            )
        if card["uid"] in seen_uids:
            raise ExchangeError(f"my_cards[{n}].uid: the same card is given twice")
        seen_uids.add(card["uid"])
        check_my_card(card, f"my_cards[{n}]")
    return checked


def check_my_card(card: dict[str, Any], where: str) -> None:
    """What a card of the reader's is checked for beyond its fields (its uid's form and its
    text, as :func:`~summitreader.progress.my_cards.checked_card` checks a card typed), in place
    (its kind and texts as kept)."""
    if not UID.fullmatch(card["uid"]):
        raise ExchangeError(f"{where}.uid: expected {UID_LENGTH} hexadecimal digits (0-9, a-f)")
    try:
        card["kind"], card["front"], card["back"] = checked_card(
            card["kind"], card["front"], card["back"]
        )
    except MyCardError as error:
        raise ExchangeError(f"{where}: {error}") from None


def record_specs(checks: Checks) -> dict[str, dict[str, Check]]:
    """Each kind of record (``position`` included) -> its fields and their checks."""
    event, due, text, any_text = checks.event, checks.due, checks.text, checks.any_text
    return {
        "position": {"section": text, "paragraph": _count, "scroll": _number, "updated": event},
        "read_sections": {"section": text, "read_at": event},
        "reread_queue": {"section": text, "queued_at": event},
        "bookmarks": {"section": text, "paragraph": _count, "created": event},
        "notes": {
            "uid": text,
            "section": text,
            "paragraph": _count,
            "text": checks.note_text,
            "created": event,
            "updated": event,
        },
        "card_states": {"card_id": text, "state": checks.state, "updated": event},
        "reviews": {
            "card_id": text,
            "rating": _rating,
            "reviewed_at": checks.logged,
            "duration_ms": _optional(_count),
            "answer": _optional(any_text),
            "prior_state": _optional(_state_code),
            "due": _optional(due),
        },
        "settings": {"key": text, "value": _json_value, "updated": event},
        "my_cards": {
            "uid": text,
            "section": text,
            "paragraph": _count,
            "kind": text,
            "front": any_text,
            "back": any_text,
            "created": event,
            "updated": event,
            "deleted": _flag,
        },
    }


def check_record(value: Any, where: str, spec: dict[str, Check]) -> dict[str, Any]:
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


NOTE_LENGTH = 20_000
"""The most characters a note holds (the note box takes no more): a longer one, from a progress
file, would be searched in full at every query (a note of megabytes took seconds a search)."""


class Checks:
    """The checks that depend on the time of the import."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now.astimezone(dt.UTC)
        self.latest_event = self.now + CLOCK_SKEW
        self.latest_due = self.now + LONGEST_INTERVAL
        self.scheduler = Scheduler(enable_fuzzing=False)

    def text(self, value: Any, where: str) -> str:
        cleaned = self.any_text(value, where)
        if not cleaned:
            raise ExchangeError(f"{where}: expected a non-empty string")
        return cleaned

    def any_text(self, value: Any, where: str) -> str:
        if not isinstance(value, str):
            raise ExchangeError(f"{where}: expected a string")
        _valid_unicode(value, where)
        return clean_text(value)

    def note_text(self, value: Any, where: str) -> str:
        text = self.any_text(value, where)
        if len(text) > NOTE_LENGTH:
            raise ExchangeError(
                f"{where}: a note of {len(text):,} characters; a note holds at most "
                f"{NOTE_LENGTH:,}"
            )
        return text

    def moment(self, value: Any, where: str) -> dt.datetime:
        try:
            moment = from_text(value)
        except OverflowError:  # a valid time so near year 1 or 9999 that UTC cannot hold it
            year = dt.datetime.fromisoformat(value).year
            if year < EARLIEST.year:
                raise ExchangeError(f"{where}: {_shown(value)} is before {EARLIEST.year}") from None
            raise ExchangeError(f"{where}: {_shown(value)} is too far in the future") from None
        except (TypeError, ValueError):
            raise ExchangeError(f"{where}: expected a time with a timezone (ISO 8601)") from None
        if moment < EARLIEST:
            raise ExchangeError(f"{where}: {_shown(value)} is before {EARLIEST.year}")
        return moment

    def event(self, value: Any, where: str) -> str:
        """When something happened: not in the future (a clock a little ahead: now)."""
        return to_text(min(self._happened(value, where), self.now))

    def logged(self, value: Any, where: str) -> str:
        """When a review was made, kept as written (a clock a little ahead included): the review
        log is a union, where no time is compared with another to pick a winner, and a review's
        time is part of its identity, which must be the same at each import of the file."""
        return to_text(self._happened(value, where))

    def _happened(self, value: Any, where: str) -> dt.datetime:
        moment = self.moment(value, where)
        if moment > self.latest_event:
            raise ExchangeError(
                f"{where}: {_shown(value)} is in the future (the clock that wrote it was wrong)"
            )
        return moment

    def due(self, value: Any, where: str) -> str:
        moment = self.moment(value, where)
        if moment > self.latest_due:
            raise ExchangeError(f"{where}: {_shown(value)} is too far in the future")
        return to_text(moment)

    def state(self, value: Any, where: str) -> dict[str, Any]:
        """A card state the ``fsrs`` library reads and can schedule, as the app will."""
        if not isinstance(value, dict):
            raise ExchangeError(f"{where}: expected an object (an FSRS card)")
        cleaned: dict[str, Any] = _json_value(value, where)
        for name in ("card_id", "state", "step", "stability", "difficulty", "due", "last_review"):
            if name not in value:
                raise ExchangeError(f"{where}.{name}: missing (not an FSRS card)")
        if isinstance(value["card_id"], bool) or not isinstance(value["card_id"], int):
            raise ExchangeError(f"{where}.card_id: expected a whole number")
        kind = value["state"]
        if isinstance(kind, bool) or not isinstance(kind, int) or kind not in tuple(State):
            raise ExchangeError(f"{where}.state: expected 1, 2 or 3")
        if value["step"] is not None and _count(value["step"], f"{where}.step") >= MAX_STEP:
            raise ExchangeError(f"{where}.step: expected a learning step from 0 to {MAX_STEP - 1}")
        for name, (low, high) in FSRS_RANGES.items():
            number = value[name]
            if number is not None and not low <= _number(number, f"{where}.{name}") <= high:
                raise ExchangeError(f"{where}.{name}: expected a number from {low:g} to {high:g}")
        self.due(value["due"], f"{where}.due")
        if value["last_review"] is not None:
            self.event(value["last_review"], f"{where}.last_review")
        try:
            card = Card.from_dict(cleaned)  # type: ignore[arg-type]
            for rating in Rating:
                self.scheduler.review_card(card, rating, self.now)
            self.scheduler.get_card_retrievability(card, self.now)
        except Exception as error:  # noqa: BLE001 - whatever the library trips on
            raise ExchangeError(
                f"{where}: not a card state FSRS can schedule ({type(error).__name__})"
            ) from None
        return cleaned


def _count(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 2**63:
        raise ExchangeError(f"{where}: expected a whole number, 0 or more")
    return value


def _state_code(value: Any, where: str) -> int:
    if isinstance(value, bool) or value not in tuple(State):
        raise ExchangeError(f"{where}: expected 1, 2 or 3 (learning, review, relearning)")
    return int(value)


def _flag(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise ExchangeError(f"{where}: expected true or false")
    return value


def _rating(value: Any, where: str) -> int:
    if isinstance(value, bool) or value not in (1, 2, 3, 4):
        raise ExchangeError(f"{where}: expected a rating from 1 to 4")
    return int(value)


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ExchangeError(f"{where}: expected a number")
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        shown = "NaN" if math.isnan(number) else "-Infinity" if number < 0 else "Infinity"
        raise ExchangeError(f"{where}: {shown} is not a finite number")
    return number


MAX_NESTING = 64
"""How deep the lists and objects of a setting's value or a card state may nest."""


def _json_value(value: Any, where: str, depth: int = 0, top: str = "") -> Any:
    """Any JSON value whose numbers are finite, whose texts are valid Unicode and whose lists and
    objects nest at most :data:`MAX_NESTING` deep; texts are cleaned."""
    if isinstance(value, list | dict) and depth >= MAX_NESTING:
        raise ExchangeError(f"{top}: nested more than {MAX_NESTING} lists or objects deep")
    top = top or where
    if isinstance(value, str):
        _valid_unicode(value, where)
        return clean_text(value)
    if isinstance(value, float):
        return _number(value, where)
    if isinstance(value, list):
        return [_json_value(item, f"{where}[{n}]", depth + 1, top) for n, item in enumerate(value)]
    if isinstance(value, dict):
        checked = {}
        for key, item in value.items():
            _valid_unicode(key, where)
            checked[clean_text(key)] = _json_value(item, f"{where}.{_shown(key)}", depth + 1, top)
        return checked
    return value  # None, booleans, whole numbers


def _valid_unicode(value: str, where: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ExchangeError(f"{where}: not valid Unicode (a lone surrogate)") from None


def _shown(value: Any, width: int = 40) -> str:
    """A value from the document, fit to appear in a message."""
    text = clean_text(value.encode("utf-8", "replace").decode()) if isinstance(value, str) else ""
    text = text or repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


class _optional:
    """A field that may be null or left out (used like the checks, which are functions)."""

    def __init__(self, check: Check) -> None:
        self.check = check

    def __call__(self, value: Any, where: str) -> Any:
        return None if value is None else self.check(value, where)


json_value = _json_value
"""A JSON value checked as a setting's value is (see :func:`_json_value`)."""
