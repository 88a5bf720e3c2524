"""The reader's notes: searched with everything else, replaced whenever they change."""

from __future__ import annotations

from pathlib import Path

from summitreader.pack.model import Pack
from summitreader.search import SearchIndex
from summitreader.search.cache import root
from support.search_pack import keys


def test_a_note_written_is_then_found(fresh_index: SearchIndex) -> None:
    assert fresh_index.search("zeppelin").hits == []
    fresh_index.set_notes([(7, "analysis", 2, "Compare with the zeppelin treaty of 1929.")])
    result = fresh_index.search("zeppelin")
    assert keys(result) == [("note", "7", 2)]
    hit = result.hits[0]
    assert (hit.section, hit.paragraph, hit.title) == ("analysis", 2, "Your note")
    assert hit.where == "Note · Deeper Analysis ¶2"
    assert [s.text for s in hit.snippet if s.match] == ["zeppelin"]


def test_notes_are_ranked_with_the_rest(fresh_index: SearchIndex) -> None:
    fresh_index.set_notes([(1, "opening", 2, "Helsinki, Helsinki, Helsinki: the word of the day.")])
    found = keys(fresh_index.search("helsinki"))
    assert ("note", "1", 2) in found
    assert ("meeting", "helsinki", None) in found
    assert fresh_index.search("helsinki").total == len(found)


def test_notes_are_replaced_not_added(fresh_index: SearchIndex) -> None:
    fresh_index.set_notes([(1, "opening", 1, "first thoughts about zeppelins")])
    fresh_index.set_notes([(2, "outlook", 1, "second thoughts about blimps")])
    assert fresh_index.search("zeppelins").hits == []
    assert keys(fresh_index.search("blimps")) == [("note", "2", 1)]
    fresh_index.set_notes([])
    assert fresh_index.search("blimps").hits == []
    assert fresh_index.search("helsinki").hits


def test_a_note_can_be_filtered_and_completed_and_corrected(fresh_index: SearchIndex) -> None:
    fresh_index.set_notes([(3, "outlook", 2, "Sanctions and the zeppelin industry.")])
    assert keys(fresh_index.search("kind:note")) == [("note", "3", 2)]
    assert keys(fresh_index.search("sanctions", kinds=["note"])) == [("note", "3", 2)]
    assert keys(fresh_index.search("zeppe", as_you_type=True)) == [("note", "3", 2)]
    result = fresh_index.search("zepellin")
    assert keys(result) == [("note", "3", 2)]
    assert result.suggestion == "zeppelin"
    assert ("note", "3", 2) in keys(fresh_index.search("section:outlook"))


def test_notes_never_reach_the_cache(pack: Pack, cache_dir: Path) -> None:
    with SearchIndex.open(pack, cache_dir) as index:
        index.set_notes([(1, "opening", 1, "a private zeppelin remark")])
        assert index.search("zeppelin").hits
    cached = b"".join(p.read_bytes() for p in root(cache_dir).rglob("*") if p.is_file())
    assert b"zeppelin" not in cached
    with SearchIndex.open(pack, cache_dir) as index:
        assert index.source == "cache"
        assert index.search("zeppelin").hits == []


def test_note_text_is_cleaned_and_markup_kept(fresh_index: SearchIndex) -> None:
    fresh_index.set_notes(
        [(4, "opening", 1, "See \x1b[31m[b]zeppelin[/b]\x1b[0m \u202ehere\u202c.")]
    )
    hit = fresh_index.search("zeppelin").hits[0]
    assert hit.snippet_text == "See [b]zeppelin[/b] here."


def test_a_note_on_an_unknown_section_is_still_found(fresh_index: SearchIndex) -> None:
    fresh_index.set_notes([(5, "gone", 9, "zeppelin")])
    hit = fresh_index.search("zeppelin").hits[0]
    assert (hit.section, hit.paragraph, hit.where) == ("gone", 9, "Note · gone ¶9")
