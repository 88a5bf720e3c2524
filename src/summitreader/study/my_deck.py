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
        parts = BLANK.split(card.front)  # text, blank, text, blank, …, text
        answers = parts[1::2]
        for number, answer in enumerate(answers, start=1):
            yield Card(
                id=f"{PREFIX}{card.uid}-c{number}",
                card_kind="cloze",
                prompt=_cloze_from_parts(parts, number),
                answer=answer,
                about=(ABOUT,),
                passage=passage,
            )


def cloze_for(text: str, number: int) -> str:
    """``text`` with only its ``number``-th blank (from 1) kept; the others read as plain text."""
    return _cloze_from_parts(BLANK.split(text), number)


def _cloze_from_parts(parts: list[str], number: int) -> str:
    """The cloze of ``number`` from the text split at its blanks (text and blanks alternate)."""
    kept = 2 * number - 1
    return "".join(f"{{{{{part}}}}}" if i == kept else part for i, part in enumerate(parts))


def is_mine(card: Card) -> bool:
    return card.id.startswith(PREFIX) and ABOUT in card.about


def card_id(uid: str) -> str:
    """The id a reader's card is shown with everywhere (lists, JSON, messages): ``mine-UID``; its
    studied cards are ``mine-UID`` itself (a question and answer) or ``mine-UID-cN``."""
    return f"{PREFIX}{uid}"


def study_ids(card: MyCard) -> list[str]:
    """The ids of the cards studied from one of the reader's cards (see the module's text)."""
    if card.kind == "qa":
        return [card_id(card.uid)]
    return [f"{card_id(card.uid)}-c{n}" for n in range(1, len(card.blanks) + 1)]


def uid_of(card_id: str) -> str:
    """The uid of the reader's card a deck card id comes from (``mine-UID``, ``mine-UID-cN``, or
    the uid itself, or the start of any of these)."""
    uid = card_id.removeprefix(PREFIX)
    head, _, tail = uid.rpartition("-c")
    return head if head and tail.isdigit() else uid
