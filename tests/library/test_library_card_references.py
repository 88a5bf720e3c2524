"""Rule 2: a number that refers to a place in the text (``section 10``, ``Chapter 12``,
``clause 4``) is not a fact to remember: no card hides it."""

from __future__ import annotations

from summitreader.authoring.cards import paragraph_cards


def answers(text: str) -> list[str]:
    return [card.answer for card in paragraph_cards(text, 0, 1)]


def test_a_number_after_section_chapter_or_clause_is_not_hidden():
    assert answers(
        "The conditions stated in section 10 apply to every copy that you make of the work."
    ) == []
    assert answers("As Chapter 12 explains at length, the covenant binds every later owner.") == []
    assert answers("Under clause 45 the tenant must give the landlord notice in writing.") == []


def test_a_number_that_is_a_fact_is_still_hidden():
    assert answers(
        "The library in the old town holds 3,000 books written before the great fire."
    ) == ["3,000"]
