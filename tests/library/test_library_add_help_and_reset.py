"""``add``'s own words: its help wraps within 80 columns and states the chapter and passage
rules, and the way to start afresh it prints names the same folders as the way to open the
pack. Real command line, real progress file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from summitreader.cli import main
from summitreader.pack import load_pack
from summitreader.progress import open_store

ARTICLE = Path(__file__).parent / "fixtures" / "photosynthesis.md"


def test_add_help_wraps_and_states_the_chapter_and_passage_rules(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    with pytest.raises(SystemExit):
        main(["add", "--help"])
    out, _ = capsys.readouterr()
    assert max(len(line) for line in out.splitlines()) <= 80
    text = " ".join(out.split())
    assert "each kept whole up to 6,000 words" in text
    assert "passage:" in text and "hold the hidden text" in text


def test_start_afresh_names_the_folders_open_it_with_does(capsys, tmp_path):
    data, cache = tmp_path / "my data", tmp_path / "cache"
    folders = ["--data-dir", str(data), "--cache-dir", str(cache)]
    assert main([*folders, "add", str(ARTICLE)]) == 0
    pack = load_pack(data / "library" / "photosynthesis")
    store = open_store(data, pack)
    try:
        store.mark_read(pack.sections[0].id)
    finally:
        store.close()
    assert main([*folders, "remove", "--yes", "photosynthesis"]) == 0
    capsys.readouterr()
    assert main([*folders, "add", str(ARTICLE)]) == 0
    out, _ = capsys.readouterr()
    afresh = re.search(r"To start afresh: (summitreader.*) reset", out)
    open_it = re.search(r"Open it with: (summitreader.*)$", out, re.MULTILINE)
    assert afresh is not None and open_it is not None, out
    assert afresh.group(1) == open_it.group(1)
    assert f"--data-dir '{data}'" in afresh.group(1) and f"--cache-dir {cache}" in afresh.group(1)
