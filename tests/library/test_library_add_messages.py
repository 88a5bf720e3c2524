"""What ``add`` and ``validate`` say when something is off, said exactly: an id with a
character an id cannot hold names it (a Cyrillic letter looks Latin); a FIFO, a link in a loop
or a link to nothing is said to be what it is, not "no file"; validate's summary says "1
section (1 paragraph)". Real files, the real command line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from summitreader.cli import main

ARTICLE = "# Alpha\n\nThe alpha article talks about one thing.\n"


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), "--cache-dir", str(data / "cache"), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_an_id_with_a_cyrillic_letter_names_it(capsys, tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    code, _, err = run(capsys, tmp_path / "data", "add", str(tmp_path / "a.md"), "--id", "\u0441")
    assert code == 1
    assert "U+0441 CYRILLIC SMALL LETTER ES" in err
    code, _, err = run(capsys, tmp_path / "data", "add", str(tmp_path / "a.md"), "--id", "9lives")
    assert code == 1
    assert "does not start with a letter" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_said_to_be_no_regular_file(capsys, tmp_path):
    fifo = tmp_path / "fifo.md"
    os.mkfifo(fifo)
    code, _, err = run(capsys, tmp_path / "data", "add", str(fifo))
    assert code == 1
    assert "not a regular file but a named pipe (FIFO)" in err
    assert "there is no file here" not in err


def test_links_that_lead_nowhere_are_said_so(capsys, tmp_path):
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)
    code, _, err = run(capsys, tmp_path / "data", "add", str(loop))
    assert code == 1
    assert "a link that leads nowhere: its links go round in a loop" in err
    dangling = tmp_path / "gone.md"
    dangling.symlink_to(tmp_path / "not-there.md")
    code, _, err = run(capsys, tmp_path / "data", "add", str(dangling))
    assert code == 1
    assert "a link that leads nowhere" in err and "not-there.md is not there" in err
    code, _, err = run(capsys, tmp_path / "data", "add", str(tmp_path / "missing.md"))
    assert code == 1
    assert "there is no file here" in err


def test_validate_counts_in_the_singular(capsys, tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    data = tmp_path / "data"
    code, _, err = run(capsys, data, "add", str(tmp_path / "a.md"), "--id", "one")
    assert code == 0, err
    code, out, err = run(capsys, data, "validate", "one")
    assert "1 section (1 paragraph)" in out
    assert "sections" not in out and "paragraphs" not in out
