"""Takeaways from a section headed like "Key takeaways", "Summary" or "Conclusions" whose items
have bold leads (``- **The lead.** The text``)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from summitreader.authoring.words import singular, telling_words, words

TAKEAWAY_HEADING = re.compile(
    r"^(?:the\s+)?(?:key\s+|main\s+)?(?:takeaways?|summary|in\s+summary|conclusions?|"
    r"key\s+points|tl;?\s*dr|lessons(?:\s+learned)?)\b",
    re.IGNORECASE,
)
_BOLD_LEAD = re.compile(
    r"^(?:[-*+]|\d{1,3}[.)])?\s*(?:\*\*|__)(?P<lead>[^*_\n]{2,160}?)(?:\*\*|__)\s*(?P<mark>[:.—–-]?)\s*(?P<rest>.*)$",
    re.DOTALL,
)


@dataclass(frozen=True, slots=True)
class TakeawayDraft:
    title: str
    text: str
    paragraph: int
    """Its 1-based paragraph in the takeaways section."""
    sections: tuple[int, ...]
    """The indexes of the sections that share the most words with it."""
    joiner: str = ":"
    """The punctuation the reader put between the lead and the text (``.``, ``:``, ``—``)."""


def is_takeaway_heading(title: str) -> bool:
    return bool(TAKEAWAY_HEADING.match(title.strip()))


def is_takeaway_item(block: str) -> bool:
    """Whether the paragraph ``block`` is an item with a bold lead (a takeaway)."""
    match = _BOLD_LEAD.match(block.strip())
    return match is not None and any(c.isalpha() for c in match.group("lead"))


class ArguingParagraphs:
    """Finds the paragraph that argues a takeaway best (where a forgotten takeaway card sends
    the reader): of the paragraphs of the sections outside the takeaways, the one sharing the
    most telling words (stems: words of four letters or more, not stop words, cut to six
    letters) with the takeaway's lead and text; of equals, the earliest in the article; none
    when no paragraph shares a word (the card then points to the takeaway in its list)."""

    def __init__(self, sections: list[tuple[int, list[str]]]) -> None:
        """``sections``: ``(index, paragraphs)`` of the sections outside the takeaways, in the
        article's order."""
        self._places: list[tuple[int, int]] = []
        self._texts: list[str] = []
        self._postings: dict[str, list[int]] = {}
        for index, paragraphs in sections:
            for number, paragraph in enumerate(paragraphs, start=1):
                if paragraph.lstrip().startswith(("```", "~~~")):
                    continue  # a code listing argues nothing
                place = len(self._places)
                self._places.append((index, number))
                self._texts.append(_plain(paragraph))
                for word in telling_words(paragraph):
                    self._postings.setdefault(word, []).append(place)

    def find(self, takeaway: TakeawayDraft, answer: str = "") -> tuple[int, int] | None:
        """``(section index, 1-based paragraph)``, or None. ``answer``: the text the takeaway's
        card hides; when some paragraph holds it (as whole words), the passage is the best of
        those that do (a card's passage must show its answer), else the best of all."""
        counts: Counter[int] = Counter()
        for word in telling_words(f"{takeaway.title} {takeaway.text}"):
            counts.update(self._postings.get(word, ()))
        wanted = _plain(answer)
        if wanted.strip():
            holding = [place for place, text in enumerate(self._texts) if wanted in text]
            if holding:
                best = min(holding, key=lambda place: (-counts[place], place))
                return self._places[best]
        if not counts:
            return None
        best = min(counts, key=lambda place: (-counts[place], place))
        return self._places[best]


CREDIT_WORDS = 2
"""The telling words a sentence card must share with a takeaway to be credited to it."""
CREDIT_SHARE = 4
"""And at least one in this many of the sentence's own telling words: two words in common with a
long sentence are chance, not its subject."""


class Crediting:
    """Which takeaway a sentence card is about: the one whose lead and text share the most
    telling words with the card's sentence (stems, as :class:`ArguingParagraphs` counts them,
    plurals folded), not counting the words of the article's title (what the whole article is
    about); only when they share at least :data:`CREDIT_WORDS`, and a quarter of the
    sentence's (:data:`CREDIT_SHARE`), and no other takeaway shares as many. A card that hides a
    defined term is credited only to a takeaway that names the term. Else none: the card is
    about its section."""

    def __init__(self, takeaways: list[TakeawayDraft], title: str) -> None:
        self._common = telling_words(title)
        texts = [f"{t.title} {t.text}" for t in takeaways]
        self._words = [telling_words(text) - self._common for text in texts]
        self._all = [_all_words(text) for text in texts]

    def find(self, sentence: str, term: str = "") -> int | None:
        """The index of the takeaway ``sentence`` is about, or None. ``term``: the defined term
        the card hides, if it does."""
        own = telling_words(sentence) - self._common
        scores = sorted(
            ((len(own & theirs), i) for i, theirs in enumerate(self._words)), reverse=True
        )
        if not scores or scores[0][0] < max(CREDIT_WORDS, -(-len(own) // CREDIT_SHARE)):
            return None
        if len(scores) > 1 and scores[1][0] == scores[0][0]:
            return None
        best = scores[0][1]
        if term and not _all_words(term) <= self._all[best]:
            return None
        return best


def _plain(text: str) -> str:
    """``text`` as compared for an answer: case-folded, accents and marks (Markdown's ``*``,
    punctuation) read as spaces, a space at each end (so a match is of whole words)."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(c if c.isalnum() else " " for c in folded if not unicodedata.combining(c))
    return f" {' '.join(kept.split())} "


def _all_words(text: str) -> set[str]:
    """Every word of ``text``, lower-cased, plurals folded (a term may be short: ``DNA``)."""
    return {singular(w.casefold()) for w in words(text)}


def find_takeaways(
    blocks: list[str], other_sections: list[tuple[int, list[str]]], title: str = ""
) -> list[TakeawayDraft]:
    """The takeaways in ``blocks`` (a takeaways section's paragraphs); each argued in the one or
    two sections of ``other_sections`` (``(index, paragraphs)``) with the most telling words in
    common, not counting the words of the article's ``title``: the second only when it shares
    at least :data:`CREDIT_WORDS` and at least half as many as the first."""
    common = telling_words(title)
    vocab = [(index, telling_words(" ".join(paras)) - common) for index, paras in other_sections]
    found = []
    for number, block in enumerate(blocks, start=1):
        match = _BOLD_LEAD.match(block.strip())
        if match is None:
            continue
        raw_lead = " ".join(match.group("lead").split())
        lead = raw_lead.rstrip(":.").strip()
        joiner = (raw_lead[len(lead) :].strip() or match.group("mark") or ":")[:1]
        rest = " ".join(match.group("rest").split())
        if not lead or not any(c.isalpha() for c in lead):
            continue
        words = telling_words(f"{lead} {rest}")
        scored = sorted(
            ((len(words & own), index) for index, own in vocab if words & own),
            key=lambda pair: (-pair[0], pair[1]),
        )
        kept = [
            index
            for n, (count, index) in enumerate(scored[:2])
            if n == 0 or (count >= CREDIT_WORDS and 2 * count >= scored[0][0])
        ]
        sections = tuple(sorted(kept))
        found.append(TakeawayDraft(lead, rest or lead, number, sections, joiner))
    return found
