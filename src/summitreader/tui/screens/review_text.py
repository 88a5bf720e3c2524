"""What the review screen shows, built as :class:`~textual.content.Content` (never markup, so pack
text appears exactly as written). Differences are shown by style and by signs (✓ ✗ ▸), never by
colour alone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from summitreader.pack.cloze import SHOWN_BLANK
from summitreader.pack.model import Card, Pack, Paragraph
from summitreader.study.deck import cloze_parts
from summitreader.study.grading import RATING_NAMES, Grade
from summitreader.study.schedule import format_interval, format_when
from summitreader.study.session import Summary
from summitreader.text import plural
from summitreader.tui.widgets.passage import remark_content
from summitreader.tui.widgets.passage_layout import PassageLayout

BLANK = SHOWN_BLANK
VERDICTS = {"right": "✓ Right", "close": "≈ Nearly", "wrong": "✗ Not quite", "shown": "Answer"}


def prompt_text(card: Card, revealed: bool = False) -> Content:
    """The question; a cloze shows its blank, or once answered the hidden phrase in its place."""
    if card.card_kind == "cloze":
        before, phrase, after = cloze_parts(card.prompt)
        middle = (phrase, "bold underline") if revealed else (BLANK, "bold")
        return Content.assemble(before, middle, after)
    return Content(card.prompt)


def choice_label(
    index: int, text: str, answer: str | None = None, picked: str | None = None
) -> Content:
    """``a) text``; once answered, the right option is marked ✓ and a wrong pick ✗."""
    letter = "abcd"[index] if index < 4 else str(index + 1)
    if answer is None:
        return Content.assemble((f"{letter}) ", "bold"), text)
    if text == answer:
        sign, note, style = "✓ ", "  (right answer)", "bold"
    elif text == picked:
        sign, note, style = "✗ ", "  (your answer)", "strike"
    else:
        sign, note, style = "  ", "", "dim"
    return Content.assemble(sign, (f"{letter}) ", "bold"), (text, style), note)


def order_label(index: int, item: str, right: list[str], grade: Grade | None) -> Content:
    """``1. item``; once checked, ✓ in its place or ✗ with the place it belongs in."""
    if grade is None:
        return Content.assemble((f"{index + 1}. ", "bold"), item)
    place = right.index(item) + 1 if item in right else 0
    if place == index + 1:
        return Content.assemble("✓ ", (f"{index + 1}. ", "bold"), item)
    return Content.assemble(
        "✗ ", (f"{index + 1}. ", "bold"), item, (f"  (belongs {_nth(place)})", "italic")
    )


def grade_text(card: Card, grade: Grade) -> Content:
    """The verdict, the difference for a near miss, the answer and the explanation."""
    verdict = Content(VERDICTS.get(grade.verdict, "")).stylize("bold")
    lines = [Content.assemble(verdict, f" · {grade.detail}") if grade.detail else verdict]
    if card.card_kind in ("typed", "cloze"):
        if grade.diff:
            typed = [
                (p.given, "reverse" if p.kind in ("changed", "extra") else "") for p in grade.diff
            ]
            wanted = [
                (p.expected, "reverse underline" if p.kind in ("changed", "missing") else "")
                for p in grade.diff
            ]
            lines.append(Content.assemble(("You typed  ", "bold"), *typed))
            lines.append(Content.assemble(("Answer     ", "bold"), *wanted))
            lines.append(Content("(the highlighted letters differ)").stylize("italic"))
        else:
            if grade.given and grade.given != grade.expected:
                lines.append(Content.assemble(("You typed  ", "bold"), grade.given))
            lines.append(Content.assemble(("Answer     ", "bold"), grade.expected))
    elif card.card_kind == "recall":
        lines.append(Content(card.answer))
    if card.explanation:
        lines.append(Content(""))
        lines.append(Content(card.explanation).stylize("italic"))
    lines.append(Content(""))
    lines.append(
        Content("Rate how well you knew it: 1–4, or enter for the proposed rating.").stylize("dim")
    )
    return Content("\n").join(lines)


def shown_paragraph(paragraph: Paragraph | None) -> str:
    """A passage as the re-read box shows it: a list item after its marker (``2.``, ``•``), a
    code block line by line."""
    if paragraph is None:
        return "(this passage is not in the article any more)"
    marker = paragraph.marker or ("•" if paragraph.list_item else "")
    return f"{marker} {paragraph.text}" if marker else paragraph.text


class Stacked(Visual):
    """Visuals one under the other: the re-read box's head, its passage laid out as the reader
    lays it out (a list item's lines hang under its text), then what follows."""

    def __init__(self, parts: Sequence[Visual]) -> None:
        self.parts = list(parts)

    def __str__(self) -> str:
        return "\n".join(str(part) for part in self.parts)

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        strips: list[Strip] = []
        for part in self.parts:
            strips.extend(part.render_strips(width, None, style, options))
        return strips if height is None else strips[:height]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max(part.get_optimal_width(rules, container_width) for part in self.parts)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return sum(part.get_height(rules, width) for part in self.parts)


def reread_text(pack: Pack, card: Card, queued: bool, read_since: bool = False) -> Stacked:
    """After Again: the card's passage, and the note that its section is queued to re-read (or,
    ``read_since``, that it has been read again since and its mark is gone)."""
    section = pack.section(card.passage.section)
    paragraph = pack.paragraph(card.passage)
    title = section.title if section else card.passage.section
    head = Content.assemble(
        ("Re-read", "bold underline"), "  ", (f"{title} ¶{card.passage.paragraph}", "bold"), "\n"
    )
    if paragraph is None:
        passage = PassageLayout(Content(shown_paragraph(paragraph)))
    else:
        marker = paragraph.marker or ("•" if paragraph.list_item else "")
        passage = PassageLayout(Content(paragraph.text), marker=marker, code=paragraph.code)
    lines = [Content("")]
    for note in pack.notes:
        if paragraph is not None and note.passage == card.passage:
            lines += [remark_content(note), Content("")]
    if queued and read_since:
        lines.append(Content(f"“{title}” has been read again since: its ↻ mark is gone."))
    elif queued:
        lines.append(
            Content(
                f"“{title}” is queued to re-read: it is marked ↻ in the reader's contents "
                "until you read it again."
            )
        )
    else:
        lines.append(Content("The re-read mark could not be saved."))
    lines.append(
        Content.assemble(
            ("r", "bold"), " opens the passage in the reader · ", ("enter", "bold"), " goes on"
        )
    )
    return Stacked([head, passage, Content("\n").join(lines)])


def summary_text(
    summary: Summary, pack: Pack, now: dt.datetime, still_queued: set[str] | None = None
) -> Content:
    """The end of a session: cards seen, accuracy, time, what is due next, what to re-read
    (of the sections queued, those ``still_queued``: a section read since is left out)."""
    head = "Cram done" if summary.cram else "Session done"
    lines = [Content.assemble((head, "bold underline"), "  ", summary.title), Content("")]
    accuracy = f"{round(100 * summary.accuracy)}%" if summary.accuracy is not None else "—"
    lines.append(_row("Cards seen", f"{summary.seen} ({plural(summary.reviews, 'answer')})"))
    lines.append(_row("Right first time", f"{summary.right_first} of {summary.seen} · {accuracy}"))
    lines.append(_row("Time", _duration(summary.duration)))
    ratings = " · ".join(f"{RATING_NAMES[r]} {summary.ratings.get(r, 0)}" for r in RATING_NAMES)
    lines.append(_row("Ratings", ratings))
    if summary.cram:
        lines.append(_row("Schedule", "unchanged (cram)"))
    elif summary.due_now:
        lines.append(_row("Next due", f"now · {plural(summary.due_now, 'card')} due"))
    elif summary.next_due is not None:
        lines.append(
            _row(
                "Next due",
                f"{format_when(summary.next_due, now)} "
                f"({summary.next_due.astimezone():%Y-%m-%d %H:%M}) · "
                f"{summary.due_next_day} within a day",
            )
        )
    else:
        lines.append(_row("Next due", "nothing scheduled"))
    queued = [s for s in summary.reread if still_queued is None or s in still_queued]
    if queued:
        titles = [section.title if (section := pack.section(s)) else s for s in queued]
        lines.append(_row("To re-read", "; ".join(titles)))
    elif summary.reread:
        lines.append(_row("To re-read", "nothing: read again since"))
    lines.append(Content(""))
    lines.append(
        Content.assemble(("enter", "bold"), " or ", ("escape", "bold"), " goes back to Study")
    )
    return Content("\n").join(lines)


def _row(label: str, value: str) -> Content:
    return Content.assemble((f"{label:<18}", "bold"), value)


def _duration(delta: dt.timedelta) -> str:
    seconds = int(delta.total_seconds())
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m {seconds:02d}s"
    return format_interval(delta)


def _nth(place: int) -> str:
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(place if place < 20 else place % 10, "th")
    return f"{place}{suffix}"
