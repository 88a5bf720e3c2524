"""``add -`` when the temporary folder has no room for the article read from standard input:
a clear message, no internal error, and no ``summitreader-stdin-*`` folder left behind. The
room is taken by a real limit on the size of files the process may write (RLIMIT_FSIZE), in a
child process running the real command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("resource")

CHILD = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, 256 * 1024))
from summitreader.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_add_from_stdin_without_room_says_so_and_leaves_nothing(tmp_path: Path) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    article = "# Big\n\n" + ("Some words in a paragraph of text here. " * 20 + "\n\n") * 2300
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            CHILD,
            "--data-dir",
            str(tmp_path / "data"),
            "--cache-dir",
            str(tmp_path / "cache"),
            "add",
            "-",
        ],
        input=article.encode(),
        capture_output=True,
        env={**os.environ, "TMPDIR": str(temporary)},
        timeout=120,
        check=False,
    )
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert "internal error" not in err
    assert "the article on standard input could not be kept in a temporary file" in err
    assert "nothing was added" in err
    assert list(temporary.iterdir()) == []
    assert not (tmp_path / "data" / "library").exists() or not any(
        (tmp_path / "data" / "library").iterdir()
    )
