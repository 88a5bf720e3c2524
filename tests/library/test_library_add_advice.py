"""What ``add`` tells the user when it cannot read the file, and how to open what it made: the
encoding it names for a file that is not UTF-8 is one that reads it right (or none), a folder is
called a folder with its whole path, and the command to open the pack has the folders used."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from summitreader.cli import main

RUSSIAN = "Москва - столица России. В 1147 году основана.\n\nВторой абзац текста.\n"
CHINESE = "# 中文文章\n\n北京是中国的首都。1949年成立。\n"
FRENCH = (
    "Café culture in Paris\n\nThe cafés of Paris were the centre of intellectual life in the "
    "1920s, and writers such as Hemingway met there daily to talk and write.\n"
)


def _add(tmp_path: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(["--data-dir", str(tmp_path / "data"), "add", *argv])
    except SystemExit as exit:
        code = exit.code if isinstance(exit.code, int) else 1
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


@pytest.mark.parametrize(
    ("text", "encoding", "named"),
    [(RUSSIAN, "cp1251", "cp1251"), (RUSSIAN, "koi8-r", "koi8-r"), (FRENCH, "cp1252", "cp1252")],
    ids=["cp1251", "koi8-r", "cp1252"],
)
def test_the_encoding_named_is_the_files_own_and_adding_with_it_keeps_the_text(
    tmp_path, capsys, text, encoding, named
):
    article = tmp_path / "article.txt"
    article.write_bytes(text.encode(encoding))
    code, _, err = _add(tmp_path, capsys, str(article))
    assert code != 0
    assert f"it reads as {named}: add --encoding {named}" in err
    code, _, err = _add(tmp_path, capsys, "--encoding", named, "--json", str(article))
    assert code == 0, err
    pack = next((tmp_path / "data" / "library").iterdir())
    written = "".join(p.read_text("utf-8") for p in sorted((pack / "sections").iterdir()))
    assert text.split("\n")[2][:20] in written


@pytest.mark.parametrize(
    ("text", "encoding"), [(CHINESE, "gb18030"), (RUSSIAN, "cp1251")], ids=["gb18030", "cp1251"]
)
def test_no_western_encoding_is_named_for_a_file_not_in_one(tmp_path, capsys, text, encoding):
    article = tmp_path / "article.md"
    article.write_bytes(text.encode(encoding))
    code, _, err = _add(tmp_path, capsys, str(article))
    assert code != 0
    assert "not UTF-8" in err
    assert "cp1252" not in err and "iso-8859-15" not in err and "mac-roman" not in err


def test_a_folder_is_called_a_folder_with_its_whole_path(tmp_path, capsys):
    folder = tmp_path / "articles"
    folder.mkdir()
    code, _, err = _add(tmp_path, capsys, str(folder))
    assert code != 0
    assert f"{folder} is a folder, not a file" in err


def test_a_missing_file_is_named_with_its_whole_path(tmp_path, capsys):
    missing = tmp_path / "nowhere" / "article.md"
    code, _, err = _add(tmp_path, capsys, str(missing))
    assert code != 0
    assert f"{missing}: there is no file here" in err


def test_the_command_to_open_the_pack_names_the_data_folder_given(tmp_path, capsys):
    article = tmp_path / "bees.md"
    article.write_text("# Bees\n\nHoneybees dance to tell where flowers are.\n", "utf-8")
    code, out, err = _add(tmp_path, capsys, str(article))
    assert code == 0, err
    data = shlex.quote(str((tmp_path / "data").absolute()))
    assert f"Open it with: summitreader --data-dir {data} --pack bees" in out
