"""A note imported from a progress file, in the real app on a real pseudo-terminal: the reader's
note line, the bookmarks and notes list and the note editor show it as text; none of the escape
sequences, C1 controls or bidirectional overrides it carried reach the terminal."""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

from test_terminal import visible

from summitreader.pack import load_pack
from summitreader.paths import default_pack_dir

DEADLINE = 120.0  # seconds, for the whole run; only to keep a broken run from hanging
# Seconds without output after which the app is taken to be done drawing. Shorter than the half
# second between two blinks of a text box's cursor: with the note editor open the app writes a
# blink every 0.5 s, so a quiet of 0.5 s was met only by chance (and, under load, not at all).
QUIET = 0.2
HOSTILE_NOTE = (
    "NOTEMARK \x1b]0;owned-title\x07 \x1b]52;c;b3duZWQ=\x07 \x1b[6n \x1b[2J \x1bc \x9b31m "
    "\x9d0;owned\x9c \x90owned\x9c \u202eevil\u202c \u2066iso\u2069 \x85 end"
)


def drive(args: list[str], env: dict[str, str], steps: list[tuple[str, bytes]]) -> bytes:
    """Run ``args`` on a 100×30 pseudo-terminal; for each step, wait until its phrase is drawn
    (after the previous step's keys), then type its keys. Returns everything written."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    process = subprocess.Popen(
        args, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    output = bytearray()
    step, since = 0, 0
    deadline = time.monotonic() + DEADLINE
    last_output = time.monotonic()
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                output += chunk
                last_output = time.monotonic()
            if step < len(steps):
                phrase, keys = steps[step]
                drawn = phrase in visible(bytes(output[since:])).replace("\n", " ")
                # type once the app has finished drawing (quiet for a moment), as a user would
                if drawn and time.monotonic() - last_output > QUIET:
                    since = len(output)
                    os.write(master, keys)
                    step += 1
            if process.poll() is not None and not ready:
                break
        if step == len(steps):
            process.wait(timeout=max(1.0, deadline - time.monotonic()))
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        os.close(master)
    assert step == len(steps), (
        f"never drew {steps[step][0]!r}; it wrote:\n{visible(bytes(output))[-2000:]}"
    )
    assert process.returncode == 0
    return bytes(output)


def test_an_imported_note_never_drives_the_terminal(tmp_path: Path) -> None:
    pack, data = default_pack_dir(), tmp_path / "data"
    first = sorted((pack / "sections").glob("*.md"))[0]
    section = first.stem.split("-", 1)[1]
    now = dt.datetime.now(dt.UTC).isoformat()
    progress = tmp_path / "progress.json"
    progress.write_text(
        json.dumps(
            {
                "format": "summitreader-progress",
                "version": 1,
                "pack": {"id": load_pack(pack).id},
                "position": {"section": section, "paragraph": 1, "scroll": 0, "updated": now},
                "notes": [
                    {
                        "uid": "hostile",
                        "section": section,
                        "paragraph": 1,
                        "text": HOSTILE_NOTE,
                        "created": now,
                        "updated": now,
                    }
                ],
            },
            ensure_ascii=True,
        ),
        encoding="utf-8",
    )
    base = [sys.executable, "-m", "summitreader", "--pack", str(pack), "--data-dir", str(data)]
    imported = subprocess.run(
        [*base, "import", str(progress)],
        capture_output=True,
        text=True,
        timeout=60,
        env={key: os.environ[key] for key in ("PATH", "HOME") if key in os.environ},
    )
    assert imported.returncode == 0, imported.stderr

    # Only what the app needs: nothing a test run leaves in this process's environment (a terminal
    # size, a locale, a colour setting) may change what the app draws on the 100×30 terminal.
    env = {key: os.environ[key] for key in ("PATH", "HOME", "SYSTEMROOT") if key in os.environ}
    env.update(LC_ALL="C.UTF-8", TERM="xterm-256color")
    output = drive(
        [*base, "--cache-dir", str(tmp_path / "cache")],
        env,
        [
            ("NOTEMARK", b"l"),  # the reader's note line, then the list
            ("Bookmarks and notes", b"\x1b"),
            ("NOTEMARK", b"n"),  # back in the reader: the note editor
            ("Note on", b"\x1b"),
            ("NOTEMARK", b"q"),
        ],
    )
    assert b"Traceback" not in output
    assert b"owned" not in output  # no title, clipboard or other string sequence
    assert b"\x1b[6n" not in output  # no cursor-position request
    assert b"\x1bc" not in output  # no terminal reset
    for character in ("\x9b", "\x9d", "\x90", "\x85", "\u202e", "\u2066"):
        assert character.encode() not in output
    shown = visible(output)
    assert "evil" in shown and "end" in shown
