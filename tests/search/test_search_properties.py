"""Property-based tests of the query parser, the way trusted parsers are fuzzed: whatever is typed,
it is made parseable within bounds, searching never raises, and folded forms of a word find what
the word finds. Bounded for CI."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from summitreader.search import SearchIndex, SearchResult
from summitreader.search.query import MAX_DEPTH, MAX_LENGTH, MAX_WORDS, parse, prepare
from summitreader.text import clean_text
from support.search_pack import keys, make_pack

PROPERTY = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
SYNTAX = [*'()"*~:^ \t', "AND", "OR", "NOT", "ANDNOT", "kind:", "title:", "[", "]", "{", "}"]
typed = st.lists(
    st.one_of(
        st.sampled_from(SYNTAX),
        st.sampled_from(["summit", "helsinki", "arms", "ＡＲＭＳ", "cafe\u0301", "ﬁnland", "the"]),
        st.text(max_size=6),
    ),
    max_size=40,
).map("".join)


@pytest.fixture(scope="module")
def shared_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    opened = SearchIndex.open(make_pack("properties"), tmp_path_factory.mktemp("properties"))
    yield opened
    opened.close()


def depth(text: str) -> int:
    deepest = level = 0
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif not quoted and char == "(":
            level += 1
            deepest = max(deepest, level)
        elif not quoted and char == ")":
            level -= 1
            assert level >= 0
    assert level == 0
    return deepest


@PROPERTY
@given(raw=st.one_of(typed, st.text(max_size=2000)))
@example(raw="NOT(AND(*")  # an operator after NOT failed inside the parser (IndexError)
@example(raw="x ANDNOT ANDMAYBE y")  # (AssertionError)
@example(raw="(NOT NOT x) ANDNOT")
def test_prepared_text_is_within_bounds_and_parses(raw: str) -> None:
    prepared = prepare(raw)
    text = prepared.text
    assert len(text) <= MAX_LENGTH
    assert len(text.split()) <= MAX_WORDS
    assert text.count('"') % 2 == 0
    assert depth(text) <= MAX_DEPTH
    assert text == text.strip()
    assert clean_text(text) == text
    parse(text)  # never raises


@PROPERTY
@given(raw=typed, as_you_type=st.booleans())
def test_searching_anything_gives_a_result(
    shared_index: SearchIndex, raw: str, as_you_type: bool
) -> None:
    result = shared_index.search(raw, as_you_type=as_you_type)
    assert isinstance(result, SearchResult)
    assert result.total >= len(result.hits)
    for hit in result.hits:
        assert "".join(segment.text for segment in hit.snippet)


def full_width(word: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in word)


@PROPERTY
@given(
    word=st.sampled_from(
        ["summit", "helsinki", "arms", "negotiations", "sanctions", "ceasefire", "Ukraine"]
    ),
    form=st.sampled_from(["full-width", "upper", "accented", "decomposed"]),
)
def test_a_folded_word_finds_what_the_word_finds(
    shared_index: SearchIndex, word: str, form: str
) -> None:
    written = {
        "full-width": full_width(word),
        "upper": word.upper(),
        "accented": word.replace("a", "á").replace("e", "é"),
        "decomposed": word.replace("a", "a\u0301").replace("e", "e\u0300"),
    }[form]
    assert keys(shared_index.search(written)) == keys(shared_index.search(word))
