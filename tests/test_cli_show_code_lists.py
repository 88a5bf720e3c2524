"""``show`` prints a code block line by line under its paragraph number and a list item after its
own number; ``notes --markdown`` quotes a code block as a fenced block, its lines apart; ``search``
prints a code block's snippet line by line. All through the CLI's real ``main()``."""

from __future__ import annotations

from pathlib import Path

import pytest

from summitreader.cli import main
from summitreader.pack import load_pack
from summitreader.progress import open_store
from support.code_pack import LONG_ITEM, write_code_pack


def _run(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    folders = ["--data-dir", str(tmp_path / "data"), "--cache-dir", str(tmp_path / "cache")]
    assert main(["--pack", str(folder), *folders, *args]) == 0
    return capsys.readouterr().out


def test_show_prints_code_line_by_line_and_list_numbers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_code_pack(tmp_path / "pack")
    out = _run(folder, tmp_path, capsys, "show", "usage")
    assert "¶2\n    $ cargo new docs --lib\n    $ cd docs\n" in out
    assert "    fn main() {\n    /// foo is a function\n    \n    fn foo() {}\n" in out
    assert "¶6  0. Definitions." in out
    assert f"¶7  1. {LONG_ITEM}" in out
    assert "¶8  2. Lazy numbering" in out
    assert "¶10  3) Third, as written." in out
    assert "¶11  • A bullet stays a bullet." in out
    assert "¶13\n    let x = 1;\n    let y = *x;" in out


def test_notes_markdown_quotes_code_as_a_fenced_block(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_code_pack(tmp_path / "pack")
    with open_store(tmp_path / "data", load_pack(folder)) as store:
        store.add_note("usage", 2, "Run these first.")
    out = _run(folder, tmp_path, capsys, "notes", "--markdown")
    assert "> ```\n> $ cargo new docs --lib\n> $ cd docs\n> ```\n" in out


def test_search_prints_a_code_snippet_line_by_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_code_pack(tmp_path / "pack")
    out = _run(folder, tmp_path, capsys, "search", "cargo", "docs")
    assert "  $ cargo new docs --lib\n  $ cd docs\n" in out
