"""A short file written as cp1252, whose only bytes past ASCII are its curly quotes, dash and
euro sign: ``add`` names cp1252 (not a DOS code page that garbles them), and following its
advice keeps the text. A file whose encoding is not sure is said to be so, with the likely
candidates. Real command line, real pack loaded from the library."""

from __future__ import annotations

from pathlib import Path

import pytest

from summitreader.cli import main
from summitreader.pack import load_pack

SENTENCE = "He said “hello” — and left in 1998 with €50."


def _add(tmp_path: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(["--data-dir", str(tmp_path / "data"), "add", *argv])
    _, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, err


@pytest.mark.parametrize("ending", ["", "\n"], ids=["bare", "with-newline"])
def test_cp1252_punctuation_is_named_cp1252_and_its_advice_keeps_the_text(
    tmp_path, capsys, ending
):
    article = tmp_path / "cp1252.txt"
    article.write_bytes((SENTENCE + ending).encode("cp1252"))
    code, err = _add(tmp_path, capsys, str(article))
    assert code != 0
    assert "it reads as cp1252: add --encoding cp1252" in err
    code, err = _add(tmp_path, capsys, "--encoding", "cp1252", str(article))
    assert code == 0, err
    (folder,) = (tmp_path / "data" / "library").iterdir()
    pack = load_pack(folder)
    assert [p.text for s in pack.sections for p in s.paragraphs] == [SENTENCE]


def test_letters_of_a_dos_code_page_are_not_taken_for_cp1252_punctuation(tmp_path, capsys):
    # In cp437, ö is 0x94 (” in cp1252) and ü is 0x81: inside words, so no punctuation.
    article = tmp_path / "german.txt"
    article.write_bytes("Das ist schön und grün, sagte er.\n".encode("cp437"))
    code, err = _add(tmp_path, capsys, str(article))
    assert code != 0
    assert "cp1252" not in err
    assert "its encoding is not sure: it may be cp437" in err
    assert "try add --encoding with one of these and check the text" in err
