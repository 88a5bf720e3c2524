"""The notes an import keeps but the app cannot show (on a paragraph their section does not have,
or of a section the pack does not have) are listed by ``notes``, marked as such, so that they can
be found and copied."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summitreader.cli import main
from summitreader.pack import load_pack

AT = "2026-03-01T09:00:00+00:00"


def _note(uid: int, section: str, paragraph: int, text: str) -> dict[str, object]:
    return {
        "uid": f"{uid:032x}",
        "section": section,
        "paragraph": paragraph,
        "text": text,
        "created": AT,
        "updated": AT,
    }


@pytest.fixture
def imported(pack_dir: Path, data_dir: Path, tmp_path: Path) -> list[str]:
    pack = load_pack(pack_dir)
    document = {
        "format": "summitreader-progress",
        "version": 2,
        "pack": {"id": pack.id, "content_hash": pack.content_hash},
        "notes": [
            _note(1, "opening", 1, "a note shown"),
            _note(2, "opening", 9_999_999, "far past the end"),
            _note(3, "gone-section", 2, "of a section gone"),
        ],
    }
    file = tmp_path / "progress.json"
    file.write_text(json.dumps(document), encoding="utf-8")
    assert main(["--pack", str(pack_dir), "--data-dir", str(data_dir), "import", str(file)]) == 0
    return ["--pack", str(pack_dir), "--data-dir", str(data_dir), "notes"]


def test_the_notes_kept_are_listed_apart(
    imported: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(imported) == 0
    out = capsys.readouterr().out
    shown, _, kept = out.partition("Kept, not shown")
    assert "a note shown" in shown and "far past the end" not in shown
    assert "far past the end" in kept and "of a section gone" in kept
    assert "gone-section ¶2" in kept


def test_the_json_lists_them_apart(imported: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main([*imported, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [n["text"] for n in listed["notes"]] == ["a note shown"]
    assert sorted(n["text"] for n in listed["kept_notes"]) == [
        "far past the end",
        "of a section gone",
    ]


def test_the_markdown_lists_them_under_a_heading(
    imported: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main([*imported, "--markdown"]) == 0
    out = capsys.readouterr().out
    shown, _, kept = out.partition("## Kept, not shown")
    assert "a note shown" in shown
    assert "far past the end" in kept and "of a section gone" in kept
