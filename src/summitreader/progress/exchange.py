"""Export a pack's progress to a versioned JSON document, and merge one back in.

The document (``format`` ``summitreader-progress``, ``version`` :data:`FORMAT_VERSION`) holds
everything the store keeps for the pack, orphans included (but an empty note, which is no note),
in a fixed order, so exporting the same progress always gives the same bytes. Times are UTC ISO
8601 text.

Importing checks the whole document first, then merges it, :data:`BATCH_SIZE` records to a
transaction:

- position, read sections, re-read queue, card states and settings: the newer record wins (by its
  time); a section read after it was queued leaves the queue;
- bookmarks are added where missing (one per paragraph); notes and the reader's cards are matched
  by their ``uid``, the newer edit winning (a card's deletion is an edit: its tombstone merges;
  a note whose newer edit is empty is removed, as the app removes a note saved empty, and the
  count of notes removed is returned apart, as ``removed_notes``: an empty note is never added);
- the review log is a union: a review already present (same card, time and rating) is not added
  twice, every other one is; the check is made inside each write transaction, so two imports of
  one file at the same time add each review once.

Nothing else is deleted by an import. A file that is not JSON, not this format, for another pack,
from a newer version or malformed anywhere (see :mod:`~summitreader.progress.exchange_checks` for
what is checked) is refused with :class:`ExchangeError` before anything is written. Merging is
idempotent: if a write fails part way, importing the same file again completes it.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summitreader.export_file import ExportTargetError, export_target, replace_atomically
from summitreader.progress import rows
from summitreader.progress.exchange_checks import validate
from summitreader.progress.exchange_document import (
    FORMAT,
    FORMAT_VERSION,
    KINDS,
    MY_CARD_FIELDS,
    REVIEW_FIELDS,
    ExchangeError,
    dump,
    read_document,
)

if TYPE_CHECKING:
    from summitreader.progress.store import Store

BATCH_SIZE = 2000
"""Records merged in one transaction: a batch takes milliseconds, so another instance's write
waits at most that long while a large file is imported."""

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "ExchangeError",
    "export_progress",
    "import_progress",
    "read_document",
    "write_document",
]


# -- export --------------------------------------------------------------------------------------


LOCAL_SETTINGS = frozenset({"pack_folder", "removed_pack"})
"""Settings that are not the reader's progress on the pack: the folder a pack was opened from
(it describes this machine) and which article a removed pack was (the library's bookkeeping,
kept under the pack's id). They are never exported, and never taken from an imported
document."""


def export_progress(store: Store, left_out: dict[str, int] | None = None) -> dict[str, Any]:
    """The exchange document of the store's pack, every row read through its reading path
    (:mod:`~summitreader.progress.rows`): a damaged row is left out (the store's notices name
    it), and so is a record an import would refuse; ``left_out`` counts both, by kind."""
    now = store.now()
    dropped: Counter[str] = Counter()

    def records(
        kind: str,
        fields: tuple[str, ...],
        found: list[dict[str, Any]],
        skip: Callable[[dict[str, Any]], bool] | None = None,
    ) -> list[Any]:
        """The records of ``found`` an import accepts (but those ``skip`` leaves out on purpose,
        which are not counted as left out)."""
        everything = store._one(f"SELECT count(*) FROM {kind} WHERE pack_id = ?", (store.pack.id,))
        wanted = [row for row in found if skip is None or not skip(row)]
        made = [{name: row[name] for name in fields} for row in wanted]
        kept = rows.importable(kind, made, now)
        dropped[kind] = int(everything[0]) - len(found) + len(made) - len(kept)
        return kept

    position = records(
        "position",
        ("section", "paragraph", "scroll", "updated"),
        rows.read(store, "position", as_stored=True),
    )
    reviews = rows.read(store, "reviews", as_stored=True)
    document = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "pack": {"id": store.pack.id, "content_hash": store.pack.content_hash},
        "position": position[0] if position else None,
        "read_sections": records(
            "read_sections",
            ("section", "read_at"),
            rows.read(store, "read_sections", as_stored=True),
        ),
        "reread_queue": records(
            "reread_queue",
            ("section", "queued_at"),
            rows.read(store, "reread_queue", as_stored=True),
        ),
        "bookmarks": records(
            "bookmarks",
            ("section", "paragraph", "created"),
            rows.read(store, "bookmarks", as_stored=True),
        ),
        "notes": records(
            "notes",
            ("uid", "section", "paragraph", "text", "created", "updated"),
            rows.read(store, "notes", as_stored=True),
            # an empty note is no note (the app removes a note saved empty)
            lambda r: not r["text"].strip(),
        ),
        "card_states": records(
            "card_states", ("card_id", "state", "updated"), store.card_state_rows()
        ),
        "reviews": records("reviews", REVIEW_FIELDS, reviews),
        "settings": records(
            "settings",
            ("key", "value", "updated"),
            rows.read(store, "settings", as_stored=True),
            lambda r: r["key"] in LOCAL_SETTINGS,
        ),
        "my_cards": records(
            "my_cards", MY_CARD_FIELDS, rows.read(store, "my_cards", as_stored=True)
        ),
    }
    if left_out is not None:
        left_out.update({kind: n for kind, n in dropped.items() if n > 0})
    return document


def write_document(document: dict[str, Any], target: str | Path) -> None:
    """Write to ``target`` atomically (``-``: standard output)."""
    text = dump(document)
    if str(target) == "-":
        sys.stdout.write(text)
        return
    try:
        path = export_target(target)
    except ExportTargetError as error:
        raise ExchangeError(str(error)) from None

    def write(temporary: Path) -> None:
        # os.open with mode 0o666 lets the umask decide, as for any file the user writes
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())

    try:
        replace_atomically(path, write)
    except OSError as error:
        raise ExchangeError(f"cannot write {path}: {error.strerror or error}") from error


def import_progress(
    store: Store,
    document: Any,
    *,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int, int], None] | None = None,
    unshown: dict[str, int] | None = None,
    unplaced: dict[str, int] | None = None,
    left_out: dict[str, int] | None = None,
) -> dict[str, int]:
    """Merge ``document`` into ``store`` (see the module docstring). Returns how many records of
    each kind were added or replaced.

    The document is checked whole first: ExchangeError, and the store unchanged, if any record
    is wrong. It is then written ``batch_size`` records to a transaction, so the progress file is
    never locked for long; ``progress(done, total)`` (records merged so far, of all the records
    to merge) is called after each transaction is committed. If a write fails,
    ProgressNotSaved: the batches before it are kept, and importing the same file again
    completes the merge.

    Records of a section the pack does not have (a bookmark, a note, the position...) are kept
    (the section may come back in another version of the pack, and export carries them) but not
    shown: when ``unshown`` is given, it is filled with how many of each kind the document has.
    So are bookmarks and notes on a paragraph their section does not have (``unplaced``).

    A note whose text was not blank but cleans to nothing (only control characters) is left
    out: it neither adds a note nor removes one; ``left_out`` counts them (``{"notes": n}``)."""
    if batch_size < 1:
        raise ValueError("batch_size must be 1 or more")
    doc = validate(document, store.pack.id, store.now())
    blank = _cleaned_to_nothing(document, doc)
    if blank:
        doc["notes"] = [r for n, r in enumerate(doc["notes"]) if n not in blank]
    if left_out is not None and blank:
        left_out["notes"] = len(blank)
    if unshown is not None:
        unshown.update(_of_unknown_sections(doc, set(store._sections)))
    if unplaced is not None:
        unplaced.update(_of_unknown_paragraphs(doc, store.pack))
    batches: list[list[Statement]] = []
    records = 0
    for statement in _merge_statements(doc, store.pack.id):
        if not batches or (statement[0] and records == batch_size):
            batches.append([])
            records = 0
        batches[-1].append(statement)
        records += bool(statement[0])
    total = sum(1 for batch in batches for kind, _, _ in batch if kind)
    changed: Counter[str] = Counter()
    done = 0
    for batch in batches:
        counts: Counter[str] = Counter()
        with store._write() as (conn, _):
            for kind, sql, params in batch:
                rows = conn.execute(sql, params).rowcount
                if kind:
                    counts[kind] += rows
        changed.update(counts)
        done += sum(1 for kind, _, _ in batch if kind)
        if progress is not None:
            progress(done, total)
    merged = {kind: changed[kind] for kind in KINDS}
    if changed[REMOVED_NOTES]:
        merged[REMOVED_NOTES] = changed[REMOVED_NOTES]
    return merged


REMOVED_NOTES = "removed_notes"
"""The count, in what :func:`import_progress` returns (only when some were), of the notes an
import removed: a newer edit of a note that emptied it removes it, as the app does."""


SECTION_KINDS = ("read_sections", "reread_queue", "bookmarks", "notes")
"""The kinds of records that belong to a section."""


def _of_unknown_sections(doc: dict[str, Any], sections: set[str]) -> Counter[str]:
    """How many records of ``doc``, by kind, are of sections not in ``sections``."""
    counts: Counter[str] = Counter()
    if doc["position"] is not None and doc["position"]["section"] not in sections:
        counts["position"] += 1
    for kind in SECTION_KINDS:
        counts[kind] += sum(1 for r in doc[kind] if r["section"] not in sections)
    return +counts


def _of_unknown_paragraphs(doc: dict[str, Any], pack: Any) -> Counter[str]:
    """How many bookmarks and notes of ``doc``, by kind, are on a paragraph their section (one
    the pack has) does not have."""
    numbers = {s.id: {p.number for p in s.paragraphs} for s in pack.sections}
    counts: Counter[str] = Counter()
    for kind in ("bookmarks", "notes"):
        counts[kind] += sum(
            1
            for r in doc[kind]
            if r["section"] in numbers and r["paragraph"] not in numbers[r["section"]]
        )
    return +counts


def _cleaned_to_nothing(document: Any, doc: dict[str, Any]) -> set[int]:
    """The places in ``doc["notes"]`` (checked) of the notes whose text in ``document`` (as
    read) was not blank, but is once cleaned."""
    raw = document.get("notes", [])
    return {
        n
        for n, r in enumerate(doc["notes"])
        if not r["text"].strip() and isinstance(raw[n].get("text"), str) and raw[n]["text"].strip()
    }


Statement = tuple[str, str, tuple[Any, ...]]
"""The kind of record it counts for ("" for none), the SQL and its parameters."""


def _merge_statements(doc: dict[str, Any], pid: str) -> Iterator[Statement]:
    """The statements that merge the checked document ``doc``, in order.

    A review's identity is its card, time and rating: the n-th review of the document with one
    identity is added only if the store holds fewer than n with it. The check is made by the
    insert itself, inside the write transaction, so two imports of one file at the same time (or
    an import of a file already imported) add each review once."""
    if doc["position"] is not None:
        p = doc["position"]
        yield (
            "position",
            "INSERT INTO position VALUES (?, ?, ?, ?, ?) ON CONFLICT (pack_id) "
            "DO UPDATE SET section = excluded.section, paragraph = excluded.paragraph, "
            "scroll = excluded.scroll, updated = excluded.updated "
            "WHERE excluded.updated > position.updated",
            (pid, p["section"], p["paragraph"], p["scroll"], p["updated"]),
        )
    for r in doc["read_sections"]:
        yield (
            "read_sections",
            "INSERT INTO read_sections VALUES (?, ?, ?) "
            "ON CONFLICT (pack_id, section) DO UPDATE SET read_at = excluded.read_at "
            "WHERE excluded.read_at > read_sections.read_at",
            (pid, r["section"], r["read_at"]),
        )
    for r in doc["reread_queue"]:
        yield (
            "reread_queue",
            "INSERT INTO reread_queue VALUES (?, ?, ?) "
            "ON CONFLICT (pack_id, section) DO UPDATE SET queued_at = excluded.queued_at "
            "WHERE excluded.queued_at > reread_queue.queued_at",
            (pid, r["section"], r["queued_at"]),
        )
    if doc["read_sections"] or doc["reread_queue"]:
        yield (
            "",
            "DELETE FROM reread_queue WHERE pack_id = ? AND queued_at < (SELECT read_at "
            "FROM read_sections AS r WHERE r.pack_id = reread_queue.pack_id "
            "AND r.section = reread_queue.section)",
            (pid,),
        )
    for r in doc["bookmarks"]:
        yield (
            "bookmarks",
            "INSERT INTO bookmarks (pack_id, section, paragraph, created) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (pack_id, section, paragraph) DO NOTHING",
            (pid, r["section"], r["paragraph"], r["created"]),
        )
    for r in doc["notes"]:
        if not r["text"].strip():  # emptied: removed, as the app removes a note saved empty
            yield (
                REMOVED_NOTES,
                "DELETE FROM notes WHERE uid = ? AND pack_id = ? AND updated < ?",
                (r["uid"], pid, r["updated"]),
            )
            continue
        yield (
            "notes",
            "INSERT INTO notes (uid, pack_id, section, paragraph, text, created, "
            "updated) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (pack_id, uid) DO UPDATE SET "
            "section = excluded.section, paragraph = excluded.paragraph, "
            "text = excluded.text, updated = excluded.updated "
            "WHERE excluded.updated > notes.updated",
            (r["uid"], pid, r["section"], r["paragraph"], r["text"], r["created"], r["updated"]),
        )
    for r in doc["card_states"]:
        yield (
            "card_states",
            "INSERT INTO card_states VALUES (?, ?, ?, ?) "
            "ON CONFLICT (pack_id, card_id) DO UPDATE SET state = excluded.state, "
            "updated = excluded.updated WHERE excluded.updated > card_states.updated",
            (pid, r["card_id"], json.dumps(r["state"], sort_keys=True), r["updated"]),
        )
    seen: Counter[tuple[Any, ...]] = Counter()
    for r in doc["reviews"]:
        identity = (r["card_id"], r["reviewed_at"], r["rating"])
        seen[identity] += 1
        yield (
            "reviews",
            "INSERT INTO reviews (pack_id, card_id, rating, reviewed_at, "
            "duration_ms, answer, prior_state, due) SELECT ?, ?, ?, ?, ?, ?, ?, ? "
            "WHERE (SELECT count(*) FROM reviews WHERE pack_id = ? AND card_id = ? "
            "AND reviewed_at = ? AND rating = ?) < ?",
            (pid, *(r[f] for f in REVIEW_FIELDS), pid, *identity, seen[identity]),
        )
    for r in doc["settings"]:
        if r["key"] in LOCAL_SETTINGS:
            continue
        yield (
            "settings",
            "INSERT INTO settings VALUES (?, ?, ?, ?) ON CONFLICT (pack_id, key) "
            "DO UPDATE SET value = excluded.value, updated = excluded.updated "
            "WHERE excluded.updated > settings.updated",
            (pid, r["key"], json.dumps(r["value"], sort_keys=True), r["updated"]),
        )
    for r in doc["my_cards"]:
        yield (
            "my_cards",
            f"INSERT INTO my_cards (pack_id, {', '.join(MY_CARD_FIELDS)}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uid) DO UPDATE SET "
            "section = excluded.section, paragraph = excluded.paragraph, kind = excluded.kind, "
            "front = excluded.front, back = excluded.back, updated = excluded.updated, "
            "deleted = excluded.deleted "
            "WHERE excluded.updated > my_cards.updated AND my_cards.pack_id = excluded.pack_id",
            (pid, *(int(r[f]) if f == "deleted" else r[f] for f in MY_CARD_FIELDS)),
        )
