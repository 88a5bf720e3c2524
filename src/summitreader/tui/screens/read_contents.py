"""The reader's contents pane: each section with its read mark, and the count above it."""

from __future__ import annotations

from textual.widgets.option_list import Option

from summitreader.pack.model import Pack
from summitreader.tui.reading import ReadCount
from summitreader.tui.widgets.hanging_row import HangingRow


def contents_options(pack: Pack, current: str, count: ReadCount) -> list[Option]:
    """An option per section (id: the section's): ``✓`` read, ``↻`` to re-read, the section
    shown (``current``) in bold."""
    options = []
    for section in pack.sections:
        if section.id in count.reread:
            mark = "↻ "
        elif section.id in count.read:
            mark = "✓ "
        else:
            mark = "  "
        style = "bold" if section.id == current else ""
        # A title that wraps lines up under its text, not under its mark and number.
        label = HangingRow(
            [(mark, "bold"), (f"{section.number}. ", style)], [(section.title, style)]
        )
        options.append(Option(label, id=section.id))
    return options


def count_summary(count: ReadCount) -> str:
    """The count above the contents: the one the app's title shows."""
    summary = f"Read {count.done} of {count.total} · {count.percent}%"
    if count.reread:
        summary += f"\n↻ {len(count.reread)} to re-read"
    return summary
