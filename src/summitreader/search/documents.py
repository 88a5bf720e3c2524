"""What is searched: the pack (and the user's notes) as flat documents.

Each document has a ``key`` that is all the index stores; everything shown for a hit is looked up
again from the pack by that key, so the index stays small and never goes stale against the pack it
was built from.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from summitreader.pack.markdown import plain_text
from summitreader.pack.model import DateSpan, Issue, Meeting, Pack, Paragraph, Section, Takeaway
from summitreader.text import clean_text

SEPARATOR = " · "
"""Joins the parts of an index entry into one line of text."""


@dataclass(frozen=True, slots=True)
class Document:
    key: str
    kind: str
    id: str
    title: str
    """The title shown for a hit."""
    where: str
    text: str
    """The searchable body, and what snippets are cut from."""
    indexed_title: str = ""
    """The words indexed as the title (weighted up); may differ from ``title``."""
    section: str | None = None
    paragraph: int | None = None
    place: str = ""
    dates: tuple[str, ...] = ()
    """Tokens of the ``date`` field: ``2018``, ``2018-07``, ``2018-07-16``."""

    def fields(self) -> dict[str, str]:
        """The document as whoosh fields."""
        values = {"key": self.key, "kind": self.kind, "body": self.text}
        if self.indexed_title:
            values["title"] = self.indexed_title
        if self.section:
            values["section"] = " ".join(section_terms(self.section))
        if self.place:
            values["place"] = self.place
        if self.dates:
            values["date"] = " ".join(self.dates)
        return values


UserNote = tuple[int, str, int, str]
"""(note id, section id, paragraph number, text)."""
UserCard = tuple[str, str, int, str]
"""One of the reader's own cards: (uid, section id, paragraph number, its text as
:func:`card_text` makes it)."""


def card_text(kind: str, front: str, back: str) -> str:
    """What is searched and shown of one of the reader's cards: a cloze with its blanks as
    written (``The {{G20}} summit``: what is hidden shows as hidden, and is found), a question
    and answer as ``Q: … · A: …``."""
    if kind == "cloze":
        return front
    return f"Q: {front}{SEPARATOR}A: {back}"


def short_title(section: Section) -> str:
    """``In-Depth Analysis`` for ``In-Depth Analysis: The Elusive Pursuit of Progress``."""
    return section.title.split(":", 1)[0].strip() or section.title


def section_terms(section_id: str) -> list[str]:
    """What ``section:`` finds a section by: its id, and each hyphenated part of it."""
    parts = [part for part in section_id.lower().split("-") if part]
    return [section_id.lower(), *(part for part in parts if part != section_id.lower())]


def date_terms(spans: Iterable[DateSpan]) -> tuple[str, ...]:
    """Year, month and day of each span's ends, and every year in between."""
    terms: dict[str, None] = {}
    for span in spans:
        end = span.end or span.start
        for day in (span.start, end):
            terms[str(day.year)] = None
            terms[f"{day.year}-{day.month:02d}"] = None
            terms[day.isoformat()] = None
        for year in range(span.start.year + 1, end.year):
            terms[str(year)] = None
    return tuple(terms)


def _join(parts: Iterable[str]) -> str:
    return SEPARATOR.join(" ".join(part.split()) for part in parts if part and part.strip())


def paragraph_document(section: Section, paragraph: Paragraph) -> Document:
    return Document(
        key=f"paragraph:{section.id}:{paragraph.number}",
        kind="paragraph",
        id=section.id,
        title=section.title,
        where=f"{short_title(section)} ¶{paragraph.number}",
        text=paragraph.text,
        # The section's title is searchable once, at its first paragraph.
        indexed_title=section.title if paragraph.number == 1 else "",
        section=section.id,
        paragraph=paragraph.number,
    )


def meeting_document(meeting: Meeting) -> Document:
    return Document(
        key=f"meeting:{meeting.id}",
        kind="meeting",
        id=meeting.id,
        title=meeting.title,
        where=f"Meeting · {meeting.date.human()}",
        text=_join(
            (
                meeting.place,
                meeting.setting_detail,
                meeting.duration,
                meeting.outcome,
                meeting.controversy,
                meeting.note,
            )
        ),
        indexed_title=_join(meeting.names),
        place=meeting.place,
        dates=date_terms([meeting.date]),
    )


def issue_document(issue: Issue) -> Document:
    events = (f"{event.date.human()}: {event.text}" for event in issue.timeline)
    return Document(
        key=f"issue:{issue.id}",
        kind="issue",
        id=issue.id,
        title=issue.title,
        where="Issue",
        text=_join((issue.summary, *events)),
        indexed_title=_join(issue.names),
        dates=date_terms(event.date for event in issue.timeline),
    )


def takeaway_document(takeaway: Takeaway, pack: Pack) -> Document:
    section = pack.section(takeaway.passage.section)
    place = f"{short_title(section)} ¶{takeaway.passage.paragraph}" if section else "Takeaway"
    return Document(
        key=f"takeaway:{takeaway.id}",
        kind="takeaway",
        id=takeaway.id,
        title=takeaway.title,
        where=f"Takeaway · {place}" if section else place,
        text=plain_text(takeaway.text),
        indexed_title=takeaway.title,
        section=takeaway.passage.section,
        paragraph=takeaway.passage.paragraph,
    )


def note_document(note: UserNote, pack: Pack) -> Document:
    note_id, section_id, paragraph, text = note
    section = pack.section(section_id)
    place = short_title(section) if section else section_id
    return Document(
        key=f"note:{note_id}",
        kind="note",
        id=str(note_id),
        title="Your note",
        where=f"Note · {place} ¶{paragraph}",
        text=" ".join(clean_text(text).split()),
        section=section_id,
        paragraph=paragraph,
    )


def card_document(card: UserCard, pack: Pack) -> Document:
    uid, section_id, paragraph, text = card
    section = pack.section(section_id)
    place = short_title(section) if section else section_id
    return Document(
        key=f"card:{uid}",
        kind="card",
        id=uid,
        title="Your card",
        where=f"Card · {place} ¶{paragraph}",
        text=" ".join(clean_text(text).split()),
        section=section_id,
        paragraph=paragraph,
    )


def pack_documents(pack: Pack) -> Iterator[Document]:
    """Every document of the pack, in a fixed order."""
    for section in pack.sections:
        for paragraph in section.paragraphs:
            yield paragraph_document(section, paragraph)
    for meeting in pack.meetings:
        yield meeting_document(meeting)
    for issue in pack.issues:
        yield issue_document(issue)
    for takeaway in pack.takeaways:
        yield takeaway_document(takeaway, pack)


def count_documents(pack: Pack) -> int:
    return (
        sum(len(section.paragraphs) for section in pack.sections)
        + len(pack.meetings)
        + len(pack.issues)
        + len(pack.takeaways)
    )


def document_for_key(pack: Pack, key: str, notes: dict[str, Document]) -> Document | None:
    """The document stored under ``key``, made again from the pack (or the notes)."""
    kind, _, rest = key.partition(":")
    if kind == "paragraph":
        section_id, _, number = rest.rpartition(":")
        section = pack.section(section_id)
        paragraph = section.paragraph(int(number)) if section and number.isdigit() else None
        if section is None or paragraph is None:
            return None
        return paragraph_document(section, paragraph)
    if kind == "meeting":
        meeting = pack.meeting(rest)
        return meeting_document(meeting) if meeting else None
    if kind == "issue":
        issue = pack.issue(rest)
        return issue_document(issue) if issue else None
    if kind == "takeaway":
        takeaway = pack.takeaway(rest)
        return takeaway_document(takeaway, pack) if takeaway else None
    if kind in ("note", "card"):
        return notes.get(key)
    return None
