"""The passage check meets a word's forms: ``meet`` and ``meeting``, ``sanction`` and
``sanctions``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from summitreader.pack import load_pack
from summitreader.pack.lint import lint_cards
from summitreader.study.deck import build_deck
from support.packs import CARDS_YAML

CARD = """
- id: p-meet
  kind: recall
  prompt: "Did the two presidents meet face to face?"
  answer: "Yes, twice."
  about: [helsinki]
  passage: {section: opening, paragraph: 1}
"""


def test_meet_meets_meeting(make_pack: Callable[..., Path]) -> None:
    pack = load_pack(make_pack({"cards.yaml": CARDS_YAML + CARD}))
    findings = [str(f) for f in lint_cards(pack, build_deck(pack)) if f.card == "p-meet"]
    assert findings == []


def test_a_passage_sharing_no_word_is_still_found(make_pack: Callable[..., Path]) -> None:
    unrelated = CARD.replace("Did the two presidents meet face to face?", "Zebras gallop?")
    unrelated = unrelated.replace("Yes, twice.", "Quickly.")
    pack = load_pack(make_pack({"cards.yaml": CARDS_YAML + unrelated}))
    findings = [str(f) for f in lint_cards(pack, build_deck(pack)) if f.card == "p-meet"]
    assert len(findings) == 1 and "shares no word with the card" in findings[0]
