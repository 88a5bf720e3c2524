"""Choices and items are compared by what the reader sees: look-alikes (an invisible character,
a decomposed accent, case) are errors in written cards and never generated; a text made only of
invisible characters is empty."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from summitreader.pack import PackError, load_pack
from summitreader.study.deck import build_deck
from summitreader.text import seen_form
from support.packs import CARDS_YAML, MEETINGS_YAML, replace_once


def _problems(make_pack: Callable[..., Path], files: dict[str, str]) -> list[str]:
    with pytest.raises(PackError) as caught:
        load_pack(make_pack(files))
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    "twin", ["Hel\\u200bsinki", "Hel\\u00adsinki", "HELSINKI", "Helsinki\\u2060"]
)
def test_a_look_alike_choice_is_a_problem(make_pack: Callable[..., Path], twin: str) -> None:
    cards = replace_once(
        CARDS_YAML,
        "choices: [Helsinki, Budapest, Osaka, Paris]",
        f'choices: [Helsinki, Budapest, Osaka, "{twin}"]',
    )
    problems = _problems(make_pack, {"cards.yaml": cards})
    assert any("card-choice" in p and "the same choice is given twice" in p for p in problems)


def test_a_decomposed_twin_looks_the_same() -> None:
    assert seen_form("Töölö") == seen_form("To\u0308o\u0308lo\u0308")
    assert seen_form("Hel\u200bsinki") == seen_form("helsinki")


def test_invisible_characters_alone_are_an_empty_prompt(make_pack: Callable[..., Path]) -> None:
    cards = replace_once(
        CARDS_YAML, "prompt: Which summit was called off?", 'prompt: "\\u200b\\u2060\\u200d"'
    )
    problems = _problems(make_pack, {"cards.yaml": cards})
    assert any("prompt: must not be empty" in p for p in problems), problems


def test_look_alike_places_are_never_generated_as_choices(make_pack: Callable[..., Path]) -> None:
    more = "".join(
        f"- {{id: m{n}, title: Meeting {n}, date: '2019-0{n}-01', place: \"{place}\", "
        f"setting: summit, duration: d, issues: [], outcome: o, controversy: c, "
        f"in_article: false, held: true, sources: ['https://example.org/{n}']}}\n"
        for n, place in enumerate(
            [
                "Hel\\u200bsinki, Finland",
                "Helsinki, Finland.",
                "HELSINKI, FINLAND",
                "Osaka, Japan",
                "Paris, France",
                "Rome, Italy",
            ],
            start=1,
        )
    )
    pack = load_pack(make_pack({"meetings.yaml": MEETINGS_YAML + "\n" + more}))
    where = [c for c in build_deck(pack) if c.id.startswith("gen-where-")]
    assert where
    for card in where:
        looks = ["".join(ch for ch in seen_form(c) if ch.isalnum()) for c in card.choices]
        assert len(set(looks)) == len(looks), card.choices
