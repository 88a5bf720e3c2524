"""The card lint reads answers as the grader does (one normalisation, in summitreader.text)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from summitreader.pack import load_pack
from summitreader.pack.lint import lint_cards
from summitreader.study.deck import build_deck
from summitreader.study.grading import grade_typed
from support.packs import CARDS_YAML


def _typed(card_id: str, prompt: str, answer: str, accept: str = "[]", kind: str = "typed") -> str:
    return (
        f"\n- id: {card_id}\n  kind: {kind}\n  prompt: \"{prompt}\"\n  answer: \"{answer}\"\n"
        f"  accept: {accept}\n  about: [helsinki]\n"
        "  passage: {section: opening, paragraph: 1}\n"
    )


def _findings(make_pack: Callable[..., Path], extra: str) -> list[str]:
    pack = load_pack(make_pack({"cards.yaml": CARDS_YAML + extra}))
    return [str(f) for f in lint_cards(pack, build_deck(pack))]


def test_an_ampersand_answer_is_typeable_as_the_grader_reads_it(
    make_pack: Callable[..., Path],
) -> None:
    extra = _typed("c-amp", "The headline read 'Trump {{&}} Putin' in Helsinki.", "&", kind="cloze")
    findings = _findings(make_pack, extra)
    assert not [f for f in findings if "c-amp" in f], findings
    pack = load_pack(make_pack({"cards.yaml": CARDS_YAML + extra}))
    card = pack.get("c-amp")
    assert card is not None and grade_typed(card, "and").verdict == "right"  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("prompt", "answer", "accept"),
    [
        ("Which fortress is Kremlin, in Helsinki?", "the Kremlin", "[]"),
        ("Where is Lodz, near Helsinki?", "Łódź", "[]"),
        ("What is Helsingfors, in Finnish, as Helsinki?", "Helsinki city", "[Helsingfors]"),
    ],
)
def test_a_prompt_holding_its_answer_as_typing_reads_it(
    make_pack: Callable[..., Path], prompt: str, answer: str, accept: str
) -> None:
    findings = _findings(make_pack, _typed("t-held", prompt, answer, accept))
    assert any("t-held" in f and "the prompt holds its own answer" in f for f in findings), (
        findings
    )
