"""A progress file opened again by the process that has it open (the Library reading another
pack's progress, a pack switch) must keep the process's own SQLite locks: on POSIX, closing any
descriptor of a file drops every lock the process holds on it. With its locks gone, another
instance closing its connection takes itself for the last one, checkpoints and deletes the
``-wal``, and the first process's later saves go to a deleted file no one else can read."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from summitreader.progress import open_store
from summitreader.progress.files import DB_NAME
from support.progress_pack import make_pack

LAST_CONNECTION = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
conn.close()
"""

READ_NOTES = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
print(conn.execute("SELECT count(*) FROM notes").fetchone()[0])
"""


def test_opening_the_file_again_keeps_the_first_connections_wal(tmp_path: Path) -> None:
    pack = make_pack(sections=("middle",))
    with open_store(tmp_path, pack) as store:
        store.add_note("middle", 1, "before")
    # the app starts on a file whose -wal was checkpointed away: it opens it, writes nothing yet
    with open_store(tmp_path, pack) as store:
        assert store.persistent and store.notes()
        wal = tmp_path / (DB_NAME + "-wal")
        with open_store(tmp_path, pack) as again:  # the same file, opened and closed in-process
            assert again.persistent
        # another instance opens the file and closes: it must not be the last connection
        subprocess.run([sys.executable, "-c", LAST_CONNECTION, str(tmp_path / DB_NAME)],
                       check=True, timeout=60)
        assert wal.exists(), "another instance deleted the -wal this process writes to"
        store.add_note("middle", 1, "after")
        seen = subprocess.run(
            [sys.executable, "-c", READ_NOTES, str(tmp_path / DB_NAME)],
            check=True, timeout=60, capture_output=True, text=True,
        ).stdout.strip()
        assert seen == "2", "a save of the running instance is not visible to another process"
