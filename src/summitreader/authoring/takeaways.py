"""Takeaways from a section headed like "Key takeaways", "Summary" or "Conclusions" whose items
have bold leads (``- **The lead.** The text``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summitreader.authoring.words import telling_words

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


def find_takeaways(
    blocks: list[str], other_sections: list[tuple[int, list[str]]]
) -> list[TakeawayDraft]:
    """The takeaways in ``blocks`` (a takeaways section's paragraphs); each argued in the one or
    two sections of ``other_sections`` (``(index, paragraphs)``) with the most words in common."""
    vocab = [(index, telling_words(" ".join(paras))) for index, paras in other_sections]
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
        sections = tuple(sorted(index for _, index in scored[:2]))
        found.append(TakeawayDraft(lead, rest or lead, number, sections, joiner))
    return found
