"""From what a person typed to a whoosh query.

1. :func:`prepare` makes any text usable: control characters dropped, length and word count
   capped, an unclosed quote or unmatched or too deeply nested brackets removed, each such change
   explained in a message.
2. :func:`parse` reads it with whoosh's query language: words (all required), ``"phrases"``,
   ``AND``/``OR``/``NOT``, brackets, ``field:value``, ``word*``, ``word~``.
3. :func:`expand` rewrites the parsed query against the index: the word being typed becomes a
   prefix, a word the index does not hold brings in the indexed words one or two letters away,
   ``kind:meetings`` means ``kind:meeting``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice
from dataclasses import dataclass, field

from whoosh import qparser, query
from whoosh.reading import IndexReader

from summitreader.search.schema import (
    FIELD_BOOSTS,
    TEXT_FIELDS,
    WORD,
    WORD_PATTERN,
    make_schema,
    normalise_kind,
    stem,
)
from summitreader.search.vocabulary import Vocabulary
from summitreader.text import clean_text

MAX_LENGTH = 512
MAX_WORDS = 32
MAX_DEPTH = 8
PREFIX_EXPANSIONS = 64
"""At most this many words complete the word being typed."""
TYPO_EXPANSIONS = 5
"""At most this many indexed words stand in for a word the index does not hold."""
MIN_TYPO_LENGTH = 4
"""Shorter words are not corrected: too many words are one letter away from them."""
TYPO_BOOST = 0.7
"""How much a near word counts, relative to the word typed."""
MAX_FUZZY_DISTANCE = 2
WILDCARD_EXPANSIONS = 64
"""At most this many indexed words match a ``*`` pattern or a range of words."""
MAX_EXPANSIONS = 256
"""At most this many words stand in for the many-word parts of one query, all together."""
WORD_FIELDS = (*TEXT_FIELDS, "place")
"""The fields of words (as opposed to the keyword fields ``kind``, ``section``, ``date``)."""

_SPACE = re.compile(r"\s+")
_LAST_WORD = re.compile(WORD_PATTERN + "$")
OPERATORS = ("AND", "OR", "NOT", "ANDNOT", "ANDMAYBE")
_SCHEMA = None


@dataclass
class Prepared:
    text: str
    messages: list[str] = field(default_factory=list)


@dataclass
class Expanded:
    query: query.Query
    unknown: list[tuple[int, int]] = field(default_factory=list)
    """Where the words are (start, end in the query text) that the index does not hold (and, for
    the word being typed, that nothing completes): what a "did you mean" corrects."""


def schema():
    global _SCHEMA
    if _SCHEMA is None:
        _SCHEMA = make_schema()
    return _SCHEMA


def typo_distance(word: str) -> int:
    """How many edits a word may be off by: one, or two for a long word."""
    return 2 if len(word) >= 8 else 1


def prepare(raw: str) -> Prepared:
    """``raw`` made safe to parse, with a message for each change a person would not expect."""
    prepared = Prepared(_SPACE.sub(" ", clean_text(raw)).strip())
    text = prepared.text
    if len(text) > MAX_LENGTH:
        cut = text.rfind(" ", MAX_LENGTH // 2, MAX_LENGTH + 1)
        text = text[: cut if cut > 0 else MAX_LENGTH].rstrip()
        prepared.messages.append(f"The query was too long: only its first {len(text)} characters were used.")
    words = text.split(" ")
    if len(words) > MAX_WORDS:
        text = " ".join(words[:MAX_WORDS])
        prepared.messages.append(f"The query had too many words: only the first {MAX_WORDS} were used.")
    if text.count('"') % 2:
        i = text.rfind('"')
        text = (text[:i] + " " + text[i + 1 :]).strip()
        prepared.messages.append("A quote was not closed, so the words after it were searched for one by one.")
    depth, balanced = _bracket_depth(text)
    if not balanced or depth > MAX_DEPTH:
        text = _without_brackets(text)
        prepared.messages.append(
            "The brackets did not match, so they were ignored."
            if not balanced
            else f"Brackets nested more than {MAX_DEPTH} deep were ignored."
        )
    prepared.text = _SPACE.sub(" ", text).strip()
    return prepared


def _bracket_depth(text: str) -> tuple[int, bool]:
    """The deepest nesting of round brackets outside quotes, and whether they all match."""
    depth = deepest = 0
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif char == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif char == ")":
            depth -= 1
            if depth < 0:
                return deepest, False
    return deepest, depth == 0


def _without_brackets(text: str) -> str:
    out = []
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        if not quoted and char in "()":
            out.append(" ")
        else:
            out.append(char)
    return "".join(out)


def has_words(text: str) -> bool:
    return WORD.search(text) is not None or "*" in text


def parser() -> qparser.QueryParser:
    """A parser of the query language over the title and body fields. Cheap: one per query."""
    result = qparser.MultifieldParser(list(TEXT_FIELDS), schema(), fieldboosts=FIELD_BOOSTS)
    result.add_plugin(qparser.FuzzyTermPlugin())
    return result


def parse(text: str) -> query.Query:
    return parser().parse(text)


def parse_words(text: str) -> query.Query:
    """``text`` taken as plain words, all required: what is searched for when the query language
    cannot make sense of it."""
    words = [w.lower() for w in WORD.findall(text)][:MAX_WORDS]
    return parser().parse(" ".join(words)) if words else query.NullQuery


def as_prefix(text: str) -> str:
    """``text`` with its last word made a prefix (``word*``), for a query typed as it is being
    written; unchanged if it does not end in a word, or ends in an operator."""
    last = _LAST_WORD.search(text)
    if last is None or last.group() in OPERATORS:
        return text
    return text + "*"


def expand(q: query.Query, text: str, reader: IndexReader, vocabulary: Vocabulary) -> Expanded:
    """``q`` rewritten against ``reader``'s terms (see the module's documentation).

    Every query that stands for many words (``word*``, ``word~``, a near word, a pattern or a
    range of words) becomes a plain OR of indexed words, at most :data:`MAX_EXPANSIONS` of them
    for the whole query, so no query costs more than a few hundred term look-ups.
    """
    expander = _Expander(text, reader, vocabulary)
    return Expanded(query=expander.rewrite(q), unknown=sorted(expander.unknown))


class _Expander:
    def __init__(self, text: str, reader: IndexReader, vocabulary: Vocabulary) -> None:
        self.text = text
        self.reader = reader
        self.vocabulary = vocabulary
        self.unknown: set[tuple[int, int]] = set()
        self.budget = MAX_EXPANSIONS
        self._cache: dict[tuple[str, str], list[str]] = {}

    def rewrite(self, node: query.Query) -> query.Query:
        if isinstance(node, query.Every):
            # Every document, not "every document with a word in this field" (which reads every
            # word of the field).
            return query.Every(boost=node.boost)
        if isinstance(node, query.Phrase):
            self._phrase(node)
            return node
        if not node.is_leaf():
            return node.apply(self.rewrite)
        fieldname = getattr(node, "fieldname", None)
        if isinstance(node, query.Term) and fieldname == "kind":
            return query.Term("kind", normalise_kind(node.text) or node.text, boost=node.boost)
        if fieldname not in WORD_FIELDS:
            return node
        if isinstance(node, query.Term):
            return self._word(node, node.text, self._typed(node), prefix=False)
        if isinstance(node, query.Prefix):
            return self._word(node, node.text, self._typed(node), prefix=True)
        if isinstance(node, query.FuzzyTerm):
            typed = self._typed(node)
            distance = max(0, min(node.maxdist, MAX_FUZZY_DISTANCE))
            stems = self._near(typed[0], distance) if typed else []
            return self._any_of(node, [node.text, *stems], 1.0)
        if isinstance(node, query.MultiTerm):  # patterns and ranges of words
            limit = max(1, min(WILDCARD_EXPANSIONS, self.budget))
            stems = [
                value.decode("utf-8", "replace") if isinstance(value, bytes) else value
                for _, value in islice(node.expanded_terms(self.reader), limit)
            ]
            self.budget -= len(stems)
            # No word matches: a term that matches nothing keeps the query's meaning (AND fails).
            return self._any_of(node, stems or [getattr(node, "text", "")], 1.0)
        return node

    def _word(
        self,
        node: query.Query,
        indexed_as: str,
        typed: tuple[str, int, int] | None,
        *,
        prefix: bool,
    ) -> query.Query:
        """A word (or the start of one): with the words it begins, if a prefix; with the words
        near it, if the index does not hold it (nor any word it begins)."""
        if typed is None:
            return node
        word, start, end = typed
        stems = self._prefixed(word) if prefix else []
        boost = 1.0
        if not stems and not self._indexed(indexed_as):
            self.unknown.add((start, end))
            if len(word) >= MIN_TYPO_LENGTH:
                stems = self._near(word, typo_distance(word))
                boost = TYPO_BOOST
        if not prefix:
            stems = [s for s in stems if s != indexed_as]
            if not stems:
                return node
            others = [query.Term(node.fieldname, s, boost=node.boost * boost) for s in stems]
            return query.Or([node, *others])
        return self._any_of(node, stems or [indexed_as], boost)

    def _phrase(self, node: query.Phrase) -> None:
        """A phrase is searched as written; its unknown words can still be corrected."""
        ranges = node.char_ranges or ()
        if node.fieldname in TEXT_FIELDS and len(ranges) == len(node.words):
            for word, place in zip(node.words, ranges, strict=True):
                if word is not None and not self._indexed(word):
                    self.unknown.add(tuple(place))

    def _any_of(self, node: query.Query, stems: list[str], boost: float) -> query.Query:
        """Any of ``stems`` in ``node``'s field."""
        stems = list(dict.fromkeys(stems))
        terms = [query.Term(node.fieldname, s, boost=node.boost * boost) for s in stems]
        return terms[0] if len(terms) == 1 else query.Or(terms)

    def _typed(self, node: query.Query) -> tuple[str, int, int] | None:
        """The word written where ``node`` comes from, lower-cased, and where it is (for
        ``word*``, whose place is that of the ``*``, the word just before it)."""
        start, end = getattr(node, "startchar", None), getattr(node, "endchar", None)
        if start is None or end is None:
            return None
        if isinstance(node, query.Prefix):
            found = _LAST_WORD.search(self.text, 0, start)
        else:
            found = _LAST_WORD.search(self.text, start, end)
        if found is None:
            return None
        return found.group().lower(), found.start(), found.end()

    def _prefixed(self, prefix: str) -> list[str]:
        return self._cached(
            "prefix", prefix, lambda: self.vocabulary.with_prefix(prefix, PREFIX_EXPANSIONS)
        )

    def _near(self, word: str, distance: int) -> list[str]:
        return self._cached(
            f"near{distance}", word, lambda: self.vocabulary.near(word, distance, TYPO_EXPANSIONS)
        )

    def _cached(self, how: str, word: str, find: Callable[[], list[str]]) -> list[str]:
        key = (how, word)
        if key not in self._cache:
            if self.budget <= 0:
                return []
            stems = _stems(find())
            self._cache[key] = stems
            self.budget -= len(stems)
        return self._cache[key]

    def _indexed(self, stem_text: str) -> bool:
        return any((name, stem_text) in self.reader for name in TEXT_FIELDS)


def _stems(words: list[str]) -> list[str]:
    out: dict[str, None] = {}
    for word in words:
        s = stem(word)
        if s is not None:
            out[s] = None
    return list(out)


def matched_terms(q: query.Query, reader: IndexReader) -> set[str]:
    """The indexed words (stems) of the title and body that ``q`` looks for, except under NOT:
    the words a snippet marks."""
    found: set[str] = set()
    _collect(q, reader, found.add)
    return found


def _collect(q: query.Query, reader: IndexReader, add: Callable[[str], None]) -> None:
    if isinstance(q, query.Not):
        return
    if isinstance(q, query.AndNot):
        _collect(q.a, reader, add)
        return
    if not q.is_leaf():
        for child in q.children():
            _collect(child, reader, add)
        return
    try:
        terms = list(q.expanded_terms(reader, phrases=True))
    except Exception:  # noqa: BLE001 - a query kind with no terms to show
        return
    for name, value in terms:
        if name in TEXT_FIELDS or name == "place":
            add(value.decode("utf-8", "replace") if isinstance(value, bytes) else value)
