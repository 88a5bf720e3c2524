"""A paragraph thick with inline marks (``*a **b`` or ``[[[x]]]`` repeated, as crafted input may
hold) is not given to the inline parser, whose emphasis and link matching grows faster than the
text: it is shown as its plain text, and ``validate`` warns of it at its place."""

from __future__ import annotations

from pathlib import Path

import pytest

from summitreader.cli import main
from summitreader.pack import load_pack
from summitreader.pack.markdown import MAX_INLINE_MARKS, inline_runs, too_much_markup
from support.packs import OPENING_MD, write_pack


@pytest.fixture(autouse=True)
def _private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMITREADER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SUMMITREADER_CACHE_DIR", str(tmp_path / "cache"))


def test_a_paragraph_with_more_marks_than_the_bound_is_one_plain_run():
    text = "*a **b " * (MAX_INLINE_MARKS // 3 + 1)
    runs = inline_runs(text)
    assert len(runs) == 1
    assert runs[0].text == text.strip()
    assert not runs[0].strong and not runs[0].emphasis


@pytest.mark.parametrize("unit", ["[[[x]]]", "[a](", "*a **b ", "`!`_"])
def test_a_short_paragraph_made_mostly_of_marks_is_plain_text(unit):
    text = unit * 40
    assert too_much_markup(text)
    assert [run.text for run in inline_runs(text)] == [" ".join(text.split())]


def test_prose_with_many_links_and_emphasis_is_still_parsed():
    text = " ".join(
        f"See **part {n}** in [the report of {n}](https://example.org/{n})." for n in range(120)
    )
    assert not too_much_markup(text)
    runs = inline_runs(text)
    assert any(run.strong for run in runs)
    assert any(run.url == "https://example.org/7" for run in runs)
    assert "**" not in "".join(run.text for run in runs)


def test_validate_warns_of_a_plain_paragraph_at_its_line_and_column(tmp_path, capsys):
    bomb = "*a **b " * 400
    pack_dir = write_pack(
        tmp_path / "pack",
        {"sections/01-opening.md": OPENING_MD + "\n" + bomb.strip() + "\n"},
    )
    pack = load_pack(pack_dir)
    paragraph = pack.sections[0].paragraphs[-1]
    assert paragraph.text == bomb.strip()
    line = OPENING_MD.count("\n") + 2
    assert main(["validate", str(pack_dir)]) == 0
    out = capsys.readouterr().out
    assert (
        f"sections/01-opening.md:{line}:1: warning: section 'opening': "
        f"paragraph {paragraph.number} has too many inline marks"
    ) in out
