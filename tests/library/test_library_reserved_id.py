"""A pack of the library whose pack.yaml says the shipped pack's id is refused (it would take
over the shipped pack's progress): validate names the line, commands on it stop, ``packs``
lists it as broken, and the shipped pack's progress is untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from summitreader import paths
from summitreader.authoring import add_article
from summitreader.cli import main
from summitreader.library import library_dir, list_packs, shipped_ids, summarise

FIXTURES = Path(__file__).parent / "fixtures"


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), "--cache-dir", str(data / "cache"), *args])
    out, err = capsys.readouterr()
    return code, out, err


def taking_the_shipped_id(data: Path) -> Path:
    added = add_article(FIXTURES / "photosynthesis.md", library_dir(data), taken=shipped_ids())
    pack_yaml = added.path / "pack.yaml"
    text = pack_yaml.read_text(encoding="utf-8")
    lines = text.splitlines()
    row = next(n for n, line in enumerate(lines) if line.startswith("id:"))
    lines[row] = f"id: {paths.DEFAULT_PACK_ID}"
    pack_yaml.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return added.path


def test_validate_refuses_the_shipped_id_with_its_place(capsys, tmp_path):
    folder = taking_the_shipped_id(tmp_path)
    row = 1 + next(
        n
        for n, line in enumerate((folder / "pack.yaml").read_text().splitlines())
        if line.startswith("id:")
    )
    code, out, _ = run(capsys, tmp_path, "validate", folder.name)
    assert code == 1
    assert f"pack.yaml:{row}:5:" in out and "ships with summitreader" in out


def test_reset_of_such_a_pack_leaves_the_shipped_pack_progress(capsys, tmp_path):
    folder = taking_the_shipped_id(tmp_path)
    code, _, err = run(
        capsys,
        tmp_path,
        "card",
        "add",
        "--passage",
        "introduction:1",
        "--front",
        "Who met in Helsinki?",
        "--back",
        "Trump and Putin",
    )
    assert code == 0, err
    code, out, _ = run(capsys, tmp_path, "stats")
    before = out
    code, out, err = run(capsys, tmp_path, "--pack", folder.name, "reset", "--yes")
    assert code != 0
    assert "ships with summitreader" in err
    code, out, _ = run(capsys, tmp_path, "stats")
    assert out == before


def test_packs_lists_such_a_pack_as_broken(tmp_path):
    folder = taking_the_shipped_id(tmp_path)
    info = next(p for p in list_packs(tmp_path) if p.path == folder)
    summary = summarise(tmp_path, info)
    assert summary.problem and "id of the pack that ships" in summary.problem


def test_removing_such_a_pack_backs_up_nothing_and_keeps_the_shipped_progress(capsys, tmp_path):
    folder = taking_the_shipped_id(tmp_path)
    code, _, err = run(
        capsys,
        tmp_path,
        "card",
        "add",
        "--passage",
        "introduction:1",
        "--front",
        "Who met in Helsinki?",
        "--back",
        "Trump and Putin",
    )
    code, before, _ = run(capsys, tmp_path, "stats")
    code, _, err = run(capsys, tmp_path, "remove", folder.name, "--yes")
    assert code == 0, err
    assert not folder.exists()
    # the shipped pack's progress is not exported as this pack's
    assert not list((tmp_path / "library-backups").glob("*.json"))
    code, after, _ = run(capsys, tmp_path, "stats")
    assert after == before
