"""Cloze cards made from an article by fixed rules (no network, no model).

1. Each takeaway gives a card: its bold lead stays shown as the cue, and what its text says is
   hidden by rules 2 and 3 (a defined term, a date or a number of its text, whatever the
   sentence's length); a takeaway whose text has none gives a flip card instead (the lead asks,
   the text answers). Its passage holds what it hides when a paragraph does: of the paragraphs
   outside the takeaways list holding the hidden text, the one sharing the most telling words
   with the takeaway (the earliest of equals); when none holds it, the paragraph that argues it
   best (the one sharing the most telling words); the takeaway in its list when none shares a
   word (see :class:`~summitreader.authoring.takeaways.ArguingParagraphs`).
2. A sentence of the article (8 to 45 words) gives a card when it holds, in this order of
   preference: a defined term (a phrase in bold or italics, or the phrase after "known as",
   "called", "termed" or "defined as"); a date (``16 July 2018``, ``July 1914``, a year from 1000
   to 2099); or a number (``3,000``, ``42 percent``, ``$5 million``); else the subject of a
   sentence defining it (``Chlorophyll is a green pigment …``: :data:`_DEFINES`) when the
   article names it again. That phrase is hidden.
3. A hidden phrase never is, starts or ends with a stop word (see
   :data:`~summitreader.stop_words.STOP_WORDS`) and appears once in its sentence.
4. At most :data:`PER_SECTION` cards a section and :data:`MAX_CARDS` in all, spread evenly over
   the article; then the card lint of ``validate`` drops every card it finds anything wrong with.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from summitreader.authoring.words import is_stop_word, words
from summitreader.pack.markdown import inline_runs

T = TypeVar("T")

PER_SECTION = 3
MAX_CARDS = 400
MIN_WORDS = 8
MAX_WORDS = 45
MAX_TERM_WORDS = 4

_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)? {_MONTHS},? \d{{3,4}}|{_MONTHS} \d{{1,2}}(?:st|nd|rd|th)?,? "
    rf"\d{{3,4}}|{_MONTHS},? \d{{4}}|(?:1\d{{3}}|20\d{{2}})(?:\s?[–-]\s?(?:1\d{{3}}|20\d{{2}}))?s?|"
    r"\d{1,4} ?(?:AD|BCE?|CE)|AD ?\d{1,4})\b"
)
_NUMBER = re.compile(
    r"(?<![\w.,])[$€£]?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:\s?(?:%|percent|per cent|million|billion|"
    r"thousand|hundred))?(?![\w,])|(?<![\w.,])[$€£]?\d+(?:\.\d+)?\s?(?:%|percent|per cent|million|"
    r"billion|thousand|hundred)\b|(?<![\w.,$€£])\d{2,}(?:\.\d+)?(?![\w.,]?\d)"
    r"|(?<![\w.,$€£])\d\.\d+(?![\w.,]?\d)"  # a decimal: 7.4 (metres)
)
_PLACE_NUMBER = r"\d+(?:\.\d+)*[a-z]?(?:\([a-z0-9]{1,4}\))*"
_REFERENCE = re.compile(
    r"(?:\b(?:sections?|chapters?|clauses?|articles?|paragraphs?|parts?|pages?|pp?\.|"
    r"figures?|figs?\.|tables?|items?|steps?|rules?|lines?|versions?|subsections?|appendix|"
    rf"appendices|nos?\.)|§§?)\s*(?:{_PLACE_NUMBER}\s*(?:,|;|&|and|or|to|through|thru|[–—-])"
    r"\s*)*$",
    re.IGNORECASE,
)
"""A word before a number that makes it a reference to a place in a text (``section 10``),
also in a list or a range (``sections 15 and 16``, ``chapters 3–5``, ``articles 2, 3 or 4``,
``§ 12``): no card hides it."""
_CALLED = re.compile(
    r"\b(?:known as|called|termed|defined as|dubbed)\s+[\"“']?(?P<term>[^\W\d_][\w’'-]*"
    r"(?:\s+[^\W\d_][\w’'-]*){0,2})",
)
_DEFINES = re.compile(
    r"^(?:The\s+)?(?P<term>[^\W\d_][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})\s+(?:is|are)\s+"
    r"(?:a|an|the)\s+[^\W\d_]"
)
"""A sentence that defines its subject: ``Photosynthesis is the process …``, ``The Eiffel Tower
is a lattice tower …``. Its subject is a defined term when the article names it again."""
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class CardDraft:
    rule: str
    """``takeaway``, ``term``, ``date`` or ``number``."""
    prompt: str
    answer: str
    section: int
    """The index of the section in the pack."""
    paragraph: int
    about: str = ""
    """A takeaway's index, for a takeaway card."""
    explanation: str = ""
    kind: str = "cloze"
    """``cloze``, or ``recall`` for a takeaway with nothing to hide (its label asks, its body
    answers)."""


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def hideable(phrase: str) -> bool:
    """Rule 3: a phrase with a letter or digit that neither is, starts nor ends with a stop
    word."""
    found = words(phrase)
    return bool(found) and not is_stop_word(found[0]) and not is_stop_word(found[-1])


def cloze(sentence: str, answer: str) -> str | None:
    """``sentence`` with ``answer`` blanked, when it stands there once as whole words."""
    pattern = re.compile(rf"(?<!\w){re.escape(answer)}(?!\w)")
    hits = pattern.findall(sentence)
    if len(hits) != 1 or not hideable(answer):
        return None
    return pattern.sub(lambda _: f"{{{{{answer}}}}}", sentence, count=1)


def takeaway_card(
    index: int, title: str, text: str, section: int, paragraph: int, joiner: str = ":"
) -> CardDraft:
    """Rule 1. ``title``: the takeaway's bold lead (the label, shown as the cue); ``text``: its
    body (Markdown). The body's fact is hidden by rules 2 and 3 (a defined term, a date or a
    number); with none, a flip card: the label asks, the body answers. ``joiner``: the
    punctuation between the lead and the text, as the reader wrote it (``.``, ``:``, a dash)."""
    runs = inline_runs(text)
    body = " ".join("".join(run.text for run in runs).split())
    terms = [
        " ".join(run.text.split()).strip(" ,.;:")
        for run in runs
        if (run.strong or run.emphasis) and not run.url
    ]
    between = f" {joiner} " if joiner in "—–-" else f"{joiner} "
    if body and body != title and "{" not in body + title and "}" not in body + title:
        label = {w.casefold() for w in words(title)}
        for sentence in sentences(body):
            for _rule, answer in _candidates(sentence, terms):
                blanked = cloze(body, answer)
                if blanked is None or any(w.casefold() in label for w in words(answer)):
                    continue  # (the label, shown, must not give the answer away)
                return CardDraft(
                    "takeaway",
                    f"{title}{between}{blanked}",
                    answer,
                    section,
                    paragraph,
                    str(index),
                    kind="cloze",
                )
    return CardDraft(
        "takeaway",
        f"{title}{between}…",
        body or title,
        section,
        paragraph,
        str(index),
        kind="recall",
    )


def paragraph_cards(
    markdown: str, section: int, paragraph: int, named_again: Callable[[str], bool] | None = None
) -> list[CardDraft]:
    """Rule 2 for one paragraph: the cards its sentences could give, best first (one is
    kept). ``named_again``: whether the article names a phrase more than once; a sentence's
    subject defined in it (``X is a …``) is a defined term when it is (:data:`_DEFINES`)."""
    runs = inline_runs(markdown)
    text = "".join(run.text for run in runs)
    terms = [
        " ".join(run.text.split()).strip(" ,.;:")
        for run in runs
        if (run.strong or run.emphasis) and not run.url
    ]
    found: list[CardDraft] = []
    for sentence in sentences(text):
        count = len(sentence.split())
        if not MIN_WORDS <= count <= MAX_WORDS or "{" in sentence or "}" in sentence:
            continue
        options = _candidates(sentence, terms)
        defined = _DEFINES.match(sentence)
        if defined is not None and named_again is not None and named_again(defined["term"]):
            options.append(("term", defined["term"]))
        for rule, answer in options:
            prompt = cloze(sentence, answer)
            if prompt is not None:
                found.append(CardDraft(rule, prompt, answer, section, paragraph))
                break
    return found


def named_again_in(text: str) -> Callable[[str], bool]:
    """Whether ``text`` (an article) names a phrase more than once, as whole words, whatever
    the case."""
    folded = text.casefold()

    def named_again(phrase: str) -> bool:
        pattern = re.compile(rf"(?<!\w){re.escape(phrase.casefold())}(?!\w)")
        hits = pattern.finditer(folded)
        return next(hits, None) is not None and next(hits, None) is not None

    return named_again


def _candidates(sentence: str, terms: list[str]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for term in terms:
        if term and term in sentence and 1 <= len(term.split()) <= MAX_TERM_WORDS:
            found.append(("term", term))
    for match in _CALLED.finditer(sentence):
        term = match.group("term").strip(" ,.;:’'")
        while term.split() and is_stop_word(term.split()[-1]):
            term = " ".join(term.split()[:-1])
        if term:
            found.append(("term", term))
    found.extend(("date", m.group(0).rstrip(".")) for m in _DATE.finditer(sentence))
    dates = " ".join(answer for rule, answer in found if rule == "date")
    for match in _NUMBER.finditer(sentence):
        number = match.group(0).strip()
        if number not in dates and not _REFERENCE.search(sentence[: match.start()]):
            found.append(("number", number))
    return found


def spread(drafts: list[T], limit: int) -> list[T]:
    """Rule 4: at most ``limit`` of ``drafts``, taken evenly from first to last."""
    if len(drafts) <= limit:
        return drafts
    step = len(drafts) / limit
    return [drafts[int(i * step)] for i in range(limit)]


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c if c.isalnum() else " " for c in text if not unicodedata.combining(c))
    return f" {' '.join(text.split())} "


class Chooser:
    """Rule 4's companion: keeps a card only when no kept card's text holds its answer, its
    text holds no kept card's answer, and no kept card's answer holds its answer or is held by
    it (a card must not give another away, before or after it is answered)."""

    def __init__(self) -> None:
        self.answers: list[str] = []
        self.texts: list[str] = []

    def take(self, card: CardDraft) -> bool:
        answer = _normal(card.answer)
        text = _normal(re.sub(r"\{\{.*?\}\}", " ", card.prompt))
        if any(answer in other for other in self.texts) or answer in self.answers:
            return False
        if any(other in text for other in self.answers):
            return False
        # Once shown, an answer holding another's gives it away too: ``29 June 2007``, ``2007``.
        if any(other in answer or answer in other for other in self.answers):
            return False
        self.answers.append(answer)
        self.texts.append(text)
        return True
