"""The reader's own cards in the progress store: checks, edits, tombstones, the migration from a
schema 3 file, and export and import (merging across machines, older documents)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from summitreader.pack.model import Pack
from summitreader.progress import SCHEMA_VERSION, Store, open_store
from summitreader.progress.exchange import ExchangeError, export_progress, import_progress
from summitreader.progress.my_cards import MAX_CHARS, MyCardError, checked_card
from summitreader.progress.schema import migrate, user_version
from support.clock import Clock
from support.progress_pack import make_pack


@pytest.mark.parametrize(
    ("kind", "front", "back", "message"),
    [
        ("cloze", "", "", "empty"),
        ("cloze", "   \n ", "", "empty"),
        ("cloze", "no blank here", "", "needs {{…}}"),
        ("cloze", "an {{open one", "", "Unbalanced"),
        ("cloze", "a closed one}} {{x}}", "", "Unbalanced"),
        ("cloze", "{{nested {{inner}} too}}", "", "Unbalanced"),
        ("cloze", "an empty {{ }} blank", "", "empty"),
        ("cloze", "{{x}}" + "y" * MAX_CHARS, "", "too long"),
        ("qa", "", "an answer", "question is empty"),
        ("qa", "a question", " ", "answer is empty"),
        ("qa", "q", "z" * 100_000, "too long"),
        ("other", "q", "a", "not 'other'"),
    ],
)
def test_a_card_that_cannot_be_kept_says_why(
    kind: str, front: str, back: str, message: str
) -> None:
    with pytest.raises(MyCardError, match=message.replace("{", r"\{").replace("}", r"\}")):
        checked_card(kind, front, back)


def test_markup_is_kept_as_text_and_control_characters_are_removed() -> None:
    kind, front, back = checked_card("qa", "[b]bold[/b] <i>x</i> \x1b[31mred\x1b[0m\x07", "a\x00b")
    assert (kind, front, back) == ("qa", "[b]bold[/b] <i>x</i> red", "ab")


def test_cards_are_added_edited_and_deleted_with_a_tombstone(store: Store, clock: Clock) -> None:
    first = store.add_my_card("opening", 2, "cloze", "  The {{first}} and {{second}}  ")
    clock.advance(minutes=1)
    second = store.add_my_card("middle", 1, "qa", "Why?", "Because.")
    assert [c.uid for c in store.my_cards()] == [first.uid, second.uid]
    assert first.front == "The {{first}} and {{second}}" and first.blanks == ["first", "second"]
    clock.advance(minutes=1)
    edited = store.update_my_card(first.uid, "cloze", "The {{only}} one")
    assert edited is not None and edited.blanks == ["only"] and edited.updated == clock.now
    assert store.my_card(first.uid[:6]) == edited  # a unique start of the id finds it
    with pytest.raises(MyCardError):
        store.update_my_card(first.uid, "cloze", "no blank")
    assert store.my_card(first.uid) == edited  # a refused edit changes nothing
    assert store.delete_my_card(second.uid) is True
    assert store.delete_my_card(second.uid) is False
    assert store.update_my_card(second.uid, "qa", "q", "a") is None
    assert [c.uid for c in store.my_cards()] == [first.uid]
    row = (
        sqlite3.connect(store.path)
        .execute("SELECT deleted FROM my_cards WHERE uid = ?", (second.uid,))
        .fetchone()
    )
    assert row == (1,)


def test_a_card_needs_a_section_of_the_pack(store: Store) -> None:
    with pytest.raises(ValueError, match="no section"):
        store.add_my_card("nowhere", 1, "qa", "q", "a")
    assert store.my_cards() == []


def test_a_card_whose_passage_is_gone_stays(data_dir: Path, clock: Clock) -> None:
    with open_store(data_dir, make_pack(), clock=clock) as store:
        made = store.add_my_card("ending", 3, "qa", "q", "a")
    changed = make_pack(sections=("opening", "middle"), content_hash="hash-2")
    with open_store(data_dir, changed, clock=clock) as store:
        assert store.my_cards() == [made]
        assert changed.section("ending") is None


def test_a_schema_3_file_opens_and_gains_the_table(
    data_dir: Path, pack: Pack, clock: Clock
) -> None:
    path = data_dir / "progress.sqlite3"
    path.parent.mkdir(parents=True)
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=3)
    conn.execute(
        "INSERT INTO notes (uid, pack_id, section, paragraph, text, created, updated) "
        "VALUES ('n1', ?, 'opening', 1, 'kept', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
        (pack.id,),
    )
    conn.close()
    with open_store(data_dir, pack, clock=clock) as store:
        assert [n.text for n in store.notes()] == ["kept"]
        store.add_my_card("opening", 1, "qa", "q", "a")
        assert len(store.my_cards()) == 1
    assert user_version(sqlite3.connect(path)) == SCHEMA_VERSION == 5


def test_export_carries_cards_and_tombstones(store: Store, clock: Clock) -> None:
    kept = store.add_my_card("opening", 1, "cloze", "A {{b}}")
    gone = store.add_my_card("opening", 2, "qa", "q", "a")
    store.delete_my_card(gone.uid)
    document = export_progress(store)
    assert document["version"] == 2
    cards = {c["uid"]: c for c in document["my_cards"]}
    assert cards[kept.uid]["deleted"] is False and cards[kept.uid]["front"] == "A {{b}}"
    assert cards[gone.uid]["deleted"] is True
    json.dumps(document)


def test_cards_merge_across_machines_without_duplicates(
    tmp_path: Path, pack: Pack, clock: Clock
) -> None:
    with (
        open_store(tmp_path / "a", pack, clock=clock) as a,
        open_store(tmp_path / "b", pack, clock=clock) as b,
    ):
        on_a = a.add_my_card("opening", 1, "cloze", "A {{b}}")
        doomed = a.add_my_card("opening", 2, "qa", "q", "a")
        b.add_my_card("middle", 1, "qa", "made on b", "yes")
        import_progress(b, export_progress(a))
        import_progress(b, export_progress(a))  # twice: still one of each
        assert len(b.my_cards()) == 3
        clock.advance(minutes=5)
        b.update_my_card(on_a.uid, "cloze", "A {{c}} edited on b")
        a.delete_my_card(doomed.uid)
        import_progress(a, export_progress(b))
        import_progress(b, export_progress(a))
        for store in (a, b):
            fronts = sorted(c.front for c in store.my_cards())
            assert fronts == ["A {{c}} edited on b", "made on b"]


def test_a_version_1_document_still_imports(store: Store, clock: Clock) -> None:
    document = export_progress(store)
    document["version"] = 1
    del document["my_cards"]
    counts = import_progress(store, document)
    assert counts["my_cards"] == 0


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"front": "no blank"}, r"my_cards\[0\]: A cloze card needs"),
        ({"deleted": "no"}, r"my_cards\[0\]\.deleted: expected true or false"),
        ({"kind": "essay"}, r"my_cards\[0\]: a card is a cloze"),
    ],
)
def test_a_bad_card_in_a_document_refuses_it(
    store: Store, clock: Clock, change: dict[str, object], message: str
) -> None:
    store.add_my_card("opening", 1, "cloze", "A {{b}}")
    document = export_progress(store)
    document["my_cards"][0].update(change)
    with pytest.raises(ExchangeError, match=message):
        import_progress(store, document)


def test_imported_card_text_is_cleaned(store: Store, clock: Clock) -> None:
    made = store.add_my_card("opening", 1, "cloze", "A {{b}}")
    document = export_progress(store)
    document["my_cards"][0]["front"] = "A \x1b]0;title\x07{{b}} \x9b31m"
    document["my_cards"][0]["updated"] = clock.advance(minutes=1).isoformat()
    import_progress(store, document)
    card = store.my_card(made.uid)
    assert card is not None and card.front == "A {{b}}"


def test_the_reviews_of_a_deleted_card_stay_in_the_export(store: Store, clock: Clock) -> None:
    from support.progress_pack import fsrs_state

    made = store.add_my_card("opening", 1, "qa", "q", "a")
    store.save_review(f"mine-{made.uid}", fsrs_state(clock.now), 3, clock.now)
    store.delete_my_card(made.uid)
    document = export_progress(store)
    assert [r["card_id"] for r in document["reviews"]] == [f"mine-{made.uid}"]
    assert document["my_cards"][0]["deleted"] is True
