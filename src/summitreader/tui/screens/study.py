"""The Study screen: what is due, new and learning today, and the sessions to start from here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from summitreader.card_state import due_of
from summitreader.pack.model import Card, Pack
from summitreader.study.deck import build_deck, cards_of_takeaway
from summitreader.study.my_deck import ABOUT as MY_CARDS
from summitreader.study.my_deck import is_mine
from summitreader.study.plan import cram_session, due_session, takeaway_session, today_status
from summitreader.study.schedule import (
    NEW_PER_DAY_DEFAULT,
    NEW_PER_DAY_KEY,
    DeckStatus,
    Schedule,
    format_when,
    new_per_day,
)
from summitreader.study.session import Save, Session, Summary
from summitreader.tui.screens.figures_screen import FiguresScreen
from summitreader.tui.screens.review import ReviewScreen
from summitreader.tui.screens.review_answers import AnswerInput, AnswerList
from summitreader.tui.widgets.hanging import Blocks, Hanging, line
from summitreader.tui.widgets.key_footer import KeyFooter, silent_app_keys

if TYPE_CHECKING:
    from summitreader.progress import Store
    from summitreader.tui.services import Services

DUE_ROW = "due"
ALL_ROWS = "all"
MAX_NEW_PER_DAY = 200


class SessionList(OptionList):
    """The rows of the Study screen; ``enter`` starts the highlighted one (shown in the footer)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Start session", id="study.select")
    ]


class Group(NamedTuple):
    """A row of cards to study: a takeaway's, or the reader's own (id ``mine``)."""

    id: str
    title: str


class GroupRow(NamedTuple):
    """What a group's row says: its cards, how many are due now and how many are new."""

    group: str
    title: str
    cards: int
    due: int
    new: int


class StudyScreen(FiguresScreen):
    """Key ``4``. Sessions are pushed on top as :class:`ReviewScreen`."""

    AUTO_FOCUS = "#study-list"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "start", "Start session", id="study.start"),
        Binding("c", "cram", "Cram", id="study.cram"),
        Binding(
            "plus,equals_sign", "new_limit(5)", "More new/day", key_display="+", id="study.more_new"
        ),
        Binding("minus", "new_limit(-5)", "Fewer new/day", id="study.fewer_new"),
        # The footer shows these whole at 80 columns; the screens' keys and quit are in the help.
        *silent_app_keys(),
    ]
    HELP_EXTRA = (
        ("up,down", "Choose the due cards, or one takeaway's cards"),
        ("", "Cram: the highlighted takeaway's cards (or every card), schedule unchanged"),
    )
    HELP_MORE = (
        (
            "In a study session",
            [
                *AnswerInput.BINDINGS,
                *AnswerList.BINDINGS,
                # Help is listed once, under "Everywhere".
                *(b for b in ReviewScreen.BINDINGS if getattr(b, "id", "") != "review.help"),
            ],
        ),
    )
    """Help sections of the screens this one opens: ``(title, bindings)``."""

    def __init__(
        self,
        pack: Pack,
        store: Store,
        clock: Callable[[], dt.datetime],
        save: Save,
        deck: tuple[Card, ...] | None = None,
        schedule: Schedule | None = None,
    ) -> None:
        super().__init__()
        self.pack = pack
        self.store = store
        self.clock = clock
        self._save = save
        self.deck = deck if deck is not None else build_deck(pack)
        self.schedule = schedule or Schedule()
        self.status: DeckStatus | None = None
        self._shown: tuple[DeckStatus, str, tuple[GroupRow, ...]] | None = None
        """What the counts and rows shown say."""
        self._due_timer: Timer | None = None

    @classmethod
    def from_services(cls, services: Services) -> StudyScreen:
        return cls(
            services.pack, services.store, services.clock, services.saves.save, services.deck
        )

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="study-body"):
            yield Static(id="study-today")
            yield SessionList(id="study-list")
            yield Static(id="study-hint")
        yield KeyFooter()

    def on_screen_suspend(self) -> None:
        # (with FiguresScreen's, which stops the tick)
        if self._due_timer is not None:
            self._due_timer.stop()
            self._due_timer = None

    # -- what is shown --------------------------------------------------------------------

    def refresh_figures(self) -> None:
        """Today's counts and the rows, made anew only when what they say changed (which
        lays the screen out again)."""
        now = self.clock()
        states = self.store.card_states(card.id for card in self.deck)
        status = today_status(self.deck, self.store, now)
        self.status = status
        self._wake_at(status.next_due, now)
        rows = self._group_rows(states, now)
        shown = (status, self._next_due(status, now), rows)
        if shown == self._shown:
            return
        self._shown = shown
        self.query_one("#study-today", Static).update(self._today_text(status, now))
        options = self.query_one("#study-list", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_option(Option(self._due_row(status), id=DUE_ROW))
        width = max((len(row.title) for row in rows), default=0)
        for row in rows:
            label = Content.assemble(
                "  ",
                (row.title.ljust(width), "bold"),
                f"  {row.cards:>3} {'card ' if row.cards == 1 else 'cards'}"
                f" · {row.due:>3} due · {row.new:>3} new",
            )
            options.add_option(Option(label, id=f"takeaway:{row.group}"))
        options.add_option(
            Option(
                Content.assemble(
                    "  ",
                    ("Every card".ljust(width), "bold"),
                    f"  {len(self.deck):>3} {'card' if len(self.deck) == 1 else 'cards'}",
                ),
                id=ALL_ROWS,
            )
        )
        options.highlighted = highlighted if highlighted is not None else 0
        self.query_one("#study-hint", Static).update(
            Content(
                "enter starts a session of the highlighted row · c crams it without changing "
                "the schedule · new cards a day: more with +, fewer with -"
            )
        )

    def _wake_at(self, due: dt.datetime | None, now: dt.datetime) -> None:
        """While shown, the figures are made again the moment the next card falls due (sooner
        than the next tick)."""
        if self._due_timer is not None:
            self._due_timer.stop()
            self._due_timer = None
        if self.is_current and due is not None:
            wait = (due - now).total_seconds()
            if 0 < wait < self.KEEP_CURRENT:
                self._due_timer = self.set_timer(wait + 0.5, self.keep_current)

    def _group_rows(
        self, states: Mapping[str, Mapping[str, Any]], now: dt.datetime
    ) -> tuple[GroupRow, ...]:
        """A row per takeaway (and the reader's own cards): its cards, due now and new."""
        rows = []
        for group, title in self._groups().items():
            cards = cards_of_takeaway(self.deck, group)
            due = sum(1 for c in cards if (d := due_of(states.get(c.id))) is not None and d <= now)
            new = sum(1 for c in cards if c.id not in states)
            rows.append(GroupRow(group, title, len(cards), due, new))
        return tuple(rows)

    @staticmethod
    def _next_due(status: DeckStatus, now: dt.datetime) -> str:
        if status.next_due is None:
            return ""
        return (
            f"{format_when(status.next_due, now)} "
            f"({status.next_due.astimezone():%Y-%m-%d %H:%M})"
        )

    def _today_text(self, status: DeckStatus, now: dt.datetime) -> Blocks:
        """Today's counts; a count that wraps lines up under its text, not under its label."""

        def count(label: str, value: str) -> Hanging:
            return Hanging([(f"  {label:<15}", "bold")], [(value, "")])

        lines: list[Text | Hanging] = [
            line(("Today", "bold underline")),
            count("Due now", str(len(status.due))),
            count(
                "New",
                f"{len(status.new)} to start ({status.new_today} started today, "
                f"{status.limit} a day; {status.new_total} not started in all)",
            ),
            count("Learning", f"{len(status.learning)} due again later today"),
        ]
        if status.next_due is not None:
            lines.append(count("Next due", self._next_due(status, now)))
        return Blocks(lines)

    @staticmethod
    def _due_row(status: DeckStatus) -> Content:
        if status.due or status.new:
            says = f"{len(status.due)} due + {len(status.new)} new"
        elif status.new_total:  # the day's limit is reached (Today says it): a row has more
            says = "nothing due; no more new today (a row below starts its own)"
        else:
            says = "nothing due and no new cards left"
        # On one line at 80 columns.
        return Content.assemble(("▶ Study now", "bold"), f"  {says}")

    # -- actions --------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#study-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_start(event.option.id)

    def _groups(self) -> dict[str, str]:
        """The rows after "Study now": each takeaway's cards, then the reader's own (when there
        are any), as id -> title."""
        groups = {t.id: t.title for t in self.pack.takeaways}
        if any(is_mine(card) for card in self.deck):
            groups.setdefault(MY_CARDS, "My cards")
        return groups

    def _group(self, row: str) -> Group | None:
        """The takeaway of a row, or the reader's own cards."""
        group = row.removeprefix("takeaway:")
        title = self._groups().get(group)
        return Group(group, title) if title is not None else None

    def _row(self) -> str:
        options = self.query_one("#study-list", OptionList)
        index = options.highlighted
        if index is None:
            return DUE_ROW
        return options.get_option_at_index(index).id or DUE_ROW

    def action_start(self, row: str | None = None) -> None:
        row = row or self._row()
        if row == DUE_ROW:
            session = due_session(self.deck, self.store, self.schedule, self.clock, self._save)
            if not session.total:
                self.notify(
                    "Nothing is due now, and no new card is left for today. "
                    "c crams without changing the schedule.",
                    title="Study",
                    markup=False,
                )
                return
        elif row == ALL_ROWS:
            self.notify(
                "Press c to cram every card, or choose a takeaway.", title="Study", markup=False
            )
            return
        else:
            takeaway = self._group(row)
            if takeaway is None:
                return
            session = takeaway_session(
                self.deck,
                takeaway.id,
                takeaway.title,
                self.store,
                self.schedule,
                self.clock,
                self._save,
            )
            if not session.total:
                self.notify(
                    f"Nothing due or new for “{takeaway.title}”. c crams it.",
                    title="Study",
                    markup=False,
                )
                return
        self._open(session)

    def action_cram(self) -> None:
        row = self._row()
        if row.startswith("takeaway:"):
            takeaway = self._group(row)
            if takeaway is None:
                return
            cards, title = cards_of_takeaway(self.deck, takeaway.id), f"Cram: {takeaway.title}"
        else:
            cards, title = self.deck, "Cram: every card"
        self._open(cram_session(cards, title, self.store, self.schedule, self.clock, self._save))

    def action_new_limit(self, change: int) -> None:
        current = new_per_day(self.store.get_setting(NEW_PER_DAY_KEY, NEW_PER_DAY_DEFAULT))
        wanted = max(0, min(MAX_NEW_PER_DAY, current + change))
        at = self.clock()
        if wanted != current and self._save(
            lambda: self.store.set_setting(NEW_PER_DAY_KEY, wanted, at)
        ):
            self.notify(f"{wanted} new cards a day.", title="Study", markup=False)
        self.refresh_figures()

    def _open(self, session: Session) -> None:
        def done(summary: Summary | None) -> None:
            self.refresh_figures()

        self.app.push_screen(ReviewScreen(session, self.pack), done)

