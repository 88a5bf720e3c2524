"""The pack an article makes, planned before anything is written: its sections with ids, its
takeaways, its card drafts, and each of its files as text."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cached_property
from typing import Any

import yaml

from summitreader.authoring.cards import (
    MAX_CARDS,
    PER_SECTION,
    CardDraft,
    Chooser,
    named_again_in,
    paragraph_cards,
    spread,
    takeaway_card,
)
from summitreader.authoring.ids import slug
from summitreader.authoring.split import Article, Draft
from summitreader.authoring.takeaways import (
    ArguingParagraphs,
    Crediting,
    TakeawayDraft,
    find_takeaways,
    is_takeaway_heading,
    is_takeaway_item,
)

_PART = re.compile(r"^(.*) \((\d+) of (\d+)\)$")
"""The title of a part of a section cut for its length (:func:`~summitreader.authoring.split`)."""


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """libyaml's emitter when PyYAML has it (a book's pack.yaml in a tenth of the time)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def section_text(section: Draft) -> str:
    """A section's file: its blocks, a blank line between them, but none between the items of
    a tight list."""
    pieces = []
    for n, block in enumerate(section.blocks):
        pieces.append(block)
        pieces.append("\n" if n in section.tight else "\n\n")
    return "".join(pieces[:-1]) + "\n"


def to_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


class Plan:
    """The pack to write: sections with ids, takeaways, card drafts (made on first use of
    :attr:`cards`, so that the files the cards do not change are checked first)."""

    def __init__(self, pack_id: str, title: str, article: Article) -> None:
        self.pack_id = pack_id
        self.title = title
        self.sections: list[Draft] = article.sections
        self._used = {pack_id}
        self._next: dict[str, int] = {}
        """For each id's base, the number to try next (so a thousand equal headings are
        numbered in one pass, not by counting up from 2 for each)."""
        self.section_ids = [self._unique(slug(s.title, "section")) for s in self.sections]
        self.takeaways: list[TakeawayDraft] = []
        self.takeaway_section: int | None = None
        for index, section in enumerate(self.sections):
            if is_takeaway_heading(section.title):
                others = [(i, s.blocks) for i, s in enumerate(self.sections) if i != index]
                found = find_takeaways(section.blocks, others, title)
                if found:
                    self.takeaways, self.takeaway_section = found, index
                    break
        self.list_parts: set[int] = set()
        """The sections that are the takeaways list: its own, and its later parts when it was
        too long for one section."""
        self.takeaways_left_out = 0
        self.takeaways_left_out_why = ""
        if self.takeaway_section is not None:
            self._count_left_out(self.takeaway_section)
        self.takeaway_ids = [self._unique(slug(t.title, "takeaway")) for t in self.takeaways]

    def _count_left_out(self, first: int) -> None:
        """The items of the takeaways list's later parts (a list too long for one section is
        cut into parts, and only its first part gives takeaways): counted, and said why."""
        self.list_parts = {first}
        part = _PART.match(self.sections[first].title)
        if part is None or part.group(2) != "1":
            return
        total = int(part.group(3))
        later = self.sections[first + 1 : first + total]
        for offset, section in enumerate(later, start=1):
            if section.title == f"{part.group(1)} ({offset + 1} of {total})":
                self.list_parts.add(first + offset)
                self.takeaways_left_out += sum(map(is_takeaway_item, section.blocks))
        if self.takeaways_left_out:
            self.takeaways_left_out_why = (
                f"the list '{part.group(1)}' is too long for one section: it was cut into "
                f"{total} parts, and only the {len(self.takeaways):,} items of its first part "
                "are takeaways (put the main ones first, or shorten the list)"
            )

    @cached_property
    def arguing(self) -> ArguingParagraphs:
        """Finds the paragraph a takeaway's card sends the reader back to
        (:class:`~summitreader.authoring.takeaways.ArguingParagraphs`)."""
        return ArguingParagraphs(
            [(i, s.blocks) for i, s in enumerate(self.sections) if i not in self.list_parts]
        )

    @cached_property
    def named_again(self) -> Callable[[str], bool]:
        """Whether the article names a phrase more than once (a sentence's subject defined in
        it is then a defined term: rule 2)."""
        return named_again_in("\n\n".join(b for s in self.sections for b in s.blocks))

    @cached_property
    def crediting(self) -> Crediting:
        """Which takeaway a sentence card is about (:class:`~summitreader.authoring.takeaways.
        Crediting`)."""
        return Crediting(self.takeaways, self.title)

    @cached_property
    def cards(self) -> list[CardDraft]:
        return self._cards()

    @cached_property
    def card_ids(self) -> list[str]:
        return [self._card_id(card) for card in self.cards]

    def _unique(self, base: str) -> str:
        n = self._next.get(base, 1)
        value = base if n == 1 else f"{base}-{n}"
        while value in self._used:
            n += 1
            value = f"{base}-{n}"
        self._next[base] = n + 1
        self._used.add(value)
        return value

    def _card_id(self, card: CardDraft) -> str:
        if card.rule == "takeaway":
            return self._unique(f"card-{self.takeaway_ids[int(card.about)]}")
        return self._unique(f"card-{self.section_ids[card.section]}")

    def _cards(self) -> list[CardDraft]:
        chooser = Chooser()
        own: list[CardDraft] = []
        if self.takeaway_section is not None:
            for index, takeaway in enumerate(self.takeaways):
                card = takeaway_card(index, takeaway.title, takeaway.text, 0, 0, takeaway.joiner)
                # Its passage holds what the card hides when a paragraph does; else the
                # paragraph that argues it; else the takeaway in its list.
                hidden = card.answer if card.kind == "cloze" else ""
                where, paragraph = self.arguing.find(takeaway, hidden) or (
                    self.takeaway_section or 0,
                    takeaway.paragraph,
                )
                card = replace(card, section=where, paragraph=paragraph)
                if chooser.take(card):
                    own.append(card)
        candidates: list[list[CardDraft]] = []
        for index, section in enumerate(self.sections):
            if index == self.takeaway_section:
                continue
            per_section = 0
            for number, block in enumerate(section.blocks, start=1):
                if per_section >= PER_SECTION:
                    break
                if block.lstrip().startswith(("```", "~~~")):
                    continue  # a code listing holds no sentences to make cards of
                found = paragraph_cards(block, index, number, self.named_again)
                if found:
                    candidates.append(found)
                    per_section += 1
        chosen = []
        for options in spread(candidates, max(0, MAX_CARDS - len(own))):
            pick = next((c for c in options if chooser.take(c)), None)
            if pick is not None:
                chosen.append(pick)
        return own + chosen

    def _about(self, card: CardDraft) -> list[str]:
        if card.rule == "takeaway":
            return [self.takeaway_ids[int(card.about)]]
        sentence = card.prompt.replace("{{", "").replace("}}", "")
        about = self.crediting.find(sentence, card.answer if card.rule == "term" else "")
        return [self.takeaway_ids[about] if about is not None else self.section_ids[card.section]]

    def files(self, source_line: str) -> dict[str, str]:
        """The pack's files but the cards by name, as text: what is checked against the
        loader's limits before any card is made."""
        files: dict[str, str] = {}
        entries = []
        for number, (section, section_id) in enumerate(
            zip(self.sections, self.section_ids, strict=True), start=1
        ):
            file = f"sections/{number:04d}-{section_id}.md"
            files[file] = section_text(section)
            entries.append({"id": section_id, "title": section.title, "file": file})
        head: dict[str, Any] = {"id": self.pack_id, "title": self.title}
        head["source"] = source_line
        head["sections"] = entries
        files["pack.yaml"] = to_yaml(head)
        if self.takeaways:
            files["takeaways.yaml"] = to_yaml(
                [
                    {
                        "id": takeaway_id,
                        "title": t.title,
                        "text": t.text,
                        "passage": {
                            "section": self.section_ids[self.takeaway_section or 0],
                            "paragraph": t.paragraph,
                        },
                        "sections": [self.section_ids[i] for i in t.sections],
                    }
                    for takeaway_id, t in zip(self.takeaway_ids, self.takeaways, strict=True)
                ]
            )
        return files

    def cards_yaml(self, keep: set[str]) -> str:
        """``cards.yaml``'s text with the cards of ids ``keep``; empty when there are none."""
        cards = [
            {
                "id": card_id,
                "kind": card.kind,
                "prompt": card.prompt,
                "answer": card.answer,
                "about": self._about(card),
                "passage": {"section": self.section_ids[card.section], "paragraph": card.paragraph},
                **({"explanation": card.explanation} if card.explanation else {}),
            }
            for card_id, card in zip(self.card_ids, self.cards, strict=True)
            if card_id in keep
        ]
        return to_yaml(cards) if cards else ""
