"""Ranking on the pack that ships, measured on queries with judged results.

Each query lists the documents a reader asking it wants (judged by reading them, not by which
words they hold: the Osaka meeting is about election interference although it says "meddle").
Precision at 10 is the share of the first ten hits that are wanted. A word's family
(``interfering`` → ``interference``) must raise it where it matters and lower it nowhere.
"""

from __future__ import annotations

from statistics import mean

import pytest

from summitreader.search import SearchIndex, expand
from support.search_pack import keys

Key = tuple[str, str, int | None]

INTERFERENCE: set[Key] = {
    ("issue", "election-interference", None),
    ("meeting", "da-nang", None),
    ("meeting", "helsinki", None),
    ("meeting", "osaka", None),
    ("takeaway", "helsinki-summit-impact", 4),
    ("takeaway", "domestic-political-constraints", 3),
    ("paragraph", "key-takeaways", 3),
    ("paragraph", "key-takeaways", 4),
    ("paragraph", "context-and-background", 1),
    ("paragraph", "context-and-background", 2),
    ("paragraph", "context-and-background", 3),
    ("paragraph", "context-and-background", 4),
    ("paragraph", "pros-and-cons", 5),
    ("paragraph", "in-depth-analysis", 3),
    ("paragraph", "in-depth-analysis", 4),
}

JUDGED: dict[str, set[Key]] = {
    "interfering": INTERFERENCE,
    "interfered": INTERFERENCE,
    "interference": INTERFERENCE,
    "negotiating": {("paragraph", "future-outlook", 4)},
    "elections": INTERFERENCE | {("issue", "sanctions", None)},
    "sanctioned": {
        ("issue", "sanctions", None),
        ("issue", "cybersecurity", None),
        ("issue", "election-interference", None),
        ("meeting", "budapest", None),
        ("meeting", "alaska", None),
    },
    "ceasefire": {
        ("meeting", "alaska", None),
        ("meeting", "hamburg-bilateral", None),
        ("issue", "syria", None),
        ("issue", "sanctions", None),
        ("issue", "ukraine", None),
    },
    "nuclear": {
        ("issue", "arms-control", None),
        ("paragraph", "future-outlook", 2),
        ("paragraph", "pros-and-cons", 3),
        ("paragraph", "in-depth-analysis", 3),
    },
    "controversial": {
        ("takeaway", "helsinki-summit-impact", 4),
        ("paragraph", "pros-and-cons", 10),
        ("paragraph", "context-and-background", 2),
        ("meeting", "helsinki", None),
    },
    "relations": {
        ("paragraph", "call-to-action", 1),
        ("paragraph", "call-to-action", 2),
        ("takeaway", "personal-diplomacy-limits", 6),
        ("paragraph", "pros-and-cons", 4),
        ("paragraph", "pros-and-cons", 10),
        ("paragraph", "pros-and-cons", 12),
        ("paragraph", "future-outlook", 1),
        ("paragraph", "in-depth-analysis", 2),
        ("paragraph", "in-depth-analysis", 6),
        ("meeting", "osaka", None),
    },
}


def precision_at_10(index: SearchIndex, query: str) -> float:
    top = keys(index.search(query, limit=10))
    return sum(1 for key in top if key in JUDGED[query]) / 10


def measure(index: SearchIndex) -> dict[str, float]:
    return {query: precision_at_10(index, query) for query in JUDGED}


def test_a_word_finds_its_family(default_index: SearchIndex) -> None:
    interfering = set(keys(default_index.search("interfering")))
    assert ("issue", "election-interference", None) in interfering
    assert len(interfering) >= 10  # the article speaks of "interference" throughout
    assert ("paragraph", "future-outlook", 4) in keys(default_index.search("negotiating"))
    # The words of the family are marked in the snippets.
    hit = default_index.search("interfering").hits[0]
    assert any(s.match and s.text.lower().startswith("interfer") for s in hit.snippet)


def test_the_family_ranks_below_the_word_typed(default_index: SearchIndex) -> None:
    """The document with the very word comes first; its family follows."""
    assert keys(default_index.search("interfering"))[:2] == [
        ("issue", "election-interference", None),  # in its title: weighted up
        ("meeting", "da-nang", None),  # "interfering" itself
    ]


def test_precision_at_10_rises_with_the_family_and_drops_nowhere(
    default_index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_family = measure(default_index)
    monkeypatch.setattr(expand, "FAMILY_MIN_STEM", 10_000)  # no stem is that long: no family
    without = measure(default_index)
    for query in JUDGED:
        assert with_family[query] >= without[query], query
    assert with_family["interfering"] > without["interfering"]
    assert with_family["negotiating"] > without["negotiating"]
    assert mean(with_family.values()) > mean(without.values())
