"""The choices of generated cards: wrong ones picked among the nearest meetings, told apart by
what the reader sees, names blanked out of a fact, and orders seeded by a card's id (so the same
pack always gives the same deck)."""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

from summitreader.pack.model import Meeting
from summitreader.text import seen_form

BLANK = "…"
"""What a meeting's name is replaced by in a fact."""
T = TypeVar("T")


def short_place(place: str) -> str:
    """The last two parts of a place, without a closing remark in brackets:
    ``Lyon, France (at the town hall)`` → ``Lyon, France``,
    ``Town Hall, Lyon, France`` → ``Lyon, France``."""
    bare = re.sub(r"\s*\([^)]*\)\s*$", "", " ".join(place.split())) or place
    parts = [p.strip() for p in bare.split(",") if p.strip()]
    return ", ".join(parts[-2:]) if parts else bare


class Nearness:
    """The held meetings grouped by start date, to walk outwards from one meeting's date: the
    other meetings nearest in time first (ties in pack order), found without sorting all of them
    for every meeting."""

    def __init__(self, meetings: Sequence[Meeting]) -> None:
        groups: dict[int, list[tuple[int, Meeting]]] = {}
        for index, meeting in enumerate(meetings):
            groups.setdefault(meeting.date.start.toordinal(), []).append((index, meeting))
        self._days = sorted(groups)
        self._groups = [groups[day] for day in self._days]
        self._position = {day: n for n, day in enumerate(self._days)}

    def near(self, meeting: Meeting) -> Iterator[Meeting]:
        """The other meetings, nearest in time first (ties in pack order); lazily."""
        day = meeting.date.start.toordinal()
        here = self._position[day]
        left, right = here - 1, here + 1
        ring: list[tuple[int, Meeting]] = list(self._groups[here])
        while True:
            yield from (m for _, m in ring if m.id != meeting.id)
            gap_left = day - self._days[left] if left >= 0 else None
            gap_right = self._days[right] - day if right < len(self._days) else None
            if gap_left is None and gap_right is None:
                return
            gap = min(g for g in (gap_left, gap_right) if g is not None)
            ring = []
            if gap_left == gap:
                ring.extend(self._groups[left])
                left -= 1
            if gap_right == gap:
                ring.extend(self._groups[right])
                right += 1
            ring.sort(key=lambda pair: pair[0])

    def values_near(self, meeting: Meeting, value: Callable[[Meeting], str]) -> Iterator[str]:
        return (value(m) for m in self.near(meeting))


def distinct(values: Iterable[str], exclude: set[str], count: int) -> list[str]:
    """The first ``count`` of ``values`` that look different from each other and from
    ``exclude``: by what the reader sees (:func:`~summitreader.text.seen_form`), and more than by
    punctuation."""
    seen = {look(v) for v in exclude}
    result: list[str] = []
    for value in values:
        if len(result) >= count:
            break
        if look(value) not in seen:
            seen.add(look(value))
            result.append(value)
    return result


def look(value: str) -> str:
    return "".join(c for c in seen_form(value) if c.isalnum())


def shuffled(seed: str, values: Sequence[str]) -> tuple[str, ...]:
    """``values`` in an order that depends only on ``seed``."""
    rng = random.Random(int.from_bytes(hashlib.sha256(seed.encode()).digest()[:8], "big"))
    result = list(values)
    rng.shuffle(result)
    return tuple(result)


def spread(items: Sequence[T], count: int) -> list[T]:
    """At most ``count`` of ``items``, evenly spread from the first to the last, in order."""
    if len(items) <= count:
        return list(items)
    step = (len(items) - 1) / (count - 1)
    return [items[round(i * step)] for i in range(count)]


class Names:
    """Names to blank out of a text, indexed by their first word so that a text is scanned once,
    whatever the number of names."""

    _WORD = re.compile(r"\w+")

    def __init__(self, names: Iterable[str]) -> None:
        by_first: dict[str, list[str]] = {}
        self._odd: list[re.Pattern[str]] = []
        for name in sorted({n for n in names if n}, key=len, reverse=True):
            first = self._WORD.match(name)
            if first is None:  # a name that does not start with a word: matched on its own
                self._odd.append(re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE))
            else:
                by_first.setdefault(first.group().lower(), []).append(name)
        self._patterns = {
            word: [re.compile(rf"{re.escape(n)}(?!\w)", re.IGNORECASE) for n in group]
            for word, group in by_first.items()
        }

    def blank_out(self, text: str) -> str:
        """``text`` with every name (whole words, any case, longest first) replaced by a blank."""
        for pattern in self._odd:
            text = pattern.sub(BLANK, text)
        parts: list[str] = []
        done = 0
        for word in self._WORD.finditer(text):
            if word.start() < done:
                continue
            for pattern in self._patterns.get(word.group().lower(), ()):
                found = pattern.match(text, word.start())
                if found:
                    parts.extend((text[done : found.start()], BLANK))
                    done = found.end()
                    break
        parts.append(text[done:])
        return "".join(parts)
