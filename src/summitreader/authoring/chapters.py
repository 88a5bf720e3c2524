"""Chapter headings of a plain-text book, found conservatively.

A chapter heading is a block standing alone between blank lines that reads like one: a word such
as ``CHAPTER``, ``Book`` or ``Part`` with a number (``CHAPTER I``, ``Chapter 2. The Escape``,
``BOOK ONE``), or a bare Roman or Arabic number (``I.``, ``12``, ``IV. A SCANDAL IN BOHEMIA``);
under a heading without a title of its own, a short line may give it (``CHAPTER I.`` then ``Down
the Rabbit-Hole``). Such lines make chapters only when their kind recurs through the text, counting
on (one of them followed by the next number): a lone ``Part 2`` or a numbered line is no book's
chapters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

_KEYWORDS = (
    r"chapter|book|part|volume|vol\.|canto|letter|act|scene|stave|lecture|essay|story|tale|"
    r"section|episode|fit|adventure"
)
_SPELLED = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty",
)
_ORDINALS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth",
)
_ROMAN = r"[IVXLC]{1,8}"
_NUMBER = rf"(?:\d{{1,3}}|{_ROMAN}|{'|'.join((*_SPELLED, *_ORDINALS))})"
_TITLE = r"[^\n]{1,70}"
_KEYWORD_HEADING = re.compile(
    rf"^(?P<kind>{_KEYWORDS})\s+(?P<number>{_NUMBER})(?:\s*[.:—–-]?\s+(?P<title>{_TITLE})|\s*[.:]?)$",
    re.IGNORECASE,
)
_ROMAN_HEADING = re.compile(rf"^(?P<number>{_ROMAN})(?:\.\s+(?P<title>{_TITLE})|\.?)$")
_ARABIC_HEADING = re.compile(r"^(?P<number>\d{1,3})\.?$")
SUBTITLE_LENGTH = 70
"""The longest line read as the title under a heading that has none (``CHAPTER I.`` then ``Down
the Rabbit-Hole``)."""
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


@dataclass(frozen=True, slots=True)
class Heading:
    """A line that reads like a chapter heading."""

    kind: str
    """``chapter``, ``book`` … in lower case; ``roman`` or ``arabic`` for a bare number."""
    number: int
    text: str
    """The heading as a section's title, as written (a numbered heading is: ``CHAPTER IV``),
    without a closing full stop: ``CHAPTER I. Down the Rabbit-Hole``, ``II``."""


def heading(lines: list[str]) -> Heading | None:
    """The chapter heading the block ``lines`` (stripped, none blank) reads as, if any."""
    if not 1 <= len(lines) <= 2 or len(lines[0]) > 80:
        return None
    found = _read(lines[0])
    if found is None:
        return None
    if len(lines) == 2:
        below = lines[1]
        if found[1] or len(below) > SUBTITLE_LENGTH or _read(below) is not None:
            return None
        return Heading(found[0].kind, found[0].number, f"{found[0].text}. {_plain(below)}")
    return found[0]


def _read(line: str) -> tuple[Heading, bool] | None:
    """The heading ``line`` reads as, and whether it has a title of its own."""
    match = (
        _KEYWORD_HEADING.match(line) or _ROMAN_HEADING.match(line) or _ARABIC_HEADING.match(line)
    )
    if match is None:
        return None
    number = _value(match.group("number"))
    if number is None:
        return None
    groups = match.groupdict()
    kind = (groups.get("kind") or "").lower().rstrip(".")
    if not kind:
        kind = "arabic" if match.group("number").isdigit() else "roman"
    return Heading(kind, number, _plain(line)), bool(groups.get("title"))


def _plain(line: str) -> str:
    return " ".join(line.split()).rstrip(".:").strip()


_WORDS = {word: n for n, word in enumerate(_SPELLED, start=1)} | {
    word: n for n, word in enumerate(_ORDINALS, start=1)
}


def _value(number: str) -> int | None:
    if number.isdigit():
        return int(number)
    lower = number.lower()
    if lower in _WORDS:
        return _WORDS[lower]
    upper = number.upper()
    if number != upper or any(c not in _ROMAN_VALUES for c in upper):
        return None
    total = 0
    for n, c in enumerate(upper):
        value = _ROMAN_VALUES[c]
        following = _ROMAN_VALUES[upper[n + 1]] if n + 1 < len(upper) else 0
        total += -value if value < following else value
    return total if total > 0 else None


def chapters(blocks: list[list[str]]) -> dict[int, Heading]:
    """The chapter headings among ``blocks`` (each a block's stripped, non-blank lines), by the
    block's index: the headings of each kind that recurs, counting on."""
    found = {n: h for n, block in enumerate(blocks) if (h := heading(block)) is not None}
    by_kind: dict[str, list[int]] = {}
    for h in found.values():
        by_kind.setdefault(h.kind, []).append(h.number)
    kept = {
        kind
        for kind, numbers in by_kind.items()
        if len(numbers) >= 2 and any(b == a + 1 for a, b in pairwise(numbers))
    }
    return {n: h for n, h in found.items() if h.kind in kept}
