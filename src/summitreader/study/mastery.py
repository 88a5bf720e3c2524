"""How well each takeaway is known, from the states of the cards about it.

Two honest figures rather than one blended score: how many of its cards have been learned, and the
mean chance of recalling those now, as FSRS predicts it. A card is learned once it is past its
learning steps (in FSRS's review state): a card being learned, or relearned after Again, is not,
so a card rated Again a moment ago does not count with a recall of 100 %.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from summitreader.card_state import REVIEW, due_of, state_code
from summitreader.pack.model import Card, Pack
from summitreader.study.deck import cards_of_takeaway
from summitreader.study.schedule import Schedule


@dataclass(frozen=True, slots=True)
class Mastery:
    takeaway_id: str
    title: str
    cards: int
    learned: int
    due: int
    recall: float | None
    """Mean predicted recall (0–1) of the learned cards now; None when none is learned."""

    @property
    def share_learned(self) -> float:
        return self.learned / self.cards if self.cards else 0.0


def mastery_by_takeaway(
    pack: Pack,
    deck: Sequence[Card],
    states: Mapping[str, Mapping[str, Any]],
    now: dt.datetime,
    schedule: Schedule | None = None,
) -> list[Mastery]:
    """One :class:`Mastery` per takeaway of the pack, in pack order."""
    schedule = schedule or Schedule()
    result = []
    for takeaway in pack.takeaways:
        cards = cards_of_takeaway(deck, takeaway.id)
        studied = [states[c.id] for c in cards if states.get(c.id)]
        learned = [s for s in studied if state_code(s) == REVIEW]
        due = sum(1 for s in studied if (d := due_of(s)) is not None and d <= now)
        recall = (
            sum(schedule.retrievability(s, now) for s in learned) / len(learned)
            if learned
            else None
        )
        result.append(Mastery(takeaway.id, takeaway.title, len(cards), len(learned), due, recall))
    return result
