"""The words of the indexed text as written (not stemmed), with how often each occurs.

The index holds stems (``negotiations`` → ``negoti``), which is right for matching but wrong for
completing a word being typed (``negotia…`` is not a prefix of ``negoti``) and for proposing a
correction a person can read. This word list, saved beside the index, serves both: a prefix or a
misspelt word is looked up here, and the words found are turned into their stems to query the index.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable

from summitreader.search.schema import WORD, fold, stem


class Vocabulary:
    """Lower-case words with their number of occurrences; only words the index holds a stem of."""

    def __init__(self, counts: dict[str, int]) -> None:
        self.counts = counts
        self._sorted: list[tuple[str, str]] | None = None
        """The words by their folded form (:func:`~summitreader.search.schema.fold`)."""
        self._by_stem: dict[str, list[str]] | None = None
        self._sorted_stems: list[str] | None = None

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Vocabulary:
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update(WORD.findall(text.lower()))
        return cls({word: n for word, n in counts.items() if stem(word) is not None})

    @classmethod
    def from_json(cls, data: bytes) -> Vocabulary:
        """Raises ValueError on anything but what :meth:`to_json` wrote."""
        value = json.loads(data)
        words = value.get("words") if isinstance(value, dict) else None
        if not isinstance(words, dict) or not all(
            isinstance(w, str) and type(n) is int for w, n in words.items()
        ):
            raise ValueError("not a word list")
        return cls(words)

    def to_json(self) -> bytes:
        return json.dumps({"words": dict(sorted(self.counts.items()))}, ensure_ascii=False).encode()

    def merged(self, other: Vocabulary) -> Vocabulary:
        if not other.counts:
            return self
        counts = dict(self.counts)
        for word, n in other.counts.items():
            counts[word] = counts.get(word, 0) + n
        return Vocabulary(counts)

    def __len__(self) -> int:
        return len(self.counts)

    def __contains__(self, word: object) -> bool:
        return word in self.counts

    def with_prefix(self, prefix: str, limit: int) -> list[str]:
        """Up to ``limit`` words starting with ``prefix``, the most frequent first; both are
        compared folded, so ``cafe`` finds ``café`` and ``ｃａｆ`` finds ``cafe``."""
        if self._sorted is None:
            self._sorted = sorted((fold(word), word) for word in self.counts)
        words = self._sorted
        prefix = fold(prefix)
        found = []
        for i in range(bisect_left(words, (prefix, "")), len(words)):
            if not words[i][0].startswith(prefix):
                break
            found.append(words[i][1])
        found.sort(key=lambda w: (-self.counts[w], w))
        return found[:limit]

    def near(self, word: str, max_distance: int, limit: int) -> list[str]:
        """Up to ``limit`` words within ``max_distance`` edits of ``word`` (a swap of two letters
        is one edit), the closest and then the most frequent first. ``word`` itself is left out."""
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        found = process.extract(
            word,
            self.counts.keys(),
            scorer=OSA.distance,
            score_cutoff=max_distance,
            limit=None,
        )
        ranked = sorted(
            ((distance, -self.counts[w], w) for w, distance, _ in found if w != word),
        )
        return [w for _, _, w in ranked[:limit]]

    def forms(self, stems: Iterable[str]) -> set[str]:
        """Every word whose stem is one of ``stems``."""
        by_stem = self._stems()
        return {word for s in stems for word in by_stem.get(s, ())}

    def has_stem(self, value: str) -> bool:
        return value in self._stems()

    def stems_with_prefix(self, prefix: str) -> list[str]:
        """The stems of the words that begin with ``prefix``, in order."""
        if self._sorted_stems is None:
            self._sorted_stems = sorted(self._stems())
        stems = self._sorted_stems
        found = []
        for i in range(bisect_left(stems, prefix), len(stems)):
            if not stems[i].startswith(prefix):
                break
            found.append(stems[i])
        return found

    def _stems(self) -> dict[str, list[str]]:
        if self._by_stem is None:
            by_stem: dict[str, list[str]] = {}
            for word in self.counts:
                by_stem.setdefault(stem(word) or "", []).append(word)
            self._by_stem = by_stem
        return self._by_stem
