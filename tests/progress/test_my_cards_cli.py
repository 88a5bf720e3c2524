"""`summitreader card add | edit | delete`, `list cards --mine`, `stats` and `export FILE.apkg`,
run through the CLI's main() on a small pack folder and a real progress file."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from summitreader.cli import main


class Run:
    def __init__(self, pack_dir: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.pack_dir, self.data_dir, self.capsys = pack_dir, data_dir, capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        try:
            code = main(["--pack", str(self.pack_dir), "--data-dir", str(self.data_dir), *args])
        except SystemExit as exit:  # argparse's usage errors
            code = int(exit.code or 0)
        out, err = self.capsys.readouterr()
        assert "Traceback" not in err and "internal error" not in err
        return code, out, err


@pytest.fixture
def run(pack_dir: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    return Run(pack_dir, data_dir, capsys)


def test_add_edit_list_and_delete(run: Run) -> None:
    code, out, _ = run(
        "card", "add", "--passage", "opening:2", "--cloze", "The {{second}} one", "--json"
    )
    assert code == 0
    made = json.loads(out)
    assert made["kind"] == "cloze" and made["passage"] == {"section": "opening", "paragraph": 2}
    code, out, _ = run(
        "card", "add", "--passage", "closing:1", "--front", "Q [b]x[/b]?", "--back", "A"
    )
    assert code == 0 and "question and answer" in out
    code, out, _ = run("list", "cards", "--mine", "--json")
    assert [c["front"] for c in json.loads(out)] == ["The {{second}} one", "Q [b]x[/b]?"]
    code, out, _ = run("list", "cards", "--mine")
    assert made["id"] in out and "opening ¶2" in out and "[b]x[/b]" in out
    code, out, _ = run("list", "cards", "--json")
    ids = [c["id"] for c in json.loads(out)]
    assert f"{made['id']}-c1" in ids and "first-card" in ids
    code, out, _ = run("card", "edit", made["id"][:8], "--cloze", "The {{2nd}} one", "--json")
    assert code == 0 and json.loads(out)["front"] == "The {{2nd}} one"
    code, out, err = run("card", "delete", made["id"], "--yes")
    assert code == 0 and made["id"] in err
    code, out, _ = run("list", "cards", "--mine", "--json")
    assert [c["front"] for c in json.loads(out)] == ["Q [b]x[/b]?"]
    code, _, err = run("card", "delete", made["id"], "--yes")
    assert code == 1 and "no card of yours" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--passage", "opening:1", "--cloze", ""), "The card is empty"),
        (("--passage", "opening:1", "--cloze", "no blanks"), "needs {{…}}"),
        (("--passage", "opening:1", "--cloze", "a {{b"), "Unbalanced braces"),
        (("--passage", "opening:1", "--cloze", "{{a}}" + "b" * 100_000), "too long"),
        (("--passage", "opening:1", "--front", "q"), "--front TEXT and --back TEXT"),
        (("--passage", "opening", "--cloze", "{{a}}"), "SECTION:PARAGRAPH"),
        (("--passage", "nowhere:1", "--cloze", "{{a}}"), "no section 'nowhere'"),
        (("--passage", "closing:4", "--cloze", "{{a}}"), "has 1 paragraphs, not 4"),
    ],
)
def test_bad_cards_get_a_clear_message(run: Run, args: tuple[str, ...], message: str) -> None:
    code, _, err = run("card", "add", *args)
    assert code != 0 and message in err
    assert run("list", "cards", "--mine", "--json")[1].strip() == "[]"


def test_control_characters_are_taken_out(run: Run) -> None:
    code, out, _ = run(
        "card",
        "add",
        "--passage",
        "opening:1",
        "--front",
        "red \x1b[31mtext\x1b[0m\x07",
        "--back",
        "a",
        "--json",
    )
    assert code == 0 and json.loads(out)["front"] == "red text"


def test_stats_count_your_cards_and_export_writes_an_anki_package(run: Run, tmp_path: Path) -> None:
    run("card", "add", "--passage", "opening:1", "--cloze", "{{a}} and {{b}}")
    code, out, _ = run("stats", "--json")
    stats = json.loads(out)
    assert stats["my_cards"] == 1 and stats["cards"]["total"] == 4  # two of the pack's, two blanks
    for name, extra in (("deck.apkg", ()), ("deck.zip", ("--format", "anki"))):
        code, _, err = run("export", str(tmp_path / name), *extra)
        assert code == 0 and "Anki package" in err and "1 card of yours" in err
        with zipfile.ZipFile(tmp_path / name) as package:
            assert "collection.anki2" in package.namelist()
    code, _, err = run("export", "-", "--format", "anki")
    assert code == 2 and "to a file" in err
    code, _, err = run("export", str(tmp_path / "progress.json"))
    assert "1 card of yours" in err
    document = json.loads((tmp_path / "progress.json").read_text())
    assert document["version"] == 2 and len(document["my_cards"]) == 1
