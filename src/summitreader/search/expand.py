"""Fitting a parsed query to the index.

- The word being typed (``word*``) brings in the indexed words it begins.
- A word the index does not hold brings in the indexed words one or two letters away from it, if it
  has :data:`MIN_SILENT_CORRECTION` letters or more (a shorter one only gets a "did you mean"), and
  its place is noted, for that "did you mean".
- ``word~``, patterns and ranges of words become plain ORs of indexed words, at most
  :data:`MAX_EXPANSIONS` words for the whole query, so no query costs more than a few hundred term
  look-ups.
- A word also finds its family at a lower weight: the indexed stems that extend its stem by a
  few letters, or that its stem extends (``interfering`` → ``interf``, which finds ``interfer``
  of ``interference``; ``negotiating`` → ``negotiat``, which finds ``negoti`` of
  ``negotiations``). Only a word the stemmer changed has a family (``negotia`` is not a form
  of a word), and only stems of :data:`FAMILY_MIN_STEM` letters or more, so short stems (``arm``,
  ``meet``) do not bring in unrelated words.
- ``kind:meetings`` means ``kind:meeting``; ``*`` means every document.

:func:`matched_terms` then says which indexed words a snippet should mark.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice

from whoosh import query
from whoosh.reading import IndexReader

from summitreader.search.query import LAST_WORD
from summitreader.search.schema import TEXT_FIELDS, fold, normalise_kind, stem
from summitreader.search.vocabulary import Vocabulary

PREFIX_EXPANSIONS = 64
"""At most this many words complete a prefix (the commonest); fewer for a prefix of one, two or
three letters (8, 16, 32), which a great many words begin with."""
TYPO_EXPANSIONS = 5
"""At most this many indexed words stand in for a word the index does not hold."""
MIN_SILENT_CORRECTION = 6
"""Shorter words are corrected only by a "did you mean", never in the results: a short word one
letter from an indexed word is as likely another word (``iraq`` is not ``iran``) as a slip."""
TYPO_BOOST = 0.7
"""How much a near word counts, relative to the word typed."""
FAMILY_MIN_STEM = 5
"""Stems shorter than this have no family (see the module's documentation)."""
FAMILY_LONGER = 3
"""A family stem is at most this many letters longer than the word's stem…"""
FAMILY_SHORTER = 2
"""…or at most this many letters shorter."""
FAMILY_BOOST = 0.6
"""How much a word of the family counts, relative to the word typed."""
MAX_FUZZY_DISTANCE = 2
WILDCARD_EXPANSIONS = 64
"""At most this many indexed words match a ``*`` pattern or a range of words."""
MAX_EXPANSIONS = 256
"""At most this many words stand in for the many-word parts of one query, all together."""
WORD_FIELDS = (*TEXT_FIELDS, "place")
"""The fields of words (as opposed to the keyword fields ``kind``, ``section``, ``date``)."""


@dataclass
class Expanded:
    query: query.Query
    unknown: list[tuple[int, int]] = field(default_factory=list)
    """Where the words are (start, end in the query text) that the index does not hold (and, for
    a prefix, that nothing completes): what a "did you mean" corrects."""
    corrected: bool = False
    """Whether near words stand in for a word the index does not hold: the results are then
    those of the corrected query."""


def prefix_limit(prefix: str) -> int:
    return min(PREFIX_EXPANSIONS, 4 << len(prefix))


def typo_distance(word: str) -> int:
    """How many edits a word may be off by: one, or two for a long word."""
    return 2 if len(word) >= 8 else 1


def expand(q: query.Query, text: str, reader: IndexReader, vocabulary: Vocabulary) -> Expanded:
    """``q`` rewritten against ``reader``'s terms (see the module's documentation); ``text`` is
    the query as written, which the parsed query's character positions refer to."""
    expander = _Expander(text, reader, vocabulary)
    rewritten = expander.rewrite(q)
    return Expanded(
        query=rewritten, unknown=sorted(expander.unknown), corrected=expander.corrected
    )


class _Expander:
    def __init__(self, text: str, reader: IndexReader, vocabulary: Vocabulary) -> None:
        self.text = text
        self.reader = reader
        self.vocabulary = vocabulary
        self.unknown: set[tuple[int, int]] = set()
        self.corrected = False
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
        own = stem(word)
        # Only a word the stemmer changed has a family: it is a form of a word, not a fragment.
        family = self._family(own) if own and own != word else []
        boost = 1.0
        if not stems and not self._indexed(indexed_as):
            # A word the index does not hold: its near words, else its family, else nothing.
            if len(word) >= MIN_SILENT_CORRECTION:
                stems = self._near(word, typo_distance(word))
                boost = TYPO_BOOST
            if stems:
                self.corrected = True
                family = []
            if not family:
                self.unknown.add((start, end))
        elif not stems and self._slip(word, own):
            # A slip the stemmer hides (``helsinky`` is indexed as ``helsinki``): the results are
            # those of the word it stands for, and the reader is told so.
            self.corrected = True
            self.unknown.add((start, end))
        family = [f for f in family if f not in stems and f != indexed_as]
        kin = [query.Term(node.fieldname, f, boost=node.boost * FAMILY_BOOST) for f in family]
        if not prefix:
            stems = [s for s in stems if s != indexed_as]
            others = [query.Term(node.fieldname, s, boost=node.boost * boost) for s in stems]
            return query.Or([node, *others, *kin]) if others or kin else node
        main = self._any_of(node, stems or [indexed_as], boost)
        return query.Or([main, *kin]) if kin else main

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
            found = LAST_WORD.search(self.text, 0, start)
        else:
            found = LAST_WORD.search(self.text, start, end)
        if found is None:
            return None
        return found.group().lower(), found.start(), found.end()

    def _prefixed(self, prefix: str) -> list[str]:
        return self._cached(
            "prefix",
            prefix,
            lambda: self.vocabulary.with_prefix(prefix, prefix_limit(prefix)),
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

    def _family(self, own: str) -> list[str]:
        """The indexed stems of ``own``'s family (see the module's documentation)."""
        if len(own) < FAMILY_MIN_STEM:
            return []
        key = ("family", own)
        if key not in self._cache:
            if self.budget <= 0:
                return []
            longer = [
                s
                for s in self.vocabulary.stems_with_prefix(own)
                if s != own and len(s) - len(own) <= FAMILY_LONGER
            ]
            shorter = [
                own[:size]
                for size in range(max(FAMILY_MIN_STEM, len(own) - FAMILY_SHORTER), len(own))
                if self.vocabulary.has_stem(own[:size])
            ]
            found = [*longer, *shorter]
            self._cache[key] = found
            self.budget -= len(found)
        return self._cache[key]

    def _slip(self, word: str, own: str | None) -> bool:
        """Whether ``word``, which the index holds under its stem ``own``, is a one-letter slip
        of a word of the text with that stem: not a word of the text itself, and not a regular
        form of one (the stemmer rewrote letters, not just took an ending off: ``helsinky`` →
        ``helsinki``, whereas ``meetings`` → ``meet`` is a form of ``meeting``)."""
        if not own or word in self.vocabulary or fold(word).startswith(own):
            return False
        return any(
            len(form) == len(word) and _one_apart(form, word)
            for form in self.vocabulary.forms({own})
        )

    def _indexed(self, stem_text: str) -> bool:
        return any((name, stem_text) in self.reader for name in TEXT_FIELDS)


def _one_apart(a: str, b: str) -> bool:
    """Whether two words of one length differ by one letter, or by two neighbours swapped."""
    differ = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if len(differ) == 1:
        return True
    first = differ[0] if len(differ) == 2 else -1
    return differ == [first, first + 1] and a[first] == b[first + 1] and a[first + 1] == b[first]


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
    except Exception:  # noqa: BLE001 - whoosh's errors have no common type
        return
    for name, value in terms:
        if name in TEXT_FIELDS or name == "place":
            add(value.decode("utf-8", "replace") if isinstance(value, bytes) else value)
