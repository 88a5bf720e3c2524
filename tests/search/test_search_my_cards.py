"""The reader's own cards: found by search, alone with ``kind:card``."""

from __future__ import annotations

from summitreader.search import SearchIndex
from support.search_pack import keys


def test_a_card_of_yours_is_found_and_kind_card_keeps_only_cards(fresh_index: SearchIndex) -> None:
    assert fresh_index.search("zeppelin").hits == []
    fresh_index.set_notes(
        [(3, "opening", 1, "a zeppelin note")],
        [("ab12cd34", "analysis", 2, "The {{zeppelin}} treaty of 1929\n<b>markup</b>")],
    )
    assert set(keys(fresh_index.search("zeppelin"))) == {
        ("note", "3", 1),
        ("card", "ab12cd34", 2),
    }
    result = fresh_index.search("kind:card zeppelin")
    assert keys(result) == [("card", "ab12cd34", 2)]
    hit = result.hits[0]
    assert (hit.title, hit.where) == ("Your card", "Card · Deeper Analysis ¶2")
    assert "The {{zeppelin}} treaty" in "".join(s.text for s in hit.snippet)  # the blank shows
    assert keys(fresh_index.search("zeppelin", kinds=["cards"])) == [("card", "ab12cd34", 2)]
    fresh_index.set_notes([], [])
    assert fresh_index.search("zeppelin").hits == []
