"""``--encoding latin-1`` on a file written as cp1252: the bytes 0x80–0x9F (its curly quotes,
dashes, ``œ``) are control codes in latin-1 and are lost, so ``add`` warns and names cp1252."""

from __future__ import annotations

from summitreader.cli import main

TEXT = (
    b"It\x92s a caf\xe9 \x97 an \x9cuvre of the owner, opened on 16 July 2018 after years of "
    b"long and careful work.\n"
)


def test_latin1_on_a_cp1252_file_warns_and_names_cp1252(capsys, tmp_path):
    article = tmp_path / "cafe.txt"
    article.write_bytes(TEXT)
    code = main(["--data-dir", str(tmp_path / "data"), "add", "--encoding", "latin-1",
                 str(article)])
    _, err = capsys.readouterr()
    assert code == 0, err
    assert "cafe.txt has 3 bytes in 0x80–0x9F" in err
    assert "--encoding cp1252" in err


def test_cp1252_or_latin1_without_those_bytes_reads_without_a_warning(capsys, tmp_path):
    article = tmp_path / "cafe.txt"
    article.write_bytes(TEXT)
    code = main(["--data-dir", str(tmp_path / "data"), "add", "--encoding", "cp1252",
                 str(article)])
    _, err = capsys.readouterr()
    assert code == 0 and "warning" not in err
    plain = tmp_path / "plain.txt"
    plain.write_bytes(TEXT.replace(b"\x92", b"'").replace(b"\x97", b"-").replace(b"\x9c", b"oe"))
    code = main(["--data-dir", str(tmp_path / "data"), "add", "--encoding", "latin-1",
                 str(plain)])
    _, err = capsys.readouterr()
    assert code == 0 and "warning" not in err
