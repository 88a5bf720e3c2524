"""Snippets: a short fragment of a document's plain text around its best match, as segments.

The words to mark are given as written (lower-cased): every word whose stem the query looked for
(:meth:`~summitreader.search.vocabulary.Vocabulary.forms`). So ``negotiating`` is marked for a
query of ``negotiations``, and so are the completions of a prefix and the near words of a typo.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection

from summitreader.search.results import Segment
from summitreader.search.schema import WORD, stem

SNIPPET_LENGTH = 160
LEAD = 40
"""Characters of context kept before the first match of a snippet."""
ELLIPSIS = "…"
_BREAKS = " ·"


def snippet(text: str, words: Collection[str], length: int = SNIPPET_LENGTH) -> tuple[Segment, ...]:
    """About ``length`` characters of ``text`` where the ``words`` (lower-case) are densest, cut at
    word boundaries, with those words marked."""
    matches = []
    if words:
        lower = text.lower()
        if len(lower) == len(text):  # lower-casing kept every offset (it nearly always does)
            matches = [m.span() for m in WORD.finditer(lower) if m.group() in words]
        else:
            matches = [m.span() for m in WORD.finditer(text) if m.group().lower() in words]
    start, end = _window(text, matches, length)
    segments: list[Segment] = []
    if start > 0:
        segments.append(Segment(ELLIPSIS))
    position = start
    for m_start, m_end in matches:
        if m_start < start or m_end > end:
            continue
        if m_start > position:
            segments.append(Segment(text[position:m_start]))
        segments.append(Segment(text[m_start:m_end], True))
        position = m_end
    if end > position:
        segments.append(Segment(text[position:end]))
    if end < len(text):
        segments.append(Segment(ELLIPSIS))
    return tuple(segments)


def _window(text: str, matches: list[tuple[int, int]], length: int) -> tuple[int, int]:
    """Start and end of the fragment to show: the ``length`` characters that hold the most
    different matched words (then the most matches), starting a little before the first."""
    if len(text) <= length + length // 4:
        return 0, len(text)
    lead = min(LEAD, length // 4)
    anchor_start = anchor_end = 0
    best: tuple[int, int] | None = None
    # One pass with two ends: the window from match ``i`` takes in matches up to ``j``; both only
    # move forward, and each match's stem is found once, so the work grows with the matches.
    stems = [stem(text[a:b].lower()) for a, b in matches]
    inside: Counter[str | None] = Counter()
    j = 0
    for i, (m_start, m_end) in enumerate(matches):
        limit = max(0, m_start - lead) + length
        j = max(j, i)
        while j < len(matches) and matches[j][1] <= limit:
            inside[stems[j]] += 1
            j += 1
        score = (len(inside), j - i)
        if j > i and (best is None or score > best):
            best = score
            anchor_start, anchor_end = m_start, m_end
        elif best is None:
            best = (0, 0)
            anchor_start, anchor_end = m_start, m_end
        if j > i:
            inside[stems[i]] -= 1
            if not inside[stems[i]]:
                del inside[stems[i]]
    start = max(0, anchor_start - lead)
    end = min(len(text), max(start + length, anchor_end))
    if end == len(text):
        start = min(anchor_start, max(0, end - length))
    if start > 0:
        space = text.find(" ", start, anchor_start)
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", anchor_end, end)
        end = space if space > 0 else end
    # Not starting or ending on the separator between the parts of an index entry.
    while start < anchor_start and text[start] in _BREAKS:
        start += 1
    while end > anchor_end and text[end - 1] in _BREAKS:
        end -= 1
    return start, end
