"""“Did you mean …”: a query with its unknown words replaced by the nearest indexed words.

whoosh's query corrector does the rewriting (it keeps the rest of the query exactly as typed); the
suggestions come from the :class:`~summitreader.search.vocabulary.Vocabulary`, so they are words as
written (``negotiations``), never stems (``negoti``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh import query
from whoosh.spelling import Corrector, SimpleQueryCorrector

from summitreader.search.expand import MAX_FUZZY_DISTANCE, typo_distance
from summitreader.search.vocabulary import Vocabulary


class VocabularyCorrector(Corrector):
    """Suggests the indexed words nearest to a word typed at a known place in the query.

    whoosh hands a corrector the query's terms as stems; ``typed`` maps each stem to correct to the
    word the person actually wrote, which is what is compared with the word list.
    """

    def __init__(self, vocabulary: Vocabulary, typed: dict[str, str]) -> None:
        self.vocabulary = vocabulary
        self.typed = typed

    def _suggestions(self, text: str, maxdist: int, prefix: int) -> Iterator[tuple[float, str]]:
        word = self.typed.get(text, text)
        distance = min(maxdist, typo_distance(word))
        for rank, found in enumerate(self.vocabulary.near(word, distance, 5)):
            yield (-float(rank), found)


def suggest(
    q: query.Query, text: str, missing: list[tuple[int, int]], vocabulary: Vocabulary
) -> str | None:
    """``text`` with the words at ``missing`` (start, end) replaced by their nearest indexed words,
    or None when there is nothing to propose."""
    if not missing:
        return None
    wanted = set(missing)
    typed: dict[str, str] = {}
    terms: set[tuple[str, str]] = set()
    for token in q.all_tokens():
        place = (getattr(token, "startchar", None), getattr(token, "endchar", None))
        if place in wanted and token.fieldname == "body":
            typed[token.text] = text[place[0] : place[1]].lower()
            terms.add((token.fieldname, token.text))
    if not terms:
        return None
    corrector = VocabularyCorrector(vocabulary, typed)
    correction = SimpleQueryCorrector(
        {"body": corrector}, terms, maxdist=MAX_FUZZY_DISTANCE
    ).correct_query(q, text)
    if not correction.tokens:
        return None
    for token in correction.tokens:
        token.text = _same_case(token.text, text[token.startchar : token.endchar])
    suggestion = correction.format_string(_plain_formatter())
    return suggestion if suggestion and suggestion != text else None


def _same_case(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _plain_formatter() -> Any:
    from whoosh.highlight import NullFormatter

    return NullFormatter()
