"""The index's fields and the way words are cut and stemmed.

Bump :data:`SCHEMA_VERSION` whenever the fields, the analyzer or what goes into a document changes:
cached indexes of another version are then rebuilt.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from whoosh import fields
from whoosh.analysis import Token, Tokenizer
from whoosh.analysis.filters import STOP_WORDS
from whoosh.lang.porter import stem as porter_stem

SCHEMA_VERSION = 5
"""5: a tight list's items are a paragraph each (a block of them was one)."""

_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_CIRCLED = "\u24b6-\u24e9"
"""Circled letters (``Ⓐ`` to ``ⓩ``): symbols to Unicode, letters to a reader (folded to ``a``)."""
_RUN = rf"[\w{_MARKS}{_CIRCLED}]+"
WORD_PATTERN = rf"{_RUN}(?:\.{_RUN})*"
"""What counts as a word, in documents and in queries (``U.S`` and ``9M729`` are one word each).
Combining accents belong to the word they are on: a decomposed ``é`` does not cut ``café``.
The dot between runs of letters is required, never optional: an optional one would let the
letters of one long word be split between runs in exponentially many ways whenever a match
fails (``LAST_WORD`` on a query ending in ``:``), and a search could take minutes."""
WORD = re.compile(WORD_PATTERN)
MIN_WORD = 2
"""Shorter words are not indexed."""

TEXT_FIELDS = ("title", "body")
"""The fields a plain word is looked for in."""
FIELD_BOOSTS = {"title": 3.0, "body": 1.0}
"""A word in a title counts this many times more than one in the body."""
FILTER_FIELDS = ("kind", "section", "date", "place", "title", "body")
"""The fields a user can name in a query (``kind:meeting``)."""

_KIND_NAMES = {
    "paragraph": "paragraph",
    "paragraphs": "paragraph",
    "passage": "paragraph",
    "passages": "paragraph",
    "article": "paragraph",
    "meeting": "meeting",
    "meetings": "meeting",
    "issue": "issue",
    "issues": "issue",
    "takeaway": "takeaway",
    "takeaways": "takeaway",
    "note": "note",
    "notes": "note",
    "card": "card",
    "cards": "card",
}


_LETTERS = str.maketrans(
    {"đ": "d", "ð": "d", "ø": "o", "ł": "l", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"}
)
"""Letters that are not a plain letter with an accent, folded as a reader would type them."""


class WordAnalyzer(Tokenizer):
    """Words, lower-cased, folded (:func:`fold`), stop words and one-letter words dropped,
    Porter-stemmed.

    The tokens of whoosh's chain ``RegexTokenizer(WORD_PATTERN) | LowercaseFilter() |
    StopFilter(minsize=2) | StemFilter()`` with the folding of :func:`fold` before the stop words,
    positions included (a word's position counts only the words kept before it), in one pass instead
    of a chain of generators, with the stems of :func:`stem` cached for the whole process: index
    builds spend most of their time here. Documents and queries go through this same analyzer.
    """

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        # Without tokenizing, the whole value is one word (and still lower-cased and stemmed).
        words = (
            ((m.group(0), m.start(), m.end()) for m in WORD.finditer(value))
            if tokenize
            else iter([(value, 0, len(value))])
        )
        kept = -1
        for number, (word, start, end) in enumerate(words):
            lower = word.lower()
            stemmed = stem(lower)
            if stemmed is None and removestops:
                continue
            token.boost = 1.0
            if keeporiginal or not tokenize:
                token.original = word
            if positions:
                # As whoosh's StopFilter renumbers: the first word kept keeps its place, each
                # later one follows the previous one kept; a stop word keeps its own place.
                if stemmed is None:
                    token.pos = start_pos + number
                else:
                    kept = start_pos + number if kept < 0 else kept + 1
                    token.pos = kept
            if chars:
                token.startchar, token.endchar = start_char + start, start_char + end
            token.stopped = stemmed is None
            token.text = fold(lower) if stemmed is None else stemmed
            yield token


def analyzer() -> WordAnalyzer:
    return WordAnalyzer()


def make_schema() -> fields.Schema:
    words = analyzer()
    return fields.Schema(
        key=fields.STORED,
        kind=fields.KEYWORD(lowercase=True),
        section=fields.KEYWORD(lowercase=True),
        date=fields.KEYWORD,
        place=fields.TEXT(analyzer=words),
        title=fields.TEXT(analyzer=words),
        body=fields.TEXT(analyzer=words),
    )


def normalise_kind(name: str) -> str | None:
    """The kind a user means by ``name`` (``Meetings`` → ``meeting``), or None."""
    return _KIND_NAMES.get(name.strip().lower())


def fold(word: str) -> str:
    """``word`` as it is indexed and searched for, before stemming: compatibility forms made plain
    (full-width ``ｓｕｍｍｉｔ``, the ligature ``ﬁ``), accents and other combining marks dropped
    (composed or not), case folded (``ß`` → ``ss``), and a few letters that are not accented ones
    spelt in plain letters (``ø`` → ``o``, ``æ`` → ``ae``)."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.casefold()).translate(_LETTERS)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare)


@lru_cache(maxsize=65536)
def stem(word: str) -> str | None:
    """What the analyzer indexes for one lower-case ``word``: the stem of its folded form
    (:func:`fold`), or None for a stop word or a word too short to be indexed."""
    word = fold(word)
    if len(word) < MIN_WORD or word in STOP_WORDS:
        return None
    stemmed: str = porter_stem(word)
    return stemmed
