"""The count of results is of every match, whatever ``--limit`` asks to see: a takeaway and its
paragraph are one result (the repeat is left out) among all the matches, not only among those
shown. And a query being typed finds at least what the same query finds once entered."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summitreader.cli import main
from summitreader.search import SearchIndex
from summitreader.search.query import as_prefix

LIMITS = (1, 2, 3, 5, 12, 20, 50)


@pytest.mark.parametrize("query", ["Helsinki", "interfering", "summit", "Putin"])
def test_the_count_is_the_same_whatever_the_limit(default_index: SearchIndex, query: str):
    counts = {limit: default_index.search(query, limit=limit).total for limit in LIMITS}
    assert len(set(counts.values())) == 1, counts
    everything = default_index.search(query, limit=200)
    assert everything.total == len(everything.hits) == counts[1]
    # The app asks for its own number of hits, as it types: the same count.
    assert default_index.search(query, limit=50, as_you_type=False).total == counts[1]


def test_a_takeaway_and_its_paragraph_count_once(default_index: SearchIndex):
    everything = default_index.search("Helsinki", limit=200)
    kinds = {hit.kind for hit in everything.hits}
    assert "takeaway" in kinds or "paragraph" in kinds
    places = [
        (hit.section, hit.paragraph)
        for hit in everything.hits
        if hit.kind in ("takeaway", "paragraph")
    ]
    assert len(places) == len(set(places))
    assert everything.total == len(everything.hits)


@pytest.mark.parametrize("limit", ["1", "3", "8"])
def test_the_cli_says_the_same_count_whatever_the_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], limit: str
):
    folders = ["--data-dir", str(tmp_path / "data"), "--cache-dir", str(tmp_path / "cache")]
    assert main([*folders, "search", "Helsinki", "--limit", limit]) == 0
    assert f"{limit} of 9 matches" in capsys.readouterr().out
    assert main([*folders, "search", "Helsinki", "--limit", "20", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 9


def test_a_query_being_typed_finds_what_it_finds_once_entered(default_index: SearchIndex):
    typed = 'negotiating OR "sphere of'
    entered = default_index.search(typed, limit=50)
    as_typed = default_index.search(typed, limit=50, as_you_type=True)
    assert entered.total == 2
    assert {(h.kind, h.id, h.paragraph) for h in entered.hits} <= {
        (h.kind, h.id, h.paragraph) for h in as_typed.hits
    }


def test_a_left_out_last_word_is_no_prefix_after_other_words():
    assert as_prefix("sphere of") == "sphere of"
    assert as_prefix("Helsinki a") == "Helsinki a"
    assert as_prefix("of") == "of*"
    assert as_prefix("sphere inf") == "sphere inf*"
