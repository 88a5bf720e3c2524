"""Ranking from each word's kept postings (search/ranking.py): the same matches, count and scores
as whoosh scoring every match, on real indexes on disk (the shipped pack's, with and without the
reader's notes, and a pack of many sections); and every match counted, which whoosh's own walk
did not do once the best were found (it dropped the matches of a part that could no longer reach
them from its count, and could drop better matches with them)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from whoosh import collectors, query

from summitreader import paths
from summitreader.pack import load_pack
from summitreader.pack.markdown import split_paragraphs
from summitreader.pack.model import Pack, Section
from summitreader.search import SearchIndex
from summitreader.search.documents import pack_documents
from summitreader.search.expand import expand
from summitreader.search.query import as_prefix, parse, prepare
from summitreader.search.ranking import DIGITS, Postings, rank
from support.search_pack import issues, meetings, takeaways

QUERIES = [
    ("helsinki", False),
    ("sanctions", False),
    ("nuclear arms control", False),
    ('"arms control"', False),
    ('"United States and Russia"', False),
    ("summit OR meeting", False),
    ("election interference", False),
    ("dip", True),
    ("arms con", True),
    ("negotiating", False),
    ("interferance", False),
    ("title:helsinki", False),
    ("place:helsinki", False),
    ("kind:meeting date:2018", False),
    ("diplomat", False),
]


def _expanded(index: SearchIndex, text: str, as_you_type: bool) -> query.Query:
    text = prepare(text).text
    searcher = index._get_searcher()
    parsed = parse(as_prefix(text) if as_you_type else text)
    return expand(parsed, text, searcher.reader(), index._vocabulary).query


def _every_match(index: SearchIndex, q: query.Query, kinds: list[str] | None):
    """whoosh scoring every match (no top to reach, so nothing is skipped): (score, docnum)."""
    searcher = index._get_searcher()
    collector: collectors.Collector = collectors.UnlimitedCollector()
    if kinds is not None:
        allow = query.Or([query.Term("kind", kind) for kind in kinds])
        collector = collectors.FilterCollector(collector, allow=allow)
    searcher.search_with_collector(q, collector)
    return [(score, docnum) for score, docnum in collector.results().top_n]


def _assert_same(index: SearchIndex, text: str, as_you_type: bool, kinds: list[str] | None):
    q = _expanded(index, text, as_you_type)
    ranked = rank(Postings(index._get_searcher()), q, kinds, 28)
    assert ranked is not None, text
    every = _every_match(index, q, kinds)
    assert ranked.total == len(every), text
    best = sorted(every, key=lambda pair: (-round(pair[0], DIGITS), pair[1]))[:28]
    assert [docnum for _, docnum in ranked.top] == [docnum for _, docnum in best], text
    assert [score for score, _ in ranked.top] == pytest.approx([score for score, _ in best])


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    index = SearchIndex.open(load_pack(paths.default_pack_dir()), tmp_path_factory.mktemp("c"))
    yield index
    index.close()


def _many_sections(count: int = 240, every: int = 6) -> Pack:
    """``count`` sections that all speak of a diplomat, every ``every``-th of them also in its
    title: a title match ranks far above a body match, so once enough of them are found, the
    body matches after them can no longer reach the best."""
    sections = []
    for number in range(1, count + 1):
        section_id = f"part-{number}"
        title = f"The Diplomat, part {number}" if number % every == 0 else f"Chapter {number}"
        text = (
            f"A diplomat arrived late to meeting number {number}, which went on about trade, "
            "the weather, the seating plan and the interpreters for most of the afternoon."
        )
        sections.append(
            Section(
                id=section_id,
                title=title,
                number=number,
                file=f"sections/{number:03d}-{section_id}.md",
                paragraphs=split_paragraphs(section_id, text),
            )
        )
    return Pack(
        id="many",
        title="Many Sections",
        subtitle="",
        source="Written for the tests.",
        root="",
        content_hash=hashlib.sha256(f"many {count} {every}".encode()).hexdigest(),
        sections=tuple(sections),
        meetings=meetings(),
        issues=issues(),
        takeaways=takeaways(),
        cards=(),
    )


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    index = SearchIndex.open(_many_sections(), tmp_path_factory.mktemp("many"))
    yield index
    index.close()


@pytest.mark.parametrize(("text", "as_you_type"), QUERIES)
def test_the_shipped_packs_matches_count_and_scores_are_whooshs(
    shipped: SearchIndex, text: str, as_you_type: bool
):
    _assert_same(shipped, text, as_you_type, None)
    _assert_same(shipped, text, as_you_type, ["paragraph"])
    _assert_same(shipped, text, as_you_type, ["meeting", "issue"])


@pytest.mark.parametrize(("text", "as_you_type"), QUERIES)
def test_a_large_packs_matches_count_and_scores_are_whooshs(
    many: SearchIndex, text: str, as_you_type: bool
):
    _assert_same(many, text, as_you_type, None)


def test_the_same_with_the_readers_notes(tmp_path: Path):
    pack = load_pack(paths.default_pack_dir())
    with SearchIndex.open(pack, tmp_path / "cache") as index:
        section = pack.sections[0]
        index.set_notes([(1, section.id, 1, "Helsinki sanctions, a note of the reader")])
        assert any(hit.kind == "note" for hit in index.search("helsinki sanctions").hits)
        for text, as_you_type in [*QUERIES, ("helsinki sanctions note", False)]:
            _assert_same(index, text, as_you_type, None)


def test_every_match_is_counted_when_many_match(many: SearchIndex):
    documents = [
        document
        for document in pack_documents(many.pack)
        if "diplomat" in f"{document.indexed_title} {document.text}".lower()
    ]
    assert len(documents) >= 240
    result = many.search("diplomat")
    assert result.total == len(documents)
    # The best are the sections that speak of a diplomat in their title too.
    assert [hit.id for hit in result.hits[:5]] == [f"part-{n}" for n in range(6, 31, 6)]


def test_a_word_being_typed_counts_every_match(many: SearchIndex):
    assert many.search("diplo", as_you_type=True).total == many.search("diplomat").total


def test_queries_it_does_not_answer_are_whooshs(shipped: SearchIndex):
    postings = Postings(shipped._get_searcher())
    for text in ("helsinki NOT sanctions", "*", '"arms control"~3'):
        assert rank(postings, _expanded(shipped, text, False), None, 20) is None, text
    # and they are still answered
    assert shipped.search("helsinki NOT sanctions").total > 0
    assert shipped.search("*").total > 0


def test_a_small_budget_keeps_few_postings_and_answers_the_same(many: SearchIndex):
    searcher = many._get_searcher()
    small = Postings(searcher, budget=300)
    for text, as_you_type in QUERIES * 2:
        q = _expanded(many, text, as_you_type)
        expected = rank(Postings(searcher), q, None, 28)
        assert rank(small, q, None, 28) == expected, text
        assert small._kept <= 300 + 240  # the budget, and at most one word's postings over it
