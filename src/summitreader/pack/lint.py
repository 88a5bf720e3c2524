"""The card lint: what can be checked mechanically about a deck's cards, beyond loading.

:func:`lint_cards` takes the whole deck (the pack's cards and those its templates generate) and
returns findings with the place of the card, or of the template a generated card comes from:

- errors (the card cannot work): a choice card whose answer is not exactly once among its choices,
  or with the same choice twice; a typed or cloze card whose every answer lacks a letter or digit
  (typing can only match letters and digits); an order card with the same item twice;
- warnings: choices or items that differ only in case, accents or punctuation; a typed or cloze
  card whose prompt (outside the blank) holds one of its answers, as the grader reads answers
  (:func:`summitreader.text.normalise`); an issue whose key-event marks cannot be used; a typed
  or cloze answer no typing can match while another accepted answer can; a choice card whose
  prompt holds its own answer; a card whose prompt or items hold the answer of another card, or
  whose answer (or an accepted one) does, so that once shown it gives the other away (answers
  of at least :data:`GIVEAWAY_WORDS` words, :data:`GIVEAWAY_LETTERS` characters or
  :data:`GIVEAWAY_DIGITS` digits, so that a common word is not taken for a give-away); two
  cards asking the same question with the same answer; a generated card asking what a written
  card asks (see :func:`asks_same`; the deck leaves such cards out); a written card whose
  passage shares no word with it (a generated card's passage is chosen by rule: the paragraph
  naming its entry, or the article's overview of the meetings).

Words are compared case- and accent-blind, with short and very common words left out, by a simple
stem (see :func:`_words`). No Textual, no study code: the pack layer alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from summitreader.pack.cloze import without_blanks
from summitreader.pack.markdown import MAX_INLINE_MARKS, too_much_markup
from summitreader.pack.model import Card, Location, Pack, Paragraph, Section
from summitreader.pack.timeline import key_event_problem
from summitreader.pack.yamlsafe import Problem
from summitreader.stop_words import STOP_WORDS
from summitreader.text import normalise, seen_form

Severity = Literal["error", "warning"]
Add = Callable[[Severity, str], None]
GIVEAWAY_WORDS = 3
GIVEAWAY_LETTERS = 12
GIVEAWAY_DIGITS = 3


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing the lint found about a card, at a place of the pack."""

    severity: Severity
    card: str
    message: str
    location: Location | None
    kind: str = "card"

    def problem(self) -> Problem:
        where = self.location or Location("cards.yaml", 1, 1)
        message = f"{self.severity}: {self.kind} '{self.card}': {self.message}"
        return Problem(where.file, where.line, where.column, message)

    def __str__(self) -> str:
        return str(self.problem())


def lint_cards(pack: Pack, deck: Iterable[Card]) -> list[Finding]:
    """Every finding about the cards of ``deck``, in deck order."""
    findings: list[Finding] = []
    seen: dict[tuple[str, str], Card] = {}
    cards = list(deck)
    for card in cards:

        def add(severity: Severity, message: str, card: Card = card) -> None:
            findings.append(Finding(severity, card.id, message, card.location))

        if card.card_kind == "choice":
            _check_choices(card, add)
            _check_own_answer(card, card.prompt, add)
        if card.card_kind in {"typed", "cloze"}:
            _check_typed(card, add)
        if card.card_kind == "order":
            _check_items(card, add)
        key = (_normal(card.prompt), _normal(card.answer or " | ".join(card.items)))
        other = seen.get(key)
        if other is not None:
            add("warning", f"asks the same question with the same answer as card '{other.id}'")
        else:
            seen[key] = card
        paragraph = None if card.generated else pack.paragraph(card.passage)
        if paragraph is not None and not (_words(paragraph.text) & _words(_card_text(card))):
            add("warning", f"its passage ({card.passage}) shares no word with the card")
    for issue in pack.issues:
        problem = key_event_problem(issue)
        if problem:
            findings.append(Finding("warning", issue.id, problem, issue.location, "issue"))
    return findings + _giveaways(pack, cards) + _generated_twins(cards)


def plain_paragraphs(pack: Pack) -> list[Finding]:
    """A warning for each paragraph shown as plain text because it has too many inline marks
    (see :func:`~summitreader.pack.markdown.too_much_markup`), at its place in its file."""
    findings: list[Finding] = []
    for section in pack.sections:
        text: str | None = None
        for paragraph in section.paragraphs:
            if not too_much_markup(" ".join(paragraph.markdown.split())):
                continue
            if text is None:
                text = _section_text(pack, section)
            message = (
                f"paragraph {paragraph.number} has too many inline marks (more than "
                f"{MAX_INLINE_MARKS}, or over a third of it): it is shown as plain text"
            )
            location = _place(text, paragraph, section)
            findings.append(Finding("warning", section.id, message, location, "section"))
    return findings


def _section_text(pack: Pack, section: Section) -> str:
    try:
        return (Path(pack.root) / section.file).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _place(text: str, paragraph: Paragraph, section: Section) -> Location:
    """Where ``paragraph`` starts in its section's file ``text`` (its first line if not found)."""
    start = text.find(paragraph.markdown.split("\n", 1)[0])
    if start < 0:
        return Location(section.file, 1, 1)
    line = text.count("\n", 0, start) + 1
    return Location(section.file, line, start - (text.rfind("\n", 0, start) + 1) + 1)


def _giveaways(pack: Pack, cards: list[Card]) -> list[Finding]:
    """Cards whose prompt or items, or whose answers once shown, hold a written card's (long
    enough) answer. The name of an
    entry of the pack is no give-away (cards name meetings and takeaways all the time), nor is
    what a generated card asks (a meeting's name, date or place)."""
    names = {_normal(m.title) for m in pack.meetings}
    names |= {_normal(i.title) for i in pack.issues} | {_normal(t.title) for t in pack.takeaways}
    answers = [
        (c, answer)
        for c in cards
        if not c.generated and _telling(answer := _normal(c.answer)) and answer not in names
    ]
    findings = []
    for card in cards:
        shown = _normal(" | ".join((without_blanks(card.prompt), *card.items)))
        revealed = [_normal(a) for a in (card.answer, *card.accept) if a.strip()]
        for other, answer in answers:
            if other.id == card.id:
                continue
            if _holds(shown, answer):
                message = f"its text gives away the answer of card '{other.id}': '{other.answer}'"
                findings.append(Finding("warning", card.id, message, card.location))
            elif any(_holds(mine, answer) for mine in revealed):
                message = (
                    f"its answer, once shown, gives away the answer of card '{other.id}': "
                    f"'{other.answer}'"
                )
                findings.append(Finding("warning", card.id, message, card.location))
    return findings


def _generated_twins(cards: list[Card]) -> list[Finding]:
    """Generated cards asking what a written card already asks (see :func:`asks_same`)."""
    written = [c for c in cards if not c.generated]
    findings = []
    for card in (c for c in cards if c.generated):
        other = next((w for w in written if asks_same(card, w)), None)
        if other is not None:
            message = f"asks what the written card '{other.id}' asks"
            findings.append(Finding("warning", card.id, message, card.location))
    return findings


def asks_same(generated: Card, written: Card) -> bool:
    """Whether a generated card asks what a written card about the same entries asks: the same
    prompt; two order cards mainly about the same entry with at least two items alike; or the
    generated answer and one of the written card's answers with the same words, cut to three
    letters (``16 Jul 2018`` and ``16 July 2018``)."""
    if _normal(generated.prompt) == _normal(written.prompt):
        return True
    return (
        bool(generated.about)
        and set(generated.about) <= set(written.about)
        and _alike(generated, written)
    )


def _alike(card: Card, other: Card) -> bool:
    if card.card_kind == "order" or other.card_kind == "order":
        return (
            card.card_kind == other.card_kind
            and card.about[0] == other.about[0]
            and sum(any(_items_alike(a, b) for b in other.items) for a in card.items) >= 2
        )
    mine = _gist(card.answer)
    return bool(mine) and any(mine == _gist(a) for a in (other.answer, *other.accept))


def _items_alike(one: str, two: str) -> bool:
    """Two order items sharing at least half the telling words of the shorter."""
    mine, theirs = _words(one), _words(two)
    return bool(mine and theirs) and 2 * len(mine & theirs) >= min(len(mine), len(theirs))


def _gist(text: str) -> set[str]:
    return {word[:3] for word in _normal(text).split()}


def _telling(answer: str) -> bool:
    """Whether an answer is long enough that finding it in another card gives it away."""
    return (
        len(answer.split()) >= GIVEAWAY_WORDS
        or len(answer) >= GIVEAWAY_LETTERS
        or sum(c.isdigit() for c in answer) >= GIVEAWAY_DIGITS
    )


def _holds(text: str, phrase: str) -> bool:
    return bool(re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text))


def _check_own_answer(card: Card, prompt: str, add: Add) -> None:
    answer = _normal(card.answer)
    if answer and _holds(_normal(prompt), answer):
        add("warning", f"the prompt holds its own answer '{card.answer}'")


def _check_choices(card: Card, add: Add) -> None:
    count = card.choices.count(card.answer)
    if count != 1:
        add("error", f"the answer is {count} times among the choices (it must be once)")
    if len({seen_form(c) for c in card.choices}) != len(card.choices):
        add("error", "the same choice is given twice (two choices look the same on screen)")
    elif len({_normal(c) for c in card.choices}) != len(card.choices):
        add("warning", "two choices differ only in case, accents or punctuation")


def _check_items(card: Card, add: Add) -> None:
    if len({seen_form(i) for i in card.items}) != len(card.items):
        add("error", "the same item is given twice (two items look the same on screen)")
    elif len({_normal(i) for i in card.items}) != len(card.items):
        add("warning", "two items differ only in case, accents or punctuation")


def _check_typed(card: Card, add: Add) -> None:
    answers = [a for a in (card.answer, *card.accept) if a.strip()]
    typeable = [a for a in answers if normalise(a)]
    if answers and not typeable:
        add("error", "no answer has a letter or digit, so no typing can match it")
    elif card.answer and not normalise(card.answer):
        add("warning", f"the answer '{card.answer}' has no letter or digit: no typing matches it")
    prompt = without_blanks(card.prompt) if card.card_kind == "cloze" else card.prompt
    seen = f" {normalise(prompt)} "
    for answer in dict.fromkeys(answers):
        form = normalise(answer)
        if form and f" {form} " in seen:
            add("warning", f"the prompt holds its own answer '{answer}'")
            break


def _card_text(card: Card) -> str:
    return " ".join(
        (card.prompt, card.answer, *card.choices, *card.items, *card.accept, card.explanation)
    )


@lru_cache(maxsize=8192)
def _normal(text: str) -> str:
    """Case, accents and punctuation away; single spaces. Cached: a text is compared with many
    others (each generated card with each written one), and normalised once."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = "".join(c if c.isalnum() else " " for c in text)
    return " ".join(text.split())


def _words(text: str) -> set[str]:
    """The text's words that say something (three letters or more, not among the most common),
    each cut to a simple stem so that a word's forms meet: a closing ``-ing``, ``-ed``, ``-es`` or
    ``-s`` dropped (``meet``, ``meeting``, ``meets``), then the first five letters kept
    (``sanction``, ``sanctions``; ``cyberattack``, ``cybersecurity``)."""
    return {
        _stem(word)
        for word in _normal(text).split()
        if (len(word) >= 3 or word.isdigit()) and word not in STOP_WORDS
    }


def _stem(word: str) -> str:
    for ending in ("ings", "ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    return word[:5]


__all__ = ["Finding", "asks_same", "lint_cards"]
