"""The content pack as plain, immutable dataclasses.

Everything the app and the CLI show comes from a :class:`Pack`. Nothing here does I/O; the loader
(:mod:`summitreader.pack.load`) builds these from a pack folder.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import ClassVar, Literal

CardKind = Literal["recall", "cloze", "choice", "order", "typed"]
EntryKind = Literal["section", "meeting", "issue", "takeaway", "card"]
CARD_KINDS: tuple[str, ...] = ("recall", "cloze", "choice", "order", "typed")


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A day, or a range of days (``2017-11-10/2017-11-11``)."""

    start: dt.date
    end: dt.date | None = None

    @classmethod
    def parse(cls, value: str) -> DateSpan:
        """Parse ``YYYY-MM-DD`` or ``YYYY-MM-DD/YYYY-MM-DD``; raise ValueError otherwise."""
        first, sep, second = value.strip().partition("/")
        start = dt.date.fromisoformat(first.strip())
        if not sep:
            return cls(start)
        end = dt.date.fromisoformat(second.strip())
        if end < start:
            raise ValueError("the range ends before it starts")
        return cls(start, None if end == start else end)

    def iso(self) -> str:
        return self.start.isoformat() if self.end is None else f"{self.start}/{self.end}"

    def human(self) -> str:
        """``7 Jul 2017`` or ``10–11 Nov 2017``."""
        if self.end is None:
            return f"{self.start.day} {self.start:%b %Y}"
        if (self.start.year, self.start.month) == (self.end.year, self.end.month):
            return f"{self.start.day}–{self.end.day} {self.end:%b %Y}"
        if self.start.year == self.end.year:
            return f"{self.start.day} {self.start:%b}–{self.end.day} {self.end:%b %Y}"
        return f"{self.start.day} {self.start:%b %Y}–{self.end.day} {self.end:%b %Y}"

    @property
    def year(self) -> int:
        return self.start.year

    def __str__(self) -> str:
        return self.iso()


@dataclass(frozen=True, slots=True)
class Location:
    """Where an entry was written in the pack: a file and a 1-based line and column."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class PassageRef:
    """A paragraph of the article: a section id and the paragraph's 1-based number in it."""

    section: str
    paragraph: int

    def __str__(self) -> str:
        return f"{self.section} ¶{self.paragraph}"


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of a paragraph's text with one style."""

    text: str
    strong: bool = False
    emphasis: bool = False
    code: bool = False
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One block of a section: a paragraph, a list item, or a short lead such as ``Pros:``."""

    section: str
    number: int
    markdown: str
    text: str
    """The paragraph as plain text, with Markdown emphasis and list markers removed."""
    list_item: bool = False
    runs: tuple[Run, ...] = field(default=(), compare=False)
    """The paragraph's inline Markdown as styled runs, parsed once when the pack is loaded; their
    texts put together are :attr:`text`."""
    marker: str = ""
    """A list item's marker as shown: ``•``, or its number (``3.``, ``0)``), counted as Markdown
    counts an ordered list: from its first item's number."""
    code: bool = False
    """A code block (fenced, or indented four spaces): :attr:`text` is its lines as written,
    one under the other (``\n`` between them), with no inline Markdown read in them."""
    tight: bool = False
    """A list item followed by the next item of its list with no blank line between (a tight
    list, written one item a line): drawn with no blank line after it."""
    marker_width: int = 0
    """The width of the widest marker of its list (``10.`` is 3): every item's marker is
    right-aligned to it, so that the text of all the items hangs at one column."""

    @property
    def ref(self) -> PassageRef:
        return PassageRef(self.section, self.number)


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: str
    number: int
    file: str
    paragraphs: tuple[Paragraph, ...]
    location: Location | None = field(default=None, compare=False)

    kind: ClassVar[str] = "section"

    @property
    def markdown(self) -> str:
        return "\n\n".join(p.markdown for p in self.paragraphs)

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)

    def paragraph(self, number: int) -> Paragraph | None:
        if 1 <= number <= len(self.paragraphs):
            return self.paragraphs[number - 1]
        return None


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    date: DateSpan
    text: str
    sources: tuple[str, ...] = ()
    key: bool = False
    """A key event: an issue's ordering card asks about its key events when it has 3 to 5."""


@dataclass(frozen=True, slots=True)
class Meeting:
    id: str
    title: str
    date: DateSpan
    place: str
    setting: str
    """One of ``summit``, ``bilateral``, ``informal``, ``called-off``."""
    setting_detail: str
    duration: str
    issues: tuple[str, ...]
    outcome: str
    controversy: str
    in_article: bool
    held: bool
    sources: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    note: str = ""
    location: Location | None = field(default=None, compare=False)

    kind: ClassVar[str] = "meeting"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.title, *self.aliases)


@dataclass(frozen=True, slots=True)
class Issue:
    id: str
    title: str
    aliases: tuple[str, ...]
    summary: str
    timeline: tuple[TimelineEvent, ...]
    sources: tuple[str, ...]
    location: Location | None = field(default=None, compare=False)

    kind: ClassVar[str] = "issue"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.title, *self.aliases)


@dataclass(frozen=True, slots=True)
class Takeaway:
    id: str
    title: str
    text: str
    passage: PassageRef
    """Where the takeaway itself stands in the Key Takeaways section."""
    sections: tuple[str, ...]
    """The sections that argue it."""
    location: Location | None = field(default=None, compare=False)

    kind: ClassVar[str] = "takeaway"


@dataclass(frozen=True, slots=True)
class Card:
    """A question to study. What it needs depends on ``card_kind``:

    - ``recall``: ``prompt`` and ``answer`` (a flip card);
    - ``typed``: ``prompt``, ``answer`` and optional ``accept`` (other right answers);
    - ``cloze``: ``prompt`` holds the text with the blanked phrase written ``{{like this}}``;
      ``answer`` is that phrase;
    - ``choice``: ``prompt``, ``answer`` and ``choices`` (``answer`` among them);
    - ``order``: ``prompt`` and ``items`` in the right order; ``answer`` is empty.
    """

    id: str
    card_kind: CardKind
    prompt: str
    answer: str
    about: tuple[str, ...]
    passage: PassageRef
    choices: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    explanation: str = ""
    generated: bool = False
    location: Location | None = field(default=None, compare=False)

    kind: ClassVar[str] = "card"

    @property
    def title(self) -> str:
        return self.prompt


GAP = "[…]"
"""How a cloze card's blank is shown outside study (lists, the index)."""


def shown_prompt(prompt: str) -> str:
    """A prompt as the reader sees it: a cloze blank written ``{{like this}}`` shown as
    :data:`GAP`, whitespace run together."""
    return " ".join(re.sub(r"\{\{.*?\}\}", GAP, prompt, flags=re.DOTALL).split())


@dataclass(frozen=True, slots=True)
class Mention:
    """A place in the article where a meeting or an issue is named."""

    entry: str
    """The id of the meeting or issue."""
    section: str
    paragraph: int
    start: int
    end: int
    """Character offsets in the paragraph's plain text."""
    matched: str

    @property
    def ref(self) -> PassageRef:
        return PassageRef(self.section, self.paragraph)


@dataclass(frozen=True, slots=True)
class Note:
    """A remark in the pack about the article's framing, e.g. a debatable count."""

    id: str
    title: str
    text: str
    passage: PassageRef | None
    sources: tuple[str, ...] = ()
    location: Location | None = field(default=None, compare=False)

    kind: ClassVar[str] = "note"


TEMPLATE_ASKS: tuple[str, ...] = (
    "meeting-date",
    "meeting-place",
    "meeting-by-outcome",
    "meeting-by-controversy",
    "meeting-order",
    "issue-order",
)
"""What a card template asks; the wording is the template's, the mechanics the deck's."""


@dataclass(frozen=True, slots=True)
class CardTemplate:
    """A pattern the deck turns into cards from the index (see ``templates.yaml`` in the pack
    format). ``prompt`` and ``explanation`` hold ``{placeholders}`` filled in per entry."""

    id: str
    ask: str
    """One of :data:`TEMPLATE_ASKS`."""
    prompt: str
    explanation: str = ""
    location: Location | None = field(default=None, compare=False)

    kind: ClassVar[str] = "template"

    @property
    def title(self) -> str:
        return self.prompt


Entry = Section | Meeting | Issue | Takeaway | Card | Note


@dataclass(frozen=True, slots=True)
class Pack:
    id: str
    title: str
    subtitle: str
    source: str
    """Where the article came from, in a sentence."""
    root: str
    """The pack's folder."""
    content_hash: str
    """A SHA-256 over every file of the pack: changes whenever the content does."""
    sections: tuple[Section, ...]
    meetings: tuple[Meeting, ...]
    issues: tuple[Issue, ...]
    takeaways: tuple[Takeaway, ...]
    cards: tuple[Card, ...]
    notes: tuple[Note, ...] = ()
    mentions: tuple[Mention, ...] = ()
    templates: tuple[CardTemplate, ...] = ()
    """How the deck generates cards from the index (none without a ``templates.yaml``)."""
    _by_id: dict[str, Entry] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, Entry] = {}
        for group in (
            self.sections,
            self.meetings,
            self.issues,
            self.takeaways,
            self.cards,
            self.notes,
        ):
            for entry in group:
                index.setdefault(entry.id, entry)
        self._by_id.update(index)

    def get(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    def section(self, section_id: str) -> Section | None:
        entry = self._by_id.get(section_id)
        return entry if isinstance(entry, Section) else None

    def meeting(self, meeting_id: str) -> Meeting | None:
        entry = self._by_id.get(meeting_id)
        return entry if isinstance(entry, Meeting) else None

    def issue(self, issue_id: str) -> Issue | None:
        entry = self._by_id.get(issue_id)
        return entry if isinstance(entry, Issue) else None

    def takeaway(self, takeaway_id: str) -> Takeaway | None:
        entry = self._by_id.get(takeaway_id)
        return entry if isinstance(entry, Takeaway) else None

    def card(self, card_id: str) -> Card | None:
        entry = self._by_id.get(card_id)
        return entry if isinstance(entry, Card) else None

    def paragraph(self, ref: PassageRef) -> Paragraph | None:
        section = self.section(ref.section)
        return section.paragraph(ref.paragraph) if section else None

    def mentions_of(self, entry_id: str) -> tuple[Mention, ...]:
        return tuple(m for m in self.mentions if m.entry == entry_id)

    def mentions_in(self, section_id: str, paragraph: int | None = None) -> tuple[Mention, ...]:
        return tuple(
            m
            for m in self.mentions
            if m.section == section_id and (paragraph is None or m.paragraph == paragraph)
        )

    def cards_about(self, entry_id: str) -> tuple[Card, ...]:
        return tuple(c for c in self.cards if entry_id in c.about)

    def meetings_on(self, issue_id: str) -> tuple[Meeting, ...]:
        return tuple(m for m in self.meetings if issue_id in m.issues)
