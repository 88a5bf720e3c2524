"""Answering cards: in a study session of the domain (``answer_right``), or on the review screen
with keys, as a user would."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import OptionList

from summitreader.tui.screens.review import ReviewScreen
from support.pilot import type_text, wait_until


def answer_right(session: Any) -> None:
    """Answer a session's current card correctly, whatever its kind (no app: the domain's
    :class:`~summitreader.study.session.Session`)."""
    card = session.current
    assert card is not None
    if card.card_kind == "recall":
        session.reveal()
    elif card.card_kind in ("typed", "cloze"):
        session.submit_text(card.answer)
    elif card.card_kind == "choice":
        session.submit_choice(card.answer)
    else:
        session.submit_order(card.items)


def review_screen(pilot: Pilot) -> ReviewScreen:
    screen = pilot.app.screen
    assert isinstance(screen, ReviewScreen), type(screen).__name__
    return screen


async def answer_current(pilot: Pilot, right: bool = True) -> None:
    """Answer the card on screen with keys: rightly, or wrongly."""
    screen = review_screen(pilot)
    card = screen.session.current
    assert card is not None and screen.session.phase == "asking"
    kind = card.card_kind
    if kind == "recall":
        await pilot.press("space")
    elif kind in ("typed", "cloze"):
        shortest = min((card.answer, *card.accept), key=len)  # any accepted form is right
        await type_text(pilot, shortest if right else "xq zv", "enter")
    elif kind == "choice":
        wrong = next(n for n, c in enumerate(card.choices) if c != card.answer)
        index = card.choices.index(card.answer) if right else wrong
        await pilot.press("abcd"[index])
    else:
        await put_in_order(pilot, card.items if right else tuple(reversed(card.items)))
        await pilot.press("enter")
    await wait_until(pilot, lambda: screen.session.phase == "answered", "the answer")


async def put_in_order(pilot: Pilot, wanted: tuple[str, ...]) -> None:
    """Move the order card's items into ``wanted`` with ↑ ↓ and shift+↑."""
    screen = review_screen(pilot)
    options = screen.query_one("#review-options", OptionList)
    for target, item in enumerate(wanted):
        source = screen.order.index(item)
        while (at := options.highlighted) != source:
            assert at is not None
            await pilot.press("down" if at < source else "up")
            await wait_until(pilot, lambda at=at: options.highlighted != at, "the highlight")
        for step in range(source - target):
            await pilot.press("shift+up")
            place = source - step - 1
            await wait_until(pilot, lambda i=item, p=place: screen.order.index(i) == p, "the move")
    assert tuple(screen.order) == wanted
