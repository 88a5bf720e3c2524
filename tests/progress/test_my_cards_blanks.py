"""A cloze card of yours has at most MAX_BLANKS blanks: each blank is a card to study, and a card
of 2,000 blanks (10 KB, under the length limit) made every deck build, stats and export take
seconds to minutes. Each blank's card is built from one split of the text."""

from __future__ import annotations

import pytest

from summitreader.progress.my_cards import MAX_BLANKS, MyCardError, checked_card
from summitreader.study.my_deck import cloze_for


def test_a_card_with_too_many_blanks_is_refused_with_the_count() -> None:
    with pytest.raises(MyCardError, match=f"2,000 blanks; at most {MAX_BLANKS}"):
        checked_card("cloze", "{{a}}" * 2000, "")


def test_a_card_with_the_most_blanks_allowed_is_kept() -> None:
    kind, front, _ = checked_card("cloze", " ".join(["{{word}}"] * MAX_BLANKS), "")
    assert (kind, front.count("{{")) == ("cloze", MAX_BLANKS)


def test_each_blank_is_kept_alone_in_its_card() -> None:
    text = "In {{2018}} they met in {{Helsinki}}, {{Finland}}."
    assert [cloze_for(text, n) for n in (1, 2, 3)] == [
        "In {{2018}} they met in Helsinki, Finland.",
        "In 2018 they met in {{Helsinki}}, Finland.",
        "In 2018 they met in Helsinki, {{Finland}}.",
    ]
