"""The real app in a real pseudo-terminal: what reaches the terminal, under a C locale, with
content that tries to drive it (escape sequences, bidi overrides) and text that is hard to lay out
(right-to-left, emoji sequences, combining marks)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from summitreader.paths import default_pack_dir
from support.terminal import drive, summitreader, terminal_env, visible

HOSTILE = (
    "Injected \x1b]0;owned-title\x07 \x1b]52;c;b3duZWQ=\x07 \x1b[2J \x9b31m \u202eevil\u202c "
    "שלום עולם 👩‍👩‍👧 cafe\u0301 end."
)


@pytest.fixture
def hostile_pack(tmp_path: Path) -> Path:
    root = tmp_path / "pack"
    shutil.copytree(default_pack_dir(), root)
    intro = root / "sections" / "01-introduction.md"
    intro.write_text(HOSTILE + "\n\n" + intro.read_text(encoding="utf-8"), encoding="utf-8")
    return root


def test_content_never_drives_the_terminal_under_a_c_locale(tmp_path, hostile_pack):
    env = terminal_env(LC_ALL="C", TERM="xterm-256color")
    args = summitreader(
        "--pack", str(hostile_pack),
        "--data-dir", str(tmp_path / "data"), "--cache-dir", str(tmp_path / "cache"),
    )
    output, status = drive(args, env, [("Injected", b"q")])
    assert status == 0
    assert b"Traceback" not in output
    assert b"owned" not in output  # neither the window title nor the clipboard (OSC 52) sequence
    assert "\u202e".encode() not in output and b"\x9b" not in output
    shown = visible(output)
    assert "evil" in shown and "end." in shown
    assert "שלום" in shown and "👩" in shown
