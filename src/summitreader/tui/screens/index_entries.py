"""What the Index's lists show: which entries a filter keeps, a meeting's line in the timeline,
and what a pack without some lists says instead."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from summitreader.pack.model import Issue, Meeting, Pack, Takeaway
from summitreader.tui.widgets.hanging import Hanging

NAMED = "★"
CALLED_OFF = "called off"


def matches(entry: Meeting | Issue | Takeaway, words: list[str]) -> bool:
    """Whether every word (casefolded) is in the entry's text fields."""
    if not words:
        return True
    fields = [entry.title, entry.id]
    if isinstance(entry, Meeting):
        fields += [entry.place, entry.setting, entry.outcome, entry.date.iso(), *entry.aliases]
    elif isinstance(entry, Issue):
        fields += [entry.summary, *entry.aliases]
    else:
        fields.append(entry.text)
    haystack = " ".join(fields).casefold()
    return all(word in haystack for word in words)


def timeline_label(meeting: Meeting) -> Hanging:
    """A meeting in the timeline: its date, then its name (which wraps under itself)."""
    named = meeting.in_article
    called_off = not meeting.held and CALLED_OFF not in meeting.title.casefold()
    return Hanging(
        [
            (f" {NAMED} " if named else "   ", "bold"),
            (f"{meeting.date.human():<16}", "bold" if named else ""),
        ],
        [
            (meeting.title, ""),
            (" — named in the article" if named else "", "italic"),
            (f" ({CALLED_OFF})" if called_off else "", "italic"),
        ],
    )


def fill_timeline(timeline: OptionList, meetings: list[Meeting]) -> None:
    """``meetings`` by date under their years; a gap of years is marked ``⋮``."""
    options: list[Option] = []
    year = None
    for meeting in sorted(meetings, key=lambda m: m.date.start):
        if meeting.date.year != year:
            if year is not None and meeting.date.year - year > 1:
                options.append(Option(Content("  ⋮"), disabled=True))
            year = meeting.date.year
            heading = Content(str(year)).stylize("bold underline")
            options.append(Option(heading, disabled=True))
        options.append(Option(timeline_label(meeting), id=meeting.id))
    timeline.set_options(options)  # at once: the list is measured once, not an option at a time


def pack_summary(pack: Pack) -> str:
    """What a pack with nothing for the Index has instead."""
    sections = len(pack.sections)
    return (
        "This pack has no meetings, issues or takeaways: read its "
        f"{sections} section{'s' if sections != 1 else ''} on Read (1) and study its cards "
        "on Study (4)."
    )


def missing_lists(pack: Pack) -> str:
    """What a pack with some of the Index's lists lacks (``no meetings or issues``)."""
    missing = [
        name
        for name, present in (
            ("meetings", pack.meetings),
            ("issues", pack.issues),
            ("takeaways", pack.takeaways),
        )
        if not present
    ]
    if not missing or len(missing) == 3:
        return ""
    return f"This pack has no {' or '.join(missing)}."
