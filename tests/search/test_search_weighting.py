"""The search's BM25F with kept field lengths scores exactly as whoosh's own BM25F: the same
hits, in the same order, with the same scores and counts, on the shipped pack's real index, with
and without the reader's notes (a searcher over two readers)."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh import scoring
from whoosh.qparser import MultifieldParser

from summitreader import paths
from summitreader.pack import load_pack
from summitreader.search import SearchIndex
from summitreader.search.weighting import CachedLengthBM25F

QUERIES = [
    "helsinki",
    "sanctions",
    "nuclear arms control",
    '"arms control"',
    "summit OR meeting",
    "election interference",
    "putin trump",
]


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory):
    index = SearchIndex.open(load_pack(paths.default_pack_dir()), tmp_path_factory.mktemp("c"))
    yield index
    index.close()


def _ranked(searcher, text: str) -> list[tuple[int, float]]:
    parsed = MultifieldParser(["title", "body"], searcher.schema).parse(text)
    results = searcher.search(parsed, limit=None)
    return [(hit.docnum, hit.score) for hit in results]


@pytest.mark.parametrize("text", QUERIES)
def test_the_scores_are_whooshs_bm25f_scores(shipped: SearchIndex, text: str):
    whoosh_index = shipped._index
    with (
        whoosh_index.searcher(weighting=scoring.BM25F()) as plain,
        whoosh_index.searcher(weighting=CachedLengthBM25F()) as kept,
    ):
        expected = _ranked(plain, text)
        assert expected, text
        assert _ranked(kept, text) == expected
        assert _ranked(kept, text) == expected  # and again, from the kept lengths


def test_the_scores_are_the_same_over_the_pack_and_the_notes(tmp_path: Path):
    from whoosh.reading import MultiReader
    from whoosh.searching import Searcher

    pack = load_pack(paths.default_pack_dir())
    index = SearchIndex.open(pack, tmp_path / "cache")
    try:
        section = pack.sections[0]
        index.set_notes([(1, section.id, 1, "Helsinki sanctions note of the reader")])
        assert any(hit.kind == "note" for hit in index.search("helsinki sanctions").hits)

        def searcher(weighting: scoring.WeightingModel) -> Searcher:
            readers = [index._index.reader(), index._notes_index.reader()]
            return Searcher(MultiReader(readers), weighting=weighting)

        with searcher(scoring.BM25F()) as plain, searcher(CachedLengthBM25F()) as kept:
            for text in [*QUERIES, "helsinki sanctions note"]:
                assert _ranked(kept, text) == _ranked(plain, text), text
    finally:
        index.close()
