"""Search over the pack that ships, and the package's import hygiene."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from summitreader.cli import main
from summitreader.pack.model import Pack
from summitreader.search import KINDS, SearchIndex
from summitreader.search.documents import count_documents, pack_documents
from summitreader.search.schema import WORD, analyzer, stem
from summitreader.search.vocabulary import Vocabulary
from support.search_pack import keys


def test_every_paragraph_and_entry_is_indexed(
    default_pack: Pack, default_index: SearchIndex
) -> None:
    documents = list(pack_documents(default_pack))
    assert len(documents) == count_documents(default_pack)
    assert len({d.key for d in documents}) == len(documents)
    assert {d.kind for d in documents} == set(KINDS) - {"note", "card"}
    paragraphs = sum(len(s.paragraphs) for s in default_pack.sections)
    found = default_index.search("kind:paragraph", limit=1000)
    assert found.total == paragraphs


def test_helsinky_finds_the_helsinki_summit(default_index: SearchIndex) -> None:
    assert keys(default_index.search("Helsinky"))[0] == ("meeting", "helsinki", None)
    result = default_index.search("Helsimki summit")
    assert result.hits and result.hits[0].id == "helsinki"
    assert result.suggestion == "Helsinki summit"


def test_typing_a_word_finds_it_before_it_is_finished(default_index: SearchIndex) -> None:
    partial = ""
    for letter in "negotiations":
        partial += letter
        result = default_index.search(partial, as_you_type=True)
        assert result.message is None
        if len(partial) >= 4:
            assert result.hits, partial


@pytest.mark.parametrize(
    "query",
    ['"arms control"', "kind:meeting date:2018", "INF Treaty", "election interference", "Osaka"],
)
def test_typical_queries_find_something(default_index: SearchIndex, query: str) -> None:
    result = default_index.search(query)
    assert result.hits and result.message is None and result.suggestion is None
    assert all(any(s.match for s in hit.snippet) or hit.kind != "paragraph" for hit in result.hits)


def test_every_paragraph_can_be_found_by_its_own_words(
    default_pack: Pack, default_index: SearchIndex
) -> None:
    for section in default_pack.sections:
        for paragraph in section.paragraphs:
            phrase = " ".join(WORD.findall(paragraph.text.lower())[:6])
            hits = keys(default_index.search(phrase, kinds=["paragraph"], limit=50))
            assert ("paragraph", section.id, paragraph.number) in hits, phrase


def test_the_word_list_stems_as_the_index_does(default_pack: Pack) -> None:
    texts = [d.text for d in pack_documents(default_pack)]
    vocabulary = Vocabulary.from_texts(texts)
    words = analyzer()
    for word in vocabulary.counts:
        assert [t.text for t in words(word)] == [stem(word)], word


def test_the_cli_searches_the_shipped_pack(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "--cache-dir",
            str(tmp_path),
            "--data-dir",
            str(tmp_path / "d"),
            "search",
            "Helsinky",
            "--json",
        ]
    )
    hits = json.loads(capsys.readouterr().out)
    assert code == 0
    assert (hits[0]["kind"], hits[0]["id"]) == ("meeting", "helsinki")


def test_importing_the_package_loads_neither_whoosh_nor_textual(tmp_path: Path) -> None:
    script = (
        "import sys, summitreader.search as s; "
        "print(sorted(m for m in ('whoosh', 'textual', 'rapidfuzz') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=tmp_path
    ).stdout
    assert out.strip() == "[]"
    assert list(tmp_path.iterdir()) == []


def test_the_search_domain_never_imports_textual(tmp_path: Path, default_pack: Pack) -> None:
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from summitreader.pack import load_pack\n"
        "from summitreader.paths import default_pack_dir\n"
        "from summitreader.search import SearchIndex\n"
        f"index = SearchIndex.open(load_pack(default_pack_dir()), Path({str(tmp_path)!r}))\n"
        "index.search('helsinki', as_you_type=True)\n"
        "index.set_notes([(1, 'introduction', 1, 'a note')])\n"
        "index.search('Helsimki')\n"
        "print('textual' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
