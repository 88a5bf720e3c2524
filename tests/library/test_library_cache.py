"""The parsed pack kept in the cache folder: used while the pack is unchanged, parsed again when
any of its files changes, and never in the way when the cache is damaged or cannot be written."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

from summitreader import paths
from summitreader.pack import PackError
from summitreader.pack.cache import KEY_FILE, cache_key, load_pack_cached


@pytest.fixture
def pack_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(paths.default_pack_dir(), folder)
    return folder


@pytest.fixture
def key(tmp_path: Path) -> bytes:
    made = cache_key(tmp_path / "data")
    assert made is not None
    return made


def entries(cache: Path) -> list[Path]:
    return sorted((cache / "packs").glob("*.pickle"))


def test_the_parsed_pack_is_kept_and_used_while_unchanged(pack_folder, tmp_path, key):
    cache = tmp_path / "cache"
    first = load_pack_cached(pack_folder, cache, key)
    assert len(entries(cache)) == 1
    again = load_pack_cached(pack_folder, cache, key)
    assert again == first and again.content_hash == first.content_hash
    assert again is not first  # read from the cache file, not kept in memory


def test_a_changed_file_is_parsed_again_and_the_old_entry_goes(pack_folder, tmp_path, key):
    cache = tmp_path / "cache"
    first = load_pack_cached(pack_folder, cache, key)
    section = pack_folder / first.sections[0].file
    section.write_text("A new first paragraph.\n\nAnd a second one.\n", encoding="utf-8")
    changed = load_pack_cached(pack_folder, cache, key)
    assert changed.sections[0].paragraphs[0].text == "A new first paragraph."
    assert changed.content_hash != first.content_hash
    assert len(entries(cache)) == 1


def test_a_damaged_entry_is_parsed_again(pack_folder, tmp_path, key):
    cache = tmp_path / "cache"
    first = load_pack_cached(pack_folder, cache, key)
    (entry,) = entries(cache)
    entry.write_bytes(b"not a pickle at all")
    assert load_pack_cached(pack_folder, cache, key) == first


def test_a_cache_that_cannot_be_written_is_no_error(pack_folder, tmp_path, key):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be")
    assert load_pack_cached(pack_folder, blocked, key).id == paths.DEFAULT_PACK_ID


def test_a_broken_pack_still_reports_its_problems(pack_folder, tmp_path, key):
    os.remove(pack_folder / "pack.yaml")
    with pytest.raises(PackError):
        load_pack_cached(pack_folder, tmp_path / "cache", key)


PLANTED = b"""cos
system
(S'touch %s'
tR."""


def test_an_entry_someone_else_wrote_is_never_unpickled(pack_folder, tmp_path, key):
    """Unpickling runs code: an entry planted in the cache folder (by anyone who can write
    there) is not signed with the user's key, so it is parsed again, never unpickled."""
    cache = tmp_path / "cache"
    first = load_pack_cached(pack_folder, cache, key)
    (entry,) = entries(cache)
    witness = tmp_path / "planted-code-ran"
    entry.write_bytes(PLANTED % str(witness).encode())
    assert load_pack_cached(pack_folder, cache, key) == first
    assert not witness.exists()
    entry.write_bytes(b"\0" * 32 + PLANTED % str(witness).encode())  # a forged signature
    assert load_pack_cached(pack_folder, cache, key) == first
    assert not witness.exists()


def test_another_users_key_does_not_open_the_entries(pack_folder, tmp_path, key):
    cache = tmp_path / "cache"
    load_pack_cached(pack_folder, cache, key)
    (entry,) = entries(cache)
    other = cache_key(tmp_path / "other-data")
    assert other is not None and other != key
    before = entry.read_bytes()
    load_pack_cached(pack_folder, cache, other)  # parsed, and kept under the other key
    assert entry.read_bytes() != before


def test_the_key_is_made_once_and_readable_by_its_user_alone(tmp_path):
    data = tmp_path / "data"
    first = cache_key(data)
    assert first is not None and len(first) == 32
    assert cache_key(data) == first
    assert (data / KEY_FILE).stat().st_mode & 0o077 == 0


def test_without_a_key_the_pack_is_parsed_and_nothing_is_kept(pack_folder, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder should be")
    assert cache_key(blocked) is None
    cache = tmp_path / "cache"
    assert load_pack_cached(pack_folder, cache, None).id == paths.DEFAULT_PACK_ID
    assert entries(cache) == []


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_an_entry_that_is_not_a_regular_file_is_not_read(pack_folder, tmp_path, key, kind):
    """A FIFO in place of an entry would block the app's start; a link to a device would be read
    forever. Neither is read: the pack is parsed again."""
    cache = tmp_path / "cache"
    first = load_pack_cached(pack_folder, cache, key)
    (entry,) = entries(cache)
    entry.unlink()
    if kind == "fifo":
        os.mkfifo(entry)
    else:
        entry.symlink_to("/dev/zero")
    result: list[object] = []
    loading = threading.Thread(
        target=lambda: result.append(load_pack_cached(pack_folder, cache, key)), daemon=True
    )
    loading.start()
    loading.join(timeout=120)  # a hang guard, not a speed goal
    if loading.is_alive() and kind == "fifo":
        with open(entry, "wb"):  # let the blocked reader go before failing
            pass
    assert result == [first], "the entry was read: the load never came back"
