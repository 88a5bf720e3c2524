"""Adding and removing packs when things go wrong: a leftover of a killed ``remove`` or ``add``,
a disk that refuses the backup, two ``add`` of the same article at once. Through the command
line's own entry point (in this process, or as real processes where two must run at once), on a
real library folder and progress file."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from summitreader.cli import main
from summitreader.library import BACKUP_FOLDER, LibraryBusy, library_dir, library_lock
from summitreader.pack import load_pack
from summitreader.progress import open_store

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLE = FIXTURES / "photosynthesis.md"


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), "--cache-dir", str(data / "cache"), *args])
    out, err = capsys.readouterr()
    return code, out, err


def added_with_progress(capsys: pytest.CaptureFixture[str], data: Path) -> Path:
    """The article added, with a section of it read (so its progress has something to back
    up); returns its folder."""
    code, _, err = run(capsys, data, "add", str(ARTICLE))
    assert code == 0, err
    folder = library_dir(data) / "photosynthesis"
    with open_store(data, load_pack(folder)) as store:
        store.mark_read("overview")
    return folder


def command(data: Path, *args: str) -> list[str]:
    return [
        sys.executable,
        "-c",
        "import sys; from summitreader.cli import main; sys.exit(main(sys.argv[1:]))",
        "--data-dir",
        str(data),
        "--cache-dir",
        str(data / "cache"),
        *args,
    ]


def test_remove_finishes_what_a_killed_remove_left_and_removes_the_pack(capsys, tmp_path):
    folder = added_with_progress(capsys, tmp_path)
    # A remove killed while deleting: its progress was backed up, its folder half deleted.
    leftover = library_dir(tmp_path) / ".removing-photosynthesis"
    leftover.mkdir()
    (leftover / "sections").mkdir()
    (leftover / "sections" / "overview.md").write_text("half deleted")

    code, out, err = run(capsys, tmp_path, "remove", "photosynthesis", "--yes")

    assert code == 0, err
    assert "internal error" not in err
    assert "interrupted remove" in err
    assert "Removed 'photosynthesis'" in out
    assert not folder.exists() and not leftover.exists()
    assert list(library_dir(tmp_path).iterdir()) == []
    [backup] = (tmp_path / BACKUP_FOLDER).iterdir()
    assert json.loads(backup.read_text())["read_sections"][0]["section"] == "overview"


def test_packs_finishes_a_killed_remove_too(capsys, tmp_path):
    added_with_progress(capsys, tmp_path)
    leftover = library_dir(tmp_path) / ".removing-old"
    (leftover / "sections").mkdir(parents=True)
    code, out, err = run(capsys, tmp_path, "packs")
    assert code == 0, err
    assert "the pack 'old' an interrupted remove had begun to delete" in err
    assert not leftover.exists()
    assert "photosynthesis" in out


def _fill_the_disk() -> None:
    """In the child: a file may grow to 300 bytes at most, and going past it fails with an
    error (EFBIG) as a full disk does (ENOSPC), instead of killing the process."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (300, 300))


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="needs RLIMIT_FSIZE")
def test_remove_on_a_disk_that_refuses_the_backup_removes_nothing(capsys, tmp_path):
    folder = added_with_progress(capsys, tmp_path)
    before = sorted(p.relative_to(folder) for p in folder.rglob("*"))

    result = subprocess.run(
        command(tmp_path, "remove", "photosynthesis", "--yes"),
        capture_output=True,
        text=True,
        preexec_fn=_fill_the_disk,
        timeout=120,
        check=False,
    )

    assert result.returncode == 1, result.stderr
    assert "internal error" not in result.stderr
    assert "could not be backed up (File too large): nothing was removed" in result.stderr
    assert sorted(p.relative_to(folder) for p in folder.rglob("*")) == before
    assert [p.name for p in library_dir(tmp_path).iterdir() if p.name.startswith(".r")] == []
    backups = tmp_path / BACKUP_FOLDER
    assert not backups.exists() or list(backups.iterdir()) == []
    # The disk has room again: the pack is removed, its progress backed up.
    code, _, err = run(capsys, tmp_path, "remove", "photosynthesis", "--yes")
    assert code == 0, err
    assert not folder.exists()
    assert len(list(backups.iterdir())) == 1


def test_two_adds_of_one_article_at_once_make_one_pack(tmp_path):
    library = library_dir(tmp_path)
    # While this test holds the library's lock, both adds start and wait for it; released, they
    # run one after the other, as two adds started at the same moment would.
    with library_lock(library):
        adds = [
            subprocess.Popen(
                command(tmp_path, "add", str(ARTICLE)),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        for add in adds:
            assert add.stderr is not None
            assert "waiting" in add.stderr.readline()
    results = [add.communicate(timeout=120) for add in adds]
    codes = sorted(add.returncode for add in adds)
    assert codes == [0, 1], results
    errors = " ".join(err for _, err in results)
    assert "already in the library, as 'photosynthesis'" in errors
    assert sorted(p.name for p in library.iterdir() if not p.name.startswith(".")) == [
        "photosynthesis"
    ]


def test_add_deletes_what_a_killed_add_left_but_not_what_a_live_one_owns(capsys, tmp_path):
    library = library_dir(tmp_path)
    # A live add holds the lock while it writes its folder: nothing of it is touched.
    with library_lock(library):
        live = library / ".adding-l1ve"
        (live / "sections").mkdir(parents=True)
        code, _, err = run(capsys, tmp_path, "packs")
        assert code == 0, err
        assert live.exists()
    # Its process is killed: the folder stays, and no process owns it any more.
    assert live.exists()

    code, _, err = run(capsys, tmp_path, "add", str(ARTICLE))
    assert code == 0, err
    assert "deleted a pack half-added by an interrupted add" in err
    assert sorted(p.name for p in library.iterdir()) == ["photosynthesis"]


def test_the_lock_is_released_when_its_process_is_killed(tmp_path):
    library = library_dir(tmp_path)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from summitreader.library import library_lock\n"
            f"with library_lock({str(library)!r}):\n"
            "    print('held', flush=True); time.sleep(600)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        with pytest.raises(LibraryBusy), library_lock(library, wait=False):
            pass
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.communicate()
    with library_lock(library, wait=False) as tidied:
        assert tidied == []
