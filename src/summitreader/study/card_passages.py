"""The passage of a generated card, the paragraph it sends the reader back to.

Every card knows its passage. For a generated card it is the paragraph that names the entry most
often; else the paragraph the pack's own cards about the entry point to most; else the paragraph
that names the most meetings (the article's overview of them); else the first takeaway's.
"""

from __future__ import annotations

from collections import Counter

from summitreader.pack.model import Card, Meeting, Pack, PassageRef


class PassageFinder:
    """Finds the paragraph a generated card sends the reader back to."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self._order = {
            (p.section, p.number): n
            for n, p in enumerate(p for s in pack.sections for p in s.paragraphs)
        }
        self._mentions: dict[str, list[tuple[str, int]]] = {}
        for mention in pack.mentions:
            self._mentions.setdefault(mention.entry, []).append(
                (mention.section, mention.paragraph)
            )
        self._cards: dict[str, list[Card]] = {}
        for card in pack.cards:
            for entry in dict.fromkeys(card.about):
                self._cards.setdefault(entry, []).append(card)
        self._on_issue: dict[str, list[Meeting]] = {}
        for meeting in pack.meetings:
            for issue in dict.fromkeys(meeting.issues):
                self._on_issue.setdefault(issue, []).append(meeting)
        self._overview: PassageRef | None = None

    def for_meeting(self, meeting_id: str) -> PassageRef:
        return self._named(meeting_id) or self._authored(meeting_id) or self.overview()

    def for_issue(self, issue_id: str) -> PassageRef:
        found = self._named(issue_id) or self._authored(issue_id)
        if found:
            return found
        for meeting in self._on_issue.get(issue_id, ()):
            found = self._named(meeting.id)
            if found:
                return found
        return self.overview()

    def overview(self) -> PassageRef:
        """The paragraph that names the most meetings (first such one), else a fallback."""
        if self._overview is None:
            self._overview = self._find_overview()
        return self._overview

    def _find_overview(self) -> PassageRef:
        meeting_ids = {m.id for m in self.pack.meetings}
        per_paragraph: dict[tuple[str, int], set[str]] = {}
        for mention in self.pack.mentions:
            if mention.entry in meeting_ids:
                per_paragraph.setdefault((mention.section, mention.paragraph), set()).add(
                    mention.entry
                )
        if per_paragraph:
            best = min(per_paragraph, key=lambda k: (-len(per_paragraph[k]), self._order.get(k, 0)))
            return PassageRef(*best)
        return self._fallback()

    def _named(self, entry_id: str) -> PassageRef | None:
        counts = Counter(self._mentions.get(entry_id, ()))
        if not counts:
            return None
        best = min(counts, key=lambda k: (-counts[k], self._order.get(k, 0)))
        return PassageRef(*best)

    def _authored(self, entry_id: str) -> PassageRef | None:
        refs = [
            c.passage for c in self._cards.get(entry_id, ()) if self.pack.paragraph(c.passage)
        ]
        if not refs:
            return None
        counts = Counter(refs)
        return max(refs, key=lambda r: counts[r])  # max keeps the first of equals

    def _fallback(self) -> PassageRef:
        for takeaway in self.pack.takeaways:
            if self.pack.paragraph(takeaway.passage):
                return takeaway.passage
        for section in self.pack.sections:
            if section.paragraphs:
                return section.paragraphs[0].ref
        raise ValueError("the pack has no paragraph to point a card at")
