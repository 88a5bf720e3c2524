"""A pack whose ``origin.json`` is damaged (or gone) does not let the same article in twice:
``add`` compares the article with that pack by its text, names the damaged record, and leaves
it as it is. Real library folder, real command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from summitreader.cli import main

ARTICLE = Path(__file__).parent / "fixtures" / "photosynthesis.md"
OTHER = "# Tides\n\nThe tides rise twice a day on most coasts.\n\n## Why\n\nThe moon pulls.\n"
DAMAGED = '{"file": "photosynthesis.md", "sha2'


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), "--cache-dir", str(data / "cache"), *args])
    out, err = capsys.readouterr()
    return code, out, err


def packs(data: Path) -> list[str]:
    return sorted(p.name for p in (data / "library").iterdir() if p.is_dir())


@pytest.mark.parametrize("damage", ["truncated", "no-digest", "gone"])
def test_the_same_article_is_refused_though_its_origin_record_is_damaged(capsys, tmp_path, damage):
    data = tmp_path / "data"
    code, _, err = run(capsys, data, "add", str(ARTICLE))
    assert code == 0, err
    record = data / "library" / "photosynthesis" / "origin.json"
    if damage == "gone":
        record.unlink()
    else:
        record.write_text(DAMAGED if damage == "truncated" else '{"file": "x.md"}', "utf-8")
    before = record.read_bytes() if record.exists() else None

    code, _, err = run(capsys, data, "add", str(ARTICLE))
    assert code != 0
    assert "already in the library, as 'photosynthesis'" in err
    if damage != "gone":
        assert str(record) in err  # the damaged file is named...
        assert record.read_bytes() == before  # ...and kept as it was
    assert packs(data) == ["photosynthesis"]


def test_another_article_is_added_and_the_damaged_record_is_named(capsys, tmp_path):
    data = tmp_path / "data"
    run(capsys, data, "add", str(ARTICLE))
    record = data / "library" / "photosynthesis" / "origin.json"
    record.write_text(DAMAGED, encoding="utf-8")
    (tmp_path / "tides.md").write_text(OTHER, encoding="utf-8")
    code, out, err = run(capsys, data, "add", str(tmp_path / "tides.md"))
    assert code == 0, err
    assert "Added 'tides'" in out
    assert f"origin record {record}" in err and "left as it is" in err
    assert record.read_text(encoding="utf-8") == DAMAGED
    assert packs(data) == ["photosynthesis", "tides"]
