"""What the progress tests build on: a small pack made from the model's dataclasses (its own
section and card ids, which the progress tests name), and the version-1 fixture database. Child
processes import this file too. The clock is ``support.clock.Clock``."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summitreader.figures import compute_stats, due_forecast, reviews_per_day
from summitreader.pack.model import Card, Pack, Paragraph, PassageRef, Section
from summitreader.progress import Store
from summitreader.progress.exchange import export_progress
from summitreader.study.schedule import Schedule
from summitreader.text import clean_text

if TYPE_CHECKING:
    from support.clock import Clock

V1_SQL = Path(__file__).parent.parent / "progress" / "fixtures" / "progress-v1.sql"

SECTION_IDS = ("opening", "middle", "ending")
CARD_IDS = ("card-one", "card-two", "card-three")


def make_section(section_id: str, number: int, paragraphs: int = 3) -> Section:
    return Section(
        id=section_id,
        title=f"Section {section_id}",
        number=number,
        file=f"sections/{number:02d}-{section_id}.md",
        paragraphs=tuple(
            Paragraph(
                section_id, n, f"Paragraph {n} of {section_id}.", f"Paragraph {n} of {section_id}."
            )
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


def fsrs_state(
    due: dt.datetime, state: int = 2, reviewed: dt.datetime | None = None, **extra: Any
) -> dict[str, Any]:
    """A card state as FSRS writes it (``Card.to_dict()``), due at ``due``, last reviewed at
    ``reviewed``, with ``extra`` keys."""
    return {
        "card_id": 1,
        "state": state,
        "step": None if state == 2 else 0,
        "stability": 3.5,
        "difficulty": 5.0,
        "due": due.isoformat(),
        "last_review": None if reviewed is None else reviewed.isoformat(),
        **extra,
    }


def review_document(pack_id: str, count: int, start: dt.datetime) -> dict[str, Any]:
    """A progress document with ``count`` reviews of card-one, a millisecond apart from
    ``start``."""
    return {
        "format": "summitreader-progress",
        "version": 1,
        "pack": {"id": pack_id, "content_hash": "hash-1"},
        "reviews": [
            {
                "card_id": "card-one",
                "rating": 1 + n % 4,
                "reviewed_at": (start + dt.timedelta(milliseconds=n)).isoformat(),
                "duration_ms": n,
            }
            for n in range(count)
        ],
    }


def make_v1_database(path: Path) -> Path:
    """The version-1 fixture database, built from its committed SQL."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    try:
        conn.executescript(V1_SQL.read_text(encoding="utf-8"))
    finally:
        conn.close()
    return path


PACK_FILES = {
    "pack.yaml": """\
id: progress-mini
title: "A Small Article [b]with markup[/b]"
subtitle: For the progress tests.
source: Written for the tests.
sections:
  - {id: opening, title: Opening, file: sections/01-opening.md}
  - {id: closing, title: Closing, file: sections/02-closing.md}
""",
    "sections/01-opening.md": (
        "The first paragraph of the opening.\n\nThe second paragraph, with [brackets] in it.\n"
    ),
    "sections/02-closing.md": "The only paragraph of the closing.\n",
    "takeaways.yaml": """\
- id: first-point
  title: First Point
  text: The first paragraph of the opening.
  passage: {section: opening, paragraph: 1}
  sections: [opening]
""",
    "cards.yaml": """\
- id: first-card
  kind: recall
  prompt: What does the opening say first?
  answer: The first paragraph.
  about: [first-point]
  passage: {section: opening, paragraph: 1}
- id: second-card
  kind: recall
  prompt: What does the closing say?
  answer: Its only paragraph.
  about: [first-point]
  passage: {section: closing, paragraph: 1}
""",
}


def write_pack_folder(root: Path) -> Path:
    """A small pack in the on-disk format, for the CLI (which loads packs from folders)."""
    for name, text in PACK_FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


EXTREME_ZONES = [dt.timezone(dt.timedelta(hours=-12)), dt.timezone(dt.timedelta(hours=14))]


def good_document(store: Store, clock: Clock) -> dict[str, Any]:
    """A valid document with one record of every kind, times an hour ago."""
    at = (clock.now - dt.timedelta(hours=1)).isoformat()
    document = export_progress(store)
    document.update(
        position={"section": "middle", "paragraph": 2, "scroll": 1.5, "updated": at},
        read_sections=[{"section": "opening", "read_at": at}],
        reread_queue=[{"section": "ending", "queued_at": at}],
        bookmarks=[{"section": "middle", "paragraph": 1, "created": at}],
        notes=[
            {
                "uid": "u1",
                "section": "middle",
                "paragraph": 1,
                "text": "words",
                "created": at,
                "updated": at,
            }
        ],
        card_states=[
            {
                "card_id": "card-one",
                "state": fsrs_state(clock.now + dt.timedelta(days=3), reviewed=clock.now),
                "updated": at,
            }
        ],
        reviews=[
            {
                "card_id": "card-one",
                "rating": 3,
                "reviewed_at": at,
                "duration_ms": 900,
                "answer": "typed",
                "prior_state": 2,
                "due": (clock.now + dt.timedelta(days=3)).isoformat(),
            }
        ],
        settings=[{"key": "theme", "value": {"name": "nord", "size": 1.5}, "updated": at}],
    )
    return document


def assert_usable(store: Store) -> None:
    """Everything the app and the CLI do with the progress works, in any time zone."""
    deck = ["card-one", "card-two", "card-three"]
    for zone in [None, *EXTREME_ZONES]:
        compute_stats(store, deck, tz=zone)
        reviews_per_day(store, deck, tz=zone)
        due_forecast(store, deck, tz=zone)
    for note in store.notes():
        assert clean_text(note.text) == note.text
        shown = (note.created.astimezone(), note.updated.astimezone())  # as `notes` shows them
        assert all(moment.year > 1 for moment in shown)
    schedule = Schedule()
    for card_id, state in store.card_states().items():
        schedule.preview(card_id, state, store.now())
        schedule.retrievability(state, store.now())
    json.dumps(export_progress(store), allow_nan=False)
