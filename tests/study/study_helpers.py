"""Local to the study tests: answering a session's card in the domain (the clock is
``support.clock``; answering with keys in the app is ``support.review``)."""

from __future__ import annotations

from typing import Any

from support.clock import START, Clock  # also importable from here, for tests written before

__all__ = ["START", "Clock", "answer_right"]


def answer_right(session: Any) -> None:
    """Answer a session's current card correctly, whatever its kind."""
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
