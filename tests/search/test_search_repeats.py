"""What a result shows beyond its ranking: one hit per passage, and whether it was corrected."""

from __future__ import annotations

from summitreader.search import SearchIndex
from support.search_pack import keys


def test_a_takeaway_and_its_paragraph_are_one_hit(default_index: SearchIndex) -> None:
    for query in ("helsinki", "Helsinki Summit impact", "interference", "personal rapport"):
        result = default_index.search(query, limit=50)
        places = [
            (hit.section, hit.paragraph)
            for hit in result.hits
            if hit.kind in ("takeaway", "paragraph")
        ]
        assert len(places) == len(set(places)), query
        assert result.total >= len(result.hits)
    found = keys(default_index.search("helsinki", limit=50))
    assert ("takeaway", "helsinki-summit-impact", 4) in found
    assert ("paragraph", "key-takeaways", 4) not in found


def test_a_repeat_left_out_leaves_room_for_the_next_hit(default_index: SearchIndex) -> None:
    wide = keys(default_index.search("helsinki", limit=50))
    assert keys(default_index.search("helsinki", limit=3)) == wide[:3]
    assert len(default_index.search("helsinki", limit=3).hits) == 3


def test_a_corrected_query_says_its_hits_are_those_of_the_correction(
    default_index: SearchIndex,
) -> None:
    typo = default_index.search("Helsinkk")
    assert typo.suggestion == "Helsinki" and typo.corrected
    assert typo.hits and typo.hits[0].id == "helsinki"
    known = default_index.search("Helsinki")
    assert known.suggestion is None and not known.corrected
    # Nothing near it: nothing stands in, so the hits are not those of a correction.
    assert not default_index.search("qqqqqqqq").corrected
