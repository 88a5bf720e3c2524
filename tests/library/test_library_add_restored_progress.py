"""Adding again an article whose pack was removed brings back the progress kept under its id:
``add`` says so, with what is restored and how to start afresh, and says nothing when there is
none. Real progress file, real command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summitreader.cli import main
from summitreader.pack import load_pack
from summitreader.progress import open_store

ARTICLE = Path(__file__).parent / "fixtures" / "photosynthesis.md"


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), "--cache-dir", str(data / "cache"), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_first_add_says_nothing_of_earlier_progress(capsys, tmp_path):
    code, out, _ = run(capsys, tmp_path, "add", str(ARTICLE))
    assert code == 0
    assert "earlier progress" not in out
    code, out, _ = run(capsys, tmp_path / "other", "add", "--json", str(ARTICLE))
    assert code == 0
    assert json.loads(out)["restored_progress"] is None


def test_adding_a_removed_article_again_says_its_progress_is_restored(capsys, tmp_path):
    code, _, err = run(capsys, tmp_path, "add", str(ARTICLE))
    assert code == 0, err
    pack = load_pack(tmp_path / "library" / "photosynthesis")
    store = open_store(tmp_path, pack)
    try:
        store.mark_read(pack.sections[0].id)
        store.mark_read(pack.sections[1].id)
        store.add_note(pack.sections[1].id, 1, "Light first.")
    finally:
        store.close()
    code, _, err = run(capsys, tmp_path, "remove", "--yes", "photosynthesis")
    assert code == 0, err

    code, out, err = run(capsys, tmp_path, "add", str(ARTICLE))
    assert code == 0, err
    assert "Your earlier progress on this article is restored" in out
    assert "(2 sections read, 1 note)" in out
    assert "To start afresh: summitreader --data-dir " in out
    assert " --pack photosynthesis reset" in out
    # What it says is what the app finds.
    store = open_store(tmp_path, load_pack(tmp_path / "library" / "photosynthesis"))
    try:
        assert len(store.read_sections()) == 2
        assert [n.text for n in store.notes()] == ["Light first."]
    finally:
        store.close()

    run(capsys, tmp_path, "remove", "--yes", "photosynthesis")
    code, out, err = run(capsys, tmp_path, "add", "--json", str(ARTICLE))
    assert code == 0, err
    restored = json.loads(out)["restored_progress"]
    assert restored["sections_read"] == 2
    assert restored["notes"] == 1
