"""The content pack: the article and its index, loaded and checked. No Textual in here."""

from summitreader.pack.load import PackError, Problem, load_pack
from summitreader.pack.model import (
    Card,
    DateSpan,
    Issue,
    Meeting,
    Mention,
    Note,
    Pack,
    Paragraph,
    PassageRef,
    Section,
    Takeaway,
    TimelineEvent,
)

__all__ = [
    "Card",
    "DateSpan",
    "Issue",
    "Meeting",
    "Mention",
    "Note",
    "Pack",
    "PackError",
    "Paragraph",
    "PassageRef",
    "Problem",
    "Section",
    "Takeaway",
    "TimelineEvent",
    "load_pack",
]
