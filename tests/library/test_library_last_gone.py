"""When the pack read last is no longer in the library, the app opens the shipped pack and says
why (before, it did so without a word)."""

from __future__ import annotations

import json
from pathlib import Path

from summitreader import paths
from summitreader.cli.app_command import gone_notice
from summitreader.library import LAST_FILE, last_pack, last_pack_gone, library_dir, remember_last


def test_a_removed_pack_read_last_is_named_and_the_shipped_one_opens(tmp_path: Path) -> None:
    folder = library_dir(tmp_path)
    folder.mkdir(parents=True)
    (folder / LAST_FILE).write_text(json.dumps({"pack": "bees\x1b[31m"}), encoding="utf-8")
    assert last_pack(tmp_path) == paths.default_pack_dir()
    gone = last_pack_gone(tmp_path)
    assert gone == "bees"  # cleaned: a recorded id never reaches the terminal raw
    notice = gone_notice(gone)
    assert "(bees) is no longer in the library" in notice
    assert "summitreader packs" in notice


def test_nothing_is_said_when_the_pack_read_last_is_there_or_none_was(tmp_path: Path) -> None:
    assert last_pack_gone(tmp_path) is None
    remember_last(tmp_path, paths.default_pack_dir())
    assert last_pack_gone(tmp_path) is None
    (library_dir(tmp_path) / LAST_FILE).write_text("not json", encoding="utf-8")
    assert last_pack_gone(tmp_path) is None
