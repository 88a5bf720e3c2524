"""The index's one-pass analyzer gives exactly the tokens of whoosh's stemming chain with folding
(:func:`~summitreader.search.schema.fold`) after lower-casing."""

from __future__ import annotations

import pytest
from whoosh.analysis import (
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)

from summitreader.pack import load_pack
from summitreader.paths import default_pack_dir
from summitreader.search.schema import MIN_WORD, WORD_PATTERN, analyzer, fold

OPTIONS = [
    {"positions": True, "chars": True},
    {"positions": True, "removestops": False},
    {"keeporiginal": True, "chars": True},
    {"positions": True, "start_pos": 5, "start_char": 3, "removestops": False, "mode": "query"},
    {"tokenize": False, "positions": True},
    {"tokenize": False, "removestops": False, "chars": True, "keeporiginal": True},
]
EXTRA = [
    "The a U.S. 9M729 the of Helsinki's",
    "",
    "a an the",
    "Über Straße ÉTÉ",
    "the",
    "Meetings",
    "ＳＵＭＭＩＴ ﬁnland cafe\u0301 Øresund Ｔｈｅ œuvre Ⅻ x\u0301",
]


class FoldFilter(Filter):
    def __call__(self, tokens):
        for token in tokens:
            token.text = fold(token.text)
            yield token


def reference_analyzer():
    return (
        RegexTokenizer(expression=WORD_PATTERN)
        | LowercaseFilter()
        | FoldFilter()
        | StopFilter(minsize=MIN_WORD)
        | StemFilter(cachesize=-1)
    )


def tokens(analyze, value, options):
    return [
        (
            t.text,
            getattr(t, "pos", None),
            getattr(t, "startchar", None),
            getattr(t, "endchar", None),
            t.stopped,
            getattr(t, "original", None),
            t.boost,
        )
        for t in analyze(value, **options)
    ]


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: ",".join(sorted(o)))
def test_same_tokens_as_whoosh(options):
    reference = reference_analyzer()
    ours = analyzer()
    pack = load_pack(default_pack_dir())
    texts = [p.text for s in pack.sections for p in s.paragraphs] + EXTRA
    for text in texts:
        assert tokens(ours, text, options) == tokens(reference, text, options), text[:60]
