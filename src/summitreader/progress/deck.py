"""The ids of the cards a pack is studied with: its own cards, plus the generated ones when the
study module is there to build them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summitreader.pack.model import Pack


def deck_card_ids(pack: Pack) -> list[str]:
    """The pack's card ids in pack order, then those of generated cards from
    ``summitreader.study.deck.build_deck(pack)`` if that exists. No duplicates."""
    ids = [card.id for card in pack.cards]
    try:
        from summitreader.study.deck import build_deck
    except ImportError as error:
        if error.name in ("summitreader.study", "summitreader.study.deck"):
            return ids  # no generated cards (yet)
        raise
    deck = build_deck(pack)
    seen = set(ids)
    for card in getattr(deck, "cards", deck):
        card_id = getattr(card, "id", None)
        if isinstance(card_id, str) and card_id not in seen:
            seen.add(card_id)
            ids.append(card_id)
    return ids
