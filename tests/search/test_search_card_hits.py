"""How a card of yours shows among the hits: a cloze with its blanks as blanks, a question and
answer as ``Q: … · A: …``, and after the paragraph it was made from rather than above it."""

from __future__ import annotations

from summitreader.search import SearchIndex
from summitreader.search.documents import card_text
from support.search_pack import keys

PARAGRAPH = "Negotiations between the two governments stalled repeatedly."


def snippet(result, kind: str) -> str:
    [hit] = [h for h in result.hits if h.kind == kind]
    return "".join(segment.text for segment in hit.snippet)


def test_a_cloze_shows_its_blanks_and_a_question_its_answer(fresh_index: SearchIndex) -> None:
    cloze = card_text("cloze", "Negotiations between the two {{governments}} stalled", "")
    qa = card_text("qa", "Who met in Hamburg, and when?", "Trump and Putin, at the G20")
    fresh_index.set_notes([], [("c1", "analysis", 1, cloze), ("q1", "opening", 2, qa)])
    result = fresh_index.search("kind:card governments")
    assert "the two {{governments}} stalled" in snippet(result, "card")
    # The hidden word is found and marked inside its blank.
    [hit] = result.hits
    assert [s.text for s in hit.snippet if s.match] == ["governments"]
    text = snippet(fresh_index.search("hamburg"), "card")
    assert text == "Q: Who met in Hamburg, and when? · A: Trump and Putin, at the G20"


def test_a_card_follows_the_paragraph_it_repeats(fresh_index: SearchIndex) -> None:
    # The card's text is the paragraph's: shorter, it would rank above it.
    fresh_index.set_notes([], [("c1", "analysis", 1, "{{Negotiations}} between governments")])
    found = keys(fresh_index.search("negotiations governments"))
    assert ("card", "c1", 1) in found and ("paragraph", "analysis", 1) in found
    assert found.index(("paragraph", "analysis", 1)) < found.index(("card", "c1", 1))
    assert found.index(("card", "c1", 1)) == found.index(("paragraph", "analysis", 1)) + 1
