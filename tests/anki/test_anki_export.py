"""The deck as an Anki package, imported with Anki's own library into a fresh collection."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from anki.collection import Collection
from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest

from summitreader.anki import write_package
from summitreader.anki.export import build_notes, shuffled
from summitreader.pack import Pack
from summitreader.progress import Store
from summitreader.study.deck import build_deck
from support.clock import Clock

MARKUP = "<script>alert(1)</script> [b]rich[/b] & {{c9::not a cloze}}"


@pytest.fixture
def collection(tmp_path: Path) -> Iterator[Collection]:
    (tmp_path / "anki").mkdir()
    col = Collection(str(tmp_path / "anki" / "collection.anki2"))
    yield col
    col.close()


def import_into(col: Collection, package: Path) -> tuple[int, int, int]:
    """Import ``package``; returns how many notes were new, updated and already there."""
    response = col.import_anki_package(
        ImportAnkiPackageRequest(package_path=str(package), options=ImportAnkiPackageOptions())
    )
    log = response.log
    return len(log.new), len(log.updated), len(log.duplicate)


def export(pack: Pack, store: Store, target: Path) -> int:
    mine = store.my_cards()
    return write_package(pack, build_deck(pack, mine), mine, target, store.content_seen_at())


def test_the_whole_deck_imports_into_anki(
    tmp_path: Path, pack: Pack, store: Store, collection: Collection
) -> None:
    section = pack.sections[1]
    cloze = store.add_my_card(section.id, 2, "cloze", "The {{first}} and the {{second}} blank")
    store.add_my_card(section.id, 1, "qa", MARKUP, "An <b>answer</b>")
    deck = build_deck(pack, store.my_cards())
    package = tmp_path / "deck.apkg"
    notes = export(pack, store, package)
    pack_cards = [c for c in deck if not c.id.startswith("mine-")]
    assert notes == len(pack_cards) + 2

    assert import_into(collection, package) == (notes, 0, 0)
    assert collection.note_count() == notes
    assert collection.card_count() == len(pack_cards) + 3  # the cloze of mine has two blanks
    names = {m["name"] for m in collection.models.all()}
    kinds = {c.card_kind for c in pack_cards}
    wanted = {"recall": "Basic", "typed": "Type the answer", "cloze": "Cloze"}
    wanted |= {"choice": "Choice", "order": "Order"}
    assert {f"summitreader {wanted[k]}" for k in kinds} <= names
    assert {d.name for d in collection.decks.all_names_and_ids()} >= {pack.title}

    [mine_id] = collection.find_notes(f'"Text:*{cloze.front.split()[0]}*" tag:mine')
    note = collection.get_note(mine_id)
    assert note.note_type()["name"] == "summitreader Cloze"
    assert note["Text"] == "The {{c1::first}} and the {{c2::second}} blank"
    assert section.title in note["Passage"] and "mine" in note.tags
    assert sorted(card.ord for card in note.cards()) == [0, 1]
    question = note.cards()[1].question()
    assert ">first</span>" in question and ">second</span>" not in question

    [qa_id] = collection.find_notes('tag:mine "note:summitreader Basic"')
    front = collection.get_note(qa_id)["Front"]
    assert "<script>" not in front and "&lt;script&gt;" in front
    assert "{{c9::" not in front and "&amp;" in front
    assert "[b]rich[/b]" in front
    rendered = collection.get_note(qa_id).cards()[0].question()
    assert "<script>" not in rendered and "[b]rich[/b]" in rendered

    again = tmp_path / "again.apkg"
    export(pack, store, again)
    new, updated, _ = import_into(collection, again)
    assert (new, updated) == (0, 0)
    assert collection.note_count() == notes


def test_an_edited_card_updates_its_note(
    tmp_path: Path, pack: Pack, store: Store, collection: Collection, clock: Clock
) -> None:
    # Anki updates a note only from a newer one, and the test clock's fixed start is older than
    # the notes Anki holds after an import: the card is made now, edited a minute later.
    clock.now = dt.datetime.now(dt.UTC)
    made = store.add_my_card(pack.sections[0].id, 1, "qa", "Before?", "Yes")
    export(pack, store, tmp_path / "one.apkg")
    notes = import_into(collection, tmp_path / "one.apkg")[0]
    clock.advance(minutes=1)
    store.update_my_card(made.uid, "qa", "After?", "Yes")
    export(pack, store, tmp_path / "two.apkg")
    assert import_into(collection, tmp_path / "two.apkg")[:2] == (0, 1)
    assert collection.note_count() == notes
    [note_id] = collection.find_notes("tag:mine")
    assert collection.get_note(note_id)["Front"] == "After?"


def test_a_card_whose_passage_is_gone_says_so(pack: Pack, store: Store) -> None:
    store.add_my_card(pack.sections[0].id, 1, "qa", "q", "a")
    [card] = store.my_cards()
    gone = type(card)(card.uid, "vanished", 9, "qa", "q", "a", card.created, card.updated)
    [note] = build_notes(pack, (), [gone])
    assert "passage gone" in note.fields[-1]


def test_order_items_are_shuffled_on_the_front_and_in_order_on_the_back(pack: Pack) -> None:
    order = next(c for c in build_deck(pack) if c.card_kind == "order")
    [note] = build_notes(pack, [order], [])
    assert shuffled(order.id, order.items) != list(order.items)
    assert sorted(shuffled(order.id, order.items)) == sorted(order.items)
    assert note.fields[1] != note.fields[2] and note.fields[2].startswith("<ol>")


def test_the_package_is_a_zip_with_a_collection(tmp_path: Path, pack: Pack, store: Store) -> None:
    export(pack, store, tmp_path / "deck.apkg")
    with zipfile.ZipFile(tmp_path / "deck.apkg") as package:
        assert "collection.anki2" in package.namelist()
    assert not list(tmp_path.glob(".*.partial"))
