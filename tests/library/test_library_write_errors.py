"""A file that cannot be written while adding or removing a pack is said in words ("the disk
is full", "the disk is read-only"), never as "[Errno 28] No space left on device"; what was
half-made is gone. The add runs in a child process under a real limit on the size of the files
it may write (RLIMIT_FSIZE)."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from summitreader.library import os_problem

CHILD = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))
from summitreader.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EROFS, "the disk is read-only"),
        (errno.EFBIG, "File too large"),
    ],
)
def test_write_errors_are_said_in_words(tmp_path, number, words):
    try:
        raise OSError(number, os.strerror(number), str(tmp_path / "x"))
    except OSError as error:
        assert os_problem(error) == words


def test_add_that_cannot_write_the_pack_says_why_in_words(tmp_path: Path) -> None:
    pytest.importorskip("resource")
    article = tmp_path / "big.md"
    article.write_text(
        "# Big\n\n" + ("Some words in a paragraph of text here. " * 20 + "\n\n") * 200,
        encoding="utf-8",
    )
    data = tmp_path / "data"
    result = subprocess.run(
        [sys.executable, "-c", CHILD, "--data-dir", str(data), "--cache-dir",
         str(tmp_path / "cache"), "add", str(article)],
        capture_output=True,
        timeout=120,
        check=False,
    )
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert "internal error" not in err and "Errno" not in err
    assert "the library cannot be written: File too large" in err
    assert [p.name for p in (data / "library").iterdir() if not p.name.endswith(".lock")] == []
