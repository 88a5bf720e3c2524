"""The index's one-pass analyzer gives exactly the tokens of whoosh's StemmingAnalyzer chain."""

from __future__ import annotations

import pytest
from whoosh.analysis import StemmingAnalyzer

from summitreader.pack import load_pack
from summitreader.paths import default_pack_dir
from summitreader.search.schema import MIN_WORD, WORD_PATTERN, analyzer

OPTIONS = [
    {"positions": True, "chars": True},
    {"positions": True, "removestops": False},
    {"keeporiginal": True, "chars": True},
    {"positions": True, "start_pos": 5, "start_char": 3, "removestops": False, "mode": "query"},
    {"tokenize": False, "positions": True},
    {"tokenize": False, "removestops": False, "chars": True, "keeporiginal": True},
]
EXTRA = ["The a U.S. 9M729 the of Helsinki's", "", "a an the", "Über Straße ÉTÉ", "the", "Meetings"]


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
    reference = StemmingAnalyzer(expression=WORD_PATTERN, minsize=MIN_WORD, cachesize=-1)
    ours = analyzer()
    pack = load_pack(default_pack_dir())
    texts = [p.text for s in pack.sections for p in s.paragraphs] + EXTRA
    for text in texts:
        assert tokens(ours, text, options) == tokens(reference, text, options), text[:60]
