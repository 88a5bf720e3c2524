"""An import says what it keeps but cannot show: bookmarks and notes on paragraphs their section
does not have (¶0, ¶9999999, ¶2^62), and notes whose text is nothing once cleaned (only control
characters), which are left out rather than dropped silently."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summitreader.cli import main
from summitreader.pack import load_pack
from summitreader.progress import open_store

AT = "2026-03-01T09:00:00+00:00"


def _note(uid: int, paragraph: int, text: str) -> dict[str, object]:
    return {
        "uid": f"{uid:032x}",
        "section": "opening",
        "paragraph": paragraph,
        "text": text,
        "created": AT,
        "updated": AT,
    }


def _document(pack_dir: Path) -> dict[str, object]:
    pack = load_pack(pack_dir)
    return {
        "format": "summitreader-progress",
        "version": 2,
        "pack": {"id": pack.id, "content_hash": pack.content_hash},
        "bookmarks": [
            {"section": "opening", "paragraph": p, "created": AT} for p in (1, 0, 2**62)
        ],
        "notes": [
            _note(1, 1, "a note shown"),
            _note(2, 0, "on no paragraph"),
            _note(3, 9_999_999, "far past the end"),
            _note(4, 2, "\x1b]0;title\x07\x1b[2J\u202e"),
        ],
    }


def test_the_import_names_what_it_keeps_unshown_and_leaves_out(
    pack_dir: Path, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "progress.json"
    file.write_text(json.dumps(_document(pack_dir)), encoding="utf-8")
    capsys.readouterr()
    code = main(["--pack", str(pack_dir), "--data-dir", str(data_dir), "import", str(file)])
    out, err = capsys.readouterr()
    assert code == 0, err
    said = " ".join(out.split())
    assert "3 bookmarks, 3 notes." in said
    assert (
        "2 bookmarks, 2 notes on paragraphs their section does not have: kept (export keeps "
        "them), but not shown." in said
    )
    assert "1 note left out: nothing of its text is left" in said
    with open_store(data_dir, load_pack(pack_dir)) as store:
        assert sorted(n.text for n in store.notes()) == [
            "a note shown",
            "far past the end",
            "on no paragraph",
        ]


def test_a_note_cleaned_to_nothing_removes_no_note(
    pack_dir: Path, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = _document(pack_dir)
    document["notes"] = [_note(1, 1, "a note shown")]
    file = tmp_path / "first.json"
    file.write_text(json.dumps(document), encoding="utf-8")
    assert main(["--pack", str(pack_dir), "--data-dir", str(data_dir), "import", str(file)]) == 0
    later = _note(1, 1, "\x1b[2J\x1b]52;c;eA==\x07") | {"updated": "2026-03-01T10:00:00+00:00"}
    document["notes"] = [later]
    file.write_text(json.dumps(document), encoding="utf-8")
    assert main(["--pack", str(pack_dir), "--data-dir", str(data_dir), "import", str(file)]) == 0
    assert "1 note left out" in " ".join(capsys.readouterr().out.split())
    with open_store(data_dir, load_pack(pack_dir)) as store:
        assert [n.text for n in store.notes()] == ["a note shown"]
