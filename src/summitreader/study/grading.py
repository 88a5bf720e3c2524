"""Grading answers to a proposed rating (the user can always pick another).

- typed and cloze: the answer and each accepted alternative are compared after normalising case,
  accents, punctuation and a leading article. Equal → Good; a near miss (a typo, a missing or
  extra word) → Hard, with the difference to show; anything else → Again. Numbers must match:
  ``2017`` for ``2018`` is wrong, however similar it looks. An answer of at most
  :data:`SHORT_ANSWER` characters has no near miss by spelling (``Times`` is not ``TIME``). A date
  is compared as a date: any common way of writing the right day is right (``16/07/2018``,
  ``July 16th, 2018``, ``2018-07-16``; ``7/7/2017`` read either way round), any other day wrong.
- choice: the right option → Good, another → Again.
- order: partial credit is the share of pairs of items put in the right order. All of them →
  Good; at least :data:`ORDER_HARD_SHARE` → Hard; less → Again.
- recall (a flip card) is not graded: the proposed rating is Good.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

from summitreader.pack.model import Card
from summitreader.text import normalise

AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
RATING_NAMES = {AGAIN: "Again", HARD: "Hard", GOOD: "Good", EASY: "Easy"}

NEAR_MISS = 80.0
"""The least rapidfuzz ratio (0–100) between normalised answers that counts as a near miss."""
ORDER_HARD_SHARE = 0.6
SHORT_ANSWER = 5
"""Answers (normalised) this long or shorter must be typed exactly: a letter more or less makes
another word."""
_MONTHS = {
    name: n
    for n, full in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
    for name in (full, full[:3], "sept" if n == 9 else full)
}

Verdict = Literal["right", "close", "wrong", "shown"]
DiffKind = Literal["same", "changed", "extra", "missing"]
_DIFF_KINDS: dict[str, DiffKind] = {
    "equal": "same",
    "replace": "changed",
    "delete": "extra",
    "insert": "missing",
}

@dataclass(frozen=True, slots=True)
class DiffPart:
    """A stretch of the typed answer against the expected one: ``same``, ``changed`` (typed
    ``given`` where ``expected`` was due), ``extra`` (typed, not expected) or ``missing``."""

    kind: DiffKind
    given: str
    expected: str


@dataclass(frozen=True, slots=True)
class Grade:
    """How an answer went, and the rating proposed for it."""

    rating: int
    verdict: Verdict
    expected: str
    """The right answer as written (for a typed answer, the accepted form nearest to it)."""
    given: str = ""
    score: float = 1.0
    """0–1: similarity of a typed answer, share of pairs in order for an order card."""
    diff: tuple[DiffPart, ...] = ()
    """For a near miss: where the typed answer differs from :attr:`expected`."""
    positions: tuple[bool, ...] = ()
    """For an order card: whether each item of the user's order is in its right place."""
    detail: str = ""
    """A few words for the user, shown after the verdict (may be empty)."""

    @property
    def correct(self) -> bool:
        return self.verdict == "right"


def grade_typed(card: Card, given: str) -> Grade:
    """Grade a typed (or cloze) answer against ``card.answer`` and ``card.accept``."""
    given = " ".join(given.split())
    candidates = [a for a in (card.answer, *card.accept) if a.strip()]
    if not candidates:
        return Grade(GOOD, "right", card.answer, given, detail="There was nothing to type.")
    typed = normalise(given)
    if not typed:
        return Grade(AGAIN, "wrong", card.answer, given, 0.0, detail="no answer")
    for candidate in candidates:
        if typed == normalise(candidate):
            return Grade(GOOD, "right", card.answer, given)
    typed_dates = _dates(typed)
    candidate_dates = [d for c in candidates for d in _dates(normalise(c))]
    if candidate_dates:
        if typed_dates & set(candidate_dates):
            return Grade(GOOD, "right", card.answer, given)
        if typed_dates:
            return Grade(AGAIN, "wrong", card.answer, given, 0.0)
    scored = [(_similarity(typed, normalise(c)), c) for c in candidates]
    best_score, best = max(scored, key=lambda pair: pair[0])  # max keeps the first of equals
    close_words = [c for c in candidates if _words_close(typed, normalise(c))]
    if best_score >= NEAR_MISS or close_words:
        if best_score < NEAR_MISS:
            best = close_words[0]
        return Grade(
            HARD,
            "close",
            best,
            given,
            best_score / 100,
            diff=diff_answer(given, best),
            detail="see the difference below",
        )
    return Grade(AGAIN, "wrong", card.answer, given, best_score / 100)


def grade_choice(card: Card, picked: str) -> Grade:
    if picked == card.answer:
        return Grade(GOOD, "right", card.answer, picked)
    return Grade(AGAIN, "wrong", card.answer, picked, 0.0)


def grade_order(card: Card, arrangement: Sequence[str]) -> Grade:
    """Grade the user's order of ``card.items`` (any permutation of them)."""
    rank = {item: n for n, item in enumerate(card.items)}
    if sorted(arrangement, key=lambda i: rank.get(i, -1)) != list(card.items):
        raise ValueError("the arrangement must hold each of the card's items once")
    positions = tuple(rank[item] == n for n, item in enumerate(arrangement))
    pairs = [(a, b) for i, a in enumerate(arrangement) for b in arrangement[i + 1 :]]
    share = sum(rank[a] < rank[b] for a, b in pairs) / len(pairs) if pairs else 1.0
    placed = sum(positions)
    verdict: Verdict
    if share == 1.0:
        rating, verdict, detail = GOOD, "right", "all in order"
    elif share >= ORDER_HARD_SHARE:
        rating, verdict = HARD, "close"
        detail = f"{placed} of {len(positions)} in the right place"
    else:
        rating, verdict = AGAIN, "wrong"
        detail = f"{placed} of {len(positions)} in the right place"
    return Grade(
        rating,
        verdict,
        " → ".join(card.items),
        " → ".join(arrangement),
        share,
        positions=positions,
        detail=detail,
    )


def grade_shown(card: Card) -> Grade:
    """A flip card once its answer is shown: the user judges; Good is proposed."""
    return Grade(GOOD, "shown", card.answer, detail="how well did you remember it?")


def diff_answer(given: str, expected: str) -> tuple[DiffPart, ...]:
    """Character differences between two answers, ignoring case and accents."""
    matcher = difflib.SequenceMatcher(
        None, [_fold(c) for c in given], [_fold(c) for c in expected], autojunk=False
    )
    parts = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        parts.append(DiffPart(_DIFF_KINDS[op], given[i1:i2], expected[j1:j2]))
    return tuple(parts)


def _similarity(typed: str, expected: str) -> float:
    if _numbers(typed) != _numbers(expected) or len(expected) <= SHORT_ANSWER:
        return 0.0
    return fuzz.ratio(typed, expected)


def _words_close(typed: str, expected: str) -> bool:
    """A near miss by words: the answer with at most two words more, or at least two thirds of
    it, in order; numbers the same."""
    if _numbers(typed) != _numbers(expected):
        return False
    typed_words, expected_words = typed.split(), expected.split()
    if _in_order(expected_words, typed_words):
        return len(typed_words) - len(expected_words) <= 2
    if _in_order(typed_words, expected_words):
        return 3 * len(typed_words) >= 2 * len(expected_words) and len(expected_words) >= 2
    return False


def _dates(text: str) -> set[tuple[int, int, int]]:
    """The days (year, month, day; day 0 for a month alone) a normalised answer can mean when it
    is nothing but a date; empty when it is not one."""
    words = [re.sub(r"^(\d+)(st|nd|rd|th)$", r"\1", w) for w in text.split() if w != "of"]
    months = [_MONTHS[w] for w in words if w in _MONTHS]
    numbers = [w for w in words if w.isdigit()]
    if len(months) + len(numbers) != len(words) or len(months) > 1:
        return set()
    years = [int(w) for w in numbers if len(w) == 4]
    days = [int(w) for w in numbers if len(w) <= 2]
    if len(years) != 1 or len(years) + len(days) != len(numbers):
        return set()
    year = years[0]
    if months:
        if len(days) > 1 or (days and not 1 <= days[0] <= 31):
            return set()
        return {(year, months[0], days[0] if days else 0)}
    if len(days) != 2:
        return set()
    first, second = days
    return {
        (year, month, day)
        for month, day in ((first, second), (second, first))
        if 1 <= month <= 12 and 1 <= day <= 31
    }


def _in_order(part: list[str], whole: list[str]) -> bool:
    it = iter(whole)
    return all(word in it for word in part)


def _numbers(text: str) -> list[str]:
    return re.findall(r"\d+", text)


def _fold(char: str) -> str:
    return normalise(char) or char.casefold()
