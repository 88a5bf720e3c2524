"""Ranking the matches of a query from each word's postings, read once and kept.

whoosh finds a query's matches by walking a tree of matchers document by document, a few Python
calls per document and per word at every level of the tree; a query that matches a large part of
a book (a prefix completed by common words, a phrase of common words) spends nearly all its time
there. Here each word's postings are read once per searcher, through whoosh and scored by the
searcher's own weighting, and kept as a table of document → score; a query is then answered by
merging those tables: an OR adds the scores of each document, an AND keeps the documents of every
part and adds their scores, a phrase keeps the documents of every word whose positions follow one
another. These are the sums whoosh makes, so the matches, their count and their scores are the
same (up to the last digits of a sum made in another order: scores are compared to
:data:`DIGITS` decimals, and equal scores are ranked in the order of the documents).

Only the queries the search builds are answered this way (words, their OR and AND, phrases, the
``kind`` filter); :func:`rank` returns None for anything else (``NOT``, ``*``, a phrase with a
slop), which whoosh then answers as before.
"""

from __future__ import annotations

import heapq
from collections import OrderedDict
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from whoosh import query
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.scoring import BM25FScorer
from whoosh.searching import Searcher

DIGITS = 9
"""Scores are compared rounded to this many decimals."""
MAX_POSTINGS = 100_000
"""At most about this many (document, score) pairs are kept (some 20 MB; a book's commonest
word has a few thousand); the least recently used words go first."""

Scores = dict[int, float]


class Unsupported(Exception):
    """A query this module does not answer: whoosh answers it."""


@dataclass(frozen=True)
class Ranked:
    top: list[tuple[float, int]]
    """The best (score, document number) pairs, best first."""
    total: int
    """How many documents match (within the kinds asked for)."""
    matched: Collection[int] = ()
    """The numbers of all the documents that match (within the kinds asked for)."""


class Postings:
    """The scored postings of a searcher's words, read when first needed and kept."""

    def __init__(self, searcher: Searcher, budget: int = MAX_POSTINGS) -> None:
        self.searcher = searcher
        self.budget = budget
        """How many (document, score) pairs are kept at most (one word's may go over)."""
        self._scores: OrderedDict[tuple[str, bytes], Scores] = OrderedDict()
        self._positions: OrderedDict[tuple[str, bytes], dict[int, frozenset[int]]] = OrderedDict()
        self._phrases: OrderedDict[tuple[str, bytes], Scores] = OrderedDict()
        self._kept = 0
        self._keys: dict[int, Any] = {}

    def scores(self, fieldname: str, text: bytes) -> Scores:
        """Document number → score of the word ``text`` of ``fieldname`` (an empty table for a
        word the index does not hold)."""
        term = (fieldname, text)
        found = self._scores.get(term)
        if found is not None:
            self._scores.move_to_end(term)
            return found
        found = {}
        weighting = self.searcher.weighting
        for leaf, offset in self.searcher.leaf_searchers():
            reader = leaf.reader()
            if term not in reader:
                continue
            scorer = weighting.scorer(leaf, fieldname, text)
            matcher = reader.postings(fieldname, text, scorer=scorer)
            if isinstance(matcher, W3LeafMatcher) and isinstance(scorer, BM25FScorer):
                _read_blocks(matcher, scorer, offset, found)
                continue
            while matcher.is_active():
                found[matcher.id() + offset] = matcher.score()
                matcher.next()
        self._keep(self._scores, term, found)
        return found

    def positions(self, fieldname: str, text: bytes) -> dict[int, frozenset[int]]:
        """Document number → the positions of the word ``text`` in ``fieldname``."""
        term = (fieldname, text)
        found = self._positions.get(term)
        if found is not None:
            self._positions.move_to_end(term)
            return found
        found = {}
        for leaf, offset in self.searcher.leaf_searchers():
            reader = leaf.reader()
            if term not in reader:
                continue
            matcher = reader.postings(fieldname, text)
            while matcher.is_active():
                found[matcher.id() + offset] = frozenset(matcher.value_as("positions"))
                matcher.next()
        self._keep(self._positions, term, found)
        return found

    def phrase(self, fieldname: str, texts: tuple[bytes, ...]) -> Scores:
        """Document number → score (the sum of the words' scores) of the documents holding the
        words ``texts`` of ``fieldname`` one after another."""
        key = (fieldname, b" ".join(texts))
        found = self._phrases.get(key)
        if found is not None:
            self._phrases.move_to_end(key)
            return found
        found = {}
        candidates = _intersection([self.scores(fieldname, text) for text in texts])
        if candidates:
            places = [self.positions(fieldname, text) for text in texts]
            for docnum, score in candidates.items():
                first, rest = places[0][docnum], [p[docnum] for p in places[1:]]
                if any(all(start + i in p for i, p in enumerate(rest, 1)) for start in first):
                    found[docnum] = score
        self._keep(self._phrases, key, found)
        return found

    def stored_key(self, docnum: int) -> Any:
        """The ``key`` stored with a document."""
        if docnum not in self._keys:
            self._keys[docnum] = self.searcher.stored_fields(docnum).get("key")
        return self._keys[docnum]

    def _keep(
        self,
        table: OrderedDict[tuple[str, bytes], Any],
        term: tuple[str, bytes],
        found: dict[int, Any],
    ) -> None:
        table[term] = found
        self._kept += len(found)
        # The least recently used first, from every table; the one just read stays.
        for older in (self._phrases, self._positions, self._scores):
            while self._kept > self.budget and older and next(iter(older.values())) is not found:
                _, dropped = older.popitem(last=False)
                self._kept -= len(dropped)


def _read_blocks(
    matcher: W3LeafMatcher, scorer: BM25FScorer, offset: int, found: Scores
) -> None:
    """The scores of a word's postings, a block at a time: what ``matcher.score()`` gives for
    each posting, without the five calls per posting of going through the matcher (half the time
    of reading a common word of a book). This reads the blocks through the matcher's own block
    readers, which are internal to whoosh (its version is pinned exactly)."""
    score, length = scorer._score, scorer.dfl
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        for docnum, weight in zip(matcher._ids, matcher._weights, strict=True):
            found[docnum + offset] = score(weight, length(docnum))
        matcher._next_block()


def rank(
    postings: Postings, q: query.Query, kinds: Collection[str] | None, limit: int
) -> Ranked | None:
    """The best ``limit`` matches of ``q`` and their count, only of ``kinds`` if given; None when
    ``q`` holds a part this module does not answer (see the module's documentation)."""
    try:
        matched = _evaluate(postings, q)
    except Unsupported:
        return None
    if kinds is not None:
        allowed: set[int] = set()
        for kind in kinds:
            allowed.update(_term(postings, query.Term("kind", kind)))
        matched = {d: s for d, s in matched.items() if d in allowed}
    return Ranked(top=_best(matched, limit), total=len(matched), matched=matched.keys())


def documents_with(postings: Postings, fieldname: str, word: str) -> Collection[int]:
    """The numbers of the documents whose ``fieldname`` holds ``word`` (as indexed)."""
    return _term(postings, query.Term(fieldname, word)).keys()


def _best(matched: Scores, limit: int) -> list[tuple[float, int]]:
    """The best ``limit`` of ``matched`` as (score, document number), best first; equal scores
    (to :data:`DIGITS` decimals) in the order of the documents."""
    if limit <= 0 or not matched:
        return []
    if len(matched) > limit:
        # Only the scores that can be among the best are rounded and sorted.
        floor = heapq.nlargest(limit, matched.values())[-1] - 10.0**-DIGITS
        candidates = [(d, s) for d, s in matched.items() if s >= floor]
    else:
        candidates = list(matched.items())
    candidates.sort(key=lambda item: (-round(item[1], DIGITS), item[0]))
    return [(score, docnum) for docnum, score in candidates[:limit]]


def _evaluate(postings: Postings, q: query.Query) -> Scores:
    kind = type(q)
    if kind is query.Term:
        return _boosted(_term(postings, q), q.boost)
    if kind in (query.Or, query.And) and len(q.subqueries) <= 1:
        # As whoosh: no parts match nothing, and one part is the query, its boost left out.
        return _evaluate(postings, q.subqueries[0]) if q.subqueries else {}
    if kind is query.Or:
        if q.minmatch or q.scale:
            raise Unsupported
        return _boosted(_union([_evaluate(postings, sub) for sub in q.subqueries]), q.boost)
    if kind is query.And:
        return _boosted(_intersection([_evaluate(postings, s) for s in q.subqueries]), q.boost)
    if kind is query.Phrase:
        return _boosted(_phrase(postings, q), q.boost)
    if q is query.NullQuery or isinstance(q, type(query.NullQuery)):
        return {}
    raise Unsupported


def _term(postings: Postings, q: query.Term) -> Scores:
    schema = postings.searcher.schema
    if q.fieldname not in schema:
        return {}
    try:
        text = schema[q.fieldname].to_bytes(q.text)
    except ValueError:
        return {}
    return postings.scores(q.fieldname, text)


def _boosted(scores: Scores, boost: float) -> Scores:
    if boost == 1.0:
        return scores
    return {docnum: score * boost for docnum, score in scores.items()}


def _union(parts: list[Scores]) -> Scores:
    parts = [part for part in parts if part]
    if not parts:
        return {}
    parts.sort(key=len, reverse=True)
    out = dict(parts[0])
    for part in parts[1:]:
        get = out.get
        for docnum, score in part.items():
            before = get(docnum)
            out[docnum] = score if before is None else before + score
    return out


def _intersection(parts: list[Scores]) -> Scores:
    if not parts or not all(parts):
        return {}
    ordered = sorted(parts, key=len)
    out = dict(ordered[0])
    for part in ordered[1:]:
        out = {docnum: score + part[docnum] for docnum, score in out.items() if docnum in part}
        if not out:
            break
    return out


def _phrase(postings: Postings, q: query.Phrase) -> Scores:
    """The documents holding ``q``'s words one after another, scored as whoosh scores them: the
    sum of the words' scores."""
    if q.slop != 1 or not q.words or not all(isinstance(w, str) for w in q.words):
        raise Unsupported
    schema = postings.searcher.schema
    if q.fieldname not in schema:
        return {}
    field = schema[q.fieldname]
    if not field.format or not field.format.supports("positions"):
        raise Unsupported
    try:
        texts = [field.to_bytes(word) for word in q.words]
    except ValueError:
        return {}
    return postings.phrase(q.fieldname, tuple(texts))
