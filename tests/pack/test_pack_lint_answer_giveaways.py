"""The card lint's give-away check on answers: a card whose answer (or an accepted one), once
shown, holds another card's answer gives that card away, as a prompt holding it does. A card's
own answer in its prompt is still warned about, for every accepted answer."""

from __future__ import annotations

from summitreader import paths
from summitreader.pack import Pack, load_pack
from summitreader.pack.lint import lint_cards
from summitreader.pack.model import Card, PassageRef

HERE = PassageRef("opening", 1)


def _default() -> Pack:
    return load_pack(paths.default_pack_dir())


def _messages(cards: list[Card]) -> list[str]:
    return [f"{f.card}: {f.message}" for f in lint_cards(_default(), cards)]


def test_an_answer_holding_another_cards_answer_gives_it_away() -> None:
    year = Card("year", "typed", "In which year did the summit take place?", "2018", (), HERE)
    day = Card("day", "typed", "On which day did it open?", "16 July 2018", (), HERE)
    assert (
        "day: its answer, once shown, gives away the answer of card 'year': '2018'"
        in _messages([year, day])
    )


def test_an_accepted_answer_gives_away_too() -> None:
    law = Card("law", "typed", "What did he call the bill?", "seriously flawed", (), HERE)
    other = Card(
        "other",
        "typed",
        "What did the statement say?",
        "a bad bill",
        (),
        HERE,
        accept=("a seriously flawed bill",),
    )
    assert (
        "other: its answer, once shown, gives away the answer of card 'law': 'seriously flawed'"
        in _messages([law, other])
    )


def test_short_answers_and_unrelated_answers_are_not_give_aways() -> None:
    many = Card("many", "typed", "How many were sent home?", "60", (), HERE)
    diplomats = Card("diplomats", "typed", "Who was sent home?", "60 diplomats", (), HERE)
    city = Card("city", "typed", "Where did they meet?", "Helsinki", (), HERE)
    assert not any("once shown" in m for m in _messages([many, diplomats, city]))


def test_a_cloze_answer_in_its_own_prompt_is_still_warned_about() -> None:
    cloze = Card(
        "own",
        "cloze",
        "The summit of 1986 in Reykjavik was held in {{Reykjavik}}.",
        "Reykjavik",
        (),
        HERE,
    )
    assert "own: the prompt holds its own answer 'Reykjavik'" in _messages([cloze])


def test_the_shipped_deck_has_no_answer_that_gives_another_away() -> None:
    from summitreader.study.deck import build_deck

    pack = _default()
    assert not [f for f in lint_cards(pack, build_deck(pack)) if "once shown" in f.message]
