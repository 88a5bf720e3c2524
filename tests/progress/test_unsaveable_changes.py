"""Commands that change progress stop with a message and a non-zero code, never an internal
error, where they cannot do what was asked: where progress cannot be saved (`card add` on a full
disk said "Made your card", exited 0, and the card was gone), and for a passage number that is
not one (5,000 digits gave an internal error; other scripts' digits were taken)."""

from __future__ import annotations

from pathlib import Path

import pytest

from summitreader.cli import main

COMMANDS = [
    (["card", "add", "--passage", "1:1", "--cloze", "{{word}} here"], "the card was not made"),
    (["card", "edit", "0123456789abcdef", "--front", "q", "--back", "a"], "not changed"),
    (["card", "delete", "0123456789abcdef", "--yes"], "the card was not deleted"),
    (["reset", "--yes"], "nothing was cleared"),
]


@pytest.mark.parametrize(("args", "told"), COMMANDS)
def test_a_change_that_cannot_be_saved_is_refused(
    tmp_path: Path, pack_dir: Path, capsys: pytest.CaptureFixture[str], args: list[str], told: str
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder should be")
    code = main(["--pack", str(pack_dir), "--data-dir", str(blocked), *args])
    err = capsys.readouterr().err
    assert code != 0
    assert "progress cannot be saved here" in err and told in err
    assert "internal error" not in err


@pytest.mark.parametrize("passage", ["introduction:" + "9" * 5000, "introduction:١", "١:1"])
def test_a_passage_number_in_other_digits_or_too_long_is_a_usage_error(
    tmp_path: Path, pack_dir: Path, capsys: pytest.CaptureFixture[str], passage: str
) -> None:
    code = main(
        ["--pack", str(pack_dir), "--data-dir", str(tmp_path / "data"), "card", "add",
         "--passage", passage, "--cloze", "{{word}} here"]
    )  # fmt: skip
    err = capsys.readouterr().err
    assert code != 0 and "internal error" not in err
    assert "--passage wants SECTION:PARAGRAPH" in err or "no section" in err
