"""A study session as a plain state machine: the screen shows what it says and calls its methods.

For each card: ``asking`` (the question) → an answer is submitted, or a flip card revealed →
``answered`` (the grade, the proposed rating and, unless cramming, the next interval for each
rating) → :meth:`Session.rate` → the next card, or after Again ``reread`` (the card's passage,
whose section has been queued to re-read) → :meth:`Session.next` → … → ``done``.

A rating is saved at once (state and review log in one write), so ending early keeps what was
rated. A card in (re)learning that falls due again within :data:`LEARN_AHEAD` comes back in the
same session. Cramming changes no schedule: nothing is logged, and a card rated Again comes back
at the end.

Sessions are built by :mod:`summitreader.study.plan` (due cards, one takeaway, cram).

Writes go through ``save``, a function that runs a write and says whether it worked (the app uses
one that reports failures to the user); by default a write is simply run.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import random
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from summitreader.card_state import LEARNING, RELEARNING, REVIEW, due_of, state_code
from summitreader.pack.model import Card
from summitreader.study.grading import (
    AGAIN,
    HARD,
    Grade,
    grade_choice,
    grade_order,
    grade_shown,
    grade_typed,
)
from summitreader.study.schedule import LEARN_AHEAD, Preview, Schedule, utc

Phase = Literal["asking", "answered", "reread", "done"]
Mode = Literal["due", "takeaway", "cram"]


class StudyStore(Protocol):
    """What a session needs of the progress store."""

    def card_states(self, card_ids: Iterable[str] | None = None) -> dict[str, dict[str, Any]]: ...
    def started_between(
        self, start: dt.datetime, end: dt.datetime, card_ids: Iterable[str] | None = None
    ) -> set[str]: ...
    def save_review(
        self,
        card_id: str,
        state: dict[str, Any],
        rating: int,
        reviewed_at: dt.datetime,
        duration_ms: int | None = None,
        answer: str | None = None,
    ) -> None: ...
    def queue_reread(self, section_id: str, at: dt.datetime | None = None) -> None: ...
    def reread_queue(self) -> set[str]: ...
    def get_setting(self, key: str, default: Any = None) -> Any: ...


Save = Callable[[Callable[[], object]], bool]


def run_write(write: Callable[[], object]) -> bool:
    write()
    return True


@dataclass(frozen=True, slots=True)
class Summary:
    """The end of a session."""

    title: str
    cram: bool
    seen: int
    """Different cards shown and rated."""
    reviews: int
    right_first: int
    """Cards right the first time they came up: for a graded card (typed, cloze, choice, order)
    the grade said right, whatever the rating; for a flip card, it was rated Hard or better."""
    started: dt.datetime
    ended: dt.datetime
    ratings: Mapping[int, int]
    reread: tuple[str, ...]
    """Sections queued to re-read."""
    not_saved: int
    next_due: dt.datetime | None
    due_next_day: int
    """Cards of the deck due within a day of the end."""
    due_now: int = 0
    """Cards of the deck already due at the end (left for later, or not reached)."""

    @property
    def accuracy(self) -> float | None:
        return self.right_first / self.seen if self.seen else None

    @property
    def duration(self) -> dt.timedelta:
        return self.ended - self.started


@dataclass
class _Entry:
    card: Card
    first: bool = True


@dataclass
class Session:
    """Build one with :mod:`summitreader.study.plan`, or directly from a list of cards."""

    cards: Sequence[Card]
    store: StudyStore
    schedule: Schedule
    clock: Callable[[], dt.datetime]
    title: str
    mode: Mode = "due"
    save: Save = run_write
    deck: Sequence[Card] = ()
    """The whole deck, for the summary's next due time (default: the session's cards)."""

    phase: Phase = field(init=False, default="asking")
    grade: Grade | None = field(init=False, default=None)
    previews: dict[int, Preview] = field(init=False, default_factory=dict)
    last_rating: int | None = field(init=False, default=None)
    last_card: Card | None = field(init=False, default=None)
    """The card rated last (the one whose passage is shown after Again)."""
    reread_section: str | None = field(init=False, default=None)
    reread_saved: bool = field(init=False, default=False)

    def __post_init__(self) -> None:
        self._queue = [_Entry(card) for card in self.cards]
        ids = {card.id for card in (*self.cards, *self.deck)}
        self._states = self.store.card_states(ids)
        self._started = utc(self.clock())
        self._shown_at = self._started
        self._ratings: Counter[int] = Counter()
        self._seen: set[str] = set()
        self._right_first = 0
        self._reread: list[str] = []
        self._not_saved = 0
        self._answer: str | None = None
        self._ended: dt.datetime | None = None
        self.total = len(self._queue)
        if not self._queue:
            self.phase = "done"
            self._ended = self._started
        else:
            self._show()

    # -- what to show ------------------------------------------------------------------------

    @property
    def cram(self) -> bool:
        return self.mode == "cram"

    @property
    def current(self) -> Card | None:
        return self._queue[0].card if self._queue and self.phase != "done" else None

    @property
    def remaining(self) -> int:
        """Cards still to come, the current one included."""
        return len(self._queue) if self.phase != "done" else 0

    def counts(self) -> tuple[int, int, int]:
        """The cards still to come (the current one included) as Anki counts them: new, learning
        (relearning included) and review. A card that comes back in learning is counted again."""
        if self.phase == "done":
            return (0, 0, 0)
        tally = [0, 0, 0]
        for entry in self._queue:
            code = state_code(self._states.get(entry.card.id))
            tally[2 if code == REVIEW else 1 if code in (LEARNING, RELEARNING) else 0] += 1
        return (tally[0], tally[1], tally[2])

    @property
    def done_count(self) -> int:
        return sum(self._ratings.values())

    @property
    def proposed(self) -> int | None:
        return self.grade.rating if self.grade and self.phase == "answered" else None

    def state_name(self) -> str:
        """The current card's state: new, learning, review or relearning."""
        card = self.current
        code = state_code(self._states.get(card.id)) if card else 0
        return ("new", "learning", "review", "relearning")[code if 0 <= code <= 3 else 0]

    def order_start(self) -> tuple[str, ...]:
        """The current order card's items in the order first shown (never the right one)."""
        card = self.current
        if card is None:
            return ()
        return shuffled_items(card)

    # -- answering ---------------------------------------------------------------------------

    def reveal(self) -> Grade:
        """Show a flip card's answer."""
        return self._answered(grade_shown(self._need_card("recall")), None)

    def submit_text(self, text: str) -> Grade:
        """Answer a typed or cloze card."""
        return self._answered(grade_typed(self._need_card("typed", "cloze"), text), text)

    def submit_choice(self, option: str) -> Grade:
        return self._answered(grade_choice(self._need_card("choice"), option), option)

    def submit_order(self, arrangement: Sequence[str]) -> Grade:
        card = self._need_card("order")
        return self._answered(grade_order(card, arrangement), " | ".join(arrangement))

    def rate(self, rating: int | None = None) -> None:
        """Rate the answered card (``None``: the proposed rating) and move on."""
        if self.phase != "answered" or self.grade is None:
            raise RuntimeError("nothing to rate: answer the card first")
        rating = self.grade.rating if rating is None else rating
        if rating not in (1, 2, 3, 4):
            raise ValueError("a rating is 1, 2, 3 or 4")
        entry = self._queue.pop(0)
        card = entry.card
        now = utc(self.clock())
        self._ratings[rating] += 1
        if entry.first:
            self._seen.add(card.id)
            graded = self.grade.verdict != "shown"
            self._right_first += self.grade.correct if graded else rating >= HARD
        self.last_rating = rating
        self.last_card = card
        requeue = False
        if not self.cram:
            preview = (
                self.previews.get(rating)
                or self.schedule.preview(card.id, self._states.get(card.id), now)[rating]
            )
            state = preview.state
            duration = max(0, int((now - self._shown_at).total_seconds() * 1000))
            answer = self._answer  # the write may wait in a queue: it keeps its own data

            def write() -> None:
                self.store.save_review(card.id, state, rating, now, duration, answer)

            if self.save(write):
                self._states[card.id] = state
                when = due_of(state)
                requeue = (
                    state_code(state) in (LEARNING, RELEARNING)
                    and when is not None
                    and when <= now + LEARN_AHEAD
                )
            else:
                self._not_saved += 1
        else:
            requeue = rating == AGAIN
        if requeue:
            self._queue.append(_Entry(card, first=False))
        if rating == AGAIN:
            section = card.passage.section
            self.reread_section = section
            self.reread_saved = self.save(lambda: self._queue_reread(section, now))
            if self.reread_saved and section not in self._reread:
                self._reread.append(section)
            self.phase = "reread"
            return
        self._advance()

    def _queue_reread(self, section: str, at: dt.datetime) -> None:
        # A card of the reader's may be on a section the pack no longer has: nothing to re-read.
        with contextlib.suppress(ValueError):
            self.store.queue_reread(section, at=at)

    def next(self) -> None:
        """Leave the passage shown after Again, for the next card."""
        if self.phase == "reread":
            self._advance()

    def finish(self) -> Summary:
        """End the session (early or not) and sum it up. What was rated is kept."""
        if self._ended is None:
            self._ended = utc(self.clock())
        self.phase = "done"
        return self.summary()

    def summary(self) -> Summary:
        ended = self._ended or utc(self.clock())
        deck = self.deck or self.cards
        dues = [d for c in deck if (d := due_of(self._states.get(c.id))) is not None]
        upcoming = [d for d in dues if d > ended]
        return Summary(
            title=self.title,
            cram=self.cram,
            seen=len(self._seen),
            reviews=sum(self._ratings.values()),
            right_first=self._right_first,
            started=self._started,
            ended=ended,
            ratings=dict(self._ratings),
            reread=tuple(self._reread),
            not_saved=self._not_saved,
            next_due=min(upcoming) if upcoming else None,
            due_next_day=sum(1 for d in dues if d <= ended + dt.timedelta(days=1)),
            due_now=sum(1 for d in dues if d <= ended),
        )

    def still_to_reread(self) -> set[str]:
        """The sections still queued to re-read now (one read since has left the queue)."""
        return self.store.reread_queue()

    # -- inside ------------------------------------------------------------------------------

    def _need_card(self, *kinds: str) -> Card:
        card = self.current
        if card is None or self.phase != "asking":
            raise RuntimeError("there is no card waiting for an answer")
        if card.card_kind not in kinds:
            raise ValueError(f"a {card.card_kind} card is not answered that way")
        return card

    def _answered(self, grade: Grade, answer: str | None) -> Grade:
        self.grade = grade
        self._answer = answer
        self.phase = "answered"
        return grade

    def _advance(self) -> None:
        self.reread_section = None
        if not self._queue:
            self.finish()
            return
        self._show()

    def _show(self) -> None:
        self.phase = "asking"
        self.grade = None
        self._answer = None
        self._shown_at = utc(self.clock())
        card = self._queue[0].card
        self.previews = (
            {}
            if self.cram
            else self.schedule.preview(card.id, self._states.get(card.id), self._shown_at)
        )


def shuffled_items(card: Card) -> tuple[str, ...]:
    """An order card's items in a fixed mixed-up order (seeded by the card's id), never the right
    order."""
    items = list(card.items)
    if len(items) < 2:
        return tuple(items)
    rng = random.Random(int.from_bytes(hashlib.sha256(card.id.encode()).digest()[:8], "big"))
    rng.shuffle(items)
    if items == list(card.items):
        items = items[1:] + items[:1]
    return tuple(items)
