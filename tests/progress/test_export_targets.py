"""Exports go where a file belongs: a link is followed, a device, FIFO or folder is refused
rather than replaced (``export /dev/full`` as root replaced the device node with a file), and a
target name of the longest length allowed still works (the temporary name was longer)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from summitreader.cli import main
from summitreader.progress.exchange import ExchangeError, write_document

DOCUMENT = {"format": "summitreader-progress", "version": 2}


def test_a_link_is_followed_and_the_file_it_leads_to_is_written(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_document(DOCUMENT, link)
    assert link.is_symlink()
    assert '"summitreader-progress"' in real.read_text()


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_a_target_that_is_not_a_regular_file_is_refused_and_left_as_it_is(
    tmp_path: Path, kind: str
) -> None:
    target = tmp_path / "target"
    if kind == "fifo":
        os.mkfifo(target)
    else:
        target.mkdir()
    with pytest.raises(ExchangeError, match=r"cannot write .*(not a regular file|a folder)"):
        write_document(DOCUMENT, target)
    assert target.is_fifo() if kind == "fifo" else target.is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["target"]


def test_the_longest_file_name_allowed_can_be_written(tmp_path: Path) -> None:
    target = tmp_path / ("n" * 250 + ".json")
    write_document(DOCUMENT, target)
    assert target.is_file()


def test_the_anki_export_refuses_a_fifo_with_a_message(
    tmp_path: Path, pack_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "deck.apkg"
    os.mkfifo(target)
    code = main(
        ["--pack", str(pack_dir), "--data-dir", str(tmp_path / "data"), "export", str(target)]
    )
    err = capsys.readouterr().err
    assert code == 1 and "not a regular file" in err and "internal error" not in err
    assert target.is_fifo()
