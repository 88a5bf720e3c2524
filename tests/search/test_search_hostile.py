"""Anything a person can type gets an answer (results, or none and a message), never an error."""

from __future__ import annotations

import pytest

from summitreader.search import SearchIndex, SearchResult
from summitreader.search.query import MAX_LENGTH, MAX_WORDS

HOSTILE = [
    '"',
    '"arms control',
    'arms control"',
    '"a" "b',
    "'",
    "'''",
    "(",
    ")",
    "((arms",
    "arms))",
    ")arms(",
    "AND",
    "OR",
    "NOT",
    "AND OR NOT",
    "NOT NOT NOT",
    "arms AND",
    "OR arms",
    "arms AND (control OR",
    "*",
    "**",
    "*:*",
    "*ms",
    ":",
    "::",
    "kind:",
    "kind:*",
    "kind:nothing",
    'kind:"meeting issue"',
    "date:[",
    "date:[2018",
    "date:[2018 TO",
    "date:[* TO *]",
    "date:{2017 TO 2019]",
    "title:^",
    "title:",
    'title:"arms control"',
    'place:"Presidential Palace"',
    "section:",
    "nosuchfield:arms",
    "^",
    "arms^",
    "arms^999999999999999999",
    "arms^-1",
    "~",
    "arms~",
    "arms~99",
    "arms~-1",
    "[",
    "]",
    "{",
    "}",
    "[a TO",
    "{a TO b]",
    "\\",
    "\\\\arms",
    "/",
    "<>",
    "%",
    "+arms -control",
    "\x00\x01\x02",
    "\x1b[31marms\x1b[0m",
    "\x1b]8;;https://example.org\x07link\x1b]8;;\x07",
    "\u202earms\u202c",
    "héllo wörld 東京 🙂",
    "e\u0301e\u0301",
    "\ufeff\u200b",
    "((((((((((arms))))))))))",
    "(" * 300 + "arms" + ")" * 300,
    "(" * 2000,
    "x" * 10_240,
    "arms " * 2_048,
    " ".join(["arms", "OR"] * 300),
    " ".join(f"w{i}~" for i in range(200)),
    "a* b* c* d* e* f* g* h* i* j* k* l* m* n* o* p*",
    '"' + "arms " * 100 + '"',
]


@pytest.mark.parametrize("query", HOSTILE, ids=lambda q: repr(q[:30]))
@pytest.mark.parametrize("as_you_type", [False, True], ids=["search", "typing"])
def test_hostile_queries_are_answered(index: SearchIndex, query: str, as_you_type: bool) -> None:
    result = index.search(query, as_you_type=as_you_type)
    assert isinstance(result, SearchResult)
    assert isinstance(result.hits, list) and result.total >= len(result.hits)
    assert len(result.query) <= MAX_LENGTH
    assert result.message is None or isinstance(result.message, str)


@pytest.mark.parametrize("query", ["", " ", "\t\n ", "\x00", "\x1b[0m"])
def test_an_empty_query_finds_nothing_and_says_nothing(index: SearchIndex, query: str) -> None:
    result = index.search(query)
    assert (result.hits, result.total, result.message, result.suggestion) == ([], 0, None, None)


def test_an_unclosed_quote_searches_the_words(index: SearchIndex) -> None:
    result = index.search('"arms control')
    assert result.message and "quote" in result.message
    assert result.query == "arms control"
    assert result.hits


def test_unmatched_brackets_are_ignored(index: SearchIndex) -> None:
    for query in ("((arms control", "arms control))", ")arms control("):
        result = index.search(query)
        assert result.message and "bracket" in result.message
        assert result.hits
        assert "(" not in result.query and ")" not in result.query


def test_too_deep_nesting_is_flattened(index: SearchIndex) -> None:
    result = index.search("(" * 20 + "arms" + ")" * 20)
    assert result.message and "nested" in result.message
    assert result.query == "arms" and result.hits


def test_a_long_query_is_shortened_and_says_so(index: SearchIndex) -> None:
    result = index.search("arms " + "x" * 10_240)
    assert result.message and "too long" in result.message
    assert len(result.query) <= MAX_LENGTH


def test_too_many_words_are_cut_and_say_so(index: SearchIndex) -> None:
    result = index.search(" ".join(["arms"] * (MAX_WORDS + 10)))
    assert result.message and "too many words" in result.message
    assert len(result.query.split()) == MAX_WORDS
    assert result.hits


@pytest.mark.parametrize("query", ["AND", "NOT", "the", "a of"])
def test_nothing_to_search_for_is_explained(index: SearchIndex, query: str) -> None:
    result = index.search(query)
    assert result.hits == [] and result.message


def test_a_query_whoosh_cannot_run_falls_back_to_its_words(index: SearchIndex) -> None:
    # A phrase in a field without positions cannot be searched as a phrase.
    result = index.search('kind:"meeting issue" arms')
    assert result.message and "words" in result.message
    assert isinstance(result.hits, list)


def test_control_characters_never_come_back(index: SearchIndex) -> None:
    result = index.search("\x1b[31marms\x1b[0m \u202econtrol")
    assert result.query == "arms control"
    assert result.hits


def test_a_closed_index_answers_with_nothing(pack, cache_dir) -> None:
    opened = SearchIndex.open(pack, cache_dir)
    opened.close()
    assert opened.search("arms").hits == []
