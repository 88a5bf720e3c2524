"""The columns of the meetings table, and which of them fit a given width.

The meeting's name leads and always shows. As the table narrows the other columns give way in a
planned order: the outcome first, then the place, then the setting, then the date. A column is
shown whole or not at all, except the place and the outcome, which are cut at a word (with "…")
to the room left, and the name, cut last of all.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from summitreader.pack.model import Meeting
from summitreader.text import shorten_at_word

SETTING_SHORT = {
    "summit": "Summit",
    "bilateral": "Bilateral",
    "informal": "Informal",
    "called-off": "Called off",
}
PADDING = 2
"""The table's cell padding: one space each side of a column."""


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    text: Callable[[Meeting], str]
    sort: Callable[[Meeting], str]
    give_way: int
    """The order in which columns leave as the table narrows: the highest leaves first."""
    min_width: int = 0
    """For a column that may be cut: the narrowest it is shown at (else it is shown whole)."""

    def natural(self, meetings: Sequence[Meeting]) -> int:
        return max([len(self.label) + 2, *(len(self.text(m)) for m in meetings)])

    def cell(self, meeting: Meeting, width: int) -> str:
        return shorten_at_word(self.text(meeting), width)


COLUMNS: tuple[Column, ...] = (
    Column("meeting", "Meeting", lambda m: m.title, lambda m: m.title.casefold(), 0, 12),
    Column("date", "Date", lambda m: m.date.start.isoformat(), lambda m: m.date.start.isoformat(),
           1),
    Column(
        "setting",
        "Setting",
        lambda m: SETTING_SHORT.get(m.setting, m.setting),
        lambda m: SETTING_SHORT.get(m.setting, m.setting).casefold(),
        2,
    ),
    Column("place", "Place", lambda m: m.place, lambda m: m.place.casefold(), 3, 14),
    Column("outcome", "Outcome", lambda m: m.outcome, lambda m: m.outcome.casefold(), 4, 20),
)
"""In the order they are shown (and sorted by, with ``s``)."""


def fit_columns(meetings: Sequence[Meeting], width: int) -> list[tuple[Column, int]]:
    """The columns to show in ``width`` characters, each with the width of its text."""
    natural = {column.key: column.natural(meetings) for column in COLUMNS}
    chosen: dict[str, int] = {}
    used = 0
    for column in sorted(COLUMNS, key=lambda c: c.give_way):
        want = natural[column.key]
        room = width - used - PADDING
        if column.give_way == 0:  # the name always shows, cut if it must be
            size = max(min(want, room), min(column.min_width, want))
        elif want <= room:
            size = want
        elif column.min_width and room >= column.min_width:
            size = room
        else:
            break  # every later column gives way too
        chosen[column.key] = size
        used += size + PADDING
    return [(column, chosen[column.key]) for column in COLUMNS if column.key in chosen]


def sort_meetings(meetings: Sequence[Meeting], key: str, *, reverse: bool) -> list[Meeting]:
    column = next((c for c in COLUMNS if c.key == key), COLUMNS[1])
    # The date breaks ties, so a sort by setting lists each setting's meetings in order.
    ordered = sorted(meetings, key=lambda m: m.date.start)
    return sorted(ordered, key=column.sort, reverse=reverse)
