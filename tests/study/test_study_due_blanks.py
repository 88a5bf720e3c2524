"""``summitreader due`` shows a cloze card's prompt as the review asks it, the blank as
``_____``: it printed the prompt with its braces, ``{{Sluice gates}}: they trapped…``, giving the
answer away."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from summitreader.cli import main
from summitreader.pack import Pack
from summitreader.pack.cloze import asked_prompt, blanks
from summitreader.paths import default_pack_dir
from summitreader.progress import open_store
from summitreader.study.schedule import Schedule

LONG_AGO = dt.datetime(2020, 1, 6, 12, tzinfo=dt.UTC)


def first_cloze(pack: Pack) -> tuple[str, str]:
    """The cloze card whose blank comes earliest (the table cuts long prompts)."""
    card = min((c for c in pack.cards if c.card_kind == "cloze"), key=lambda c: c.prompt.find("{{"))
    return card.id, card.prompt


def make_due(data_dir: Path, pack: Pack, card_id: str) -> None:
    with open_store(data_dir, pack, clock=lambda: LONG_AGO) as store:
        state = Schedule().review(card_id, None, 4, LONG_AGO)
        store.save_review(card_id, state, 4, LONG_AGO)


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> str:
    code = main(["--pack", str(default_pack_dir()), "--data-dir", str(data_dir), *args])
    assert code == 0
    return capsys.readouterr().out


def test_due_shows_a_cloze_blank_not_its_answer(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, pack: Pack
) -> None:
    card_id, prompt = first_cloze(pack)
    make_due(tmp_path / "data", pack, card_id)
    out = run(capsys, tmp_path / "data", "due")
    row = " ".join(line for line in out.splitlines() if card_id in line or "_____" in line)
    assert "{{" not in out and "}}" not in out
    assert "_____" in row
    (hidden,) = blanks(prompt)
    before = prompt.split("{{")[0].split()
    assert before[0] in row  # the prompt is there, but for its hidden phrase
    assert f"{{{{{hidden}}}}}" not in out


def test_due_json_gives_the_prompt_as_asked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, pack: Pack
) -> None:
    card_id, prompt = first_cloze(pack)
    make_due(tmp_path / "data", pack, card_id)
    document = json.loads(run(capsys, tmp_path / "data", "due", "--json"))
    (card,) = document["cards"]
    before, _, after = prompt.partition("{{")
    assert card["prompt"] == before + "_____" + after.partition("}}")[2]


@pytest.mark.parametrize("columns", [80, 60])
def test_due_fits_the_terminal_and_wraps_the_prompt_whole(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    pack: Pack,
    monkeypatch: pytest.MonkeyPatch,
    columns: int,
) -> None:
    """The prompt wraps at word ends to fit, as in ``list cards``: it was cut at 60 characters
    mid-word, on a row wider than an 80-column terminal."""
    card = max(pack.cards, key=lambda c: len(c.prompt))
    assert len(card.prompt) > 100
    make_due(tmp_path / "data", pack, card.id)
    monkeypatch.setenv("COLUMNS", str(columns))
    out = run(capsys, tmp_path / "data", "due")
    table = out[out.index("id "):]
    assert all(len(line) <= columns for line in table.splitlines()), table
    assert "…" not in table
    words = " ".join(table.split()).split()
    assert asked_prompt(card.card_kind, card.prompt).split()[-1] in words  # whole, at the end
