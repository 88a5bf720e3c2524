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
from dataclasses import dataclass, field

from whoosh import qparser, query
from whoosh.reading import IndexReader

from summitreader.search.schema import (
    FIELD_BOOSTS,
    TEXT_FIELDS,
    WORD,
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

_SPACE = re.compile(r"\s+")
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


def expand(
    q: query.Query,
    text: str,
    reader: IndexReader,
    vocabulary: Vocabulary,
    *,
    as_you_type: bool,
) -> Expanded:
    """``q`` rewritten against ``reader``'s terms (see the module's documentation)."""
    typing_at = len(text) if as_you_type and text and not text.endswith((" ", '"', ")")) else None
    unknown: set[tuple[int, int]] = set()
    cache: dict[tuple[str, str, bool], list[str]] = {}

    def indexed(stem_text: str) -> bool:
        return any((name, stem_text) in reader for name in TEXT_FIELDS)

    def alternatives(term: query.Term, typing: bool) -> list[str]:
        """Stems to search for besides ``term``'s own."""
        start, end = term.startchar, term.endchar
        typed = _typed_word(text, start, end)
        if typed is None:
            return []
        key = (term.fieldname, typed, typing)
        if key in cache:
            return cache[key]
        stems: list[str] = []
        if typing:
            stems = _stems(vocabulary.with_prefix(typed, PREFIX_EXPANSIONS))
        if not stems and not indexed(term.text):
            unknown.add((start, end))
            if len(typed) >= MIN_TYPO_LENGTH:
                stems = _stems(vocabulary.near(typed, typo_distance(typed), TYPO_EXPANSIONS))
        cache[key] = [s for s in stems if s != term.text]
        return cache[key]

    def rewrite(node: query.Query) -> query.Query:
        if isinstance(node, query.Term):
            if node.fieldname == "kind":
                kind = normalise_kind(node.text)
                return query.Term("kind", kind or node.text, boost=node.boost)
            if node.fieldname in TEXT_FIELDS or node.fieldname == "place":
                if node.startchar is None or node.endchar is None:
                    return node
                typing = typing_at is not None and node.endchar == typing_at
                stems = alternatives(node, typing)
                if not stems:
                    return node
                boost = 1.0 if typing else TYPO_BOOST
                others = [query.Term(node.fieldname, s, boost=node.boost * boost) for s in stems]
                return query.Or([node, *others])
            return node
        if isinstance(node, query.Phrase):
            # A phrase is kept as written; its unknown words can still be corrected.
            ranges = node.char_ranges or ()
            if node.fieldname in TEXT_FIELDS and len(ranges) == len(node.words):
                for word, place in zip(node.words, ranges, strict=True):
                    if word is not None and not indexed(word):
                        unknown.add(tuple(place))
            return node
        if isinstance(node, query.FuzzyTerm):
            return query.FuzzyTerm(
                node.fieldname,
                node.text,
                boost=node.boost,
                maxdist=min(node.maxdist, MAX_FUZZY_DISTANCE),
                prefixlength=max(node.prefixlength, 1),
            )
        if node.is_leaf():
            return node
        return node.apply(rewrite)

    return Expanded(query=rewrite(q), unknown=sorted(unknown))


def _typed_word(text: str, start: int, end: int) -> str | None:
    """The last word written between ``start`` and ``end`` of the query, lower-cased."""
    words = WORD.findall(text[start:end].lower())
    return words[-1] if words else None


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
