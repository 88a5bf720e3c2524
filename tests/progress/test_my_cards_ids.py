"""One id for each card of yours, everywhere (``mine-UID``; ``mine-UID-cN`` for each blank of a
cloze): listed, shown, edited and deleted by it or by its start; a passage's section by its id or
its number. Run through the CLI's main() on a small pack folder and a real progress file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summitreader.cli import main


def run(pack_dir: Path, data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str):
    capsys.readouterr()
    try:
        code = main(["--pack", str(pack_dir), "--data-dir", str(data_dir), *args])
    except SystemExit as exit:  # argparse's usage errors
        code = int(exit.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


@pytest.fixture
def cli(pack_dir: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]):
    return lambda *args: run(pack_dir, data_dir, capsys, *args)


def test_one_id_in_the_lists_the_json_show_edit_and_delete(cli) -> None:
    code, out, _ = cli(
        "card", "add", "--passage", "opening:2", "--cloze", "The {{second}} {{one}}", "--json"
    )
    made = json.loads(out)
    shown = made["id"]
    assert code == 0 and shown.startswith("mine-")
    assert made["study_ids"] == [f"{shown}-c1", f"{shown}-c2"]
    code, out, _ = cli("card", "add", "--passage", "closing:1", "--front", "Q?", "--back", "A")
    assert code == 0
    qa = json.loads(cli("list", "cards", "--mine", "--json")[1])[1]
    assert qa["kind"] == "qa" and qa["study_ids"] == [qa["id"]]
    # The table shows the same ids and the same name of the kind as the JSON.
    table = cli("list", "cards", "--mine")[1]
    assert shown in table and qa["id"] in table and "q&a" not in table
    assert any(line.split()[1:2] == ["qa"] for line in table.splitlines() if qa["id"] in line)
    deck = [c["id"] for c in json.loads(cli("list", "cards", "--json")[1])]
    assert {f"{shown}-c1", f"{shown}-c2", qa["id"]} <= set(deck)
    # show finds the card by its id, its uid, the start of either, and a blank's card id.
    bare = shown.removeprefix("mine-")
    for wanted in (shown, bare, shown[:10], bare[:6], f"{shown}-c2"):
        code, out, err = cli("show", wanted)
        assert code == 0, (wanted, err)
        assert shown in out and "The {{second}} {{one}}" in out and f"{shown}-c2" in out
    code, out, _ = cli("show", shown, "--json")
    assert json.loads(out)["id"] == shown
    code, out, _ = cli("show", qa["id"])
    assert code == 0 and "Q?" in out and "A" in out
    # edit and delete take the same ids.
    code, out, _ = cli("card", "edit", shown[:10], "--cloze", "The {{2nd}} one", "--json")
    assert code == 0 and json.loads(out)["id"] == shown
    code, out, err = cli("card", "edit", f"{shown}-c1", "--cloze", "{{x}}")
    assert code == 0 and shown in out
    code, _, err = cli("card", "delete", shown, "--yes")
    assert code == 0 and shown in err
    code, _, err = cli("show", shown)
    assert code == 1 and "no entry" in err


def test_a_section_is_given_by_its_id_or_its_number(cli) -> None:
    code, out, _ = cli("card", "add", "--passage", "2:1", "--cloze", "{{a}}", "--json")
    assert code == 0 and json.loads(out)["passage"] == {"section": "closing", "paragraph": 1}
    code, _, err = cli("card", "add", "--passage", "3:1", "--cloze", "{{a}}")
    assert code != 0 and "no section '3'" in err and "from 1 to 2" in err and "'opening'" in err


def test_search_shows_a_question_and_its_answer_apart(
    pack_dir: Path, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = ("--cache-dir", str(tmp_path / "cache"))
    code, _, _ = run(
        pack_dir, data_dir, capsys, "card", "add", "--passage", "opening:1",
        "--front", "Who met, and when?", "--back", "Zeppelin crews",
    )
    assert code == 0
    run(pack_dir, data_dir, capsys, "card", "add", "--passage", "opening:1", "--cloze",
        "The {{zeppelin}} hangar")
    code, out, _ = run(pack_dir, data_dir, capsys, *cache, "search", "zeppelin", "--json")
    snippets = {hit["snippet"] for hit in json.loads(out) if hit["kind"] == "card"}
    assert snippets == {"Q: Who met, and when? · A: Zeppelin crews", "The {{zeppelin}} hangar"}
