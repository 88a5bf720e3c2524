"""The reader's own cards: made while reading, kept with their passage, studied like the pack's.

Two kinds: ``cloze`` (``front`` holds the text, what to hide written ``{{like this}}``; several
blanks make one card each when studied) and ``qa`` (a question, ``front``, and its answer,
``back``). Every text is cleaned with :func:`~summitreader.text.clean_text` when it is written and
when it is read back, and is only ever shown as plain text.

Merging
    A card's ``uid`` is random, made when the card is, so a card made on one machine and imported
    on another is the same card there (never a duplicate). An edit sets ``updated``; the newer
    edit wins. Deleting keeps the row as a tombstone (``deleted``), so that a deletion merges too;
    the card's review history stays in the review log (and in exports).

A card whose passage no longer exists (the pack changed) is kept and still studied; the caller
shows it as "passage gone" (:meth:`~summitreader.pack.model.Pack.paragraph` is None for it).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import uuid
from typing import Any, Literal

from summitreader.pack.cloze import BLANK, blanks
from summitreader.progress.core import StoreCore, check_count, check_text
from summitreader.progress.records import from_text
from summitreader.text import clean_text, normalise

MyCardKind = Literal["cloze", "qa"]
KINDS: tuple[MyCardKind, ...] = ("cloze", "qa")
MAX_CHARS = 10_000
MAX_BLANKS = 50
"""Blanks in one cloze card (each is a card to study: a card of thousands would flood the deck)."""
"""The longest side of a card, in characters (a paragraph is far shorter)."""
UID_LENGTH = 16
_EMPTY_BLANK = re.compile(r"\{\{\s*\}\}")


class MyCardError(ValueError):
    """A card that cannot be kept as typed; the message says what to change."""


@dataclasses.dataclass(frozen=True, slots=True)
class MyCard:
    """One of the reader's cards, as stored."""

    uid: str
    section: str
    paragraph: int
    kind: MyCardKind
    front: str
    back: str
    created: dt.datetime
    updated: dt.datetime

    @property
    def blanks(self) -> list[str]:
        """What a cloze card hides, in order (one studied card each)."""
        return blanks(self.front) if self.kind == "cloze" else []


def checked_card(kind: str, front: str, back: str = "") -> tuple[MyCardKind, str, str]:
    """``(kind, front, back)`` cleaned and checked: MyCardError with a message for the reader
    when the card cannot be kept (empty, no blank or unbalanced braces in a cloze, too long).
    Markup and any other text are kept as typed, as plain text."""
    if kind not in KINDS:
        raise MyCardError(f"a card is a cloze or a question and answer, not {kind!r}")
    check_text(front)
    check_text(back)
    front, back = clean_text(front).strip(), clean_text(back).strip()
    for side, text in (("card", front), ("answer", back)):
        if len(text) > MAX_CHARS:
            raise MyCardError(
                f"The {side} is too long ({len(text):,} characters; at most {MAX_CHARS:,})."
            )
    if kind == "cloze":
        if not front:
            raise MyCardError("The card is empty: write the text, with {{…}} around what to hide.")
        if _EMPTY_BLANK.search(front):
            raise MyCardError("A {{}} is empty: put the words to hide inside it.")
        rest = BLANK.sub("", front)
        if "{{" in rest or "}}" in rest:
            raise MyCardError("Unbalanced braces: every {{ needs a }} after it, and no {{ inside.")
        found = len(blanks(front))
        for blank in blanks(front):
            if not normalise(blank):
                raise MyCardError(
                    f"The blank {{{{{blank}}}}} has no letter or digit: no answer typed "
                    "could match it. Hide a word instead."
                )
        if not found:
            raise MyCardError("A cloze card needs {{…}} around what to hide.")
        if found > MAX_BLANKS:
            raise MyCardError(
                f"The card has {found:,} blanks; at most {MAX_BLANKS}: make several cards."
            )
        return "cloze", front, ""
    if not front:
        raise MyCardError("The question is empty.")
    if not back:
        raise MyCardError("The answer is empty.")
    return "qa", front, back


UID = re.compile(rf"[0-9a-f]{{{UID_LENGTH}}}")
"""What :func:`new_uid` makes, and all an imported card's uid may be: it goes into the ids of the
deck (``mine-UID-c1``), which must not collide or carry other text."""


def new_uid() -> str:
    return uuid.uuid4().hex[:UID_LENGTH]


_COLUMNS = "uid, section, paragraph, kind, front, back, created, updated"


class MyCardProgress(StoreCore):
    """The reader's cards, part of :class:`~summitreader.progress.store.Store`."""

    def add_my_card(
        self,
        section: str,
        paragraph: int,
        kind: str,
        front: str,
        back: str = "",
        at: dt.datetime | None = None,
    ) -> MyCard:
        """Keep a new card on a paragraph of the pack (MyCardError when it cannot be kept,
        ValueError for a section not in the pack), made ``at`` (the time of the user's action)
        or now."""
        self._check_section(section)
        check_count("paragraph", paragraph)
        kind, front, back = checked_card(kind, front, back)
        uid = new_uid()
        with self._write(at) as (conn, now):
            conn.execute(
                f"INSERT INTO my_cards ({_COLUMNS}, pack_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (uid, section, paragraph, kind, front, back, now, now, self.pack.id),
            )
        card = self.my_card(uid)
        assert card is not None
        return card

    def update_my_card(
        self, uid: str, kind: str, front: str, back: str = "", at: dt.datetime | None = None
    ) -> MyCard | None:
        """Change a card's text (its passage stays), ``at`` the time of the user's action (or
        now); None when there is no such card."""
        kind, front, back = checked_card(kind, front, back)
        with self._write(at) as (conn, now):
            cursor = conn.execute(
                "UPDATE my_cards SET kind = ?, front = ?, back = ?, updated = ? "
                "WHERE uid = ? AND pack_id = ? AND deleted = 0",
                (kind, front, back, now, uid, self.pack.id),
            )
        return self.my_card(uid) if cursor.rowcount else None

    def delete_my_card(self, uid: str, at: dt.datetime | None = None) -> bool:
        """Delete a card ``at`` the time of the user's action, or now (a tombstone stays, so the
        deletion merges; its reviews stay)."""
        with self._write(at) as (conn, now):
            cursor = conn.execute(
                "UPDATE my_cards SET deleted = 1, updated = ? "
                "WHERE uid = ? AND pack_id = ? AND deleted = 0",
                (now, uid, self.pack.id),
            )
        return cursor.rowcount > 0

    def my_cards(self) -> list[MyCard]:
        """The reader's cards (not deleted), oldest first; those whose passage is gone too."""
        from summitreader.progress import rows  # it checks rows as imports do, with this module

        return [
            _card(row)
            for row in rows.read(self, "my_cards", "AND deleted = 0", order="created, rowid")
        ]

    def content_seen_at(self) -> dt.datetime | None:
        """When the pack's content was first seen with its current hash (by a write): when the
        pack's cards last changed, as far as this store knows (None before any write)."""
        row = self._one(
            "SELECT seen_at FROM packs WHERE pack_id = ? AND content_hash = ?",
            (self.pack.id, self.pack.content_hash),
        )
        if not row or not row[0]:
            return None
        try:
            return from_text(row[0])
        except (TypeError, ValueError, OverflowError):  # damaged: as if never seen
            return None

    def my_card(self, uid: str) -> MyCard | None:
        """The card with this uid, or with a uid that starts with it when only one does."""
        if not isinstance(uid, str) or not uid:
            return None
        from summitreader.progress import rows

        found = rows.read(
            self, "my_cards", "AND deleted = 0 AND substr(uid, 1, ?) = ?", (len(uid), uid), "uid"
        )
        exact = [row for row in found if row["uid"] == uid]
        if exact or len(found) == 1:
            return _card((exact or found)[0])
        return None


def _card(row: dict[str, Any]) -> MyCard:
    """A card from its checked row (:func:`~summitreader.progress.rows.read`)."""
    return MyCard(
        row["uid"],
        row["section"],
        row["paragraph"],
        row["kind"],
        row["front"],
        row["back"],
        from_text(row["created"]),
        from_text(row["updated"]),
    )
