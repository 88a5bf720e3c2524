"""Search figures: summitreader's index against SQLite FTS5 on the same documents and queries.

The queries are a fixed set of the kinds people type: words, phrases, a word typed letter by letter
(a prefix search at each key), typos and filters. Each is timed as one call that returns the top
20 hits with their highlighted snippets and the count of all matches. FTS5 answers the same queries
over the same documents with ``bm25()`` ranking, ``snippet()`` and ``count(*)``; for a typo it looks
up the words of the text one or two edits away with rapidfuzz (as summitreader does), and for a
word being typed the words of the text it begins (FTS5's own ``word*`` matches the beginnings of
stems, and ``negotia*`` does not find ``negotiations``, stemmed ``negoti``); then it searches for
all of them.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import tempfile
import time
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from summitreader.pack.model import Pack
from summitreader.search import SearchIndex
from summitreader.search.documents import pack_documents

LIMIT = 20
PREFIX_WORDS = 64
"""At most this many words complete a word being typed, as in summitreader."""


@dataclass(frozen=True)
class Query:
    kind: str
    text: str
    """As typed in summitreader."""
    fts: str
    """The same query in FTS5's syntax; ``{fuzzy:word}`` marks a word to correct, ``{prefix:word}``
    a word being typed."""
    as_you_type: bool = False


def _typing(word: str, first: int) -> list[Query]:
    return [
        Query(
            "prefix", word[:n], f"{{title body}} : {{prefix:{word[:n].lower()}}}", as_you_type=True
        )
        for n in range(first, len(word) + 1)
    ]


QUERIES: tuple[Query, ...] = (
    Query("word", "Helsinki", "{title body} : helsinki"),
    Query("word", "sanctions", "{title body} : sanctions"),
    Query("word", "Putin", "{title body} : putin"),
    Query("word", "election interference", "{title body} : (election AND interference)"),
    Query("word", "nuclear arms control", "{title body} : (nuclear AND arms AND control)"),
    Query("word", "Ukraine Crimea", "{title body} : (ukraine AND crimea)"),
    Query("phrase", '"arms control"', '{title body} : "arms control"'),
    Query("phrase", '"Helsinki summit"', '{title body} : "helsinki summit"'),
    Query("phrase", '"United States and Russia"', '{title body} : "united states and russia"'),
    Query("phrase", '"personal rapport"', '{title body} : "personal rapport"'),
    *_typing("diplomatic", 3),
    *_typing("Helsinki", 3),
    Query("prefix", "arms con", "{title body} : (arms AND {prefix:con})", as_you_type=True),
    Query("typo", "Helsinky", "{title body} : {fuzzy:helsinky}"),
    Query("typo", "sanctons", "{title body} : {fuzzy:sanctons}"),
    Query("typo", "interferance", "{title body} : {fuzzy:interferance}"),
    Query("typo", "intelligance", "{title body} : {fuzzy:intelligance}"),
    Query("typo", "dipolmacy", "{title body} : {fuzzy:dipolmacy}"),
    Query("typo", "Pution", "{title body} : {fuzzy:pution}"),
    Query("typo", "Ukriane", "{title body} : {fuzzy:ukriane}"),
    Query("filter", "kind:meeting date:2018", "kind : meeting AND date : 2018"),
    Query("filter", "kind:issue sanctions", "kind : issue AND {title body} : sanctions"),
    Query("filter", "kind:meeting Helsinki", "kind : meeting AND {title body} : helsinki"),
    Query("filter", "date:2019 kind:meeting", "date : 2019 AND kind : meeting"),
    Query("filter", "kind:takeaway summit", "kind : takeaway AND {title body} : summit"),
    Query(
        "filter",
        "section:introduction relationship",
        "section : introduction AND {title body} : relationship",
    ),
)


def percentile(values: list[float], p: float) -> float:
    """The ``p``-th percentile (0-100) of ``values``, interpolated between the nearest ranks."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = (len(ordered) - 1) * p / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


# -- summitreader ------------------------------------------------------------------------------


def build_times(pack: Pack, repeat: int) -> tuple[list[float], Path]:
    """Seconds to build the index of ``pack`` into an empty cache folder, ``repeat`` times; and a
    cache folder holding the built index."""
    times = []
    keep = None
    for _ in range(repeat):
        folder = Path(tempfile.mkdtemp(prefix="summit-bench-cache-"))
        started = time.perf_counter()
        index = SearchIndex.open(pack, folder)
        times.append(time.perf_counter() - started)
        assert index.source == "built", index.source
        index.close()
        if keep is None:
            keep = folder
        else:
            shutil.rmtree(folder, ignore_errors=True)
    assert keep is not None
    return times, keep


def open_times(pack: Pack, folder: Path, repeat: int) -> list[float]:
    """Seconds to open the index of ``pack`` cached in ``folder``."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        index = SearchIndex.open(pack, folder)
        times.append(time.perf_counter() - started)
        assert index.source == "cache", index.source
        index.close()
    return times


# -- SQLite FTS5 -------------------------------------------------------------------------------


class Fts5:
    """The pack's documents (the same ones summitreader indexes) in an FTS5 table in memory."""

    def __init__(self, pack: Pack) -> None:
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        self._extract = process.extract
        self._scorer = OSA.distance
        self.db = sqlite3.connect(":memory:")
        self.db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(key UNINDEXED, kind, section, date, title, body, "
            "tokenize = 'porter unicode61', prefix = '2 3')"
        )
        words: set[str] = set()
        rows = []
        for document in pack_documents(pack):
            fields = document.fields()
            rows.append(
                (
                    document.key,
                    document.kind,
                    fields.get("section", ""),
                    fields.get("date", ""),
                    document.indexed_title,
                    document.text,
                )
            )
            words.update(re.findall(r"\w+", f"{document.indexed_title} {document.text}".lower()))
        with self.db:
            self.db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?)", rows)
        self.words = sorted(words)

    def expand(self, fts: str) -> str:
        """``fts`` with each ``{fuzzy:word}`` replaced by the word or the words near it, and each
        ``{prefix:word}`` by the words it begins."""

        def begun(match: re.Match[str]) -> str:
            prefix = match.group(1)
            found = []
            for i in range(bisect_left(self.words, prefix), len(self.words)):
                if not self.words[i].startswith(prefix) or len(found) == PREFIX_WORDS:
                    break
                found.append(self.words[i])
            return "(" + " OR ".join([f"{prefix}*", *found]) + ")"

        def near(match: re.Match[str]) -> str:
            word = match.group(1)
            distance = 2 if len(word) >= 8 else 1
            found = self._extract(
                word, self.words, scorer=self._scorer, score_cutoff=distance, limit=5
            )
            alternatives = [word, *(w for w, _, _ in found if w != word)]
            return "(" + " OR ".join(alternatives) + ")"

        return re.sub(r"\{fuzzy:(\w+)\}", near, re.sub(r"\{prefix:(\w+)\}", begun, fts))

    def search(self, fts: str) -> tuple[list[tuple[str, str]], int]:
        expression = self.expand(fts)
        hits = self.db.execute(
            "SELECT key, snippet(docs, 5, '[', ']', '…', 24) FROM docs WHERE docs MATCH ? "
            "ORDER BY bm25(docs, 0, 0, 0, 0, 3, 1) LIMIT ?",
            (expression, LIMIT),
        ).fetchall()
        (total,) = self.db.execute(
            "SELECT count(*) FROM docs WHERE docs MATCH ?", (expression,)
        ).fetchone()
        return hits, total

    def close(self) -> None:
        self.db.close()


def query_times(
    index: SearchIndex, fts: Fts5, rounds: int
) -> tuple[dict[str, list[float]], dict[str, list[float]], dict[str, int], dict[str, int]]:
    """Seconds per call of each query in summitreader and in FTS5, over ``rounds`` rounds of the
    whole set after one round that is not counted; the two answer each query in turn, so a busy
    moment of the machine falls on both. Also the number of matches each finds."""
    ours: dict[str, list[float]] = {query.text: [] for query in QUERIES}
    theirs: dict[str, list[float]] = {query.text: [] for query in QUERIES}
    totals, fts_totals = {}, {}
    for query in QUERIES:
        totals[query.text] = index.search(
            query.text, limit=LIMIT, as_you_type=query.as_you_type
        ).total
        fts_totals[query.text] = fts.search(query.fts)[1]
    for _ in range(rounds):
        for query in QUERIES:
            started = time.perf_counter()
            index.search(query.text, limit=LIMIT, as_you_type=query.as_you_type)
            middle = time.perf_counter()
            fts.search(query.fts)
            ended = time.perf_counter()
            ours[query.text].append(middle - started)
            theirs[query.text].append(ended - middle)
    return ours, theirs, totals, fts_totals
