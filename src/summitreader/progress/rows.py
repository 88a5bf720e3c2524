"""Rows read back from the progress file: one reading path per table, every row checked as an
import checks a record (:mod:`~summitreader.progress.exchange_checks`).

A row can be damaged and still pass SQLite's ``quick_check`` (a time that is no time, a number
that is infinite, a paragraph that is text): the file is then sound, and is not set aside. A
damaged row is left out of what the store hands out (or, when the damaged field is one the row
can do without, such as a position's scroll or a review's duration, read with that field as
unknown: whichever loses less), and kept in the file, untouched. The store's ``notices`` name
it, once, in a form one can read (a few per table, then one line for the rest).

What differs from an import: a row's time the clock that wrote it put ahead is kept as written
(up to :data:`~summitreader.progress.exchange_checks.LONGEST_INTERVAL` ahead), and a card state
is read by :func:`~summitreader.card_state.read_state`. An export checks each record again as an
import will, and leaves out those an import would refuse (:func:`importable`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from summitreader.card_state import read_json, read_state
from summitreader.progress.exchange_checks import (
    EARLIEST,
    LONGEST_INTERVAL,
    Checks,
    check_my_card,
    check_record,
    json_value,
    record_specs,
)
from summitreader.progress.exchange_document import MY_CARD_FIELDS, REVIEW_FIELDS, ExchangeError
from summitreader.progress.records import to_text
from summitreader.text import clean_text, shorten, visible

if TYPE_CHECKING:
    from summitreader.pack.model import Pack
    from summitreader.progress.core import StoreCore


class StoredChecks(Checks):
    """The import's checks, for a row read back from the file."""

    def __init__(self, now: dt.datetime) -> None:
        super().__init__(now)
        self.latest_event = self.latest_due

    def event(self, value: Any, where: str) -> str:
        return to_text(self._happened(value, where))

    def state(self, value: Any, where: str) -> dict[str, Any]:
        state = read_state(value)
        if state is None:
            raise ExchangeError(f"{where}: not a card state FSRS can read")
        return state

    def setting(self, value: Any, where: str) -> Any:
        ok, parsed = read_json(value)
        if not ok:
            raise ExchangeError(f"{where}: not JSON")
        return json_value(parsed, where)


def _stored_flag(value: Any, where: str) -> bool:
    if isinstance(value, bool) or value not in (0, 1):
        raise ExchangeError(f"{where}: expected 0 or 1")
    return bool(value)


@dataclass(frozen=True)
class Table:
    """How one table's rows are read: its columns (named as in an exchange document), their
    order, the fields a row keeps as unknown (None, or the value given) when they are damaged,
    and how a row is named in a notice."""

    name: str
    columns: tuple[str, ...]
    order: str
    what: Callable[[Pack, dict[str, Any]], str]
    unknown: dict[str, Any] = field(default_factory=dict)
    words: str = ""


def _section(pack: Pack, raw: dict[str, Any]) -> str:
    section_id = raw.get("section")
    section = pack.section(section_id) if isinstance(section_id, str) else None
    title = _shown(section.title if section is not None else section_id)
    paragraph = raw.get("paragraph")
    if "paragraph" not in raw:
        return f"section {title}"
    where = (
        f"¶{paragraph}" if isinstance(paragraph, int) and not isinstance(paragraph, bool) else ""
    )
    return f"{title} {where}".rstrip()


def _note(pack: Pack, raw: dict[str, Any]) -> str:
    text = raw.get("text")
    excerpt = f" {_shown(text)}" if isinstance(text, str) and visible(clean_text(text)) else ""
    return f"the note{excerpt} on {_section(pack, raw)}"


def _review(pack: Pack, raw: dict[str, Any]) -> str:
    return f"a review of the card {_shown(raw.get('card_id'))} ({_shown(raw.get('reviewed_at'))})"


def _my_card(pack: Pack, raw: dict[str, Any]) -> str:
    return f"your card {_shown(raw.get('front'))} on {_section(pack, raw)}"


TABLES = {
    table.name: table
    for table in (
        Table(
            "position",
            ("section", "paragraph", "scroll", "updated"),
            "pack_id",
            lambda pack, raw: f"the reading position ({_section(pack, raw)})",
            {"scroll": 0.0},
            "reading position",
        ),
        Table(
            "read_sections",
            ("section", "read_at"),
            "section",
            lambda pack, raw: f"the mark that {_section(pack, raw)} was read",
            words="sections read",
        ),
        Table(
            "reread_queue",
            ("section", "queued_at"),
            "section",
            lambda pack, raw: f"{_section(pack, raw)} queued to re-read",
            words="sections to re-read",
        ),
        Table(
            "bookmarks",
            ("section", "paragraph", "created"),
            "section, paragraph",
            lambda pack, raw: f"the bookmark on {_section(pack, raw)}",
            words="bookmarks",
        ),
        Table(
            "notes",
            ("uid", "section", "paragraph", "text", "created", "updated"),
            "created, uid",
            _note,
            words="notes",
        ),
        Table(
            "reviews",
            REVIEW_FIELDS,
            "reviewed_at, card_id, rating, coalesce(duration_ms, -1), coalesce(answer, ''), id",
            _review,
            {"duration_ms": None, "answer": None, "prior_state": None, "due": None},
            "reviews",
        ),
        Table(
            "settings",
            ("key", "value", "updated"),
            "key",
            lambda pack, raw: f"the setting {_shown(raw.get('key'))}",
            words="settings",
        ),
        Table(
            "my_cards",
            MY_CARD_FIELDS,
            "created, uid",
            _my_card,
            words="cards of yours",
        ),
    )
}
"""Every table read back (but ``card_states``, read by
:meth:`~summitreader.progress.cards.CardProgress.card_states`)."""


def stored_specs(checks: StoredChecks) -> dict[str, dict[str, Any]]:
    specs = record_specs(checks)
    specs["settings"] = {**specs["settings"], "value": checks.setting}
    specs["my_cards"] = {**specs["my_cards"], "deleted": _stored_flag}
    return specs


def read(
    store: StoreCore,
    table_name: str,
    where: str = "",
    params: tuple[Any, ...] = (),
    order: str | None = None,
    *,
    as_stored: bool = False,
) -> list[dict[str, Any]]:
    """The checked rows of ``table_name`` of the store's pack (``where``: more conditions), each a
    dict of the table's columns and its ``rowid``. Damaged rows are told (once) and left out, or
    read with their damaged field as unknown. Texts are cleaned; ``as_stored`` keeps them as
    the file holds them (what an export writes: an import cleans them)."""
    table = TABLES[table_name]
    rows = store._all(
        f"SELECT rowid, {', '.join(table.columns)} FROM {table.name} "
        f"WHERE pack_id = ? {where} ORDER BY {order or table.order}",
        (store.pack.id, *params),
    )
    if not rows:
        return []
    checks = StoredChecks(store.now())
    spec = stored_specs(checks)[table.name]
    read_rows = []
    for rowid, *values in rows:
        raw = dict(zip(table.columns, values, strict=True))
        record, problem = _checked(table, spec, raw)
        if problem:
            store.tell_damaged(
                table.name,
                rowid,
                _notice(store.pack, table, raw, problem, record),
                more_notice(table.name),
            )
        if record is not None:
            if as_stored:
                record = _as_stored(table, raw, record)
            record["rowid"] = rowid
            read_rows.append(record)
    return read_rows


def _checked(
    table: Table, spec: dict[str, Any], raw: dict[str, Any]
) -> tuple[dict[str, Any] | None, str]:
    """The row checked (None when damaged past reading) and what is wrong with it ("")."""
    try:
        record = check_record(raw, "", spec)
        if table.name == "my_cards":
            check_my_card(record, "")
    except ExchangeError as error:
        # A record's own problem (a card's blank) is told without a field name before it.
        problem = str(error).lstrip(".").removeprefix(": ")
    else:
        return record, ""
    name = problem.split(":", 1)[0]
    if name not in table.unknown:
        return None, problem
    try:  # read it again with that field unknown
        record = check_record(
            {**raw, name: table.unknown[name]}, "", {**spec, name: lambda v, w: v}
        )
    except ExchangeError:
        return None, problem
    return record, problem


def _as_stored(table: Table, raw: dict[str, Any], record: dict[str, Any]) -> dict[str, Any]:
    """A checked row's values as stored: its texts not cleaned (nor its times normalised), its
    JSON values parsed, its flags as booleans and a damaged field it can do without unknown."""
    stored = {
        name: raw[name] if isinstance(value, str) else value for name, value in record.items()
    }
    if table.name == "settings":
        stored["value"] = read_json(raw["value"])[1]
    return stored


def _notice(
    pack: Pack, table: Table, raw: dict[str, Any], problem: str, record: dict[str, Any] | None
) -> str:
    what = table.what(pack, raw)
    if record is None:
        return (
            f"Saved progress is damaged: {what} ({problem}). It is left out, and kept as it "
            "is in the progress file."
        )
    return (
        f"Saved progress is damaged: {what} ({problem}). That is read as unknown, and the "
        "row is kept as it is in the progress file."
    )


def check_reviews(store: StoreCore) -> None:
    """Tell the damaged rows of the review log whose time is out of range (text that is no time
    sorts after every time, a number before): two steps along the index by time, however many
    reviews the log holds. A time in range that is no time (a 13th month) is told when the log
    is read (:meth:`~summitreader.progress.cards.CardProgress.review_log`, an export); the
    aggregates of the log, counted between times, never count it."""
    now = store.now()
    odd = [
        rowid
        for sql, bound in (
            ("reviewed_at < ?", to_text(EARLIEST)),
            ("reviewed_at > ?", to_text(now + LONGEST_INTERVAL)),
        )
        for (rowid,) in store._all(
            f"SELECT rowid FROM reviews WHERE pack_id = ? AND {sql} LIMIT 100",
            (store.pack.id, bound),
        )
    ]
    if odd:
        read(store, "reviews", "AND rowid IN (SELECT value FROM json_each(?))", (json.dumps(odd),))


def more_notice(table_name: str) -> str:
    words = TABLES[table_name].words if table_name in TABLES else "card states"
    return (
        f"More saved {words} are damaged: they are left out too, and kept as they are in the "
        "progress file."
    )


def importable(kind: str, records: list[dict[str, Any]], now: dt.datetime) -> list[dict[str, Any]]:
    """The records of ``kind`` (as an exchange document holds them) an import accepts."""
    checks = Checks(now)
    spec = record_specs(checks)[kind]
    kept = []
    for record in records:
        try:
            checked = check_record(record, "", spec)
            if kind == "my_cards":
                check_my_card(checked, "")
        except ExchangeError:
            continue
        kept.append(record)
    return kept


def _shown(value: object, width: int = 40) -> str:
    """A value from the file as a notice shows it: cleaned, quoted, cut to a line; one that
    cleans to nothing is shown by its code points."""
    text = value if isinstance(value, str) else repr(value)
    text = text.encode("utf-8", "replace").decode()
    shown = " ".join(clean_text(text).split())
    if not visible(shown):
        return "of code points " + shorten(" ".join(f"U+{ord(c):04X}" for c in text), width)
    return repr(shorten(shown, width))
