"""BM25F as whoosh scores it, with each document's field lengths kept once read.

whoosh's BM25F reads a matching document's field length through four calls (the searcher, the
reader, the codec, the column) every time it scores the document for a term. A query matching a
large part of a book scores thousands of documents for several terms each: those reads were a
fifth of its time. Here each length is read once per searcher and field, then looked up in a
list. The scores are the same numbers.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

from whoosh import scoring

_UNREAD = -1.0


class CachedLengthBM25F(scoring.BM25F):  # type: ignore[misc]
    """:class:`whoosh.scoring.BM25F` with the field lengths of a searcher's documents kept."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lengths: weakref.WeakKeyDictionary[Any, dict[str, list[float]]] = (
            weakref.WeakKeyDictionary()
        )

    def scorer(self, searcher: Any, fieldname: str, text: Any, qf: int = 1) -> Any:
        scorer = super().scorer(searcher, fieldname, text, qf=qf)
        if isinstance(scorer, scoring.BM25FScorer):
            scorer.dfl = self._length_of(searcher, fieldname)
        return scorer

    def _length_of(self, searcher: Any, fieldname: str) -> Callable[[int], float]:
        fields = self._lengths.setdefault(searcher, {})
        lengths = fields.get(fieldname)
        if lengths is None:
            lengths = fields[fieldname] = [_UNREAD] * (searcher.doc_count_all() + 1)
        read = searcher.doc_field_length

        def length(docnum: int) -> float:
            value = lengths[docnum]
            if value == _UNREAD:
                value = lengths[docnum] = read(docnum, fieldname, 1)
            return value

        return length
