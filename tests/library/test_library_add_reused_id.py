"""A pack id reused by another article never inherits the progress of the pack removed under
it: progress comes back on ``add`` only for the same article (its source's digest, or its
content hash), and the other article's is exported aside, said, and cleared. Real progress
file, real command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summitreader.cli import main
from summitreader.pack import load_pack
from summitreader.progress import open_store

ALPHA = "# Alpha\n\nThe alpha article talks about one thing.\n\n## Part\n\nSecond alpha text.\n"
BETA = "# Alpha\n\nA wholly different article that shares the title.\n\n## Part\n\nBeta words.\n"


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), "--cache-dir", str(data / "cache"), *args])
    out, err = capsys.readouterr()
    return code, out, err


def make_progress(data: Path, pack_id: str) -> None:
    pack = load_pack(data / "library" / pack_id)
    store = open_store(data, pack)
    try:
        store.mark_read(pack.sections[0].id)
        store.add_note(pack.sections[0].id, 1, "A note on the first article.")
        store.add_bookmark(pack.sections[1].id, 1)
    finally:
        store.close()


def progress_of(data: Path, pack_id: str) -> tuple[int, list[str], int]:
    store = open_store(data, load_pack(data / "library" / pack_id))
    try:
        return len(store.read_sections()), [n.text for n in store.notes()], len(store.bookmarks())
    finally:
        store.close()


@pytest.mark.parametrize("with_id", [True, False], ids=["--id", "id-from-title"])
def test_another_article_under_a_removed_packs_id_starts_clean(capsys, tmp_path, with_id):
    (tmp_path / "a.md").write_text(ALPHA, encoding="utf-8")
    (tmp_path / "other.md").write_text(BETA, encoding="utf-8")
    options = ["--id", "alpha"] if with_id else []
    data = tmp_path / "data"
    code, _, err = run(capsys, data, "add", str(tmp_path / "a.md"), *options)
    assert code == 0, err
    make_progress(data, "alpha")
    code, out, err = run(capsys, data, "remove", "--yes", "alpha")
    assert code == 0, err
    assert "adding the same article again" in out

    code, out, err = run(capsys, data, "add", str(tmp_path / "other.md"), *options)
    assert code == 0, err
    assert "Added 'alpha'" in out
    assert "restored" not in out.replace("not restored", "")
    assert "from a removed pack of another article was not restored" in out
    assert progress_of(data, "alpha") == (0, [], 0)
    # Where it was put is said, and it holds the first article's progress.
    aside = Path(out.split("That progress is in ", 1)[1].split(".json", 1)[0] + ".json")
    document = json.loads(aside.read_text(encoding="utf-8"))
    assert [n["text"] for n in document["notes"]] == ["A note on the first article."]
    assert len(document["bookmarks"]) == 1


def test_the_same_article_added_again_gets_its_progress_back(capsys, tmp_path):
    (tmp_path / "a.md").write_text(ALPHA, encoding="utf-8")
    data = tmp_path / "data"
    run(capsys, data, "add", str(tmp_path / "a.md"), "--id", "alpha")
    make_progress(data, "alpha")
    run(capsys, data, "remove", "--yes", "alpha")
    # Saved again with other line ends and a new title: still the same article.
    (tmp_path / "a.md").write_bytes(ALPHA.replace("\n", "\r\n").encode())
    code, out, err = run(
        capsys, data, "add", "--json", str(tmp_path / "a.md"), "--id", "alpha", "--title", "A"
    )
    assert code == 0, err
    answer = json.loads(out)
    assert answer["restored_progress"]["notes"] == 1
    assert answer["progress_set_aside"] is None
    assert progress_of(data, "alpha") == (1, ["A note on the first article."], 1)


def test_progress_of_another_article_is_set_aside_in_json_output(capsys, tmp_path):
    (tmp_path / "a.md").write_text(ALPHA, encoding="utf-8")
    (tmp_path / "other.md").write_text(BETA, encoding="utf-8")
    data = tmp_path / "data"
    run(capsys, data, "add", str(tmp_path / "a.md"), "--id", "alpha")
    make_progress(data, "alpha")
    run(capsys, data, "remove", "--yes", "alpha")
    code, out, err = run(capsys, data, "add", "--json", str(tmp_path / "other.md"), "--id", "alpha")
    assert code == 0, err
    answer = json.loads(out)
    assert answer["restored_progress"] is None
    assert Path(answer["progress_set_aside"]).is_file()
    assert progress_of(data, "alpha") == (0, [], 0)


def test_removing_a_pack_without_progress_makes_no_progress_file(capsys, tmp_path):
    (tmp_path / "a.md").write_text(ALPHA, encoding="utf-8")
    data = tmp_path / "data"
    run(capsys, data, "add", str(tmp_path / "a.md"), "--id", "alpha")
    code, _, err = run(capsys, data, "remove", "--yes", "alpha")
    assert code == 0, err
    assert not (data / "progress.sqlite3").exists()
