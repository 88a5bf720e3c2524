"""A card state row that does not read (not JSON, not an object, not an FSRS card, nested past
Python's parser) is damaged: the card is treated as not yet scheduled, its reviews are kept, a
notice names it once, and the commands that read states keep working. A setting whose value does
not parse is its default. Each case damages a real progress file with sqlite3."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from summitreader.cli import main
from summitreader.pack import load_pack
from summitreader.progress import open_store
from summitreader.progress.exchange import export_progress
from support.progress_pack import fsrs_state

NOW = dt.datetime.now(dt.UTC)

DAMAGE = {
    "not json": "{not json",
    "a list": "[1, 2]",
    "a number": "7",
    "an empty object": "{}",
    "fields missing": json.dumps({"card_id": 1, "state": 2}),
    "an unknown state": json.dumps(fsrs_state(NOW, 2) | {"state": 9}),
    "a due time that is no time": json.dumps(fsrs_state(NOW, 2) | {"due": "soon"}),
    "a due time with no offset": json.dumps(fsrs_state(NOW, 2) | {"due": "2026-03-02T09:00:00"}),
    "NaN stability": json.dumps(fsrs_state(NOW, 2) | {"stability": float("nan")}),
    "nested too deep": "[" * 100_000 + "]" * 100_000,
}


def _progress(pack_dir: Path, data_dir: Path, damage: str) -> None:
    """Reviews of two cards, then the first card's state replaced by ``damage``."""
    pack = load_pack(pack_dir)
    with open_store(data_dir, pack) as store:
        for card in ("first-card", "second-card"):
            store.save_review(
                card, fsrs_state(NOW - dt.timedelta(hours=1), 2), 3, NOW - dt.timedelta(days=3)
            )
        store.set_setting("new_per_day", 5)
    with sqlite3.connect(data_dir / "progress.sqlite3") as conn:
        conn.execute("UPDATE card_states SET state = ? WHERE card_id = 'first-card'", (damage,))
    conn.close()


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_state_is_a_card_not_yet_scheduled(
    pack_dir: Path, data_dir: Path, damage: str
) -> None:
    _progress(pack_dir, data_dir, damage)
    with open_store(data_dir, load_pack(pack_dir)) as store:
        assert set(store.card_states()) == {"second-card"}
        assert [r.card_id for r in store.review_log()] == ["first-card", "second-card"]
        told = [n for n in store.notices if "first-card" in n]
        assert len(told) == 1 and "damaged" in told[0]
        store.card_states(["first-card"])
        assert [n for n in store.notices if "first-card" in n] == told  # told once
        document = export_progress(store)
        assert [s["card_id"] for s in document["card_states"]] == ["second-card"]
        assert len(document["reviews"]) == 2
        json.dumps(document)


def test_a_new_review_replaces_the_damaged_state(pack_dir: Path, data_dir: Path) -> None:
    _progress(pack_dir, data_dir, "{not json")
    with open_store(data_dir, load_pack(pack_dir)) as store:
        store.save_review("first-card", fsrs_state(NOW + dt.timedelta(days=1), 2), 3, NOW)
        assert set(store.card_states()) == {"first-card", "second-card"}


@pytest.mark.parametrize("command", [["due"], ["stats"], ["stats", "--json"], ["export", "-"]])
def test_the_commands_keep_working(
    pack_dir: Path, data_dir: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    _progress(pack_dir, data_dir, "{not json")
    capsys.readouterr()
    code = main(["--pack", str(pack_dir), "--data-dir", str(data_dir), *command])
    _, err = capsys.readouterr()
    assert code == 0, err
    assert "internal error" not in err and "Traceback" not in err
    assert "first-card" in err and "damaged" in err


@pytest.mark.parametrize("value", ["{not json", "[" * 100_000], ids=["not json", "too deep"])
def test_a_setting_that_does_not_parse_is_its_default(
    pack_dir: Path, data_dir: Path, value: str
) -> None:
    _progress(pack_dir, data_dir, json.dumps(fsrs_state(NOW, 2)))
    with sqlite3.connect(data_dir / "progress.sqlite3") as conn:
        conn.execute("UPDATE settings SET value = ? WHERE key = 'new_per_day'", (value,))
    conn.close()
    with open_store(data_dir, load_pack(pack_dir)) as store:
        assert store.get_setting("new_per_day", 20) == 20
        document = export_progress(store)
        assert all(s["key"] != "new_per_day" for s in document["settings"])


@pytest.mark.parametrize(
    ("card_id", "shown"),
    [
        ("\x1b[2J\u202e", "with an id of U+001B U+005B"),  # cleans to nothing: its code points
        ("x" * 5000, "'" + "x" * 59 + "…'"),  # cut to a line, not a screenful
    ],
)
def test_a_damaged_card_is_named_in_a_form_one_can_read(
    pack_dir: Path, data_dir: Path, card_id: str, shown: str
) -> None:
    _progress(pack_dir, data_dir, "{not json")
    with sqlite3.connect(data_dir / "progress.sqlite3") as conn:
        conn.execute("UPDATE card_states SET card_id = ? WHERE card_id = 'first-card'", (card_id,))
    conn.close()
    with open_store(data_dir, load_pack(pack_dir)) as store:
        (told,) = [n for n in store.notices if "damaged" in n]
        assert shown in told
        assert len(told) < 200
