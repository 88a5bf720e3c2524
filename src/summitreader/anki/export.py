"""The deck as Anki notes, and the ``.apkg`` package that holds them.

- the pack's cloze cards and the reader's are Cloze notes (a card of the reader's with several
  blanks is one note with ``c1``, ``c2``…, as it was typed); flip cards (``recall``) and the
  reader's questions are Basic notes; typed cards use Anki's type-in field; choice cards list their
  choices on the front; ordering cards show their items shuffled on the front and in order on the
  back;
- the back of every note has the card's explanation and its passage (section, paragraph, text),
  or "passage gone" when the pack no longer has it;
- tags: ``summitreader``, what the card is about (meeting and issue ids, ``mine`` for the reader's
  cards) and its kind;
- the deck is named after the pack.

Every text is escaped for HTML (and braces written as entities, so nothing typed can make a cloze
or a field reference). Note ids (genanki ``guid``) come from the pack's id and the card's id, the
note types' ids are fixed (:mod:`.models`) and the deck's comes from the pack's id: importing a new
export into the same collection updates its notes instead of adding them again.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import random
import re
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import genanki

from summitreader.anki import models
from summitreader.export_file import ExportTargetError, export_target, replace_atomically
from summitreader.pack.cloze import BLANK, cloze_parts
from summitreader.pack.model import Card, Pack, PassageRef
from summitreader.progress.my_cards import MyCard
from summitreader.text import clean_text

APP_TAG = "summitreader"
MINE_TAG = "mine"
MINE_PREFIX = "mine-"
"""Deck ids of the reader's cards start with this (:mod:`summitreader.study.my_deck`); they are
written from the reader's records instead, one note per card as typed."""
PASSAGE_GONE = "passage gone"
EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
"""The modification time of notes when nothing says when the deck changed."""


class AnkiExportError(Exception):
    """The package could not be written (one message for the user)."""


def write_package(
    pack: Pack,
    deck: Iterable[Card],
    mine: Iterable[MyCard],
    target: str | Path,
    changed: dt.datetime | None = None,
) -> int:
    """Write the deck (the pack's cards and generated ones from ``deck``, the reader's from
    ``mine``) to ``target`` as an Anki package, atomically. Returns the number of notes.

    ``changed`` is when the pack's content changed (:meth:`~summitreader.progress.store.Store.
    content_seen_at`): the modification time of the pack's notes; a card of the reader's has
    its own. Anki updates a note on import only when it is newer than the one it has, so
    exporting an unchanged deck again updates nothing, and an edited card's note is updated."""
    mine = list(mine)
    notes = build_notes(pack, deck, mine, changed)
    timestamp = max((note.modified for note in notes), default=EPOCH.timestamp())
    anki_deck = genanki.Deck(_stable_id("deck", pack.id), deck_name(pack))
    for note in notes:
        anki_deck.add_note(note)
    try:
        path = export_target(target)
    except ExportTargetError as error:
        raise AnkiExportError(str(error)) from None

    def write(temporary: Path) -> None:
        genanki.Package(anki_deck).write_to_file(str(temporary), timestamp=timestamp)

    try:
        replace_atomically(path, write)
    except OSError as error:
        raise AnkiExportError(f"cannot write {path}: {error.strerror or error}") from error
    except sqlite3.Error as error:  # genanki builds the collection in the temporary folder
        raise AnkiExportError(f"cannot write {path}: the temporary folder: {error}") from error
    return len(notes)


def deck_name(pack: Pack) -> str:
    """The pack's title, on one line, with no ``::`` (which Anki reads as a sub-deck)."""
    name = " ".join(clean_text(pack.title).split()).replace("::", ":")
    return name or pack.id


def build_notes(
    pack: Pack,
    deck: Iterable[Card],
    mine: Iterable[MyCard],
    changed: dt.datetime | None = None,
) -> list[Note]:
    """The notes of the deck: the pack's (modified ``changed``), then the reader's."""
    when = (changed or EPOCH).timestamp()
    notes = [
        _pack_note(pack, card).at(when) for card in deck if not card.id.startswith(MINE_PREFIX)
    ]
    notes.extend(_my_note(pack, card).at(card.updated.timestamp()) for card in mine)
    return notes


class Note(genanki.Note):  # type: ignore[misc]
    """A genanki note with its own modification time (genanki gives every note the package's)."""

    modified: float = 0.0

    def at(self, modified: float) -> Note:
        self.modified = modified
        return self

    def write_to_db(self, cursor: Any, timestamp: float, deck_id: int, id_gen: Any) -> None:
        super().write_to_db(cursor, self.modified or timestamp, deck_id, id_gen)


# -- the pack's cards ----------------------------------------------------------------------------


def _pack_note(pack: Pack, card: Card) -> Note:
    explanation = _html(card.explanation)
    passage = _passage(pack, card.passage)
    tags = [APP_TAG, *(_tag(a) for a in card.about), _tag(card.card_kind)]
    guid = note_guid(pack.id, card.id)
    if card.card_kind == "cloze":
        before, phrase, after = cloze_parts(card.prompt)
        text = _html(before) + _cloze(1, phrase) + _html(after) if phrase else _html(card.prompt)
        fields = [text, explanation, passage]
        return _note(models.CLOZE, fields, tags, guid)
    if card.card_kind == "typed":
        if card.accept:
            also = "Also right: " + "; ".join(card.accept)
            explanation = _html(also) + ("<br>" + explanation if explanation else "")
        fields = [_html(card.prompt), _html(card.answer), explanation, passage]
        return _note(models.TYPED, fields, tags, guid)
    if card.card_kind == "choice":
        fields = [
            _html(card.prompt),
            _list("ul", card.choices),
            _html(card.answer),
            explanation,
            passage,
        ]
        return _note(models.CHOICE, fields, tags, guid)
    if card.card_kind == "order":
        fields = [
            _html(card.prompt),
            _list("ul", shuffled(card.id, card.items)),
            _list("ol", card.items),
            explanation,
            passage,
        ]
        return _note(models.ORDER, fields, tags, guid)
    fields = [_html(card.prompt), _html(card.answer), explanation, passage]
    return _note(models.BASIC, fields, tags, guid)


def shuffled(seed: str, items: Sequence[str]) -> list[str]:
    """``items`` in an order seeded by ``seed``, never the right one (when there is another)."""
    order = list(items)
    generator = random.Random(seed)
    for _ in range(20):
        generator.shuffle(order)
        if order != list(items) or len(set(items)) < 2:
            break
    return order


# -- the reader's cards --------------------------------------------------------------------------


def _my_note(pack: Pack, card: MyCard) -> Note:
    passage = _passage(pack, PassageRef(card.section, card.paragraph))
    tags = [APP_TAG, MINE_TAG]
    guid = note_guid(pack.id, MINE_TAG, card.uid)
    if card.kind == "qa":
        tags.append("recall")
        return _note(models.BASIC, [_html(card.front), _html(card.back), "", passage], tags, guid)
    tags.append("cloze")
    parts: list[str] = []
    start = 0
    for number, match in enumerate(BLANK.finditer(card.front), start=1):
        parts.append(_html(card.front[start : match.start()]))
        parts.append(_cloze(number, match.group(1)))
        start = match.end()
    parts.append(_html(card.front[start:]))
    return _note(models.CLOZE, ["".join(parts), "", passage], tags, guid)


# -- helpers -------------------------------------------------------------------------------------


def _note(model: genanki.Model, fields: list[str], tags: list[str], guid: str) -> Note:
    return Note(model=model, fields=fields, tags=list(dict.fromkeys(tags)), guid=guid)


def _passage(pack: Pack, ref: PassageRef) -> str:
    paragraph = pack.paragraph(ref)
    section = pack.section(ref.section)
    if paragraph is None or section is None:
        return _html(f"{ref} ({PASSAGE_GONE})")
    return f"<b>{_html(section.title)} ¶{ref.paragraph}</b><br>{_html(paragraph.text)}"


_ENTITIES = {"{": "&#123;", "}": "&#125;", ":": "&#58;"}


def _html(text: str) -> str:
    """Plain text as HTML that shows exactly that text: escaped, braces as entities (no cloze or
    field reference can come of them), line breaks as ``<br>``."""
    escaped = html.escape(clean_text(text), quote=True)
    escaped = escaped.replace("{", _ENTITIES["{"]).replace("}", _ENTITIES["}"])
    return escaped.replace("\n", "<br>")


def _cloze(number: int, phrase: str) -> str:
    hidden = _html(phrase).replace(":", _ENTITIES[":"])  # "::" would start a hint
    return f"{{{{c{number}::{hidden}}}}}"


def _list(tag: str, items: Iterable[str]) -> str:
    return f"<{tag}>" + "".join(f"<li>{_html(item)}</li>" for item in items) + f"</{tag}>"


_TAG_UNSAFE = re.compile(r"[\s\"]+")


def _tag(value: str) -> str:
    return _TAG_UNSAFE.sub("_", clean_text(value)).strip("_") or "_"


def note_guid(*parts: str) -> str:
    """A note's Anki id (``guid``): the same for the same card of the same pack, always."""
    digest = hashlib.sha256("\x1f".join((APP_TAG, *parts)).encode()).digest()
    return base64.b64encode(digest[:12]).decode()


def _stable_id(kind: str, key: str) -> int:
    digest = hashlib.sha256(f"{APP_TAG}:{kind}:{key}".encode()).digest()
    return int.from_bytes(digest[:7], "big") or 1
