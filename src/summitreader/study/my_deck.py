"""The reader's own cards as cards of the deck.

A question-and-answer card is a flip card (``recall``), id ``mine-UID``. A cloze card with ``n``
blanks gives ``n`` cloze cards, ids ``mine-UID-c1`` … ``mine-UID-cN`` (as Anki's c1, c2…): card
``k`` hides its ``k``-th blank and shows the others as plain text. The blank rule is the pack's
(:mod:`summitreader.pack.cloze`), so the grader and the review screen treat them like the pack's
cloze cards. Their passage is the paragraph they were made from, even when the pack no longer has
it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from summitreader.pack.cloze import BLANK
from summitreader.pack.model import Card, PassageRef
from summitreader.progress.my_cards import MyCard

PREFIX = "mine-"
ABOUT = "mine"
"""What every card of the reader's is about (a tag in Anki, a filter in lists)."""


def my_study_cards(mine: Iterable[MyCard]) -> Iterator[Card]:
    for card in mine:
        passage = PassageRef(card.section, card.paragraph)
        if card.kind == "qa":
            yield Card(
                id=f"{PREFIX}{card.uid}",
                card_kind="recall",
                prompt=card.front,
                answer=card.back,
                about=(ABOUT,),
                passage=passage,
            )
            continue
        count = len(card.blanks)
        for number in range(1, count + 1):
            yield Card(
                id=f"{PREFIX}{card.uid}-c{number}",
                card_kind="cloze",
                prompt=cloze_for(card.front, number),
                answer=card.blanks[number - 1],
                about=(ABOUT,),
                passage=passage,
            )


def cloze_for(text: str, number: int) -> str:
    """``text`` with only its ``number``-th blank (from 1) kept; the others read as plain text."""
    seen = 0

    def keep(match: object) -> str:
        nonlocal seen
        seen += 1
        phrase: str = match.group(1)  # type: ignore[attr-defined]
        return f"{{{{{phrase}}}}}" if seen == number else phrase

    return BLANK.sub(keep, text)


def is_mine(card: Card) -> bool:
    return card.id.startswith(PREFIX) and ABOUT in card.about


def uid_of(card_id: str) -> str:
    """The uid of the reader's card a deck card id comes from."""
    uid = card_id.removeprefix(PREFIX)
    head, _, tail = uid.rpartition("-c")
    return head if head and tail.isdigit() else uid
