"""Checks across entries: unique ids, references that resolve, cards that can be asked."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from summitreader.pack.cloze import blanks
from summitreader.pack.model import (
    Card,
    CardTemplate,
    Issue,
    Location,
    Meeting,
    Note,
    PassageRef,
    Section,
    Takeaway,
)
from summitreader.pack.yamlsafe import Problem
from summitreader.text import normalise, seen_form

Entry = Section | Meeting | Issue | Takeaway | Card | Note


def check_references(
    problems: list[Problem],
    sections: tuple[Section, ...],
    meetings: tuple[Meeting, ...],
    issues: tuple[Issue, ...],
    takeaways: tuple[Takeaway, ...],
    cards: tuple[Card, ...],
    notes: tuple[Note, ...],
    *,
    unreadable: frozenset[str] = frozenset(),
    left_out: frozenset[str] = frozenset(),
    templates: tuple[CardTemplate, ...] = (),
) -> None:
    """Report ids used twice, references that do not resolve and cards that cannot be asked.

    ``unreadable`` names the kinds of entry (``section``, ``meeting``, ...) whose file or list
    could not be read, and ``left_out`` the ids of entries dropped for their own problems: whether
    a reference to those resolves is unknown, so it is not reported (their problems are).
    """
    def report(entry: Entry, message: str) -> None:
        where = entry.location or Location("pack.yaml", 1, 1)
        problems.append(
            Problem(where.file, where.line, where.column, f"{entry.kind} '{entry.id}': {message}")
        )

    everything: list[Entry] = [*sections, *meetings, *issues, *takeaways, *cards, *notes]
    first: dict[str, Entry] = {}
    for entry in everything:
        if entry.id in first:
            report(entry, f"the id is already used by the {first[entry.id].kind} at "
                   f"{first[entry.id].location}")
        else:
            first[entry.id] = entry
    _check_templates(problems, templates, cards)
    by_section = {s.id: s for s in sections}
    issue_ids = {i.id for i in issues}
    studied = {t.id for t in takeaways} | {m.id for m in meetings} | {i.id for i in issues}
    studied |= set(by_section)

    def unknown(ids: Iterable[str], known: Iterable[str], *kinds: str) -> list[str]:
        if unreadable.intersection(kinds):
            return []
        return [i for i in _unknown(ids, known) if i not in left_out]

    def check_passage(entry: Entry, ref: PassageRef | None, field: str) -> None:
        if ref is None:
            return
        section = by_section.get(ref.section)
        if section is None:
            if unknown([ref.section], by_section, "section"):
                report(entry, f"{field}: there is no section '{ref.section}'")
        elif not 1 <= ref.paragraph <= len(section.paragraphs):
            report(
                entry,
                f"{field}: section '{ref.section}' has paragraphs 1 to {len(section.paragraphs)}, "
                f"not {ref.paragraph}",
            )

    for meeting in meetings:
        for issue_id in unknown(meeting.issues, issue_ids, "issue"):
            report(meeting, f"issues: there is no issue '{issue_id}'")
    for takeaway in takeaways:
        check_passage(takeaway, takeaway.passage, "passage")
        for section_id in unknown(takeaway.sections, by_section, "section"):
            report(takeaway, f"sections: there is no section '{section_id}'")
    for note in notes:
        check_passage(note, note.passage, "passage")
    for card in cards:
        check_passage(card, card.passage, "passage")
        if not card.about:
            report(card, "about: name at least one takeaway, meeting, issue or section")
        for about in unknown(card.about, studied, "takeaway", "meeting", "issue", "section"):
            report(
                card, f"about: '{about}' is not a takeaway, meeting, issue or section of this pack"
            )
        for message in _card_problems(card):
            report(card, message)
    _check_aliases(report, (*meetings, *issues))


def _check_templates(
    problems: list[Problem], templates: tuple[CardTemplate, ...], cards: tuple[Card, ...]
) -> None:
    """A template id used twice (the second would make nothing), and a written card whose id is
    one a template makes (``gen-T`` or ``gen-T-ENTRY``: it would silently replace that card)."""
    seen: dict[str, CardTemplate] = {}
    for template in templates:
        where = template.location or Location("templates.yaml", 1, 1)
        if template.id in seen:
            problems.append(Problem(
                where.file, where.line, where.column,
                f"template '{template.id}': the id is already used by the template at "
                f"{seen[template.id].location}",
            ))
        else:
            seen[template.id] = template
    for card in cards:
        rest = card.id.removeprefix("gen-")
        if rest == card.id:
            continue
        parts = rest.split("-")
        for template_id in ("-".join(parts[:n]) for n in range(1, len(parts) + 1)):
            if template_id in seen:
                made = f"gen-{template_id}"
                where = card.location or Location("cards.yaml", 1, 1)
                problems.append(Problem(
                    where.file, where.line, where.column,
                    f"card '{card.id}': ids starting '{made}' are made by the template "
                    f"'{template_id}'; give the card another id",
                ))
                break


def _unknown(ids: Iterable[str], known: Iterable[str] | dict[str, object]) -> list[str]:
    known_set = set(known)
    return [i for i in ids if i not in known_set]


def _card_problems(card: Card) -> list[str]:
    kind = card.card_kind
    problems: list[str] = []
    if kind in {"recall", "typed", "cloze", "choice"} and not card.answer:
        problems.append(f"a {kind} card needs an answer")
    if kind == "cloze":
        hidden = blanks(card.prompt)
        if len(hidden) != 1:
            problems.append("prompt: a cloze card hides exactly one {{phrase}}")
        elif card.answer and hidden[0].strip() != card.answer:
            problems.append(f"answer: must be the hidden phrase '{hidden[0].strip()}'")
    if kind == "choice":
        if len(card.choices) != 4:
            problems.append(f"choices: a choice card has 4 choices, not {len(card.choices)}")
        if len({seen_form(c) for c in card.choices}) != len(card.choices):
            problems.append(
                "choices: the same choice is given twice (two choices look the same on screen)"
            )
        if card.answer and card.answer not in card.choices:
            problems.append("answer: must be one of the choices")
    elif card.choices:
        problems.append("choices: only choice cards have choices")
    if kind == "order":
        if not 3 <= len(card.items) <= 5:
            problems.append(f"items: an order card has 3 to 5 items, not {len(card.items)}")
        if len({seen_form(i) for i in card.items}) != len(card.items):
            problems.append(
                "items: the same item is given twice (two items look the same on screen)"
            )
    elif card.items:
        problems.append("items: only order cards have items")
    if kind in {"typed", "cloze"}:
        # Answers are compared on their letters and digits only: when no answer has any, no
        # typing can match. (One unusable answer beside usable ones is the card lint's warning.)
        answers = [a for a in (card.answer, *card.accept) if a.strip()]
        if answers and not any(_typeable(a) for a in answers):
            problems.append("answer: no answer has a letter or digit, so no typing can match it")
    if card.accept and kind not in {"typed", "cloze"}:
        problems.append("accept: only typed and cloze cards take other answers")
    return problems


def _typeable(answer: str) -> bool:
    """Whether typing can match ``answer`` (it keeps a letter or digit as the grader reads it)."""
    return bool(normalise(answer))


def _check_aliases(
    report: Callable[[Entry, str], None], entries: tuple[Meeting | Issue, ...]
) -> None:
    owners: dict[str, Meeting | Issue] = {}
    for entry in entries:
        for name in entry.names:
            key = name.casefold()
            other = owners.get(key)
            if other is not None and other.id != entry.id:
                report(entry, f"the name '{name}' also names {other.kind} '{other.id}'")
            owners.setdefault(key, entry)
