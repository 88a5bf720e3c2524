"""More Unicode folding: mathematical bold and circled letters, and full-width field names and
operators, find what their plain forms find (compatibility forms made plain in the query before it
is parsed, and circled letters indexed as letters)."""

from __future__ import annotations

from pathlib import Path

import pytest

from summitreader.search import SearchIndex
from support.search_pack import keys, make_pack


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("𝐬𝐚𝐧𝐜𝐭𝐢𝐨𝐧𝐬", "sanctions"),  # mathematical bold
        ("ⓢⓐⓝⓒⓣⓘⓞⓝⓢ", "sanctions"),  # circled
        ("ｋｉｎｄ：ｍｅｅｔｉｎｇ", "kind:meeting"),  # a full-width field name
        ("helsinki ＮＯＴ sanctions", "helsinki NOT sanctions"),  # a full-width operator
        ("helsinki ＯＲ sanctions", "helsinki OR sanctions"),
    ],
)
def test_a_compatibility_form_in_the_query_finds_what_its_plain_form_finds(
    index: SearchIndex, written: str, plain: str
) -> None:
    expected = keys(index.search(plain))
    assert expected
    assert keys(index.search(written)) == expected


def test_circled_letters_in_the_text_are_found_by_plain_words(tmp_path: Path) -> None:
    pack = make_pack("circled", "The ⓓⓔⓛⓔⓖⓐⓣⓔⓢ arrived late.")
    last = pack.sections[-1]
    with SearchIndex.open(pack, tmp_path) as opened:
        found = keys(opened.search("delegates"))
    assert ("paragraph", last.id, len(last.paragraphs)) in found
