"""A short word the index does not hold is not silently replaced by a word one letter away."""

from __future__ import annotations

from summitreader.search import SearchIndex


def test_iraq_does_not_show_the_hits_of_iran(default_index: SearchIndex) -> None:
    result = default_index.search("iraq")
    assert not result.corrected
    assert result.hits == []
    # The near word is still offered, for the reader to choose.
    assert result.suggestion == "iran"
    # A long word with a slip is still corrected in the results.
    assert default_index.search("sanctionss").corrected
