"""Search folds Unicode: full-width letters, decomposed accents, ligatures and accented letters
find what their plain forms find, in documents and in queries alike (one analyzer for both)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from summitreader.search import Hit, SearchIndex
from summitreader.search.schema import analyzer, fold
from support.search_pack import keys, make_pack

ACCENTED = (
    "The delegates dined at the Élysée café in Zürich, then crossed the Øresund to "
    "the ﬁnal reception."
)


@pytest.fixture(scope="module")
def accented_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    opened = SearchIndex.open(make_pack("folding", ACCENTED), tmp_path_factory.mktemp("fold"))
    yield opened
    opened.close()


def marked(hit: Hit) -> list[str]:
    return [segment.text for segment in hit.snippet if segment.match]


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("ＳＡＮＣＴＩＯＮＳ", "sanctions"),  # full-width
        ("Ｈｅｌｓｉｎｋｉ", "helsinki"),
        ("ﬁnland", "finland"),  # ligature
        ("ceaseﬁre", "ceasefire"),
        ("Sa\u0301nctions", "sanctions"),  # decomposed accent
        ("sánctions", "sanctions"),  # composed accent
        ("NEGOTIATIONS", "negotiations"),
    ],
)
def test_a_folded_query_finds_what_its_plain_form_finds(
    index: SearchIndex, written: str, plain: str
) -> None:
    expected = keys(index.search(plain))
    assert expected
    assert keys(index.search(written)) == expected


@pytest.mark.parametrize(
    ("query", "word"),
    [
        ("elysee", "Élysée"),
        ("Ｅｌｙｓｅｅ", "Élysée"),
        ("E\u0301lyse\u0301e", "Élysée"),
        ("cafe", "café"),
        ("zurich", "Zürich"),
        ("oresund", "Øresund"),
        ("final", "ﬁnal"),
    ],
)
def test_folded_text_is_found_by_plain_and_folded_queries(
    accented_index: SearchIndex, query: str, word: str
) -> None:
    result = accented_index.search(query)
    assert keys(result) == [("paragraph", "outlook", 3)]
    assert marked(result.hits[0]) == [word]


def test_a_plain_prefix_completes_an_accented_word(accented_index: SearchIndex) -> None:
    result = accented_index.search("zur", as_you_type=True)
    assert keys(result) == [("paragraph", "outlook", 3)]
    assert marked(result.hits[0]) == ["Zürich"]


def test_index_and_query_use_the_same_analyzer(index: SearchIndex) -> None:
    from summitreader.search.query import parse

    parsed = parse("ＳＵＭＭＩＴ cafe\u0301")
    terms = sorted({text for _, text in parsed.iter_all_terms()})
    indexed = sorted({t.text for t in analyzer()("summit café")})
    assert terms == indexed == ["cafe", "summit"]


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("ＳＵＭＭＩＴ", "summit"),
        ("ﬁnal", "final"),
        ("cafe\u0301", "cafe"),
        ("Straße", "strasse"),
        ("Œuvre", "oeuvre"),
        ("Łódź", "lodz"),
        ("plain", "plain"),
    ],
)
def test_fold(word: str, folded: str) -> None:
    assert fold(word) == folded
