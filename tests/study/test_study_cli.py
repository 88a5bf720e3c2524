"""``summitreader due``: the cards due now, as text and as JSON."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from summitreader.cli import main
from summitreader.pack import Pack
from summitreader.paths import default_pack_dir
from summitreader.progress import open_store
from summitreader.study.deck import build_deck
from summitreader.study.schedule import Schedule

LONG_AGO = dt.datetime(2020, 1, 6, 12, tzinfo=dt.UTC)


def review_long_ago(data_dir: Path, pack: Pack, card_ids: list[str]) -> None:
    """Cards learned in 2020 and never seen since: due now, whatever today is."""
    with open_store(data_dir, pack, clock=lambda: LONG_AGO) as store:
        schedule = Schedule()
        for card_id in card_ids:
            state = schedule.review(card_id, None, 4, LONG_AGO)
            store.save_review(card_id, state, 4, LONG_AGO)


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str]:
    code = main(["--pack", str(default_pack_dir()), "--data-dir", str(data_dir), *args])
    return code, capsys.readouterr().out


def test_due_with_nothing_studied(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out = run(capsys, tmp_path / "data", "due")
    assert code == 0
    assert out.splitlines()[0] == "0 cards due now; 20 new to start today."
    assert not (tmp_path / "data").exists()


def test_due_lists_the_cards_due(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, pack: Pack
) -> None:
    data = tmp_path / "data"
    ids = ["helsinki-result", "gen-when-osaka"]
    review_long_ago(data, pack, ids)
    code, out = run(capsys, data, "due")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("2 cards due now;")
    assert any(line.startswith("helsinki-result") for line in lines)
    assert any(line.startswith("gen-when-osaka") for line in lines)


def test_due_json(capsys: pytest.CaptureFixture[str], tmp_path: Path, pack: Pack) -> None:
    data = tmp_path / "data"
    review_long_ago(data, pack, ["helsinki-result"])
    code, out = run(capsys, data, "due", "--json")
    assert code == 0
    document = json.loads(out)
    assert document["due"] == 1
    assert document["new_today"] == 20
    card = document["cards"][0]
    assert card["id"] == "helsinki-result" and card["kind"] == "recall"
    assert card["prompt"] == pack.card("helsinki-result").prompt
    assert dt.datetime.fromisoformat(card["due"]) < dt.datetime.now(dt.UTC)
    assert len(build_deck(pack)) > len(pack.cards)
