"""Words that say something, for the card rules and for matching takeaways to sections."""

from __future__ import annotations

import re

from summitreader.stop_words import STOP_WORDS

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def telling_words(text: str) -> set[str]:
    """Lower-cased words of four letters or more that are not stop words, cut to six letters."""
    return {w.casefold()[:6] for w in words(text) if len(w) >= 4 and w.casefold() not in STOP_WORDS}


def is_stop_word(word: str) -> bool:
    return word.casefold().strip("'’") in STOP_WORDS


SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of",
     "on", "or", "per", "the", "to", "via", "vs", "with"}
)
"""Words a title in capitals has in lower case, but first (``Terms and Conditions``)."""


def title_case(text: str) -> str:
    """A heading written in capitals as a title: each word capitalised, but the small words
    (:data:`SMALL_WORDS`) after the first; ``THE TERMS AND CONDITIONS`` → ``The Terms and
    Conditions``."""
    result = []
    for n, word in enumerate(text.split(" ")):
        lower = word.lower()
        if n > 0 and lower in SMALL_WORDS:
            result.append(lower)
        else:
            result.append(lower[:1].upper() + lower[1:])
    return " ".join(result)
