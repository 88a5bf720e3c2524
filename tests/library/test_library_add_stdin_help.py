"""``add -`` reads the article from standard input; ``add --help`` carries the rules itself
(a user who installed the wheel has no README)."""

from __future__ import annotations

import io
import sys

import pytest

from summitreader.cli import main
from summitreader.pack import load_pack

ARTICLE = (
    "# Piped\n\nThe bridge over the river was opened on 16 July 2018 after a construction "
    "that lasted many long years.\n"
)


def test_add_dash_reads_the_article_from_standard_input(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    code = main(["--data-dir", str(tmp_path), "add", "-", "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    pack = load_pack(tmp_path / "library" / "piped")
    assert pack.title == "Piped"
    assert pack.source == "Added from stdin"
    assert '"id": "piped"' in out


def test_add_help_states_the_rules_without_pointing_to_the_readme(capsys):
    with pytest.raises(SystemExit):
        main(["add", "--help"])
    out = capsys.readouterr().out
    assert "README" not in out
    for rule in ("bold lead", "8 to 45 words", "stop word", "400 in all", "- for stdin"):
        assert rule in " ".join(out.split()), rule



def test_an_article_without_a_heading_on_standard_input_is_titled_by_its_first_line(
    capsys, monkeypatch, tmp_path
):
    # It was titled "Stdin" (the name of the temporary file it is kept in while it is added).
    text = "Tide mills ground grain on estuaries for centuries along the coasts of Europe.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    code = main(["--data-dir", str(tmp_path), "add", "-", "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert '"id": "stdin"' not in out
    (folder,) = (tmp_path / "library").iterdir()
    pack = load_pack(folder)
    assert pack.title.startswith("Tide mills ground grain")
    assert len(pack.title) <= 60
