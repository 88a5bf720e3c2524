"""The cards generated from the pack's index by the pack's templates.

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

A generated card's passage is found by :class:`~summitreader.study.card_passages.PassageFinder`;
its wrong choices are picked by :mod:`~summitreader.study.choices`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

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
from summitreader.study.card_passages import PassageFinder
from summitreader.study.choices import (
    Names,
    Nearness,
    distinct,
    short_place,
    shuffled,
    spread,
)

LONG_EVENT = 140
"""Timeline events longer than this (in characters) are left out of order cards when possible."""


def generated_cards(pack: Pack) -> list[Card]:
    """Meeting by meeting, the cards of each meeting template; then the order cards."""
    finder = PassageFinder(pack)
    held = [m for m in pack.meetings if m.held]
    near = Nearness(held)
    names = Names(name for m in held for name in m.names)
    per_meeting = [t for t in pack.templates if t.ask in _MEETING_ASKS]
    asked: dict[str, set[str]] = {t.id: set() for t in per_meeting}
    cards: list[Card] = []
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
    held: Nearness,
    names: Names,
    passage: PassageRef,
) -> tuple[str, Card | None]:
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
    return short_place(meeting.place)


def _choice_of_value(
    template: CardTemplate,
    meeting: Meeting,
    meetings: Nearness,
    passage: PassageRef,
    value: Callable[[Meeting], str],
) -> Card | None:
    answer = value(meeting)
    wrong = distinct(meetings.values_near(meeting, value), exclude={answer}, count=3)
    if len(wrong) < 3:
        return None
    card_id = f"gen-{template.id}-{meeting.id}"
    values = _values(meeting)
    return Card(
        id=card_id,
        card_kind="choice",
        prompt=fill(template.prompt, values),
        answer=answer,
        choices=shuffled(card_id, [answer, *wrong]),
        about=(meeting.id,),
        passage=passage,
        explanation=fill(template.explanation, values),
        generated=True,
        location=template.location,
    )


def _which_meeting_card(
    template: CardTemplate,
    meeting: Meeting,
    meetings: Nearness,
    names: Names,
    fact: str,
    passage: PassageRef,
) -> Card | None:
    text = " ".join(getattr(meeting, fact).split())
    if not text:
        return None
    titles = meetings.values_near(meeting, lambda m: m.title)
    wrong = distinct(titles, exclude={meeting.title}, count=3)
    if len(wrong) < 3:
        return None
    card_id = f"gen-{template.id}-{meeting.id}"
    values = _values(meeting, fact=names.blank_out(text))
    return Card(
        id=card_id,
        card_kind="choice",
        prompt=fill(template.prompt, values),
        answer=meeting.title,
        choices=shuffled(card_id, [meeting.title, *wrong]),
        about=(meeting.id,),
        passage=passage,
        explanation=fill(template.explanation, values),
        generated=True,
        location=template.location,
    )


def _order_meetings_card(
    template: CardTemplate, held: Sequence[Meeting], finder: PassageFinder
) -> Card | None:
    by_date: dict[str, Meeting] = {}
    for meeting in sorted(held, key=lambda m: m.date.start):
        by_date.setdefault(meeting.date.start.isoformat(), meeting)
    chosen = spread(list(by_date.values()), MAX_ORDER_ITEMS)
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
) -> Card | None:
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
    return spread(short if len(short) >= MIN_ORDER_ITEMS else events, MAX_ORDER_ITEMS)
