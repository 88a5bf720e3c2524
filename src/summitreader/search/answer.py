"""Answering one query: from the text typed to a :class:`~summitreader.search.results.SearchResult`
(prepared, parsed, fitted to the index, collected, made into hits; read again as plain words if it
cannot be read as written)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection

from whoosh import collectors, query
from whoosh.searching import Searcher

from summitreader.search.expand import expand, matched_terms
from summitreader.search.query import MAX_WORDS, as_prefix, has_words, parse, prepare
from summitreader.search.ranking import Postings, Ranked, documents_with, rank
from summitreader.search.results import KINDS, Hit, SearchResult
from summitreader.search.schema import WORD
from summitreader.search.spelling import suggest
from summitreader.search.vocabulary import Vocabulary

MakeHit = Callable[[str, float, Collection[str]], Hit | None]

NOTHING_TO_SEARCH = (
    "Nothing in the query can be searched for: very common words such as “the”, "
    "one-letter words and lone operators are left out."
)
SPARE = 8
"""How many more documents than asked for are ranked, to stand in for repeats left out."""
REPEATS = ("takeaway", "paragraph")
"""The kinds of hit of which only one is kept per passage (a takeaway is its paragraph)."""
NOT_READABLE = "The query could not be read as written, so its words were searched for instead."


def answer_query(
    postings: Postings,
    vocabulary: Vocabulary,
    make_hit: MakeHit,
    raw: str,
    *,
    kinds: Collection[str] | None,
    limit: int,
    as_you_type: bool,
) -> SearchResult:
    raw = raw if isinstance(raw, str) else ""
    # A space after the last word means it is finished: no longer a prefix.
    as_you_type = as_you_type and not raw[-1:].isspace()
    prepared = prepare(raw)
    messages = prepared.messages
    text = prepared.text
    if not has_words(text) or (kinds is not None and not kinds):
        return _result([], 0, None, messages, text)
    # whoosh's parser and query classes raise many kinds of error on odd input: whatever it is,
    # the query is answered as plain words instead.
    try:
        return _answer(postings, vocabulary, make_hit, text, messages, kinds, limit, as_you_type)
    except Exception:  # noqa: BLE001 - whoosh's errors have no common type
        pass
    messages.append(NOT_READABLE)
    words = " ".join(w.lower() for w in WORD.findall(text)[:MAX_WORDS])
    try:
        return _answer(postings, vocabulary, make_hit, words, messages, kinds, limit, False)
    except Exception:  # noqa: BLE001 - whoosh's errors have no common type
        return _result([], 0, None, messages, words)


def _answer(
    postings: Postings,
    vocabulary: Vocabulary,
    make_hit: MakeHit,
    text: str,
    messages: list[str],
    kinds: Collection[str] | None,
    limit: int,
    as_you_type: bool,
) -> SearchResult:
    searched = parse(as_prefix(text) if as_you_type else text)
    if searched is query.NullQuery or isinstance(searched, type(query.NullQuery)):
        messages.append(NOTHING_TO_SEARCH)
        return _result([], 0, None, messages, text)
    searcher = postings.searcher
    reader = searcher.reader()
    expanded = expand(searched, text, reader, vocabulary)
    messages.extend(_unknown_kinds(expanded.query))
    # A few more than asked for: a repeat left out leaves room for the next.
    ranked = rank(postings, expanded.query, kinds, max(limit, 1) + SPARE)
    if ranked is None:
        ranked = _whoosh_rank(searcher, expanded.query, kinds, max(limit, 1) + SPARE)
    marked = vocabulary.forms(matched_terms(expanded.query, reader))
    hits: list[Hit] = []
    kept: list[Hit] = []
    for score, docnum in ranked.top:
        if len(kept) >= limit:
            break
        key = postings.stored_key(docnum)
        hit = make_hit(key, score, marked) if isinstance(key, str) else None
        if hit is not None:
            hits.append(hit)
            kept = without_repeats(hits)
    suggestion = None
    if expanded.unknown:
        as_written = parse(text) if as_you_type else searched
        suggestion = suggest(as_written, text, expanded.unknown, vocabulary)
    # The count is of every match, less every repeat among them (not only among those shown),
    # so it is the same whatever the limit.
    total = ranked.total - _repeats(postings, ranked, make_hit) if ranked.matched else ranked.total
    return _result(
        cards_after_their_passage(kept),
        total,
        suggestion,
        messages,
        text,
        corrected=expanded.corrected and bool(suggestion),
    )


def _unknown_kinds(searched: query.Query) -> list[str]:
    """A message for a ``kind:`` filter that names no kind of hit (it finds nothing)."""
    unknown = sorted(
        {str(text) for field, text in searched.all_terms() if field == "kind"} - set(KINDS)
    )
    if not unknown:
        return []
    return [f"kind:{unknown[0]} is no kind of hit: the kinds are {', '.join(KINDS)}."]


def _whoosh_rank(
    searcher: Searcher, q: query.Query, kinds: Collection[str] | None, limit: int
) -> Ranked:
    """What :func:`~summitreader.search.ranking.rank` does not answer, answered by whoosh."""
    top = collectors.TopCollector(limit=limit, usequality=False)
    collector: collectors.Collector = top
    allow = query.Or([query.Term("kind", kind) for kind in kinds]) if kinds is not None else None
    if allow is not None:
        collector = collectors.FilterCollector(top, allow=allow)
    searcher.search_with_collector(q, collector)
    matched = set(searcher.docs_for_query(q))
    if allow is not None:
        matched &= set(searcher.docs_for_query(allow))
    return Ranked(top=list(collector.results().top_n), total=collector.count(), matched=matched)


def _repeats(postings: Postings, ranked: Ranked, make_hit: MakeHit) -> int:
    """How many of all the matching documents :func:`without_repeats` would leave out: past
    the first, each match at a passage that a takeaway and its paragraph (or two takeaways)
    share. Only takeaways can repeat a passage, and they are few: their passages are looked up,
    then those passages' paragraphs among the matches."""
    matched = ranked.matched
    places: Counter[tuple[str, int]] = Counter()
    for docnum in documents_with(postings, "kind", "takeaway"):
        if docnum not in matched:
            continue
        key = postings.stored_key(docnum)
        hit = make_hit(key, 0.0, ()) if isinstance(key, str) else None
        if hit is not None and hit.section and hit.paragraph:
            places[(hit.section, hit.paragraph)] += 1
    if not places:
        return 0
    for section in {section for section, _ in places}:
        for docnum in documents_with(postings, "section", section.lower()):
            if docnum not in matched:
                continue
            key = postings.stored_key(docnum)
            kind, _, rest = key.partition(":") if isinstance(key, str) else ("", "", "")
            place_section, _, number = rest.rpartition(":")
            place = (section, int(number) if number.isdigit() else 0)
            if kind == "paragraph" and place_section == section and place in places:
                places[place] += 1
    return sum(count - 1 for count in places.values())


def without_repeats(hits: list[Hit]) -> list[Hit]:
    """``hits`` without a takeaway's paragraph when the takeaway is a hit too, or the other way
    round: both lead to the same passage and say the same thing. The better ranked one stays."""
    seen: set[tuple[str, int]] = set()
    kept = []
    for hit in hits:
        if hit.kind in REPEATS and hit.section and hit.paragraph:
            place = (hit.section, hit.paragraph)
            if place in seen:
                continue
            seen.add(place)
        kept.append(hit)
    return kept


def cards_after_their_passage(hits: list[Hit]) -> list[Hit]:
    """``hits`` with each of the reader's cards moved after the hit of its own passage (the
    paragraph, or its takeaway) when that is a hit too: a card repeats its paragraph, and a short
    text ranks high, so it would otherwise push the passage down."""
    first: dict[tuple[str, int], int] = {}
    for number, hit in enumerate(hits):
        if hit.kind in REPEATS and hit.section and hit.paragraph:
            first.setdefault((hit.section, hit.paragraph), number)
    out: list[Hit] = []
    waiting: dict[tuple[str, int], list[Hit]] = {}
    for number, hit in enumerate(hits):
        place = (hit.section or "", hit.paragraph or 0)
        if hit.kind == "card" and first.get(place, -1) > number:
            waiting.setdefault(place, []).append(hit)
            continue
        out.append(hit)
        if hit.kind in REPEATS:
            out.extend(waiting.pop(place, []))
    return out


def _result(
    hits: list[Hit],
    total: int,
    suggestion: str | None,
    messages: list[str],
    text: str,
    *,
    corrected: bool = False,
) -> SearchResult:
    return SearchResult(
        hits=hits,
        total=total,
        suggestion=suggestion,
        message=" ".join(messages) or None,
        query=text,
        corrected=corrected,
    )
