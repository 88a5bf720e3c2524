"""A progress file with odd things around it: a companion file (``-journal``, ``-wal``,
``-shm``) that is a FIFO, on which SQLite would wait forever; a damaged file in a folder that
cannot be written, so it cannot be moved aside. Each opens, in memory, with a clear notice, and
leaves the files as they were. Real files; the FIFO cases run in a child process, so a hang fails
the test instead of hanging the suite."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_progress_files import LOOK, make_store_file, without_root_powers

from summitreader.pack.model import Pack
from summitreader.progress import open_store
from summitreader.progress.files import DB_NAME
from support.clock import Clock

HERE = Path(__file__).parent


def look(data: Path, *, as_a_user: bool = False) -> dict[str, object]:
    """What a summitreader started on ``data`` sees (in a child process)."""
    result = subprocess.run(
        [sys.executable, "-c", LOOK.format(here=str(HERE.parent), data=str(data))],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=without_root_powers if as_a_user and os.geteuid() == 0 else None,
    )
    assert result.returncode == 0, result.stderr
    seen: dict[str, object] = json.loads(result.stdout)
    return seen


@pytest.mark.parametrize("suffix", ["-journal", "-wal", "-shm"])
def test_a_fifo_beside_the_progress_file_is_never_opened(
    suffix: str, data_dir: Path, pack: Pack, clock: Clock
) -> None:
    with open_store(data_dir, pack, clock=clock) as store:
        store.mark_read("opening")
    fifo = data_dir / (DB_NAME + suffix)
    fifo.unlink(missing_ok=True)
    os.mkfifo(fifo)
    before = (data_dir / DB_NAME).read_bytes()

    seen = look(data_dir)

    assert seen["persistent"] is False
    assert seen["read"] == ["opening"]  # the saved progress is shown
    notices = seen["notices"]
    assert isinstance(notices, list) and len(notices) == 1
    assert str(fifo) in notices[0] and "not a regular file" in notices[0]
    assert fifo.is_fifo() and (data_dir / DB_NAME).read_bytes() == before


def test_a_damaged_file_that_cannot_be_moved_aside_is_kept_and_said(
    data_dir: Path, pack: Pack, clock: Clock
) -> None:
    if os.geteuid() == 0:
        try:
            subprocess.run(
                [sys.executable, "-c", "pass"], preexec_fn=without_root_powers, check=True
            )
        except (OSError, subprocess.SubprocessError):
            pytest.skip("running as root, and root's powers cannot be dropped here")
    path = make_store_file(data_dir, pack, clock)
    data = bytearray(path.read_bytes())
    page = len(data) // 4096 - 3
    data[page * 4096 + 100 : page * 4096 + 400] = bytes(300)  # a page overwritten
    path.write_bytes(bytes(data))
    for leftover in data_dir.iterdir():
        leftover.chmod(0o444)
    data_dir.chmod(0o555)
    before = {p.name: p.read_bytes() for p in data_dir.iterdir()}
    try:
        seen = look(data_dir, as_a_user=True)
    finally:
        data_dir.chmod(0o755)

    assert seen["persistent"] is False
    assert seen["read"] == [] and seen["notes"] == []
    notices = seen["notices"]
    assert isinstance(notices, list) and len(notices) == 1
    assert f"The progress file {path} is damaged" in notices[0]
    assert "kept as it is" in notices[0] and "will not be saved" in notices[0]
    assert {p.name: p.read_bytes() for p in data_dir.iterdir()} == before
