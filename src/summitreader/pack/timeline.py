"""Key events of an issue's timeline: when an order card can ask about them as marked."""

from __future__ import annotations

from summitreader.pack.model import Issue

MAX_ORDER_ITEMS = 5
MIN_ORDER_ITEMS = 3


def key_event_problem(issue: Issue) -> str:
    """Why the issue's marked key events cannot be used as they are ("" when they can, or when
    none is marked)."""
    key = [e for e in issue.timeline if e.key]
    if not key:
        return ""
    if not MIN_ORDER_ITEMS <= len(key) <= MAX_ORDER_ITEMS:
        return (
            f"{len(key)} timeline events are marked key: an order card asks about "
            f"{MIN_ORDER_ITEMS} to {MAX_ORDER_ITEMS}, so the marks are not used"
        )
    if len({e.date.start for e in key}) < len(key):
        return "two key events share a date, so they cannot be put in order: the marks are not used"
    return ""


def usable_key_events(issue: Issue) -> bool:
    """Whether an order card asks about the issue's key events as marked."""
    return any(e.key for e in issue.timeline) and not key_event_problem(issue)


__all__ = ["MAX_ORDER_ITEMS", "MIN_ORDER_ITEMS", "key_event_problem", "usable_key_events"]
