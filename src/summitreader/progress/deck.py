"""The ids of the cards a pack is studied with: its own cards, then the generated ones."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summitreader.pack.model import Pack


def deck_card_ids(pack: Pack) -> list[str]:
    """The ids of ``summitreader.study.deck.build_deck(pack)``: the pack's cards in pack order,
    then the generated ones (never an id twice)."""
    from summitreader.study.deck import build_deck

    return [card.id for card in build_deck(pack)]
