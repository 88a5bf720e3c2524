"""A small pack built from the model's dataclasses, for the progress tests and their child
processes (which import this file by path)."""

from __future__ import annotations

from summitreader.pack.model import Card, Pack, Paragraph, PassageRef, Section

SECTION_IDS = ("opening", "middle", "ending")
CARD_IDS = ("card-one", "card-two", "card-three")


def make_section(section_id: str, number: int, paragraphs: int = 3) -> Section:
    return Section(
        id=section_id,
        title=f"Section {section_id}",
        number=number,
        file=f"sections/{number:02d}-{section_id}.md",
        paragraphs=tuple(
            Paragraph(section_id, n, f"Paragraph {n} of {section_id}.",
                      f"Paragraph {n} of {section_id}.")
            for n in range(1, paragraphs + 1)
        ),
    )


def make_card(card_id: str, section: str) -> Card:
    return Card(
        id=card_id,
        card_kind="recall",
        prompt=f"What does {card_id} ask?",
        answer="Something.",
        about=(),
        passage=PassageRef(section, 1),
    )


def make_pack(
    sections: tuple[str, ...] = SECTION_IDS,
    cards: tuple[str, ...] = CARD_IDS,
    pack_id: str = "sample-pack",
    content_hash: str = "hash-1",
) -> Pack:
    made = tuple(make_section(s, n) for n, s in enumerate(sections, start=1))
    return Pack(
        id=pack_id,
        title="A sample article",
        subtitle="For tests",
        source="Written for the tests.",
        root="/nonexistent/sample-pack",
        content_hash=content_hash,
        sections=made,
        meetings=(),
        issues=(),
        takeaways=(),
        cards=tuple(make_card(c, sections[0]) for c in cards),
    )
