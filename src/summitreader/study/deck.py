"""The deck: the pack's own cards, plus cards generated from its index by the pack's templates.

Generated cards are ordinary :class:`~summitreader.pack.model.Card` values with ``generated=True``,
made by the templates of the pack's ``templates.yaml`` (their wording is the pack's; this module
only knows the mechanics). A template with id ``T`` gives:

- ``meeting-date``: ``gen-T-MEETING``, when a meeting took place (choice among the dates of
  other meetings); one card per date;
- ``meeting-place``: ``gen-T-MEETING``, where (choice among places, each written as the part of
  the meeting's ``place`` before any closing remark in brackets, its last two parts); one card per
  place and date;
- ``meeting-by-outcome`` and ``meeting-by-controversy``: ``gen-T-MEETING``, which meeting a fact
  belongs to (choice among meetings; the meetings' names are blanked out of the fact);
- ``meeting-order``: ``gen-T``, put meetings in order;
- ``issue-order``: ``gen-T-ISSUE``, put events of an issue's timeline in order: its key events
  when it marks 3 to 5, else events spread over the timeline.

Only meetings that were held are asked about or offered as choices. Ids depend only on the
template's and the entry's ids, so progress survives an edit of the pack. Wrong choices are picked
and shuffled deterministically (seeded by the card's id), so the same pack always gives the same
deck. A generated card's ``location`` is its template's.

Every card knows its passage. For a generated card it is the paragraph that names the entry most
often; else the paragraph the pack's own cards about the entry point to most; else the paragraph
that names the most meetings (the article's overview of them); else the first takeaway's.
"""

from __future__ import annotations

import dataclasses
import hashlib
import random
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

from summitreader.pack.cloze import cloze_parts
from summitreader.pack.lint import asks_same
from summitreader.pack.model import (
    Card,
    CardTemplate,
    Issue,
    Meeting,
    Pack,
    PassageRef,
    TimelineEvent,
)
from summitreader.pack.templates import fill
from summitreader.pack.timeline import MAX_ORDER_ITEMS, MIN_ORDER_ITEMS, usable_key_events
from summitreader.progress.my_cards import MyCard
from summitreader.study.my_deck import my_study_cards
from summitreader.text import seen_form

StudyCard = Card
"""A card of the deck: the pack's own card type (``generated`` tells the two apart)."""
__all__ = ["StudyCard", "build_deck", "cards_of_takeaway", "cloze_parts", "find_card"]

LONG_EVENT = 140
"""Timeline events longer than this (in characters) are left out of order cards when possible."""
BLANK = "…"
T = TypeVar("T")


def build_deck(pack: Pack, mine: Iterable[MyCard] = ()) -> tuple[StudyCard, ...]:
    """The pack's cards in pack order, then the generated ones, then the reader's own (``mine``,
    from :meth:`~summitreader.progress.store.Store.my_cards`: :mod:`.my_deck`). An id already
    used in the pack is never generated, nor a card that asks what a written card asks (the
    written one is kept: :func:`summitreader.pack.lint.asks_same`). Every choice card offers its
    choices in an order seeded by its id, so the order in the file never gives the answer
    away."""
    taken = {card.id for card in pack.cards}
    deck = [_with_shuffled_choices(card) for card in pack.cards]
    for card in _generated(pack):
        if any(asks_same(card, written) for written in pack.cards):
            continue
        if card.id not in taken and pack.get(card.id) is None:
            taken.add(card.id)
            deck.append(card)
    deck.extend(card for card in my_study_cards(mine) if card.id not in taken)
    return tuple(deck)


def _with_shuffled_choices(card: Card) -> Card:
    if card.card_kind != "choice" or not card.choices:
        return card
    return dataclasses.replace(card, choices=_shuffled(card.id, card.choices))


def find_card(deck: Iterable[StudyCard], card_id: str) -> StudyCard | None:
    """The card of the deck with this id, written or generated."""
    return next((card for card in deck if card.id == card_id), None)


def cards_of_takeaway(deck: Iterable[StudyCard], takeaway_id: str) -> tuple[StudyCard, ...]:
    """The cards about one takeaway (those that list it in ``about``)."""
    return tuple(card for card in deck if takeaway_id in card.about)


# -- generation -------------------------------------------------------------------------------


def _generated(pack: Pack) -> list[StudyCard]:
    """Meeting by meeting, the cards of each meeting template; then the order cards."""
    finder = _PassageFinder(pack)
    held = [m for m in pack.meetings if m.held]
    near = _Nearness(held)
    names = _Names(name for m in held for name in m.names)
    per_meeting = [t for t in pack.templates if t.ask in _MEETING_ASKS]
    asked: dict[str, set[str]] = {t.id: set() for t in per_meeting}
    cards: list[StudyCard] = []
    for meeting in held:
        passage = finder.for_meeting(meeting.id)
        for template in per_meeting:
            key, card = _meeting_card(template, meeting, near, names, passage)
            if card and key not in asked[template.id]:
                asked[template.id].add(key)
                cards.append(card)
    for template in pack.templates:
        if template.ask == "meeting-order":
            card = _order_meetings_card(template, held, finder)
            cards.extend([card] if card else [])
        elif template.ask == "issue-order":
            for issue in pack.issues:
                card = _order_issue_card(template, issue, finder.for_issue(issue.id))
                cards.extend([card] if card else [])
    return cards


_MEETING_ASKS = ("meeting-date", "meeting-place", "meeting-by-outcome", "meeting-by-controversy")


def _meeting_card(
    template: CardTemplate,
    meeting: Meeting,
    held: _Nearness,
    names: _Names,
    passage: PassageRef,
) -> tuple[str, StudyCard | None]:
    """The template's card for one meeting, with what makes it the same question as another's
    (the date for a date card, the place and date for a place card)."""
    if template.ask == "meeting-date":
        card = _choice_of_value(template, meeting, held, passage, lambda m: m.date.human())
        return meeting.date.iso(), card
    if template.ask == "meeting-place":
        card = _choice_of_value(template, meeting, held, passage, _where)
        return f"{meeting.date.iso()} {_where(meeting)}", card
    fact = template.ask.removeprefix("meeting-by-")
    return meeting.id, _which_meeting_card(template, meeting, held, names, fact, passage)


def _values(meeting: Meeting, **more: str) -> dict[str, str]:
    return {
        "title": meeting.title,
        "date": meeting.date.human(),
        "place": meeting.place,
        "where": _where(meeting),
        **more,
    }


def _where(meeting: Meeting) -> str:
    return _short_place(meeting.place)


def _choice_of_value(
    template: CardTemplate,
    meeting: Meeting,
    meetings: _Nearness,
    passage: PassageRef,
    value: Callable[[Meeting], str],
) -> StudyCard | None:
    answer = value(meeting)
    wrong = _distinct(meetings.values_near(meeting, value), exclude={answer}, count=3)
    if len(wrong) < 3:
        return None
    card_id = f"gen-{template.id}-{meeting.id}"
    values = _values(meeting)
    return Card(
        id=card_id,
        card_kind="choice",
        prompt=fill(template.prompt, values),
        answer=answer,
        choices=_shuffled(card_id, [answer, *wrong]),
        about=(meeting.id,),
        passage=passage,
        explanation=fill(template.explanation, values),
        generated=True,
        location=template.location,
    )


def _which_meeting_card(
    template: CardTemplate,
    meeting: Meeting,
    meetings: _Nearness,
    names: _Names,
    fact: str,
    passage: PassageRef,
) -> StudyCard | None:
    text = " ".join(getattr(meeting, fact).split())
    if not text:
        return None
    titles = meetings.values_near(meeting, lambda m: m.title)
    wrong = _distinct(titles, exclude={meeting.title}, count=3)
    if len(wrong) < 3:
        return None
    card_id = f"gen-{template.id}-{meeting.id}"
    values = _values(meeting, fact=names.blank_out(text))
    return Card(
        id=card_id,
        card_kind="choice",
        prompt=fill(template.prompt, values),
        answer=meeting.title,
        choices=_shuffled(card_id, [meeting.title, *wrong]),
        about=(meeting.id,),
        passage=passage,
        explanation=fill(template.explanation, values),
        generated=True,
        location=template.location,
    )


def _order_meetings_card(
    template: CardTemplate, held: Sequence[Meeting], finder: _PassageFinder
) -> StudyCard | None:
    by_date: dict[str, Meeting] = {}
    for meeting in sorted(held, key=lambda m: m.date.start):
        by_date.setdefault(meeting.date.start.isoformat(), meeting)
    chosen = _spread(list(by_date.values()), MAX_ORDER_ITEMS)
    if len(chosen) < MIN_ORDER_ITEMS:
        return None
    events = "; ".join(f"{m.title}: {m.date.human()}" for m in chosen)
    return Card(
        id=f"gen-{template.id}",
        card_kind="order",
        prompt=fill(template.prompt, {"events": events}),
        answer="",
        items=tuple(m.title for m in chosen),
        about=tuple(m.id for m in chosen),
        passage=finder.overview(),
        explanation=fill(template.explanation, {"events": events}),
        generated=True,
        location=template.location,
    )


def _order_issue_card(
    template: CardTemplate, issue: Issue, passage: PassageRef
) -> StudyCard | None:
    chosen = _issue_events(issue)
    if len(chosen) < MIN_ORDER_ITEMS:
        return None
    texts = [" ".join(e.text.split()) for e in chosen]
    if len(set(texts)) < len(texts):
        return None
    events = "; ".join(
        f"{e.date.human()}: {t.rstrip('.')}" for e, t in zip(chosen, texts, strict=True)
    )
    values = {"title": issue.title, "events": events}
    return Card(
        id=f"gen-{template.id}-{issue.id}",
        card_kind="order",
        prompt=fill(template.prompt, values),
        answer="",
        items=tuple(texts),
        about=(issue.id,),
        passage=passage,
        explanation=fill(template.explanation, values),
        generated=True,
        location=template.location,
    )


def _issue_events(issue: Issue) -> list[TimelineEvent]:
    """The events an issue's order card asks about: its key events, as marked, when it marks 3 to
    5 on different dates; else events spread over its timeline (one per date), short ones first."""
    timeline = sorted(issue.timeline, key=lambda e: e.date.start)
    key = [e for e in timeline if e.key]
    if usable_key_events(issue):
        return key
    by_date: dict[str, TimelineEvent] = {}
    for event in timeline:
        by_date.setdefault(event.date.start.isoformat(), event)
    events = list(by_date.values())
    short = [e for e in events if len(e.text) <= LONG_EVENT]
    return _spread(short if len(short) >= MIN_ORDER_ITEMS else events, MAX_ORDER_ITEMS)


# -- passages ---------------------------------------------------------------------------------


class _PassageFinder:
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


# -- small helpers ----------------------------------------------------------------------------


def _short_place(place: str) -> str:
    """The last two parts of a place, without a closing remark in brackets:
    ``Lyon, France (at the town hall)`` → ``Lyon, France``,
    ``Town Hall, Lyon, France`` → ``Lyon, France``."""
    bare = re.sub(r"\s*\([^)]*\)\s*$", "", " ".join(place.split())) or place
    parts = [p.strip() for p in bare.split(",") if p.strip()]
    return ", ".join(parts[-2:]) if parts else bare


class _Nearness:
    """The held meetings grouped by start date, to walk outwards from one meeting's date: the
    other meetings nearest in time first (ties in pack order), found without sorting all of them
    for every meeting."""

    def __init__(self, meetings: Sequence[Meeting]) -> None:
        groups: dict[int, list[tuple[int, Meeting]]] = {}
        for index, meeting in enumerate(meetings):
            groups.setdefault(meeting.date.start.toordinal(), []).append((index, meeting))
        self._days = sorted(groups)
        self._groups = [groups[day] for day in self._days]
        self._position = {day: n for n, day in enumerate(self._days)}

    def near(self, meeting: Meeting) -> Iterator[Meeting]:
        """The other meetings, nearest in time first (ties in pack order); lazily."""
        day = meeting.date.start.toordinal()
        here = self._position[day]
        left, right = here - 1, here + 1
        ring: list[tuple[int, Meeting]] = list(self._groups[here])
        while True:
            yield from (m for _, m in ring if m.id != meeting.id)
            gap_left = day - self._days[left] if left >= 0 else None
            gap_right = self._days[right] - day if right < len(self._days) else None
            if gap_left is None and gap_right is None:
                return
            gap = min(g for g in (gap_left, gap_right) if g is not None)
            ring = []
            if gap_left == gap:
                ring.extend(self._groups[left])
                left -= 1
            if gap_right == gap:
                ring.extend(self._groups[right])
                right += 1
            ring.sort(key=lambda pair: pair[0])

    def values_near(self, meeting: Meeting, value: Callable[[Meeting], str]) -> Iterator[str]:
        return (value(m) for m in self.near(meeting))


def _distinct(values: Iterable[str], exclude: set[str], count: int) -> list[str]:
    """The first ``count`` of ``values`` that look different from each other and from
    ``exclude``: by what the reader sees (:func:`~summitreader.text.seen_form`), and more than by
    punctuation."""
    seen = {_look(v) for v in exclude}
    result: list[str] = []
    for value in values:
        if len(result) >= count:
            break
        if _look(value) not in seen:
            seen.add(_look(value))
            result.append(value)
    return result


def _look(value: str) -> str:
    return "".join(c for c in seen_form(value) if c.isalnum())


def _shuffled(seed: str, values: Sequence[str]) -> tuple[str, ...]:
    """``values`` in an order that depends only on ``seed``."""
    rng = random.Random(int.from_bytes(hashlib.sha256(seed.encode()).digest()[:8], "big"))
    result = list(values)
    rng.shuffle(result)
    return tuple(result)


def _spread(items: Sequence[T], count: int) -> list[T]:
    """At most ``count`` of ``items``, evenly spread from the first to the last, in order."""
    if len(items) <= count:
        return list(items)
    step = (len(items) - 1) / (count - 1)
    return [items[round(i * step)] for i in range(count)]


class _Names:
    """Names to blank out of a text, indexed by their first word so that a text is scanned once,
    whatever the number of names."""

    _WORD = re.compile(r"\w+")

    def __init__(self, names: Iterable[str]) -> None:
        by_first: dict[str, list[str]] = {}
        self._odd: list[re.Pattern[str]] = []
        for name in sorted({n for n in names if n}, key=len, reverse=True):
            first = self._WORD.match(name)
            if first is None:  # a name that does not start with a word: matched on its own
                self._odd.append(re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE))
            else:
                by_first.setdefault(first.group().lower(), []).append(name)
        self._patterns = {
            word: [re.compile(rf"{re.escape(n)}(?!\w)", re.IGNORECASE) for n in group]
            for word, group in by_first.items()
        }

    def blank_out(self, text: str) -> str:
        """``text`` with every name (whole words, any case, longest first) replaced by a blank."""
        for pattern in self._odd:
            text = pattern.sub(BLANK, text)
        parts: list[str] = []
        done = 0
        for word in self._WORD.finditer(text):
            if word.start() < done:
                continue
            for pattern in self._patterns.get(word.group().lower(), ()):
                found = pattern.match(text, word.start())
                if found:
                    parts.extend((text[done : found.start()], BLANK))
                    done = found.end()
                    break
        parts.append(text[done:])
        return "".join(parts)
