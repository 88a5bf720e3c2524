"""A folder of the library whose pack cannot be loaded is listed all the same, by its folder
name, marked as broken (``packs``, ``packs --json``, the Library); opening it says the command
that lists its problems."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import OptionList

from summitreader import paths
from summitreader.authoring import add_article
from summitreader.cli import main
from summitreader.library import library_dir, list_packs, shipped_ids
from summitreader.pack import load_pack
from summitreader.progress import open_store
from summitreader.tui.factory import make_app
from summitreader.tui.screens.library import LibraryScreen
from support.pilot import wait_until

FIXTURES = Path(__file__).parent / "fixtures"
NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)


def broken_library(data: Path) -> None:
    """Photosynthesis as added, and the Eiffel Tower added then renamed ``note-on-things``
    with its ``pack.yaml`` broken."""
    library = library_dir(data)
    add_article(FIXTURES / "photosynthesis.md", library, taken=shipped_ids())
    added = add_article(FIXTURES / "eiffel-tower.html", library, taken=shipped_ids())
    broken = added.path.rename(library / "note-on-things")
    with (broken / "pack.yaml").open("a", encoding="utf-8") as out:
        out.write("id: [unclosed\n")


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), "--cache-dir", str(data / "cache"), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_pack_with_a_broken_pack_yaml_is_listed_by_its_folder_name(capsys, tmp_path):
    broken_library(tmp_path)
    assert [p.id for p in list_packs(tmp_path)] == [
        "trump-putin-summits",
        "note-on-things",
        "photosynthesis",
    ]
    code, out, _ = run(capsys, tmp_path, "packs")
    assert code == 0
    row = next(line for line in out.splitlines() if line.startswith("note-on-things"))
    assert "note-on-things [cannot be loaded: 1 problem]" in row
    code, out, _ = run(capsys, tmp_path, "packs", "--json")
    listed = {p["id"]: p for p in json.loads(out)}
    assert listed["note-on-things"]["problem"] == "1 problem"
    assert listed["note-on-things"]["title"] == "note-on-things"
    assert listed["note-on-things"]["cards_due"] is None
    code, out, _ = run(capsys, tmp_path, "validate", "note-on-things")
    assert code != 0 and "pack.yaml" in out


def test_a_folder_without_a_pack_yaml_is_listed_and_can_be_removed(capsys, tmp_path):
    (library_dir(tmp_path) / "leftover").mkdir(parents=True)
    (library_dir(tmp_path) / ".adding-x1").mkdir()
    assert [p.id for p in list_packs(tmp_path)] == ["trump-putin-summits", "leftover"]
    code, out, _ = run(capsys, tmp_path, "packs")
    assert "leftover [cannot be loaded: 1 problem]" in out
    code, out, err = run(capsys, tmp_path, "remove", "leftover", "--yes")
    assert code == 0, err
    assert not (library_dir(tmp_path) / "leftover").exists()


async def test_the_library_lists_a_broken_pack_and_names_the_command_for_its_problems(tmp_path):
    data = tmp_path / "data"
    broken_library(data)
    pack = load_pack(paths.default_pack_dir())
    store = open_store(data, pack, clock=lambda: NOW)
    app = make_app(pack, store, tmp_path / "cache", clock=lambda: NOW, data_dir=data)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("6")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen) and app.screen.loaded)
        options = app.screen.query_one(OptionList)
        assert options.option_count == 3
        await wait_until(
            pilot,
            lambda: "cannot be loaded (1 problem)" in str(options.get_option_at_index(1).prompt),
            "the broken pack marked",
        )
        assert "note-on-things" in str(options.get_option_at_index(1).prompt)
        options.highlighted = 1
        await pilot.press("enter")
        await wait_until(pilot, lambda: app._notifications, "the notification")
        told = [str(n.message) for n in app._notifications]
        assert any(
            "note-on-things cannot be opened: it has 1 problem "
            "(summitreader validate note-on-things lists them)" in message
            for message in told
        ), told
        assert app.services.pack.id == pack.id
    store.close()


def test_the_validate_command_names_a_pack_as_the_command_line_takes_it(tmp_path):
    from summitreader.library import validate_command

    assert validate_command(tmp_path, library_dir(tmp_path) / "note-on-things") == (
        "summitreader validate note-on-things"
    )
    assert validate_command(tmp_path, paths.default_pack_dir()) == (
        f"summitreader validate {paths.DEFAULT_PACK_ID}"
    )
    elsewhere = tmp_path / "my packs" / "one"
    assert validate_command(tmp_path, elsewhere) == f"summitreader validate '{elsewhere}'"
