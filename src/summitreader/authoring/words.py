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
