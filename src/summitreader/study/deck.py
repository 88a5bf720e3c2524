"""The deck: the pack's own cards, plus cards generated from its index by the pack's templates
(:mod:`~summitreader.study.generated_cards`), plus the reader's own
(:mod:`~summitreader.study.my_deck`). Every choice card offers its choices in an order seeded by
its id (:func:`~summitreader.study.choices.shuffled`)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from summitreader.pack.cloze import cloze_parts
from summitreader.pack.lint import asks_same
from summitreader.pack.model import Card, Pack
from summitreader.progress.my_cards import MyCard
from summitreader.study.choices import shuffled
from summitreader.study.generated_cards import generated_cards
from summitreader.study.my_deck import my_study_cards

StudyCard = Card
"""A card of the deck: the pack's own card type (``generated`` tells the two apart)."""
__all__ = ["StudyCard", "build_deck", "cards_of_takeaway", "cloze_parts", "find_card"]


def build_deck(pack: Pack, mine: Iterable[MyCard] = ()) -> tuple[StudyCard, ...]:
    """The pack's cards in pack order, then the generated ones, then the reader's own (``mine``,
    from :meth:`~summitreader.progress.store.Store.my_cards`: :mod:`.my_deck`). An id already
    used in the pack is never generated, nor a card that asks what a written card asks (the
    written one is kept: :func:`summitreader.pack.lint.asks_same`). Every choice card offers its
    choices in an order seeded by its id, so the order in the file never gives the answer
    away."""
    taken = {card.id for card in pack.cards}
    deck = [_with_shuffled_choices(card) for card in pack.cards]
    for card in generated_cards(pack):
        if any(asks_same(card, written) for written in pack.cards):
            continue
        if card.id not in taken and pack.get(card.id) is None:
            taken.add(card.id)
            deck.append(card)
    deck.extend(card for card in my_study_cards(mine) if card.id not in taken)
    return tuple(deck)


def _with_shuffled_choices(card: Card) -> Card:
    if card.card_kind != "choice" or not card.choices:
        return card
    return dataclasses.replace(card, choices=shuffled(card.id, card.choices))


def find_card(deck: Iterable[StudyCard], card_id: str) -> StudyCard | None:
    """The card of the deck with this id, written or generated."""
    return next((card for card in deck if card.id == card_id), None)


def cards_of_takeaway(deck: Iterable[StudyCard], takeaway_id: str) -> tuple[StudyCard, ...]:
    """The cards about one takeaway (those that list it in ``about``)."""
    return tuple(card for card in deck if takeaway_id in card.about)
