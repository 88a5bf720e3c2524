"""``import`` from a named pipe says it waits for what is written to it (it looked like a command
that hangs, when nothing wrote), then imports what comes."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from support.terminal import summitreader


def test_import_from_a_pipe_says_it_waits_then_imports(tmp_path: Path) -> None:
    data, cache = tmp_path / "data", tmp_path / "cache"
    folders = ["--data-dir", str(data), "--cache-dir", str(cache)]
    subprocess.run(summitreader(*folders, "bookmarks", "add", "introduction", "2"), check=False)
    exported = subprocess.run(
        summitreader(*folders, "export", "-"), capture_output=True, check=True
    ).stdout
    pipe = tmp_path / "progress.json"
    os.mkfifo(pipe)
    importing = subprocess.Popen(
        summitreader(
            *["--data-dir", str(tmp_path / "other"), "--cache-dir", str(cache)], "import", str(pipe)
        ),
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert importing.stderr is not None
        said = importing.stderr.readline()  # written before the pipe is opened
        assert f"{pipe} is a pipe: waiting for what is written to it" in said
        with pipe.open("wb") as writer:
            writer.write(exported)
        out, _ = importing.communicate(timeout=120)
    finally:
        if importing.poll() is None:
            importing.kill()
            importing.wait()
    assert importing.returncode == 0
    assert "Imported from" in out
