"""The cached index: reused when good, rebuilt silently when anything is wrong with it, never a
failure when several builders race or when the cache folder cannot be written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from summitreader.pack.model import Pack
from summitreader.search import SearchIndex
from summitreader.search import cache as search_cache
from summitreader.search.cache import MANIFEST, VOCABULARY, Key
from summitreader.search.documents import count_documents
from summitreader.search.schema import SCHEMA_VERSION
from support.search_pack import keys, make_pack

CHILD = Path(__file__).with_name("search_child.py")


def folder_of(pack: Pack, cache_dir: Path) -> Path:
    return search_cache.root(cache_dir) / Key(pack.id, pack.content_hash).folder_name


def open_and_search(pack: Pack, cache_dir: Path) -> tuple[str, list]:
    with SearchIndex.open(pack, cache_dir) as index:
        return index.source, keys(index.search("helsinki"))


def segment_files(folder: Path) -> list[Path]:
    return sorted(
        (p for p in folder.iterdir() if p.name not in (MANIFEST, VOCABULARY)),
        key=lambda p: p.stat().st_size,
        reverse=True,
    )


@pytest.fixture
def built(pack: Pack, cache_dir: Path) -> list:
    """The cache holds a good index; returns what a search finds in it."""
    source, hits = open_and_search(pack, cache_dir)
    assert source == "built" and hits
    return hits


def test_an_index_is_built_once_then_read_from_the_cache(pack: Pack, cache_dir: Path) -> None:
    progress: list[tuple[int, int]] = []
    with SearchIndex.open(pack, cache_dir, progress=lambda d, t: progress.append((d, t))) as first:
        assert first.source == "built"
        hits = keys(first.search("helsinki"))
    assert progress and progress[-1][0] == progress[-1][1]
    assert all(0 <= d <= t for d, t in progress)
    assert [d for d, _ in progress] == sorted(d for d, _ in progress)
    again: list[tuple[int, int]] = []
    with SearchIndex.open(pack, cache_dir, progress=lambda d, t: again.append((d, t))) as second:
        assert second.source == "cache"
        assert keys(second.search("helsinki")) == hits
    assert again == []


def test_the_manifest_says_what_the_index_was_built_from(
    pack: Pack, cache_dir: Path, built
) -> None:
    folder = folder_of(pack, cache_dir)
    manifest = json.loads((folder / MANIFEST).read_text())
    assert manifest["content_hash"] == pack.content_hash
    assert manifest["schema_version"] == SCHEMA_VERSION
    assert manifest["whoosh_version"]
    assert manifest["doc_count"] == count_documents(pack)
    on_disk = {p.name for p in folder.iterdir()} - {MANIFEST}
    assert set(manifest["files"]) == on_disk
    assert VOCABULARY in on_disk
    assert not [p for p in folder.parent.iterdir() if p.name.startswith(".")]


def damage_missing(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder)


def damage_truncated(folder: Path) -> None:
    biggest = segment_files(folder)[0]
    data = biggest.read_bytes()
    biggest.write_bytes(data[: len(data) // 2])


def damage_garbage(folder: Path) -> None:
    biggest = segment_files(folder)[0]
    data = bytearray(biggest.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = os.urandom(64)
    biggest.write_bytes(bytes(data))


def damage_all_garbage(folder: Path) -> None:
    for path in folder.iterdir():
        path.write_bytes(os.urandom(200))


def damage_empty_files(folder: Path) -> None:
    for path in folder.iterdir():
        path.write_bytes(b"")


def damage_stale_manifest(folder: Path) -> None:
    manifest = json.loads((folder / MANIFEST).read_text())
    manifest["schema_version"] = SCHEMA_VERSION - 1
    (folder / MANIFEST).write_text(json.dumps(manifest))


def damage_other_pack_manifest(folder: Path) -> None:
    manifest = json.loads((folder / MANIFEST).read_text())
    manifest["content_hash"] = "0" * 64
    (folder / MANIFEST).write_text(json.dumps(manifest))


def damage_no_manifest(folder: Path) -> None:
    (folder / MANIFEST).unlink()


def damage_manifest_garbage(folder: Path) -> None:
    (folder / MANIFEST).write_bytes(b"\x00\xff{not json")


def damage_manifest_escapes(folder: Path) -> None:
    manifest = json.loads((folder / MANIFEST).read_text())
    manifest["files"]["../../outside"] = {"size": 1, "crc32": 0}
    (folder / MANIFEST).write_text(json.dumps(manifest))


def damage_segment_deleted(folder: Path) -> None:
    segment_files(folder)[0].unlink()


def damage_vocabulary(folder: Path) -> None:
    (folder / VOCABULARY).write_text('{"words": ["not", "a", "mapping"]}')


def damage_manifest_fifo(folder: Path) -> None:
    (folder / MANIFEST).unlink()
    os.mkfifo(folder / MANIFEST)


def damage_segment_fifo(folder: Path) -> None:
    segment = segment_files(folder)[0]
    segment.unlink()
    os.mkfifo(segment)


def damage_vocabulary_device(folder: Path) -> None:
    (folder / VOCABULARY).unlink()
    (folder / VOCABULARY).symlink_to("/dev/zero")


def damage_manifest_symlink(folder: Path) -> None:
    (folder / MANIFEST).rename(folder.parent / "elsewhere.json")
    (folder / MANIFEST).symlink_to(folder.parent / "elsewhere.json")


def damage_folder_is_a_file(folder: Path) -> None:
    damage_missing(folder)
    folder.write_bytes(b"not a folder")


DAMAGES = [
    damage_missing,
    damage_truncated,
    damage_garbage,
    damage_all_garbage,
    damage_empty_files,
    damage_stale_manifest,
    damage_other_pack_manifest,
    damage_no_manifest,
    damage_manifest_garbage,
    damage_manifest_escapes,
    damage_segment_deleted,
    damage_vocabulary,
    damage_manifest_fifo,
    damage_segment_fifo,
    damage_vocabulary_device,
    damage_manifest_symlink,
]


@pytest.mark.parametrize("damage", DAMAGES, ids=lambda f: f.__name__.removeprefix("damage_"))
def test_a_damaged_cache_is_rebuilt_silently(pack: Pack, cache_dir: Path, built, damage) -> None:
    folder = folder_of(pack, cache_dir)
    damage(folder)
    source, hits = open_and_search(pack, cache_dir)
    assert source == "built"
    assert hits == built
    # ... and the rebuilt cache is good again.
    assert open_and_search(pack, cache_dir) == ("cache", built)


def test_a_cache_path_that_is_a_file_still_searches(pack: Pack, cache_dir: Path, built) -> None:
    damage_folder_is_a_file(folder_of(pack, cache_dir))
    source, hits = open_and_search(pack, cache_dir)
    assert source in ("built", "memory")
    assert hits == built


def test_an_unwritable_cache_folder_searches_from_memory(pack: Pack, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("a regular file, so nothing can be created under it")
    source, hits = open_and_search(pack, blocker / "cache")
    assert source == "memory"
    assert hits and hits[0] == ("meeting", "helsinki", None)
    assert blocker.read_text().startswith("a regular file")


def test_a_new_version_of_the_pack_gets_its_own_index_and_the_old_one_goes(
    cache_dir: Path,
) -> None:
    old, new = make_pack(), make_pack(extra="A brand new paragraph about Reykjavik.")
    other = make_pack(pack_id="testpack-2")
    open_and_search(old, cache_dir)
    open_and_search(other, cache_dir)
    with SearchIndex.open(new, cache_dir) as index:
        assert index.source == "built"
        assert keys(index.search("reykjavik")) == [("paragraph", "outlook", 3)]
    assert not folder_of(old, cache_dir).exists()
    assert folder_of(new, cache_dir).is_dir()
    assert folder_of(other, cache_dir).is_dir()  # another pack's index is left alone


def test_an_index_of_an_older_schema_is_removed(pack: Pack, cache_dir: Path) -> None:
    older = Key(pack.id, pack.content_hash, schema_version=SCHEMA_VERSION - 1)
    old_folder = search_cache.root(cache_dir) / older.folder_name
    old_folder.mkdir(parents=True)
    (old_folder / MANIFEST).write_text("{}")
    assert open_and_search(pack, cache_dir)[0] == "built"
    assert not old_folder.exists()


def test_leftovers_of_a_crashed_build_are_cleared(pack: Pack, cache_dir: Path) -> None:
    root = search_cache.root(cache_dir)
    leftover = root / ".build-crashed"
    leftover.mkdir(parents=True)
    (leftover / "half-written").write_bytes(b"x" * 100)
    recent = root / ".build-running"
    recent.mkdir()
    old = os.stat(leftover).st_mtime - search_cache.LEFTOVER_AGE - 10
    os.utime(leftover, (old, old))
    assert open_and_search(pack, cache_dir)[0] == "built"
    assert not leftover.exists()
    assert recent.exists()  # may belong to a build in progress


def test_four_threads_opening_at_once_all_succeed(pack: Pack, cache_dir: Path) -> None:
    barrier = threading.Barrier(4)
    results: list[tuple[str, list]] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            barrier.wait(timeout=10)
            results.append(open_and_search(pack, cache_dir))
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert len(results) == 4
    assert len({tuple(hits) for _, hits in results}) == 1
    assert sorted(source for source, _ in results) == ["built", "cache", "cache", "cache"]


def test_four_threads_building_different_indexes_at_once(tmp_path: Path) -> None:
    packs = [make_pack(pack_id=f"pack-{n}") for n in range(4)]
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []
    sources: list[str] = []

    def work(pack: Pack, cache_dir: Path) -> None:
        try:
            barrier.wait(timeout=10)
            source, hits = open_and_search(pack, cache_dir)
            assert hits
            sources.append(source)
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            errors.append(error)

    threads = [
        threading.Thread(target=work, args=(pack, tmp_path / f"cache-{n % 2}"))
        for n, pack in enumerate(packs)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sources == ["built"] * 4


@pytest.mark.slow
@pytest.mark.parametrize("round_", range(3))
def test_two_processes_building_at_once_both_succeed(tmp_path: Path, round_: int) -> None:
    cache_dir = tmp_path / "cache"
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    children = [
        subprocess.Popen(
            [sys.executable, str(CHILD), str(cache_dir), str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(2)
    ]
    go.write_text("go")
    reports = []
    for child in children:
        out, err = child.communicate(timeout=60)
        assert child.returncode == 0, err
        assert err == ""
        reports.append(json.loads(out))
    assert [r["first"] for r in reports] == [["meeting", "helsinki"]] * 2
    assert reports[0]["total"] == reports[1]["total"] > 0
    assert {r["source"] for r in reports} <= {"built", "cache"}
    assert open_and_search(make_pack(), cache_dir)[0] == "cache"
    assert not [p for p in search_cache.root(cache_dir).iterdir() if p.name.startswith(".")]
