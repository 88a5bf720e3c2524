"""The review screen: a session, one card at a time, driven by
:class:`summitreader.study.session.Session`.

The same few keys carry the whole session: ``enter`` reveals or submits, then accepts the proposed
rating; ``1``–``4`` pick a rating; ``escape`` ends the session early. Inside a session the digits
never switch screens, and no key acts behind the typed-answer box while it has the focus.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from summitreader.pack.model import Card, Pack
from summitreader.study.grading import RATING_NAMES, Grade
from summitreader.study.session import Phase, Session, Summary
from summitreader.tui.messages import OpenPassage
from summitreader.tui.screens.review_text import (
    choice_label,
    grade_text,
    order_label,
    prompt_text,
    reread_text,
    summary_text,
)
from summitreader.tui.widgets.hanging import Hanging
from summitreader.tui.widgets.ordered_input import OrderedInput

KIND_LABELS = {
    "recall": "flip card",
    "typed": "type the answer",
    "cloze": "fill the blank",
    "choice": "choose one",
    "order": "put in order",
}


REVEAL = "Show a flip card's answer"
NEXT = "After Again: the next card"
REREAD = "After Again: open the passage in the reader (its section is queued to re-read)"
CHECK = "Check a typed answer, the option chosen or the order of the items"
ACCEPT = "Once the answer is shown: accept the proposed rating (marked ◂ enter)"
RATE = "Rate: Again, Hard, Good, Easy (the next interval is shown under each)"
PICK = "Answer a choice card with that option; its result is shown before any rating (or ↑ ↓ enter)"
MOVE = "Move the selected item of an order card (↑ ↓ select it)"
ACTION_PHASES: dict[str, frozenset[Phase]] = {
    "reveal": frozenset({"asking"}),
    "pick": frozenset({"asking"}),
    "move": frozenset({"asking"}),
    "accept": frozenset({"answered"}),
    "rate": frozenset({"answered"}),
    "next": frozenset({"reread"}),
    "reread": frozenset({"reread"}),
    "hold": frozenset({"asking", "answered", "reread"}),
    "end": frozenset({"asking", "answered", "reread"}),
    "close": frozenset({"done"}),
}
"""The phases in which each of the screen's actions works (the others: in every phase)."""
ACTION_CARD_KINDS = {"reveal": "recall", "pick": "choice", "move": "order"}
"""Actions that answer one kind of card."""


class AnswerInput(OrderedInput):
    """The typed-answer box; ``enter`` checks the answer (shown in the footer)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Check answer", id="review.check_typed", tooltip=CHECK)
    ]


class AnswerList(OptionList):
    """The options of a choice card, or the items of an order card; ``enter`` checks."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Check answer", id="review.check_list", tooltip=CHECK)
    ]


class ReviewScreen(Screen[Summary | None]):
    """Pushed by the Study screen; dismissed with the session's summary.

    ``phase`` mirrors the session's phase after each step; its watcher brings the screen in line
    (what is shown is set in the stylesheet by the phase's class: ``-asking``, ``-answered``,
    ``-reread``, ``-done``, with ``-input`` or ``-list`` for the way the card is answered), and
    the keys that work in each phase are in :data:`ACTION_PHASES`.
    """

    AUTO_FOCUS = ""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "reveal", "Show answer", id="review.reveal", tooltip=REVEAL),
        Binding(
            "enter", "reveal", "Show answer", show=False, id="review.reveal_enter", tooltip=REVEAL
        ),
        Binding("enter", "accept(1)", "Accept Again", id="review.accept_again", tooltip=ACCEPT),
        Binding("enter", "accept(2)", "Accept Hard", id="review.accept_hard", tooltip=ACCEPT),
        Binding("enter", "accept(3)", "Accept Good", id="review.accept_good", tooltip=ACCEPT),
        Binding("enter", "accept(4)", "Accept Easy", id="review.accept_easy", tooltip=ACCEPT),
        Binding("enter", "next", "Next card", id="review.next", tooltip=NEXT),
        Binding("enter", "close", "Back to Study", id="review.close"),
        Binding("1", "rate(1)", "Again", id="review.again", tooltip=RATE),
        Binding("2", "rate(2)", "Hard", id="review.hard", tooltip=RATE),
        Binding("3", "rate(3)", "Good", id="review.good", tooltip=RATE),
        Binding("4", "rate(4)", "Easy", id="review.easy", tooltip=RATE),
        Binding("1,2,3,4,5", "hold", "", show=False, id="review.hold"),
        Binding("a", "pick(0)", "Answer", key_display="a–d", id="review.pick_a", tooltip=PICK),
        *(
            Binding(
                letter,
                f"pick({n})",
                f"Answer {letter}",
                show=False,
                key_display="a–d",
                id=f"review.pick_{letter}",
                tooltip=PICK,
            )
            for n, letter in enumerate("bcd", start=1)
        ),
        Binding(
            "shift+up,ctrl+up,u",
            "move(-1)",
            "Move item up",
            key_display="shift+↑/u",
            id="review.move_up",
            tooltip=MOVE,
        ),
        Binding(
            "shift+down,ctrl+down,d",
            "move(1)",
            "Move item down",
            key_display="shift+↓/d",
            id="review.move_down",
            tooltip=MOVE,
        ),
        Binding(
            "r",
            "reread",
            "Open in reader",
            id="review.reread",
            tooltip=REREAD,
        ),
        Binding(
            "escape",
            "end",
            "End session",
            id="review.end",
            tooltip="End the session early; what was rated is kept",
        ),
        Binding("escape", "close", "Back to Study", id="review.close_escape"),
    ]

    phase: var[Phase] = var[Phase]("asking", always_update=True, init=False)
    """The session's phase, set after each step (again when a new card is asked)."""

    def __init__(self, session: Session, pack: Pack) -> None:
        super().__init__()
        self.session = session
        self.pack = pack
        self.order: list[str] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="review-progress")
        with VerticalScroll(id="review-body"):
            yield Static(id="review-prompt")
            yield AnswerInput(placeholder="Type your answer, then enter", id="review-input")
            yield AnswerList(id="review-options")
            yield Static(id="review-result")
            with Horizontal(id="review-ratings"):
                for rating in RATING_NAMES:
                    yield Static(id=f"rating-{rating}", classes="rating")
            yield Static(id="review-passage")
            yield Static(id="review-summary")
        yield Footer()

    def on_mount(self) -> None:
        self.phase = self.session.phase

    def on_screen_resume(self) -> None:
        # The reader may have been opened from here (r): what it says about re-reading is
        # brought up to date.
        if self.phase in ("reread", "done"):
            self._show_after()
        self._place_focus()

    def _show_after(self) -> None:
        """The re-read box, or the session's summary, as things stand now."""
        session = self.session
        if self.phase == "reread" and session.last_card is not None:
            read_since = session.reread_section not in session.still_to_reread()
            self.query_one("#review-passage", Static).update(
                reread_text(self.pack, session.last_card, session.reread_saved, read_since)
            )
        elif self.phase == "done":
            self.query_one("#review-summary", Static).update(
                summary_text(
                    session.summary(), self.pack, session.clock(), session.still_to_reread()
                )
            )

    def _step(self, change: Callable[[], object]) -> None:
        """Take one step of the session, and show where it leads."""
        change()
        self.phase = self.session.phase

    # -- showing the session's phase ------------------------------------------------------

    def watch_phase(self, phase: Phase) -> None:
        session = self.session
        card = session.last_card if phase == "reread" else session.current
        way = None
        if card is not None and phase in ("asking", "answered"):
            way = {"typed": "input", "cloze": "input", "choice": "list", "order": "list"}.get(
                card.card_kind
            )
        for name in ("asking", "answered", "reread", "done"):
            self.set_class(name == phase, f"-{name}")
        self.set_class(way == "input", "-input")
        self.set_class(way == "list", "-list")
        self.query_one("#review-input", Input).disabled = phase != "asking"
        self.query_one("#review-options", OptionList).disabled = phase != "asking"
        if phase == "asking" and card is not None:
            self._ask(card)
        self._show_progress()
        self.query_one("#review-prompt", Static).update(
            prompt_text(card, revealed=phase == "answered") if card and phase != "done" else ""
        )
        if phase == "answered" and card is not None and session.grade is not None:
            self.query_one("#review-result", Static).update(grade_text(card, session.grade))
            self._mark_options(card, session.grade)
            self._show_ratings()
            self.call_after_refresh(self._show_bottom)
        elif phase in ("reread", "done"):
            self._show_after()
        self._place_focus()
        self.refresh_bindings()

    def _ask(self, card: Card) -> None:
        input_box = self.query_one("#review-input", Input)
        input_box.value = ""
        options = self.query_one("#review-options", OptionList)
        options.clear_options()
        if card.card_kind == "choice":
            options.add_options(
                Option(choice_label(n, text), id=f"choice-{n}")
                for n, text in enumerate(card.choices)
            )
            options.highlighted = 0
        elif card.card_kind == "order":
            self.order = list(self.session.order_start())
            self._fill_order(0)

    def _fill_order(self, highlighted: int, grade: Grade | None = None) -> None:
        options = self.query_one("#review-options", OptionList)
        options.clear_options()
        card = self.session.current
        right = list(card.items) if card else []
        options.add_options(
            Option(order_label(n, item, right, grade)) for n, item in enumerate(self.order)
        )
        options.highlighted = highlighted

    def _mark_options(self, card: Card, grade: Grade) -> None:
        options = self.query_one("#review-options", OptionList)
        if card.card_kind == "choice":
            highlighted = options.highlighted
            options.clear_options()
            options.add_options(
                Option(choice_label(n, text, card.answer, grade.given))
                for n, text in enumerate(card.choices)
            )
            options.highlighted = highlighted
        elif card.card_kind == "order":
            self._fill_order(options.highlighted or 0, grade)

    def _show_progress(self) -> None:
        """The session's header: its title, then the counts, which wrap under themselves."""
        session = self.session
        head = [(session.title, "bold"), (" · ", "")]
        if session.phase == "done":
            text = Hanging(head, [("done", "")])
        else:
            card = session.current if session.phase != "reread" else session.last_card
            kind = KIND_LABELS.get(card.card_kind, card.card_kind) if card else ""
            new, learning, review = session.counts()
            parts: list[tuple[str, str]] = [
                ("to come: ", ""),
                (f"{new} new", "bold" if new else "dim"),
                (" · ", ""),
                (f"{learning} learning", "bold" if learning else "dim"),
                (" · ", ""),
                (f"{review} review", "bold" if review else "dim"),
                (f" · {session.done_count} rated", ""),
            ]
            if session.phase != "reread":
                parts.append((f" · {session.state_name()} card · {kind}", ""))
            if session.cram:
                parts.append((" · cram: the schedule does not change", "italic"))
            text = Hanging(head, parts)
        self.query_one("#review-progress", Static).update(text)

    def _show_ratings(self) -> None:
        session = self.session
        for rating, name in RATING_NAMES.items():
            box = self.query_one(f"#rating-{rating}", Static)
            proposed = rating == session.proposed
            head = Content.assemble((f"{rating} ", "bold"), (name, "bold" if proposed else ""))
            preview = session.previews.get(rating)
            if session.cram:
                below = Content("no change")
            elif preview is not None:
                below = Content(f"next in {preview.label}")
            else:
                below = Content("")
            # The enter mark has a line of its own, on every button: they keep one height
            # however narrow the screen.
            mark = Content("◂ enter" if proposed else "")
            box.update(Content("\n").join([head, below, mark]))
            box.set_class(proposed, "-proposed")

    def _show_bottom(self) -> None:
        """Bring the rating buttons into view (a long answer may push them down)."""
        self.query_one("#review-ratings", Horizontal).scroll_visible(animate=False)

    def _place_focus(self) -> None:
        session = self.session
        card = session.current
        if session.phase == "asking" and card is not None:
            if card.card_kind in ("typed", "cloze"):
                self.query_one("#review-input", Input).focus()
                return
            if card.card_kind in ("choice", "order"):
                self.query_one("#review-options", OptionList).focus()
                return
        self.query_one("#review-body", VerticalScroll).focus()

    # -- keys -----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        phases = ACTION_PHASES.get(action)
        if phases is None:
            return True
        card = self.session.current
        kind = ACTION_CARD_KINDS.get(action)
        if self.phase not in phases or (kind and (card is None or card.card_kind != kind)):
            return False
        if action == "pick" and card is not None:
            return parameters[0] in range(len(card.choices))
        if action == "accept":
            return parameters[0] == self.session.proposed
        return True

    def action_reveal(self) -> None:
        self._step(self.session.reveal)

    def check_answer(self, option_index: int | None = None) -> None:
        """Check the answer typed in the box, the option chosen, or the order of the items."""
        card = self.session.current
        if card is None or self.phase != "asking":
            return
        if card.card_kind in ("typed", "cloze"):
            text = self.query_one("#review-input", Input).value
            self._step(lambda: self.session.submit_text(text))
        elif card.card_kind == "choice":
            index = option_index
            if index is None:
                index = self.query_one("#review-options", OptionList).highlighted
            if index is not None and index < len(card.choices):
                self._step(lambda: self.session.submit_choice(card.choices[index]))
        elif card.card_kind == "order":
            self._step(lambda: self.session.submit_order(self.order))

    def action_pick(self, index: int) -> None:
        self.query_one("#review-options", OptionList).highlighted = index
        self.check_answer(index)

    def action_move(self, step: int) -> None:
        options = self.query_one("#review-options", OptionList)
        index = options.highlighted or 0
        target = index + step
        if not 0 <= target < len(self.order):
            return
        self.order[index], self.order[target] = self.order[target], self.order[index]
        self._fill_order(target)

    def action_accept(self, rating: int) -> None:
        self.action_rate(rating)

    def action_rate(self, rating: int) -> None:
        self._step(lambda: self.session.rate(rating))

    def action_hold(self) -> None:
        """Digits inside a session do not switch screens."""

    def action_next(self) -> None:
        self._step(self.session.next)

    def action_reread(self) -> None:
        card = self.session.last_card
        if card is not None:
            self.post_message(OpenPassage(card.passage))

    def action_end(self) -> None:
        self._step(self.session.finish)

    def action_close(self) -> None:
        self.dismiss(self.session.summary())

    @on(Input.Submitted, "#review-input")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        self.check_answer()

    @on(OptionList.OptionSelected, "#review-options")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.check_answer(event.option_index)
