"""What a search returns: plain data with no markup in it, so any front end can render it safely."""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS: tuple[str, ...] = ("paragraph", "meeting", "issue", "takeaway", "note", "card")
"""The kinds of document the index holds, in the order filters list them."""


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a snippet: plain text, and whether it is a word the query matched."""

    text: str
    match: bool = False


@dataclass(frozen=True, slots=True)
class Hit:
    """One ranked result.

    ``id`` is the entry's id: the section id for a paragraph (``paragraph`` then says which), the
    meeting, issue or takeaway id, or the note's id (as text) for a user note. ``section`` and
    ``paragraph`` say where in the article the hit leads, where that applies.
    """

    kind: str
    id: str
    title: str
    section: str | None
    paragraph: int | None
    score: float
    snippet: tuple[Segment, ...]
    where: str
    """A short human label of the place: ``In-Depth Analysis ¶3``, ``Meeting · 16 Jul 2018``."""

    @property
    def snippet_text(self) -> str:
        """The snippet as one plain string."""
        return "".join(segment.text for segment in self.snippet)


@dataclass(frozen=True, slots=True)
class SearchResult:
    """The answer to one query.

    ``total`` counts every matching document, ``hits`` holds the best ``limit`` of them.
    ``suggestion`` is a corrected query when this one finds little; ``message`` says, for people,
    when the query could not be used exactly as written (and what was done instead). ``query`` is
    the query as it was understood. ``corrected`` says that the hits are those of
    ``suggestion`` (near words stood in for words the index does not hold), not only proposed.
    """

    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    suggestion: str | None = None
    message: str | None = None
    query: str = ""
    corrected: bool = False
