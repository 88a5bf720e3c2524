"""A row of the progress file that passes SQLite's ``quick_check`` but not the checks an import
makes (a time that is no time, an infinite number, a paragraph that is text) is damaged: it is
left out of what the store hands out (or read with the field as unknown), kept in the file
untouched, and told once, named; every command keeps working, and an export of the store is a
document that import accepts. Each case damages a real progress file with sqlite3."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from summitreader.cli import main
from summitreader.pack import load_pack
from summitreader.progress import open_store
from summitreader.progress.exchange import export_progress, import_progress
from support.progress_pack import fsrs_state

NOW = dt.datetime.now(dt.UTC)

DAMAGE = {
    "read_at never": ("UPDATE read_sections SET read_at = 'never'", "was read", "read_sections"),
    "note created bad": ("UPDATE notes SET created = 'bad'", "the note 'my note'", "notes"),
    "bookmark in year 0": ("UPDATE bookmarks SET created = '0000-00-00'", "bookmark", "bookmarks"),
    "review garbage": ("UPDATE reviews SET reviewed_at = 'garbage'", "a review", "reviews"),
    "scroll 1e999": ("UPDATE position SET scroll = 9e999", "reading position", ""),
    "note paragraph abc": ("UPDATE notes SET paragraph = 'abc'", "the note 'my note'", "notes"),
    "my card updated bad": ("UPDATE my_cards SET updated = 'later'", "your card", "my_cards"),
    "my card blank no word": (
        "UPDATE my_cards SET kind = 'cloze', front = 'The {{!!!}} hid.'",
        "your card 'The {{!!!}} hid.'",
        "my_cards",
    ),
    "setting updated bad": ("UPDATE settings SET updated = 'x'", "new_per_day", "settings"),
    "card state updated bad": ("UPDATE card_states SET updated = 'x'", "card-one", "card_states"),
}


def _progress(pack_dir: Path, data_dir: Path, damage: str) -> list[tuple[object, ...]]:
    """One record of each kind, then ``damage`` done to the file; the file's rows after."""
    pack = load_pack(pack_dir)
    section = pack.sections[0].id
    with open_store(data_dir, pack) as store:
        store.set_position(section, 1, 2.0)
        store.mark_read(section)
        store.add_bookmark(section, 1)
        store.add_note(section, 1, "my note")
        store.save_review("card-one", fsrs_state(NOW, 2), 3, NOW - dt.timedelta(days=1))
        store.add_my_card(section, 1, "qa", "A question?", "An answer.")
        store.set_setting("new_per_day", 5)
    with sqlite3.connect(data_dir / "progress.sqlite3") as conn:
        conn.execute(damage)
    conn.close()
    return _rows(data_dir)


def _rows(data_dir: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(data_dir / "progress.sqlite3")
    tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    found = [
        (t, *row)
        for t in sorted(tables)
        if t != "packs"
        for row in conn.execute(f"SELECT * FROM {t} ORDER BY rowid")
    ]
    conn.close()
    return found


@pytest.mark.parametrize(("damage", "named", "kind"), DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_row_is_told_once_kept_and_left_out_of_the_export(
    pack_dir: Path, data_dir: Path, tmp_path: Path, damage: str, named: str, kind: str
) -> None:
    before = _progress(pack_dir, data_dir, damage)
    pack = load_pack(pack_dir)
    with open_store(data_dir, pack) as store:
        told = [n for n in store.notices if "damaged" in n]
        assert len(told) == 1 and named in told[0], store.notices
        assert "(: " not in told[0]  # a problem with no field name is told without one
        # everything the app and the commands read
        store.get_position()
        store.read_sections()
        store.reread_queue()
        store.bookmarks()
        store.notes()
        store.kept_notes()
        store.review_log()
        store.review_span()
        store.card_states()
        store.my_cards()
        store.content_seen_at()
        assert [n for n in store.notices if "damaged" in n] == told  # told once
        left_out: dict[str, int] = {}
        document = export_progress(store, left_out)
        assert left_out == ({kind: 1} if kind else {})
        json.dumps(document, allow_nan=False)
    assert _rows(data_dir) == before  # the damaged row is kept, untouched
    with open_store(tmp_path / "elsewhere", pack) as other:
        import_progress(other, document)  # the export imports


def test_a_damaged_scroll_is_read_as_unknown(pack_dir: Path, data_dir: Path) -> None:
    """The position is kept, at the top of its paragraph: less is lost than without it."""
    _progress(pack_dir, data_dir, "UPDATE position SET scroll = 9e999")
    with open_store(data_dir, load_pack(pack_dir)) as store:
        position = store.get_position()
        assert position is not None and position.paragraph == 1 and position.scroll == 0.0
        assert export_progress(store)["position"]["scroll"] == 0.0


def test_the_other_rows_are_still_shown(pack_dir: Path, data_dir: Path) -> None:
    _progress(pack_dir, data_dir, "UPDATE notes SET created = 'bad'")
    with open_store(data_dir, load_pack(pack_dir)) as store:
        store.add_note(store.pack.sections[0].id, 2, "a second note")
        assert [n.text for n in store.notes()] == ["a second note"]
        assert len(store.bookmarks()) == 1 and len(store.review_log()) == 1


def test_many_damaged_rows_are_named_a_few_then_counted(pack_dir: Path, data_dir: Path) -> None:
    _progress(pack_dir, data_dir, "UPDATE notes SET created = 'bad'")
    with sqlite3.connect(data_dir / "progress.sqlite3") as conn:
        for n in range(10):
            conn.execute(
                "INSERT INTO notes (uid, pack_id, section, paragraph, text, created, updated) "
                "SELECT ?, pack_id, section, paragraph, text, created, updated FROM notes "
                "LIMIT 1",
                (f"copy{n}",),
            )
    conn.close()
    with open_store(data_dir, load_pack(pack_dir)) as store:
        told = [n for n in store.notices if "damaged" in n]
        assert len(told) == 4 and "More saved notes are damaged" in told[-1]


def test_a_damaged_row_read_later_is_passed_to_the_listeners(
    pack_dir: Path, data_dir: Path
) -> None:
    _progress(pack_dir, data_dir, "SELECT 1")
    heard: list[str] = []
    with open_store(data_dir, load_pack(pack_dir)) as store:
        store.listen(heard.append)
        assert not heard
        with sqlite3.connect(data_dir / "progress.sqlite3") as conn:
            conn.execute("UPDATE card_states SET state = '{not json'")
        conn.close()
        assert store.card_states() == {}
        store.card_states()
        assert len(heard) == 1 and "card-one" in heard[0] and heard[0] in store.notices


COMMANDS = [
    ["stats"],
    ["stats", "--json"],
    ["due"],
    ["notes"],
    ["notes", "--json"],
    ["notes", "--markdown"],
    ["export", "-"],
    ["packs"],
]


@pytest.mark.parametrize(("damage", "named", "kind"), DAMAGE.values(), ids=DAMAGE.keys())
def test_every_command_keeps_working(
    pack_dir: Path,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    damage: str,
    named: str,
    kind: str,
) -> None:
    _progress(pack_dir, data_dir, damage)
    for command in COMMANDS:
        capsys.readouterr()
        code = main(["--pack", str(pack_dir), "--data-dir", str(data_dir), *command])
        _, err = capsys.readouterr()
        assert code == 0, (command, err)
        assert "internal error" not in err and "Traceback" not in err, command
        if command[0] != "packs":
            assert named in err, (command, err)


def test_export_says_what_it_left_out(
    pack_dir: Path, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _progress(pack_dir, data_dir, "UPDATE reviews SET reviewed_at = 'garbage'")
    target = tmp_path / "out.json"
    capsys.readouterr()
    code = main(["--pack", str(pack_dir), "--data-dir", str(data_dir), "export", str(target)])
    _, err = capsys.readouterr()
    assert code == 0, err
    assert "1 review left out of the export" in " ".join(err.split())
    elsewhere = tmp_path / "elsewhere"
    assert main(["--pack", str(pack_dir), "--data-dir", str(elsewhere), "import", str(target)]) == 0


def test_a_review_time_in_range_that_is_no_time_is_told_when_the_log_is_read(
    pack_dir: Path, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 13th month sorts among the times: the opening does not find it, the export does, and
    the command tells it as it does the others."""
    _progress(pack_dir, data_dir, "UPDATE reviews SET reviewed_at = '2026-13-45T00:00:00+00:00'")
    capsys.readouterr()
    code = main(["--pack", str(pack_dir), "--data-dir", str(data_dir), "export", "-"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "a review of the card 'card-one'" in err and "left out of the export" in err
    assert json.loads(out)["reviews"] == []
    for command in (["stats"], ["due"]):
        assert main(["--pack", str(pack_dir), "--data-dir", str(data_dir), *command]) == 0
