"""Grading each kind of card: typed near misses, accents, cloze, choice, and order with partial
credit."""

from __future__ import annotations

import pytest

from summitreader.pack.model import Card, PassageRef
from summitreader.study.grading import (
    AGAIN,
    GOOD,
    HARD,
    DiffPart,
    diff_answer,
    grade_choice,
    grade_order,
    grade_shown,
    grade_typed,
    normalise,
)

HERE = PassageRef("opening", 1)


def typed(answer: str, *accept: str, kind: str = "typed") -> Card:
    return Card("t", kind, "Where?", answer, ("x",), HERE, accept=accept)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  The INF Treaty!  ", "inf treaty"),
        ("Đà Nẵng", "da nang"),
        ("Sergei  Lavrov.", "sergei lavrov"),
        ("9M729 (SSC-8)", "9m729 ssc 8"),
        ("Rosneft & Lukoil", "rosneft and lukoil"),
        ("A", "a"),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    "given", ["Helsinki", "helsinki", "HELSINKI.", "  helsinki ", "Hélsinki", "the Helsinki"]
)
def test_typed_right_whatever_the_case_punctuation_and_accents(given: str) -> None:
    grade = grade_typed(typed("Helsinki"), given)
    assert (grade.rating, grade.verdict, grade.correct) == (GOOD, "right", True)


def test_typed_accepts_the_alternatives() -> None:
    card = typed("Da Nang", "Danang", "Đà Nẵng")
    assert grade_typed(card, "danang").rating == GOOD
    grade = grade_typed(card, "đà nẵng")
    assert grade.rating == GOOD


def test_typed_near_miss_is_hard_with_the_difference() -> None:
    grade = grade_typed(typed("Helsinki"), "Helsinky")
    assert (grade.rating, grade.verdict) == (HARD, "close")
    assert grade.expected == "Helsinki"
    assert DiffPart("changed", "y", "i") in grade.diff
    assert "".join(p.given for p in grade.diff) == "Helsinky"
    assert "".join(p.expected for p in grade.diff) == "Helsinki"


def test_typed_near_miss_against_the_nearest_alternative() -> None:
    grade = grade_typed(typed("the Russian military", "Russian military"), "Rusian military")
    assert grade.rating == HARD


def test_typed_extra_or_missing_words_are_near_misses() -> None:
    assert grade_typed(typed("Helsinki"), "in Helsinki, Finland").rating == HARD
    assert grade_typed(typed("sweeping and systematic"), "sweeping systematic").rating == HARD


def test_typed_miss_is_again() -> None:
    grade = grade_typed(typed("Helsinki"), "Osaka")
    assert (grade.rating, grade.verdict, grade.correct) == (AGAIN, "wrong", False)
    assert grade_typed(typed("Helsinki"), "   ").rating == AGAIN


def test_numbers_must_match_exactly() -> None:
    card = typed("16 July 2018")
    assert grade_typed(card, "16 July 2017").rating == AGAIN
    assert grade_typed(card, "16 Jully 2018").rating == HARD
    assert grade_typed(typed("12", "twelve"), "13").rating == AGAIN
    assert grade_typed(typed("12", "twelve"), "Twelve").rating == GOOD


def test_cloze_is_graded_like_a_typed_answer() -> None:
    card = typed("institutionalized", "institutionalised", kind="cloze")
    assert grade_typed(card, "Institutionalised").rating == GOOD
    assert grade_typed(card, "institutionalizd").rating == HARD
    assert grade_typed(card, "personal").rating == AGAIN


def test_diff_ignores_case_and_accents_but_keeps_what_was_typed() -> None:
    parts = diff_answer("helsínky", "Helsinki")
    assert parts[0] == DiffPart("same", "helsínk", "Helsink")
    assert parts[-1] == DiffPart("changed", "y", "i")
    assert diff_answer("Osak", "Osaka")[-1] == DiffPart("missing", "", "a")
    assert diff_answer("Osakaa", "Osaka")[-1] == DiffPart("extra", "a", "")


def test_choice() -> None:
    card = Card(
        "c",
        "choice",
        "Which?",
        "Budapest",
        ("x",),
        HERE,
        choices=("Helsinki", "Budapest", "Osaka", "Paris"),
    )
    assert grade_choice(card, "Budapest").rating == GOOD
    wrong = grade_choice(card, "Osaka")
    assert (wrong.rating, wrong.expected, wrong.given) == (AGAIN, "Budapest", "Osaka")


ORDER = Card("o", "order", "Order them.", "", ("x",), HERE, items=("A", "B", "C", "D", "E"))


def test_order_all_right_is_good() -> None:
    grade = grade_order(ORDER, ["A", "B", "C", "D", "E"])
    assert (grade.rating, grade.score, grade.positions) == (GOOD, 1.0, (True,) * 5)


def test_order_one_swap_is_hard_with_partial_credit() -> None:
    grade = grade_order(ORDER, ["A", "C", "B", "D", "E"])
    assert grade.rating == HARD
    assert grade.score == pytest.approx(9 / 10)
    assert grade.positions == (True, False, False, True, True)
    three = Card("o3", "order", "Order.", "", ("x",), HERE, items=("A", "B", "C"))
    assert grade_order(three, ["B", "A", "C"]).rating == HARD


def test_order_mostly_wrong_is_again() -> None:
    grade = grade_order(ORDER, ["E", "D", "C", "B", "A"])
    assert (grade.rating, grade.score) == (AGAIN, 0.0)
    assert grade.positions == (False, False, True, False, False)
    assert grade_order(ORDER, ["C", "D", "E", "A", "B"]).rating == AGAIN


def test_order_refuses_an_arrangement_of_other_items() -> None:
    with pytest.raises(ValueError):
        grade_order(ORDER, ["A", "B", "C", "D"])
    with pytest.raises(ValueError):
        grade_order(ORDER, ["A", "B", "C", "D", "Z"])


def test_a_flip_card_proposes_good() -> None:
    card = Card("r", "recall", "Q?", "A.", ("x",), HERE)
    assert grade_shown(card).rating == GOOD


def _typed(answer: str, *accept: str) -> Card:
    return Card(
        id="t",
        card_kind="typed",
        prompt="?",
        answer=answer,
        about=(),
        passage=PassageRef("s", 1),
        accept=accept,
    )


@pytest.mark.parametrize("given", ["The Times", "Times", "Tim"])
def test_a_short_answer_has_no_near_miss_by_spelling(given: str) -> None:
    assert grade_typed(_typed("TIME", "Time magazine"), given).verdict == "wrong"


@pytest.mark.parametrize(
    "given", ["16 January 2018", "June 16, 2018", "16/06/2018", "17 July 2018"]
)
def test_a_wrong_day_or_month_is_wrong(given: str) -> None:
    assert grade_typed(_typed("16 July 2018"), given).verdict == "wrong"


@pytest.mark.parametrize(
    "given",
    ["7/7/2017", "07.07.2017", "July 7th, 2017", "7th of July 2017", "2017-07-07", "7 Jul 2017"],
)
def test_common_forms_of_the_right_date_are_right(given: str) -> None:
    grade = grade_typed(_typed("7 July 2017"), given)
    assert (grade.verdict, grade.rating) == ("right", GOOD)


@pytest.mark.parametrize("given", ["16/07/2018", "07/16/2018", "July 16, 2018", "16.7.2018"])
def test_unambiguous_numeric_dates_are_read_right(given: str) -> None:
    assert grade_typed(_typed("16 July 2018"), given).verdict == "right"


def test_an_accepted_variant_shows_the_card_answer() -> None:
    grade = grade_typed(_typed("the Russian military", "GRU"), "gru")
    assert (grade.verdict, grade.expected, grade.given) == ("right", "the Russian military", "gru")
