"""The card lint: each check, its place in the pack, and the default pack clean."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from summitreader import paths
from summitreader.pack import PackError, load_pack
from summitreader.pack.lint import lint_cards
from summitreader.study.deck import build_deck
from support.packs import CARDS_YAML, place, replace_once


def _findings(make_pack: Callable[..., Path], cards: str) -> list[str]:
    pack = load_pack(make_pack({"cards.yaml": cards}))
    return [str(f) for f in lint_cards(pack, build_deck(pack))]


def test_the_default_pack_is_clean() -> None:
    pack = load_pack(paths.default_pack_dir())
    assert [str(f) for f in lint_cards(pack, build_deck(pack))] == []


def test_the_small_pack_is_clean(make_pack: Callable[..., Path]) -> None:
    assert _findings(make_pack, CARDS_YAML) == []


def test_a_typed_prompt_that_holds_its_answer(make_pack: Callable[..., Path]) -> None:
    cards = replace_once(
        CARDS_YAML,
        "prompt: Which treaty does the second paragraph name?",
        "prompt: Which treaty, the inf treaty or another, does the second paragraph name?",
    )
    assert _findings(make_pack, cards) == [
        f"cards.yaml:{place(cards, '- id: card-typed', 1).split(':')[0]}:3: warning: card "
        "'card-typed': the prompt holds its own answer 'INF Treaty'"
    ]


def test_a_cloze_prompt_that_holds_its_answer_outside_the_blank(
    make_pack: Callable[..., Path],
) -> None:
    cards = replace_once(
        CARDS_YAML,
        "prompt: The first point is about {{sanctions}}.",
        "prompt: The first point, on Sanctions, is about {{sanctions}}.",
    )
    (finding,) = _findings(make_pack, cards)
    assert finding.endswith("card 'card-cloze': the prompt holds its own answer 'sanctions'")


def test_a_typed_answer_no_typing_can_match(make_pack: Callable[..., Path]) -> None:
    cards = replace_once(
        CARDS_YAML, "  answer: INF Treaty\n  accept: [INF, the INF Treaty]", '  answer: "?!"'
    )
    # A card of the pack whose every answer lacks a letter or digit is refused by the loader; the
    # lint's error is for generated cards.
    with pytest.raises(PackError, match="no answer has a letter or digit"):
        _findings(make_pack, cards)
    cards = replace_once(CARDS_YAML, "  answer: INF Treaty", '  answer: "—"')
    (finding,) = _findings(make_pack, cards)
    assert "warning: card 'card-typed': the answer '—' has no letter or digit" in finding


def test_choices_and_items_that_differ_only_in_case(make_pack: Callable[..., Path]) -> None:
    cards = replace_once(
        CARDS_YAML, "[Helsinki, Budapest, Osaka, Paris]", "[Helsinki, Budapest, Osaka, Hélsinki]"
    )
    cards = replace_once(
        cards,
        "[Helsinki, INF withdrawal, Budapest announced]",
        "[Helsinki, INF withdrawal, Helsinki!]",
    )
    findings = _findings(make_pack, cards)
    assert [f.split(": ", 2)[2] for f in findings] == [
        "card 'card-choice': two choices differ only in case, accents or punctuation",
        "card 'card-order': two items differ only in case, accents or punctuation",
    ]


def test_two_cards_with_the_same_question_and_answer(make_pack: Callable[..., Path]) -> None:
    twin = """
- id: card-twin
  kind: recall
  prompt: "Where did the first meeting take place?  "
  answer: helsinki.
  about: [helsinki]
  passage: {section: opening, paragraph: 1}
"""
    (finding,) = _findings(make_pack, CARDS_YAML + twin)
    line = place(CARDS_YAML + twin, "- id: card-twin").split(":")[0]
    assert finding == (
        f"cards.yaml:{line}:3: warning: card 'card-twin': asks the same question with the same "
        "answer as card 'card-recall'"
    )


def test_a_passage_that_shares_no_word_with_the_card(make_pack: Callable[..., Path]) -> None:
    cards = replace_once(
        CARDS_YAML,
        "  about: [helsinki]\n  passage: {section: opening, paragraph: 1}",
        "  about: [helsinki]\n  passage: {section: lists, paragraph: 4}",
    )
    (finding,) = _findings(make_pack, cards)
    assert finding == (
        "cards.yaml:1:3: warning: card 'card-recall': its passage (lists ¶4) shares no word "
        "with the card"
    )


def test_errors_on_generated_cards_point_at_their_template(
    make_pack: Callable[..., Path],
) -> None:
    from support.packs import MEETINGS_YAML

    meetings = MEETINGS_YAML + "".join(
        f"""
- id: m{n}
  title: Meeting {n}
  date: "2019-0{n}-01"
  place: Somewhere, Here
  setting: informal
  duration: Brief.
  issues: []
  outcome: Nothing.
  in_article: false
  held: true
  sources: ["https://example.org/m{n}"]
"""
        for n in range(1, 5)
    )
    pack = load_pack(make_pack({"meetings.yaml": meetings}))
    findings = [str(f) for f in lint_cards(pack, build_deck(pack))]
    # Four meetings with the same outcome: the same question with the same answer? No: each
    # answer is its own meeting. Their places are all the same: no place card can be made.
    assert not any("error" in f for f in findings)
    assert all(f.startswith(("templates.yaml:", "cards.yaml:")) for f in findings)
