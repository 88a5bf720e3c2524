"""Opening a progress file in any state: old, damaged, newer, unwritable, full, left by a crash."""

from __future__ import annotations

import ctypes
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from summitreader.pack.model import Pack
from summitreader.progress import SCHEMA_VERSION, Position, ProgressNotSaved, Store, open_store
from summitreader.progress.files import DB_NAME
from support.clock import Clock
from support.progress_pack import make_v1_database

HERE = Path(__file__).parent


def user_version(path: Path) -> int:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def layout(conn: sqlite3.Connection) -> dict[str, object]:
    """Tables with their columns, and indexes with theirs."""
    found: dict[str, object] = {}
    for kind, name in conn.execute(
        "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
    ):
        if kind == "table":
            columns = conn.execute(f"PRAGMA table_info({name})")
            found[name] = sorted(tuple(row[1:]) for row in columns)
        else:
            found[name] = [row[2] for row in conn.execute(f"PRAGMA index_info({name})")]
    return found


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


# -- migration -----------------------------------------------------------------------------------


def test_version_1_is_backed_up_and_migrated(
    v1_file: Path, data_dir: Path, pack: Pack, clock: Clock
) -> None:
    with open_store(data_dir, pack, clock=clock) as store:
        assert store.persistent and store.notices == []
        assert store.get_position() == Position("middle", 2, 14.5)
        assert set(store.read_sections()) == {"opening"}  # the removed section is an orphan
        assert [(b.section, b.paragraph) for b in store.bookmarks()] == [("opening", 3)]
        assert [n.text for n in store.notes()] == ["The count of meetings is debatable."]
        deck = [card.id for card in pack.cards]
        assert set(store.card_states(deck)) == {"card-one", "card-two"}
        log = store.review_log(card_ids=deck)
        assert [(r.card_id, r.rating) for r in log] == [
            ("card-one", 3),
            ("card-one", 3),
            ("card-two", 1),
        ]
        assert all(r.duration_ms is None and r.answer is None for r in log)
        assert log[1].due is not None and log[0].due is None  # the latest review's due is known
        assert store.get_setting("new_per_day") == 15
        store.queue_reread("middle")  # the table added by version 2
        store.save_review("card-one", {"state": 2}, 4, clock.now, 1500, "answer")
        assert store.reread_queue() == {"middle"}
    assert user_version(v1_file) == SCHEMA_VERSION

    backups = sorted((data_dir / "backups").iterdir())
    assert [b.name.endswith("-v1.sqlite3") for b in backups] == [True]
    assert user_version(backups[0]) == 1
    conn = sqlite3.connect(backups[0])
    try:
        assert conn.execute("SELECT count(*) FROM reviews").fetchone() == (4,)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()

    with open_store(data_dir, pack, clock=clock):
        pass
    assert len(list((data_dir / "backups").iterdir())) == 1  # no migration, no new backup


def test_a_migrated_file_has_the_layout_of_a_new_one(
    v1_file: Path, tmp_path: Path, pack: Pack
) -> None:
    with open_store(v1_file.parent, pack) as store:
        assert store.persistent
    with open_store(tmp_path / "fresh", pack) as store:
        store.set_setting("theme", "nord")
    migrated = sqlite3.connect(v1_file)
    fresh = sqlite3.connect(tmp_path / "fresh" / DB_NAME)
    try:
        assert layout(migrated) == layout(fresh)
    finally:
        migrated.close()
        fresh.close()


def test_a_failed_migration_leaves_the_file_as_it_was(
    v1_file: Path, data_dir: Path, pack: Pack
) -> None:
    conn = sqlite3.connect(v1_file)  # a table in the way of migration 2
    conn.execute("CREATE TABLE reread_queue (something TEXT)")
    conn.commit()
    conn.close()
    before = v1_file.read_bytes()

    with open_store(data_dir, pack) as store:
        assert not store.persistent
        assert "could not be upgraded" in store.notices[0]
        assert "left as it was" in store.notices[0]
        store.mark_read("opening")  # the session goes on in memory
        assert set(store.read_sections()) == {"opening"}
    assert v1_file.read_bytes() == before
    assert user_version(v1_file) == 1
    names = listing(data_dir)
    assert "progress.sqlite3-journal" not in names and "progress.sqlite3-wal" not in names


def test_backups_are_rotated(data_dir: Path, pack: Pack, clock: Clock) -> None:
    stamps = []
    for _ in range(8):
        make_v1_database(data_dir / "incoming.sqlite3").rename(data_dir / DB_NAME)
        with open_store(data_dir, pack, clock=clock) as store:
            assert store.persistent
        stamps.append(clock.now.astimezone().strftime("%Y%m%d-%H%M%S"))
        clock.advance(seconds=1)
    backups = sorted(p.name for p in (data_dir / "backups").iterdir())
    assert backups == [f"progress-{stamp}-v1.sqlite3" for stamp in stamps[-5:]]


# -- damaged files -------------------------------------------------------------------------------


def make_store_file(data_dir: Path, pack: Pack, clock: Clock) -> Path:
    with open_store(data_dir, pack, clock=clock) as store:
        for number in range(200):
            store.add_note("middle", 1, f"note {number} " + "words " * 40)
    return data_dir / DB_NAME


@pytest.mark.parametrize("damage", ["garbage", "truncated", "text", "page overwritten"])
def test_a_damaged_file_is_moved_aside(
    damage: str, data_dir: Path, pack: Pack, clock: Clock
) -> None:
    path = data_dir / DB_NAME
    if damage == "garbage":
        data_dir.mkdir()
        path.write_bytes(os.urandom(40_000))
    elif damage == "truncated":
        make_store_file(data_dir, pack, clock)
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    elif damage == "page overwritten":  # a valid header; quick_check finds the damage
        make_store_file(data_dir, pack, clock)
        data = bytearray(path.read_bytes())
        page = len(data) // 4096 - 3
        data[page * 4096 + 100 : page * 4096 + 400] = bytes(300)
        path.write_bytes(bytes(data))
    else:
        data_dir.mkdir()
        path.write_text("progress: lots\n")
    damaged = path.read_bytes()

    with open_store(data_dir, pack, clock=clock) as store:
        assert store.persistent
        assert len(store.notices) == 1
        kept = [p for p in data_dir.iterdir() if ".damaged-" in p.name]
        assert len(kept) == 1
        assert str(kept[0]) in store.notices[0]
        assert kept[0].read_bytes() == damaged  # kept as it was
        assert store.notes() == []
        assert not path.exists()  # nothing made until the first write
        store.mark_read("opening")
    with open_store(data_dir, pack, clock=clock) as store:
        assert store.notices == []
        assert set(store.read_sections()) == {"opening"}


def test_two_damaged_files_in_a_row_are_both_kept(data_dir: Path, pack: Pack) -> None:
    data_dir.mkdir()
    for round_ in range(2):
        (data_dir / DB_NAME).write_bytes(b"not a database %d" % round_ * 100)
        with open_store(data_dir, pack) as store:
            assert store.notices
    assert len([p for p in data_dir.iterdir() if ".damaged-" in p.name]) == 2


def test_an_empty_file_is_a_new_store(data_dir: Path, pack: Pack) -> None:
    data_dir.mkdir()
    (data_dir / DB_NAME).write_bytes(b"")
    with open_store(data_dir, pack) as store:
        assert store.persistent and store.notices == []
        store.mark_read("opening")
        assert set(store.read_sections()) == {"opening"}


# -- a newer version -----------------------------------------------------------------------------


def make_newer(data_dir: Path, pack: Pack, clock: Clock, version: int) -> Path:
    with open_store(data_dir, pack, clock=clock) as store:
        store.mark_read("middle")
        store.add_bookmark("ending", 2)
    path = data_dir / DB_NAME
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future_things (x)")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    return path


def test_a_newer_file_is_shown_but_never_written(data_dir: Path, pack: Pack, clock: Clock) -> None:
    path = make_newer(data_dir, pack, clock, SCHEMA_VERSION + 1)
    before, names = path.read_bytes(), listing(data_dir)

    with open_store(data_dir, pack, clock=clock) as store:
        assert not store.persistent
        assert "newer version" in store.notices[0] and str(path) in store.notices[0]
        assert set(store.read_sections()) == {"middle"}
        assert len(store.bookmarks()) == 1
        store.mark_read("opening")  # works for the session, in memory
        store.save_review("card-one", {"state": 1}, 3, clock.now)
        assert set(store.read_sections()) == {"opening", "middle"}
        assert listing(data_dir) == names
    assert path.read_bytes() == before
    assert listing(data_dir) == names


def test_a_newer_file_this_version_cannot_read_gives_an_empty_session(
    data_dir: Path, pack: Pack
) -> None:
    data_dir.mkdir()
    path = data_dir / DB_NAME
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE everything (blob)")
    conn.execute("PRAGMA user_version = 40")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with open_store(data_dir, pack) as store:
        assert not store.persistent
        assert "newer version" in store.notices[0]
        assert store.read_sections() == {}
        store.mark_read("opening")
    assert path.read_bytes() == before


# -- the folder cannot be written ----------------------------------------------------------------


def test_a_data_folder_under_a_regular_file(tmp_path: Path, pack: Pack) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")
    data_dir = blocker / "data"
    with open_store(data_dir, pack) as store:
        assert not store.persistent
        assert "cannot be created or written" in store.notices[0]
        assert "will not be saved" in store.notices[0]
        store.set_position("ending", 2)
        store.add_note("ending", 2, "still works")
        assert store.get_position() == Position("ending", 2)
        assert len(store.notes()) == 1
    assert blocker.read_text() == "in the way"


def test_a_folder_where_the_file_should_be(data_dir: Path, pack: Pack) -> None:
    (data_dir / DB_NAME).mkdir(parents=True)
    with open_store(data_dir, pack) as store:
        assert not store.persistent
        assert "not a regular file" in store.notices[0]
        store.mark_read("opening")
    assert (data_dir / DB_NAME).is_dir()


def test_a_folder_that_becomes_impossible_before_the_first_write(
    tmp_path: Path, pack: Pack
) -> None:
    data_dir = tmp_path / "later" / "data"
    with open_store(data_dir, pack) as store:
        assert store.persistent
        (tmp_path / "later").write_text("a file now")
        with pytest.raises(ProgressNotSaved, match="cannot be created"):
            store.mark_read("opening")
        assert not store.persistent
        store.mark_read("middle")  # from now on, in memory
        assert set(store.read_sections()) == {"middle"}


# -- disk full -----------------------------------------------------------------------------------


def test_a_full_disk_keeps_the_last_good_state(
    store: Store, data_dir: Path, pack: Pack, clock: Clock
) -> None:
    store.add_note("middle", 1, "first")
    store.set_position("middle", 1)
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages}")

    with pytest.raises(ProgressNotSaved, match="disk is full"):
        store.add_note("middle", 2, "x" * 50_000)
    with pytest.raises(ProgressNotSaved, match="disk is full"):
        for number in range(200):
            store.save_review("card-one", {"state": 2, "pad": "y" * 2000}, 3, clock.now)
            store.add_bookmark("ending", number + 1)
    assert [n.text for n in store.notes()] == ["first"]
    assert store.get_position() == Position("middle", 1)
    acknowledged = len(store.review_log())
    store.close()

    assert sorted(p.name for p in data_dir.iterdir()) == [DB_NAME]  # no stray files
    with open_store(data_dir, pack) as again:
        assert [n.text for n in again.notes()] == ["first"]
        assert len(again.review_log()) == acknowledged
        again.add_note("ending", 1, "space again")
        assert len(again.notes()) == 2


# -- a crash ---------------------------------------------------------------------------------------


def test_a_wal_left_by_a_crash_is_recovered(data_dir: Path, pack: Pack) -> None:
    child = textwrap.dedent(
        f"""
        import os, signal, sys
        sys.path.insert(0, {str(HERE.parent)!r})
        from pathlib import Path
        from support.progress_pack import make_pack
        from summitreader.progress import open_store
        store = open_store(Path({str(data_dir)!r}), make_pack())
        for number in range(30):
            store.add_note("middle", 1, f"note {{number}}")
        store.mark_read("ending")
        print("done", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", child], capture_output=True, text=True, timeout=60
    )
    assert result.stdout == "done\n"
    wal = data_dir / (DB_NAME + "-wal")
    assert wal.exists() and wal.stat().st_size > 0

    with open_store(data_dir, pack) as store:
        assert store.persistent and store.notices == []
        assert len(store.notes()) == 30
        assert set(store.read_sections()) == {"ending"}
    assert not wal.exists()
    conn = sqlite3.connect(data_dir / DB_NAME)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()


def test_a_store_made_meanwhile_by_another_instance_is_joined(data_dir: Path, pack: Pack) -> None:
    with open_store(data_dir, pack) as first, open_store(data_dir, pack) as second:
        second.mark_read("opening")
        first.mark_read("ending")  # first's first write finds the file second made
        assert set(first.read_sections()) == {"opening", "ending"}


# -- a folder that cannot be written -------------------------------------------------------------

CRASH = """
import os, signal, sys
sys.path.insert(0, {here!r})
from pathlib import Path
from support.progress_pack import make_pack
from summitreader.progress import open_store
store = open_store(Path({data!r}), make_pack())
store.mark_read("opening")
store.add_note("middle", 2, "kept in the WAL")
os.kill(os.getpid(), signal.SIGKILL)
"""
LOOK = """
import json, sys
sys.path.insert(0, {here!r})
from pathlib import Path
from support.progress_pack import make_pack
from summitreader.progress import open_store
store = open_store(Path({data!r}), make_pack())
print(json.dumps({{"persistent": store.persistent, "notices": store.notices,
    "read": sorted(store.read_sections()), "notes": [n.text for n in store.notes()]}}))
"""


def without_root_powers() -> None:
    """In a child about to run as root: drop the capabilities that let root write anything
    (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), so file permissions apply to it as to a user."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


@pytest.mark.parametrize("shm", [True, False], ids=["with -shm", "without -shm"])
def test_a_read_only_folder_with_a_wal_shows_the_saved_progress(tmp_path: Path, shm: bool) -> None:
    as_a_user = without_root_powers if os.geteuid() == 0 else None
    try:
        subprocess.run([sys.executable, "-c", "pass"], preexec_fn=as_a_user, check=True)
    except (OSError, subprocess.SubprocessError):
        pytest.skip("running as root, and root's powers cannot be dropped here")
    data = tmp_path / "data"
    crashed = subprocess.run(
        [sys.executable, "-c", CRASH.format(here=str(HERE.parent), data=str(data))], timeout=60
    )
    assert crashed.returncode == -signal.SIGKILL
    wal = data / (DB_NAME + "-wal")
    assert wal.stat().st_size > 0  # what was saved is in the WAL only
    if not shm:
        (data / (DB_NAME + "-shm")).unlink()
    for path in data.iterdir():
        path.chmod(0o444)
    data.chmod(0o555)
    before = {p.name: p.read_bytes() for p in data.iterdir()}

    try:
        result = subprocess.run(
            [sys.executable, "-c", LOOK.format(here=str(HERE.parent), data=str(data))],
            capture_output=True,
            text=True,
            timeout=60,
            preexec_fn=as_a_user,
        )
    finally:
        data.chmod(0o755)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    assert seen["persistent"] is False
    assert len(seen["notices"]) == 1 and "cannot be written" in seen["notices"][0]
    assert seen["read"] == ["opening"]
    assert seen["notes"] == ["kept in the WAL"]
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before
