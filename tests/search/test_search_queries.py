"""What queries find: words, stems, phrases, operators, filters, prefixes, typos, ranking."""

from __future__ import annotations

import pytest

from summitreader.search import Hit, SearchIndex, SearchResult, Segment
from support.search_pack import keys


def found(index: SearchIndex, text: str, **options) -> set[tuple[str, str, int | None]]:
    return set(keys(index.search(text, **options)))


def test_a_result_is_plain_data(index: SearchIndex) -> None:
    result = index.search("helsinki")
    assert isinstance(result, SearchResult)
    assert result.total == len(result.hits) > 0
    assert result.query == "helsinki"
    assert result.message is None and result.suggestion is None
    for hit in result.hits:
        assert isinstance(hit, Hit)
        assert all(isinstance(segment, Segment) for segment in hit.snippet)
        assert isinstance(hit.score, float) and hit.score > 0


def test_words_are_all_required(index: SearchIndex) -> None:
    assert found(index, "arms ukraine") == {("paragraph", "outlook", 1)}


def test_stemming_finds_other_forms_of_a_word(index: SearchIndex) -> None:
    # "negotiating" finds "negotiate" and "Negotiations".
    assert {("paragraph", "opening", 1), ("paragraph", "analysis", 1)} <= found(
        index, "negotiating"
    )
    # "meetings" finds "meeting".
    assert ("paragraph", "opening", 2) in found(index, "meetings")


def test_a_phrase_needs_its_words_together_and_in_order(index: SearchIndex) -> None:
    hits = found(index, '"arms control"')
    assert ("paragraph", "opening", 3) in hits
    assert ("issue", "arms", None) in hits
    assert ("paragraph", "outlook", 1) not in hits  # "arms limits"
    assert found(index, '"control arms"') == set()


def test_or_and_not(index: SearchIndex) -> None:
    assert found(index, "sanctions OR ukraine") == {
        ("paragraph", "outlook", 1),
        ("paragraph", "outlook", 2),
    }
    assert found(index, "arms AND ukraine") == {("paragraph", "outlook", 1)}
    without = found(index, "arms NOT control")
    assert ("paragraph", "outlook", 1) in without
    assert ("paragraph", "opening", 3) not in without
    assert found(index, "(sanctions OR ukraine) AND NOT arms") == {("paragraph", "outlook", 2)}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind:meeting", {("meeting", "helsinki", None), ("meeting", "hamburg", None)}),
        ("kind:Meetings", {("meeting", "helsinki", None), ("meeting", "hamburg", None)}),
        ("kind:issue", {("issue", "arms", None)}),
        ("date:2018", {("meeting", "helsinki", None)}),
        ("date:2017-07", {("meeting", "hamburg", None)}),
        ("date:2019-02-01", {("issue", "arms", None)}),
        ("date:[2017 TO 2018]", {("meeting", "helsinki", None), ("meeting", "hamburg", None)}),
        ("place:germany", {("meeting", "hamburg", None)}),
        ("section:analysis kind:paragraph", {("paragraph", "analysis", n) for n in (1, 2, 3, 4)}),
        ("section:outlook sanctions", {("paragraph", "outlook", 2)}),
        ("kind:paragraph ceasefire", {("paragraph", "analysis", 4)}),
        ("title:treaty", {("issue", "arms", None)}),
    ],
)
def test_field_filters(index: SearchIndex, query: str, expected: set) -> None:
    assert found(index, query) == expected


def test_kinds_restrict_the_hits_and_the_total(index: SearchIndex) -> None:
    everything = index.search("ceasefire")
    meetings = index.search("ceasefire", kinds=["meeting"])
    assert {hit.kind for hit in everything.hits} == {"meeting", "paragraph"}
    assert keys(meetings) == [("meeting", "hamburg", None)]
    assert meetings.total == 1 < everything.total
    assert index.search("ceasefire", kinds=[]).hits == []
    assert index.search("ceasefire", kinds=["no-such-kind"]).hits == []
    assert keys(index.search("ceasefire", kinds=["Meetings"])) == keys(meetings)
    assert found(index, "ceasefire", kinds=("meeting", "paragraph")) == found(index, "ceasefire")


def test_limit_cuts_the_hits_not_the_total(index: SearchIndex) -> None:
    full = index.search("the OR arms OR summit OR treaty")
    cut = index.search("the OR arms OR summit OR treaty", limit=2)
    assert full.total > 2
    assert len(cut.hits) == 2 and cut.total == full.total
    assert keys(cut) == keys(full)[:2]
    assert index.search("arms", limit=0).hits == []


def test_the_last_word_is_a_prefix_while_typing(index: SearchIndex) -> None:
    assert found(index, "negotia") == set()
    typed = found(index, "negotia", as_you_type=True)
    assert {("paragraph", "opening", 1), ("paragraph", "analysis", 1)} <= typed
    assert ("meeting", "helsinki", None) in found(index, "summit hels", as_you_type=True)
    # Only the last word: an earlier one must be whole.
    assert found(index, "hels summit", as_you_type=True) == set()
    # A space after it means the word is finished.
    assert found(index, "negotia ", as_you_type=True) == set()


def test_an_explicit_wildcard_is_a_prefix(index: SearchIndex) -> None:
    assert ("meeting", "hamburg", None) in found(index, "hambu*")


@pytest.mark.parametrize(
    ("typo", "expected"),
    [
        ("Helsinky", ("meeting", "helsinki", None)),
        ("Helsimki", ("meeting", "helsinki", None)),
        ("Hambrug", ("meeting", "hamburg", None)),  # two letters swapped
        ("ceasfire", ("meeting", "hamburg", None)),  # one left out
        ("sanctionns", ("paragraph", "outlook", 2)),  # one too many
    ],
)
def test_a_one_letter_slip_still_finds_the_word(
    index: SearchIndex, typo: str, expected: tuple
) -> None:
    assert expected in found(index, typo)


@pytest.mark.parametrize(
    ("query", "suggestion"),
    [
        ("Helsimki", "Helsinki"),
        ("ceasfire", "ceasefire"),
        ("Hambrug summit", "Hamburg summit"),
        ('kind:meeting "nuclear contrl"', 'kind:meeting "nuclear control"'),
        ("sanctionz OR ukraine", "sanctions OR ukraine"),
    ],
)
def test_did_you_mean(index: SearchIndex, query: str, suggestion: str) -> None:
    assert index.search(query).suggestion == suggestion


def test_no_suggestion_for_a_query_of_known_words(index: SearchIndex) -> None:
    assert index.search("helsinki summit").suggestion is None
    # Stems to "helsinki", yet is not a word of the text: a slip, corrected and said so.
    assert index.search("Helsinky").suggestion == "Helsinki"
    assert index.search("qqqqqqqq").suggestion is None  # nothing near it


def test_a_title_match_ranks_above_a_mention_in_the_body(index: SearchIndex) -> None:
    hits = keys(index.search("helsinki"))
    assert hits[0] == ("meeting", "helsinki", None)
    assert hits.index(("meeting", "helsinki", None)) < hits.index(("paragraph", "opening", 2))
    # "Outlook" is a section's title: its first paragraph comes first.
    assert keys(index.search("outlook"))[0] == ("paragraph", "outlook", 1)
    # "Arms control" is the title.
    assert keys(index.search("arms control"))[0] == ("issue", "arms", None)


def test_hits_are_ranked_by_score(index: SearchIndex) -> None:
    scores = [hit.score for hit in index.search("arms OR treaty OR summit").hits]
    assert scores == sorted(scores, reverse=True)


def test_where_and_place_of_each_kind(index: SearchIndex) -> None:
    by_key = {
        (h.kind, h.id): h for h in index.search("helsinki OR treaty OR concrete OR analysis").hits
    }
    meeting = by_key["meeting", "helsinki"]
    assert (meeting.where, meeting.title, meeting.section, meeting.paragraph) == (
        "Meeting · 16 Jul 2018",
        "Helsinki summit",
        None,
        None,
    )
    assert by_key["issue", "arms"].where == "Issue"
    takeaway = by_key["takeaway", "limited-success"]
    assert (takeaway.section, takeaway.paragraph) == ("opening", 1)
    assert takeaway.where == "Takeaway · Opening Remarks ¶1"
    paragraph = index.search("helsinki", kinds=["paragraph"]).hits[0]
    assert paragraph.where == "Opening Remarks ¶2"
    assert paragraph.title == "Opening Remarks: Why Summits Matter"
    assert (paragraph.id, paragraph.section, paragraph.paragraph) == ("opening", "opening", 2)


def test_an_index_entry_is_found_by_each_of_its_parts(index: SearchIndex) -> None:
    assert ("meeting", "helsinki", None) in found(index, "interpreters")  # setting detail
    assert ("meeting", "helsinki", None) in found(index, "press conference")  # controversy
    assert ("meeting", "hamburg", None) in found(index, "syria")  # outcome
    assert ("issue", "arms", None) in found(index, "suspends obligations")  # timeline
    assert ("issue", "arms", None) in found(index, '"INF Treaty"')  # alias
    assert ("takeaway", "limited-success", 1) in found(index, "concrete outcomes")


@pytest.mark.parametrize(
    ("typed", "searched"),
    [("helsinki NOT AND putin", "helsinki NOT putin"), ("(helsinki NOT OR)", "(helsinki NOT)")],
)
def test_an_operator_the_parser_cannot_read_after_another_is_left_out_and_said(
    index: SearchIndex, typed: str, searched: str
) -> None:
    """``NOT AND`` failed inside the query parser, and the whole query was searched as plain
    words: now only the second operator is left out, and the message says so."""
    from summitreader.search.query import prepare

    prepared = prepare(typed)
    assert prepared.text == searched
    result = index.search(typed)
    assert result.message is not None and "operator right after another" in result.message
    assert "could not be read as written" not in result.message
    assert found(index, typed) == found(index, searched)


def test_not_not_cancels_itself_rather_than_asking_for_the_opposite(index: SearchIndex) -> None:
    """``NOT NOT helsinki`` became ``NOT helsinki`` when one NOT was left out: every hit but
    Helsinki's."""
    result = index.search("NOT NOT helsinki")
    assert found(index, "NOT NOT helsinki") == found(index, "helsinki")
    assert result.message is not None and "NOT NOT cancels itself" in result.message


@pytest.mark.parametrize("typed", ["helsinki ANDNOT", "ANDNOT helsinki", "helsinki ANDMAYBE"])
def test_andnot_or_andmaybe_without_a_side_is_left_out_and_said(
    index: SearchIndex, typed: str
) -> None:
    """It was searched as the word "andnot", which no text holds: nothing was found, and
    nothing said why (as ``helsinki ANDNOT`` is typed on the way to ``helsinki ANDNOT putin``)."""
    result = index.search(typed)
    assert found(index, typed) == found(index, "helsinki") != set()
    assert result.message is not None and "need words on both sides" in result.message


def test_a_kind_filter_that_names_no_kind_says_so(index: SearchIndex) -> None:
    """``kind:zzz helsinki`` found nothing and said nothing (a slip close enough to a kind,
    ``kind:meetings``, is read as that kind, and says nothing)."""
    result = index.search("kind:zzz helsinki")
    assert not result.hits
    assert result.message is not None
    assert "kind:zzz is no kind of hit" in result.message and "meeting, issue" in result.message
    assert index.search("kind:meeting helsinki").message is None
    assert index.search("kind:meetings helsinki").message is None
