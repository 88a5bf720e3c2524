"""Words that say something, for the card rules and for matching takeaways to sections."""

from __future__ import annotations

import re

from summitreader.stop_words import STOP_WORDS

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def telling_words(text: str) -> set[str]:
    """Lower-cased words of four letters or more that are not stop words, a simple plural made
    singular (:func:`singular`), cut to six letters."""
    return {
        singular(w.casefold())[:6]
        for w in words(text)
        if len(w) >= 4 and w.casefold() not in STOP_WORDS
    }


def singular(word: str) -> str:
    """A lower-cased word with a simple plural ending folded: ``ponds`` → ``pond``, ``tides`` →
    ``tide``, ``colonies`` → ``colony``, ``boxes`` → ``box``, ``churches`` → ``church``. Words
    ending ``ss``, ``us`` or ``is`` (``glass``, ``status``, ``analysis``) and words of three
    letters or fewer are kept."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    return word[:-1]


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
