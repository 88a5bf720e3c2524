"""The Progress screen: reading, cards by state, true retention, the streak, reviews per day,
the due forecast and mastery per takeaway. Figures come from :mod:`summitreader.figures`
and :mod:`summitreader.study.mastery`; charts are drawn as text with block characters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Header, Static

from summitreader.figures import compute_stats, due_forecast, reviews_per_day
from summitreader.pack.model import Card, Pack
from summitreader.study.deck import build_deck
from summitreader.study.mastery import Mastery, mastery_by_takeaway
from summitreader.text import plural
from summitreader.tui.screens.figures_screen import FiguresScreen
from summitreader.tui.widgets.hanging import Blocks, Hanging
from summitreader.tui.widgets.key_footer import KeyFooter
from summitreader.tui.widgets.sized_static import SizedStatic

if TYPE_CHECKING:
    from summitreader.figures import Stats
    from summitreader.progress import Store
    from summitreader.tui.services import Services

BLOCKS = " ▁▂▃▄▅▆▇█"
CHART_HEIGHT = 5
TITLE_WIDTH = 28
"""The mastery titles' column when the block's width is not known yet."""
MAX_TITLE_WIDTH = 44
STACKED = 100
"""Below this many columns the blocks stand one under the other, each the screen's width."""


class ProgressScreen(FiguresScreen):
    """Key ``5``. Recomputed each time it is shown, and every minute while it is."""

    KEEP_CURRENT = 60.0  # its figures cost more to make than Study's

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f5,ctrl+r", "refresh_figures", "Refresh", id="progress.refresh"),
        # The screen shown needs no key in its footer: the room goes to the others (6 Library).
        Binding("5", "app.show('progress')", "", show=False),
    ]
    HELP_EXTRA = (
        ("", "True retention: the share of scheduled reviews (cards in review) not rated Again"),
        ("", "Streak: days in a row with reviews; a day with nothing due does not break it"),
        ("", "Mastery: cards of the takeaway learned, and the mean chance of recalling them now"),
    )

    def __init__(
        self,
        pack: Pack,
        store: Store,
        clock: Callable[[], dt.datetime],
        deck: tuple[Card, ...] | None = None,
    ) -> None:
        super().__init__()
        self.pack = pack
        self.store = store
        self.clock = clock
        self.deck = deck if deck is not None else build_deck(pack)
        self._shown: tuple[object, ...] | None = None
        """What the figures shown say."""

    @classmethod
    def from_services(cls, services: Services) -> ProgressScreen:
        return cls(services.pack, services.store, services.clock, services.deck)

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="progress-body"):
            with Horizontal(classes="progress-row"):
                yield Static(id="progress-figures", classes="progress-block")
                yield SizedStatic(id="progress-mastery", classes="progress-block")
            with Horizontal(classes="progress-row"):
                yield Static(id="progress-reviews", classes="progress-block")
                yield SizedStatic(id="progress-forecast", classes="progress-block")
        yield KeyFooter()

    def on_resize(self) -> None:
        self.set_class(self.size.width < STACKED, "-stacked")

    def refresh_figures(self) -> None:
        self.action_refresh_figures()

    def action_refresh_figures(self) -> None:
        """The figures, made anew only when what they say changed (which lays the screen out
        again)."""
        ids = [card.id for card in self.deck]
        stats = compute_stats(self.store, ids)
        reread = self._reread_titles()
        mastery = mastery_by_takeaway(
            self.pack, self.deck, self.store.card_states(ids), self.clock()
        )
        per_day = reviews_per_day(self.store, ids, 30)
        forecast = list(due_forecast(self.store, ids, 14))
        shown = (stats, reread, mastery_text(mastery), per_day, forecast)
        if shown == self._shown:
            return
        self._shown = shown
        self.query_one("#progress-figures", Static).update(figures_text(stats, reread))
        self.query_one("#progress-reviews", Static).update(
            chart_text("Reviews per day, last 30 days", per_day, width=1)
        )
        # Made for the blocks' widths: titles wrap in their column, the forecast's bars narrow
        # so its axis and dates fit; made again when a block is resized.
        self.query_one("#progress-mastery", SizedStatic).show(
            lambda width: mastery_text(mastery, width)
        )
        self.query_one("#progress-forecast", SizedStatic).show(
            lambda width: chart_text("Due in the next 14 days", forecast, width=2, fit=width)
        )

    def _reread_titles(self) -> list[str]:
        queued = self.store.reread_queue()
        return [s.title for s in self.pack.sections if s.id in queued]


def figures_text(stats: Stats, reread: Sequence[str]) -> Blocks:
    retention = (
        f"{stats.retention_percent:g}% of {stats.retention_reviews} scheduled reviews"
        if stats.retention_percent is not None
        else "no scheduled reviews yet"
    )
    days = "day" if stats.streak_days == 1 else "days"
    lines: list[Text | Hanging] = [
        _heading("Reading"),
        _row(
            "Read",
            f"{stats.sections_read} of {plural(stats.sections_total, 'section')} "
            f"({stats.percent_read:g}%)",
        ),
        _row("To re-read", _reread_summary(reread)),
        Text(" "),
        _heading("Study"),
        _row(
            "Cards", f"{stats.cards_total}: {stats.cards_new} new · {stats.cards_learning} learning"
        ),
        _row("", f"{stats.cards_review} review · {stats.cards_relearning} relearning"),
        _row("Reviews", f"{stats.reviews_today} today · {stats.reviews_total} in all"),
        _row("True retention", retention),
        _row("Streak", f"{stats.streak_days} {days}"),
        _row("Due", f"{stats.due_now} now · {stats.due_next_7_days} in the next 7 days"),
    ]
    return Blocks(lines)


METER_WIDTH = 6
ROW_FIGURES = METER_WIDTH + 13
"""Cells of a mastery row after its title: the meter, learned of cards, recall."""
MIN_TITLE_WIDTH = 8


def mastery_text(rows: Sequence[Mastery], width: int | None = None) -> Content:
    """The table; in ``width`` cells when given. A title longer than its column wraps onto a
    second line indented under it (cut at a word after that), never cut to a few letters."""
    size, bar = TITLE_WIDTH, METER_WIDTH
    if width is not None:
        size = min(MAX_TITLE_WIDTH, width - ROW_FIGURES)
        if size < MIN_TITLE_WIDTH:  # then the meter gives way, down to two cells
            bar = max(2, METER_WIDTH - (MIN_TITLE_WIDTH - size))
            size = max(MIN_TITLE_WIDTH, width - ROW_FIGURES + METER_WIDTH - bar)
    if not rows:
        return Content("\n").join(
            [
                Content("Mastery per takeaway").stylize("bold underline"),
                Content("This pack has no takeaways: its cards are counted above."),
            ]
        )
    lines = [
        Content("Mastery per takeaway").stylize("bold underline"),
        Content(f"{'':<{size}} {'learned':<{bar + 6}}{'recall':>6}").stylize("dim"),
    ]
    for row in rows:
        first, *rest = title_lines(row.title, size)
        recall = f"{round(100 * row.recall)}%" if row.recall is not None else "—"
        lines.append(
            Content.assemble(
                f"{first:<{size}} ",
                meter(row.share_learned, bar),
                f" {row.learned:>2}/{row.cards:<2} {recall:>5}",
            )
        )
        lines.extend(Content(line) for line in rest)
    return Content("\n").join(lines)


HANG = "  "
"""The indent of a title's second line, so it reads as the same title and not the next one."""


def title_lines(title: str, size: int) -> list[str]:
    """``title`` in lines of at most ``size`` characters, broken at words: the lines after the
    first indented by :data:`HANG`, so a long title reads as one and is never cut (a word longer
    than a line is broken inside)."""
    title = " ".join(title.split())
    if len(title) <= size:
        return [title]
    lines: list[str] = []
    rest = title
    while rest:
        room = size if not lines else max(1, size - len(HANG))
        if len(rest) <= room:
            head = rest
        else:
            cut = rest.rfind(" ", 0, room + 1)
            head = rest[:cut] if cut > 0 else rest[:room]
        lines.append(head if not lines else HANG + head)
        rest = rest[len(head) :].strip()
    return lines


def meter(share: float, width: int) -> str:
    """A horizontal bar of ``width`` cells, filled to ``share`` (0–1) in eighths, on ``░``."""
    eighths = round(max(0.0, min(1.0, share)) * width * 8)
    full, part = divmod(eighths, 8)
    partial = "▏▎▍▌▋▊▉"[part - 1] if part else ""
    return ("█" * full + partial).ljust(width, "░")[:width]


def chart_lines(values: Sequence[int], height: int = CHART_HEIGHT, width: int = 1) -> list[str]:
    """Vertical bars of ``values``, ``height`` rows tall, each bar ``width`` cells wide with a
    gap of one cell when wider than one; the top row first. A non-zero value is never drawn
    empty."""
    top = max(values, default=0)
    gap = " " if width > 1 else ""
    rows = []
    for level in range(height, 0, -1):
        cells = []
        for value in values:
            eighths = 0 if top == 0 else max(1 if value else 0, round(value / top * height * 8))
            filled = eighths - (level - 1) * 8
            block = BLOCKS[max(0, min(8, filled))]
            cells.append(block * width + gap)
        rows.append("".join(cells).rstrip())
    return rows


def chart_text(
    title: str, series: Sequence[tuple[dt.date, int]], width: int = 1, fit: int | None = None
) -> Content:
    """A titled bar chart of a day series, with its highest value and the first and last days.
    With ``fit`` (cells) the bars narrow to one cell when ``width`` would not fit in it."""
    values = [count for _, count in series]
    if fit is not None and width > 1:
        label = len(str(max(values, default=0))) + 2
        if label + len(values) * (width + 1) > fit:
            width = 1
    top = max(values, default=0)
    lines = [
        Content(title).stylize("bold underline"),
        Content(f"{sum(values)} in all · at most {top} a day").stylize("dim"),
    ]
    label = len(str(top))
    for n, row in enumerate(chart_lines(values, width=width)):
        axis = (
            str(top).rjust(label)
            if n == 0
            else ("0".rjust(label) if n == CHART_HEIGHT - 1 else " " * label)
        )
        lines.append(Content(f"{axis} ┤{row}"))
    span = len(values) * (width + (1 if width > 1 else 0))
    if series:
        first, last = series[0][0], series[-1][0]
        left, right = f"{first:%d %b}", f"{last:%d %b}"
        if span < len(left) + 1 + len(right):  # no room for both: the first day only
            right = ""
        lines.append(Content(" " * (label + 2) + left + right.rjust(max(0, span - len(left)))))
    return Content("\n").join(lines)


def _reread_summary(titles: Sequence[str]) -> str:
    if not titles:
        return "nothing"
    if len(titles) == 1:
        return " ".join(titles[0].split())
    return f"{len(titles)} sections (↻ in the reader)"


def _heading(text: str) -> Text:
    return Text(text, style="bold underline")


def _row(label: str, value: str) -> Hanging:
    """``label`` in a column of its own; ``value`` wraps under itself, not under the label."""
    return Hanging([(f"{label:<16}", "bold")], [(value, "")])
