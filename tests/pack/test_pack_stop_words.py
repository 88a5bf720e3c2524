"""One list of stop words: the card lint and ``add``'s card rules leave out the same words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from summitreader.authoring import words
from summitreader.pack import lint, load_pack
from summitreader.pack.lint import lint_cards
from summitreader.stop_words import STOP_WORDS
from summitreader.study.deck import build_deck
from support.packs import CARDS_YAML, OPENING_MD, replace_once

CARD = """
- id: p-between
  kind: recall
  prompt: "Zebras between?"
  answer: "Quickly."
  about: [helsinki]
  passage: {section: opening, paragraph: 1}
"""


def test_the_lint_and_the_card_rules_share_one_list() -> None:
    assert lint.STOP_WORDS is STOP_WORDS and words.STOP_WORDS is STOP_WORDS
    assert words.is_stop_word("Between") and "between" in STOP_WORDS


def test_a_passage_sharing_only_a_stop_word_shares_no_word(
    make_pack: Callable[..., Path],
) -> None:
    """"between" was a stop word of ``add`` but not of the lint: a card whose passage shared only
    it was taken to be about its passage."""
    opening = replace_once(OPENING_MD, "came up.", "came up between them.")
    files = {"cards.yaml": CARDS_YAML + CARD, "sections/01-opening.md": opening}
    pack = load_pack(make_pack(files))
    findings = [str(f) for f in lint_cards(pack, build_deck(pack)) if f.card == "p-between"]
    assert len(findings) == 1 and "shares no word with the card" in findings[0]
