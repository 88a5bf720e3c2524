"""Small packs for the search tests, made from the model's dataclasses (no files, no loader).

Also imported by ``tests/search/search_child.py``, which the process tests run.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from summitreader.pack.markdown import split_paragraphs
from summitreader.pack.model import (
    DateSpan,
    Issue,
    Meeting,
    Pack,
    PassageRef,
    Section,
    Takeaway,
    TimelineEvent,
)

LONG_PARAGRAPH = (
    "This paragraph is long on purpose. It goes on about diplomacy in general terms, the "
    "weather in the capital, the seating plan at the dinner, the interpreters, the cameras, "
    "the schedule that slipped by an hour, and the statements read out afterwards to the press. "
    "Only near its very end does it say that a ceasefire was the one thing agreed that day, "
    "which is what a reader searching for it wants to see first."
)

SECTIONS = {
    ("opening", "Opening Remarks: Why Summits Matter"): [
        "Leaders meet at summits to negotiate. A summit can matter even when nothing is signed.",
        "The Helsinki meeting of 2018 drew sharp criticism at home.",
        "- **Arms control:** Treaties on nuclear arms control were discussed, "
        "but no agreement followed.",
    ],
    ("analysis", "Deeper Analysis: Patterns of Engagement"): [
        "Negotiations between the two governments stalled repeatedly.",
        "A cyber security unit was proposed and quickly dropped.",
        "Markup-like text such as [b]bold[/b], [/] and [link=https://example.org]here[/link] "
        "and [@click=app.quit]quit[/] must stay literal.",
        LONG_PARAGRAPH,
    ],
    ("outlook", "Outlook"): [
        "Future talks may focus on Ukraine and on arms limits.",
        "Sanctions remain in place.",
    ],
}


def sections() -> tuple[Section, ...]:
    out = []
    for number, ((section_id, title), paragraphs) in enumerate(SECTIONS.items(), start=1):
        out.append(
            Section(
                id=section_id,
                title=title,
                number=number,
                file=f"sections/{number:02d}-{section_id}.md",
                paragraphs=split_paragraphs(section_id, "\n\n".join(paragraphs)),
            )
        )
    return tuple(out)


def meetings() -> tuple[Meeting, ...]:
    return (
        Meeting(
            id="helsinki",
            title="Helsinki summit",
            date=DateSpan(dt.date(2018, 7, 16)),
            place="Presidential Palace, Helsinki, Finland",
            setting="summit",
            setting_detail="A meeting of its own, with interpreters only.",
            duration="About two hours.",
            issues=("arms",),
            outcome="No written agreement.",
            controversy="The press conference drew criticism.",
            in_article=True,
            held=True,
            sources=("https://example.org/helsinki",),
            aliases=("Helsinki",),
        ),
        Meeting(
            id="hamburg",
            title="Hamburg G20 bilateral",
            date=DateSpan(dt.date(2017, 7, 7)),
            place="Hamburg, Germany",
            setting="bilateral",
            setting_detail="On the sidelines of the G20.",
            duration="Over two hours.",
            issues=(),
            outcome="A ceasefire for southwest Syria was agreed.",
            controversy="",
            in_article=True,
            held=True,
            sources=("https://example.org/hamburg",),
        ),
    )


def issues() -> tuple[Issue, ...]:
    return (
        Issue(
            id="arms",
            title="Arms control",
            aliases=("INF Treaty",),
            summary="Treaties limiting nuclear forces.",
            timeline=(
                TimelineEvent(
                    DateSpan(dt.date(2019, 2, 1)), "The US suspends its INF Treaty obligations."
                ),
            ),
            sources=("https://example.org/arms",),
        ),
    )


def takeaways() -> tuple[Takeaway, ...]:
    return (
        Takeaway(
            id="limited-success",
            title="History of Limited Success",
            text="Few _concrete_ outcomes came from the meetings.",
            passage=PassageRef("opening", 1),
            sections=("opening",),
        ),
    )


def make_pack(pack_id: str = "testpack", extra: str = "") -> Pack:
    """The test pack; ``extra`` is appended as a paragraph of the last section (and so changes the
    content hash)."""
    secs = sections()
    if extra:
        last = secs[-1]
        text = "\n\n".join(p.markdown for p in last.paragraphs) + "\n\n" + extra
        secs = (
            *secs[:-1],
            Section(last.id, last.title, last.number, last.file, split_paragraphs(last.id, text)),
        )
    digest = hashlib.sha256(repr((pack_id, SECTIONS, extra)).encode()).hexdigest()
    return Pack(
        id=pack_id,
        title="A Test Article",
        subtitle="For the search tests.",
        source="Written for the tests.",
        root="",
        content_hash=digest,
        sections=secs,
        meetings=meetings(),
        issues=issues(),
        takeaways=takeaways(),
        cards=(),
    )


def keys(result) -> list[tuple[str, str, int | None]]:
    """The hits of a search result as (kind, id, paragraph), best first."""
    return [(hit.kind, hit.id, hit.paragraph) for hit in result.hits]
