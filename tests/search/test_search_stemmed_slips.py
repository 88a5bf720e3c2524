"""A one-letter slip that the stemmer hides (``Helsinky`` is indexed as ``helsinki``) is a
correction like any other: the results are the corrected word's, and the reader is told."""

from __future__ import annotations

from pathlib import Path

import pytest

from summitreader.cli import main
from summitreader.search import SearchIndex


@pytest.mark.parametrize("as_you_type", [False, True])
def test_a_slip_the_stemmer_hides_says_what_it_shows(
    default_index: SearchIndex, as_you_type: bool
) -> None:
    typo = default_index.search("Helsinky", as_you_type=as_you_type)
    assert typo.suggestion == "Helsinki" and typo.corrected
    assert typo.hits and typo.hits[0].id == "helsinki"


@pytest.mark.parametrize("word", ["meetings", "helsinki", "interfering", "agrees", "summits"])
def test_a_form_of_a_word_is_no_slip(default_index: SearchIndex, word: str) -> None:
    result = default_index.search(word)
    assert not result.corrected and result.suggestion is None


def test_the_command_line_says_what_it_shows(
    tmp_path: Path, shared_cache_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--data-dir", str(tmp_path), "--cache-dir", str(shared_cache_dir), "search"]
    assert main([*args, "Helsinky", "--limit", "1"]) == 0
    out, err = capsys.readouterr()
    assert "Showing results for “Helsinki”." in err and "Helsinki" in out
    assert main([*args, "date:2018", "summit1l", "--limit", "1"]) == 0
    assert "Showing results for “date:2018 summit”." in capsys.readouterr().err
