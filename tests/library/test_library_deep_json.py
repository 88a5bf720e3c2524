"""The library's small JSON files, nested too deep for the parser (100,000 ``[``), or holding
something else than an object, are unreadable records, never an internal error: ``last.json``
(every command without --pack reads it) and a pack's ``origin.json`` (every ``add`` reads
them all). Real files, the real command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from summitreader import paths
from summitreader.cli import main
from summitreader.library import last_pack_read

DEEP = "[" * 100_000
ARTICLE = "# Alpha\n\nThe alpha article talks about one thing.\n\n## Part\n\nSecond alpha text.\n"


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), "--cache-dir", str(data / "cache"), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "content", [DEEP, "[1, 2]", '"pack"', "{", "null"], ids=["deep", "list", "text", "cut", "null"]
)
def test_a_json_file_that_is_no_record_reads_as_none(tmp_path, content):
    from summitreader.library import read_json_object

    path = tmp_path / "record.json"
    path.write_text(content, encoding="utf-8")
    assert read_json_object(path) is None


def test_a_deep_last_json_opens_the_shipped_pack(capsys, tmp_path):
    (tmp_path / "library").mkdir()
    (tmp_path / "library" / "last.json").write_text(DEEP, encoding="utf-8")
    assert last_pack_read(tmp_path) == (paths.default_pack_dir(), None)
    code, out, err = run(capsys, tmp_path, "list", "sections")
    assert code == 0, err
    assert "internal error" not in err
    assert out.strip()


def test_a_deep_origin_json_does_not_stop_add(capsys, tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.md").write_text(ARTICLE.replace("Alpha", "Beta"), encoding="utf-8")
    data = tmp_path / "data"
    code, _, err = run(capsys, data, "add", str(tmp_path / "a.md"))
    assert code == 0, err
    (data / "library" / "alpha" / "origin.json").write_text(DEEP, encoding="utf-8")
    code, out, err = run(capsys, data, "add", str(tmp_path / "b.md"))
    assert code == 0, err
    assert "Added 'beta'" in out
