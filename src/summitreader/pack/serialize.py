"""Pack entries as plain JSON-ready dictionaries (ISO dates), with their cross-links."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from summitreader.pack.model import (
    Card,
    DateSpan,
    Entry,
    Issue,
    Meeting,
    Pack,
    PassageRef,
    Section,
    Takeaway,
    shown_prompt,
)

_SKIP = {"location", "paragraphs"}


def to_plain(value: Any) -> Any:
    if isinstance(value, DateSpan):
        return value.iso()
    if isinstance(value, PassageRef):
        return {"section": value.section, "paragraph": value.paragraph}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: to_plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in _SKIP and not f.name.startswith("_")
        }
    if isinstance(value, tuple | list):
        return [to_plain(v) for v in value]
    return value


def entry_dict(entry: Entry) -> dict[str, Any]:
    """The entry's own fields, with ``kind`` and ``title`` always present."""
    data: dict[str, Any] = {"id": entry.id, "kind": entry.kind, "title": entry.title}
    data.update(to_plain(entry))
    if isinstance(entry, Card):
        data["kind"] = "card"
    if isinstance(entry, Section):
        data["paragraphs"] = [
            {"number": p.number, "text": p.text, "markdown": p.markdown} for p in entry.paragraphs
        ]
    if entry.location is not None:
        data["defined_at"] = str(entry.location)
    return data


def entry_links(pack: Pack, entry: Entry, deck: Sequence[Card] | None = None) -> dict[str, Any]:
    """What the entry is linked to: its mentions in the article, related entries, its cards (the
    cards of ``deck`` about it, generated ones too, when given; else the pack's own). A card is
    titled by its prompt as the reader sees it (a cloze blank as a gap)."""

    def cards(entry_id: str) -> list[dict[str, str]]:
        found = (
            pack.cards_about(entry_id) if deck is None else [c for c in deck if entry_id in c.about]
        )
        return [{"id": c.id, "kind": "card", "title": shown_prompt(c.prompt)} for c in found]

    def brief(ids: Any) -> list[dict[str, str]]:
        found = (pack.get(i) for i in ids)
        return [{"id": e.id, "kind": e.kind, "title": e.title} for e in found if e is not None]

    def mentions(items: Any) -> list[dict[str, Any]]:
        return [
            {
                "entry": m.entry,
                "section": m.section,
                "paragraph": m.paragraph,
                "text": m.matched,
            }
            for m in items
        ]

    links: dict[str, Any] = {}
    if isinstance(entry, Meeting | Issue):
        links["mentions"] = mentions(pack.mentions_of(entry.id))
        links["cards"] = cards(entry.id)
    if isinstance(entry, Meeting):
        links["issues"] = brief(entry.issues)
    elif isinstance(entry, Issue):
        links["meetings"] = brief(m.id for m in pack.meetings_on(entry.id))
    elif isinstance(entry, Takeaway):
        links["sections"] = brief(entry.sections)
        links["cards"] = cards(entry.id)
    elif isinstance(entry, Card):
        links["about"] = brief(entry.about)
    elif isinstance(entry, Section):
        links["mentions"] = mentions(pack.mentions_in(entry.id))
        links["takeaways"] = brief(t.id for t in pack.takeaways if entry.id in t.sections)
    return links
