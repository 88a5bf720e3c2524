"""An article whose pack was removed, whose id another article then took (and had the first
article's progress set aside in a backup) and gave up again, gets its progress back when it is
added again: from the newest backup of the library that holds progress of the same article
(same id, same content hash). Real progress file, real backups, real command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summitreader.cli import main
from summitreader.pack import load_pack
from summitreader.progress import open_store

ALPHA = "# Alpha\n\nThe alpha article talks about one thing.\n\n## Part\n\nSecond alpha text.\n"
BETA = "# Beta\n\nA wholly different article of its own.\n\n## Part\n\nBeta words here.\n"


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), "--cache-dir", str(data / "cache"), *args])
    out, err = capsys.readouterr()
    return code, out, err


def progress_of(data: Path) -> tuple[int, list[str], int]:
    with open_store(data, load_pack(data / "library" / "alpha")) as store:
        return len(store.read_sections()), [n.text for n in store.notes()], len(store.bookmarks())


def study(data: Path, note: str) -> None:
    pack = load_pack(data / "library" / "alpha")
    with open_store(data, pack) as store:
        store.mark_read(pack.sections[0].id)
        store.add_note(pack.sections[0].id, 1, note)
        store.add_bookmark(pack.sections[1].id, 1)


def alpha_then_beta_under_its_id(capsys, tmp_path: Path) -> Path:
    (tmp_path / "a.md").write_text(ALPHA, encoding="utf-8")
    (tmp_path / "b.md").write_text(BETA, encoding="utf-8")
    data = tmp_path / "data"
    assert run(capsys, data, "add", str(tmp_path / "a.md"), "--id", "alpha")[0] == 0
    study(data, "A note on alpha.")
    assert run(capsys, data, "remove", "--yes", "alpha")[0] == 0
    code, out, _ = run(capsys, data, "add", str(tmp_path / "b.md"), "--id", "alpha")
    assert code == 0 and "was not restored" in out
    pack = load_pack(data / "library" / "alpha")
    with open_store(data, pack) as store:
        store.add_note(pack.sections[0].id, 1, "A note on beta.")
    assert run(capsys, data, "remove", "--yes", "alpha")[0] == 0
    return data


def test_readding_the_first_article_restores_its_progress_from_the_backup(capsys, tmp_path):
    data = alpha_then_beta_under_its_id(capsys, tmp_path)
    code, out, err = run(capsys, data, "add", str(tmp_path / "a.md"), "--id", "alpha")
    assert code == 0, err
    assert "Your earlier progress on this article is restored from the backup" in out
    assert progress_of(data) == (1, ["A note on alpha."], 1)
    # The other article's progress, kept under the id meanwhile, is set aside and said.
    assert "from a removed pack of another article was not restored" in out
    aside = Path(out.split("That progress is in ", 1)[1].split(".json", 1)[0] + ".json")
    document = json.loads(aside.read_text(encoding="utf-8"))
    assert [n["text"] for n in document["notes"]] == ["A note on beta."]


def test_the_json_answer_names_the_backup_restored_from(capsys, tmp_path):
    data = alpha_then_beta_under_its_id(capsys, tmp_path)
    code, out, err = run(capsys, data, "add", "--json", str(tmp_path / "a.md"), "--id", "alpha")
    assert code == 0, err
    answer = json.loads(out)
    assert answer["restored_progress"]["notes"] == 1
    backup = Path(answer["restored_from"])
    assert backup.parent == data / "library-backups"
    assert [n["text"] for n in json.loads(backup.read_text("utf-8"))["notes"]] == [
        "A note on alpha."
    ]


def test_another_article_under_the_id_gets_nothing_from_the_backups(capsys, tmp_path):
    data = alpha_then_beta_under_its_id(capsys, tmp_path)
    (tmp_path / "c.md").write_text(
        "# Gamma\n\nA third article, not the first.\n\n## Part\n\nGamma text.\n", encoding="utf-8"
    )
    code, out, err = run(capsys, data, "add", str(tmp_path / "c.md"), "--id", "alpha")
    assert code == 0, err
    assert "restored" not in out.replace("not restored", "")
    assert progress_of(data) == (0, [], 0)


def test_progress_reset_on_purpose_is_not_brought_back_from_an_old_backup(capsys, tmp_path):
    (tmp_path / "a.md").write_text(ALPHA, encoding="utf-8")
    data = tmp_path / "data"
    run(capsys, data, "add", str(tmp_path / "a.md"), "--id", "alpha")
    study(data, "A note on alpha.")
    run(capsys, data, "remove", "--yes", "alpha")  # a backup holds the progress
    run(capsys, data, "add", str(tmp_path / "a.md"), "--id", "alpha")
    assert progress_of(data) == (1, ["A note on alpha."], 1)
    code, _, err = run(capsys, data, "--pack", "alpha", "reset", "--yes")
    assert code == 0, err
    run(capsys, data, "remove", "--yes", "alpha")
    code, out, err = run(capsys, data, "add", str(tmp_path / "a.md"), "--id", "alpha")
    assert code == 0, err
    assert "restored" not in out
    assert progress_of(data) == (0, [], 0)
