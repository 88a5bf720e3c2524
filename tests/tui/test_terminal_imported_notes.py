"""A note imported from a progress file, in the real app on a real pseudo-terminal: the reader's
note line, the bookmarks and notes list and the note editor show it as text; none of the escape
sequences, C1 controls or bidirectional overrides it carried reach the terminal."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

from summitreader.pack import load_pack
from summitreader.paths import default_pack_dir
from support.terminal import drive, summitreader, terminal_env, visible

HOSTILE_NOTE = (
    "NOTEMARK \x1b]0;owned-title\x07 \x1b]52;c;b3duZWQ=\x07 \x1b[6n \x1b[2J \x1bc \x9b31m "
    "\x9d0;owned\x9c \x90owned\x9c \u202eevil\u202c \u2066iso\u2069 \x85 end"
)


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
    base = summitreader("--pack", str(pack), "--data-dir", str(data))
    imported = subprocess.run(
        [*base, "import", str(progress)],
        capture_output=True,
        text=True,
        timeout=60,
        env=terminal_env(),
    )
    assert imported.returncode == 0, imported.stderr

    env = terminal_env(LC_ALL="C.UTF-8", TERM="xterm-256color")
    output, status = drive(
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
    assert status == 0
    assert b"Traceback" not in output
    assert b"owned" not in output  # no title, clipboard or other string sequence
    assert b"\x1b[6n" not in output  # no cursor-position request
    assert b"\x1bc" not in output  # no terminal reset
    for character in ("\x9b", "\x9d", "\x90", "\x85", "\u202e", "\u2066"):
        assert character.encode() not in output
    shown = visible(output)
    assert "evil" in shown and "end" in shown
