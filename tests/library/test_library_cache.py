"""The parsed pack kept in the cache folder: used while the pack is unchanged, parsed again when
any of its files changes, and never in the way when the cache is damaged or cannot be written."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from summitreader import paths
from summitreader.pack import PackError
from summitreader.pack.cache import load_pack_cached


@pytest.fixture
def pack_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(paths.default_pack_dir(), folder)
    return folder


def entries(cache: Path) -> list[Path]:
    return sorted((cache / "packs").glob("*.pickle"))


def test_the_parsed_pack_is_kept_and_used_while_unchanged(pack_folder, tmp_path):
    cache = tmp_path / "cache"
    first = load_pack_cached(pack_folder, cache)
    assert len(entries(cache)) == 1
    again = load_pack_cached(pack_folder, cache)
    assert again == first and again.content_hash == first.content_hash
    assert again is not first  # read from the cache file, not kept in memory


def test_a_changed_file_is_parsed_again_and_the_old_entry_goes(pack_folder, tmp_path):
    cache = tmp_path / "cache"
    first = load_pack_cached(pack_folder, cache)
    section = pack_folder / first.sections[0].file
    section.write_text("A new first paragraph.\n\nAnd a second one.\n", encoding="utf-8")
    changed = load_pack_cached(pack_folder, cache)
    assert changed.sections[0].paragraphs[0].text == "A new first paragraph."
    assert changed.content_hash != first.content_hash
    assert len(entries(cache)) == 1


def test_a_damaged_entry_is_parsed_again(pack_folder, tmp_path):
    cache = tmp_path / "cache"
    first = load_pack_cached(pack_folder, cache)
    (entry,) = entries(cache)
    entry.write_bytes(b"not a pickle at all")
    assert load_pack_cached(pack_folder, cache) == first


def test_a_cache_that_cannot_be_written_is_no_error(pack_folder, tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be")
    assert load_pack_cached(pack_folder, blocked).id == paths.DEFAULT_PACK_ID


def test_a_broken_pack_still_reports_its_problems(pack_folder, tmp_path):
    os.remove(pack_folder / "pack.yaml")
    with pytest.raises(PackError):
        load_pack_cached(pack_folder, tmp_path / "cache")
