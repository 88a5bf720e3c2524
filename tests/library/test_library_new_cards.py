"""``packs`` and the Library show the new cards Study offers today beside those due (a new
reader saw "0 cards due" while Study offered 20 new); one section is said in the singular."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summitreader import paths
from summitreader.authoring import add_article
from summitreader.cli import main
from summitreader.library import library_dir, list_packs, shipped_ids, summarise


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), "--cache-dir", str(data / "cache"), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_packs_shows_the_new_cards_of_a_new_reader(capsys, tmp_path):
    shipped = next(p for p in list_packs(tmp_path) if p.shipped)
    summary = summarise(tmp_path, shipped)
    assert summary.due == 0 and summary.new > 0
    code, out, _ = run(capsys, tmp_path, "packs")
    assert code == 0
    head, row = out.splitlines()[:2]
    assert head.split()[:6] == ["id", "read", "due", "new", "today", "title"]
    assert row.split()[:4] == [paths.DEFAULT_PACK_ID, "0%", "0", str(summary.new)]
    code, out, _ = run(capsys, tmp_path, "packs", "--json")
    assert json.loads(out)[0]["cards_new"] == summary.new


def test_stats_of_a_pack_of_one_section_says_section(capsys, tmp_path):
    article = tmp_path / "one.md"
    article.write_text("# One\n\nA short text about the summit in 1999.\n", encoding="utf-8")
    added = add_article(article, library_dir(tmp_path), taken=shipped_ids())
    code, out, err = run(capsys, tmp_path, "--pack", added.path.name, "stats")
    assert code == 0, err
    assert "0 of 1 section (" in out
