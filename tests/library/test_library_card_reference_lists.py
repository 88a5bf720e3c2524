"""Rule 2: a number naming a place in the text is not hidden in a list or a range either
(``sections 15 and 16``, ``chapters 3–5``, ``articles 2, 3 or 4``, ``§ 12``): an added GPL-3 made
the card ``sections 15 and {{16}} of this License``."""

from __future__ import annotations

from pathlib import Path

from summitreader.authoring import add_article
from summitreader.authoring.cards import paragraph_cards
from summitreader.pack import load_pack


def answers(text: str) -> list[str]:
    return [card.answer for card in paragraph_cards(text, 0, 1)]


def test_the_numbers_of_a_list_or_range_of_places_are_not_hidden() -> None:
    assert (
        answers("You must follow the terms of sections 15 and 16 of this License, or stop.") == []
    )
    assert (
        answers("The next chapters 13–15 describe the disputes between the two old families.") == []
    )
    assert answers("The rules of articles 12, 13 or 14 apply to every member of the council.") == []
    assert answers("The duties named in § 12 bind every trustee appointed under this deed.") == []
    assert (
        answers("The appeal was heard under sections 12(a) and 14 of the new statute book.") == []
    )
    assert answers("Read pages 110 to 112 before the first meeting of the reading group.") == []


def test_a_number_after_a_list_of_places_that_is_a_fact_is_still_hidden() -> None:
    assert answers(
        "Sections 15 and 16 were added to the statute after 3,000 people signed the petition."
    ) == ["3,000"]


def test_an_added_licence_hides_no_section_number(tmp_path: Path) -> None:
    article = tmp_path / "licence.md"
    article.write_text(
        "# A licence\n\n## Terms\n\n"
        "A covered work may carry additional permissions, as long as they obey the "
        "terms of sections 15 and 16 of this License in every copy.\n\n"
        "The disclaimer in sections 15 to 17 applies to all 35 kinds of work "
        "described by this licence.\n",
        encoding="utf-8",
    )
    pack = load_pack(add_article(article, tmp_path / "library").path)
    hidden = [card.answer for card in pack.cards]
    assert hidden == ["35"]
