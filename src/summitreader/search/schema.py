"""The index's fields and the way words are cut and stemmed.

Bump :data:`SCHEMA_VERSION` whenever the fields, the analyzer or what goes into a document changes:
cached indexes of another version are then rebuilt.
"""

from __future__ import annotations

import re
from functools import lru_cache

from whoosh import fields
from whoosh.analysis import StemmingAnalyzer
from whoosh.analysis.filters import STOP_WORDS
from whoosh.lang.porter import stem as porter_stem

SCHEMA_VERSION = 1

WORD_PATTERN = r"\w+(?:\.?\w+)*"
"""What counts as a word, in documents and in queries (``U.S`` and ``9M729`` are one word each)."""
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
}


def analyzer() -> StemmingAnalyzer:
    """Words, lower-cased, stop words and one-letter words dropped, Porter-stemmed."""
    # An unbounded stem cache: the vocabulary of a pack is small, and a dict is quicker than an LRU.
    return StemmingAnalyzer(expression=WORD_PATTERN, minsize=MIN_WORD, cachesize=-1)


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


@lru_cache(maxsize=65536)
def stem(word: str) -> str | None:
    """What the analyzer indexes for one lower-case ``word``: its stem, or None for a stop word
    or a word too short to be indexed."""
    if len(word) < MIN_WORD or word in STOP_WORDS:
        return None
    return porter_stem(word)
