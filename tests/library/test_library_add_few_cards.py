"""An article that gives few cards (ordinary prose: no takeaways, few defined terms, dates or
numbers): ``add`` says why, and what the user can do; an article with enough says nothing of
it. Real command line, real library."""

from __future__ import annotations

import json
from pathlib import Path

from summitreader.cli import main

FIXTURES = Path(__file__).parent / "fixtures"


def _add(capsys, data: Path, *argv: str) -> str:
    code = main(["--data-dir", str(data), "--cache-dir", str(data / "cache"), "add", *argv])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_a_story_with_few_cards_is_told_why_and_what_to_do(capsys, tmp_path):
    out = _add(capsys, tmp_path / "a", str(FIXTURES / "alice-ch1-2.txt"))
    line = next(line for line in out.splitlines() if "few cards" in line)
    assert "defined term" in line and "a date or a number" in line
    assert '"Key takeaways" section' in line
    assert "summitreader card add" in line and "cards.yaml" in line
    answer = json.loads(_add(capsys, tmp_path / "b", "--json", str(FIXTURES / "alice-ch1-2.txt")))
    assert answer["few_cards_why"] and "Key takeaways" in answer["few_cards_why"]


def test_an_article_with_takeaways_and_cards_is_not_told_so(capsys, tmp_path):
    out = _add(capsys, tmp_path / "a", str(FIXTURES / "photosynthesis.md"))
    assert "few cards" not in out
    answer = json.loads(_add(capsys, tmp_path / "b", "--json", str(FIXTURES / "photosynthesis.md")))
    assert answer["few_cards_why"] is None
