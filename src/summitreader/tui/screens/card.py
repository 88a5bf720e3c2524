"""A review session, one card at a time, driven by :class:`summitreader.study.session.Session`.

The same few keys carry the whole session: ``enter`` reveals or submits, then accepts the proposed
rating; ``1``–``4`` pick a rating; ``escape`` ends the session early. Inside a session the digits
never switch screens, and no key acts behind the typed-answer box while it has the focus.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from summitreader.pack.model import Card, Pack
from summitreader.study.grading import RATING_NAMES, Grade
from summitreader.study.session import Session, Summary
from summitreader.tui.messages import OpenPassage, ProgressChanged
from summitreader.tui.screens.card_text import (
    choice_label,
    grade_text,
    order_label,
    prompt_text,
    reread_text,
    summary_text,
)

LETTERS = "abcd"
KIND_LABELS = {
    "recall": "flip card",
    "typed": "type the answer",
    "cloze": "fill the blank",
    "choice": "choose one",
    "order": "put in order",
}


class AnswerInput(Input):
    """The typed-answer box; ``enter`` checks the answer (shown in the footer)."""

    BINDINGS = [Binding("enter", "submit", "Check answer", id="review.check_typed")]


class AnswerList(OptionList):
    """The options of a choice card, or the items of an order card; ``enter`` checks."""

    BINDINGS = [Binding("enter", "select", "Check answer", id="review.check_list")]


class ReviewScreen(Screen[Summary | None]):
    """Pushed by the Study screen; dismissed with the session's summary."""

    CSS_PATH = "../study.tcss"
    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("space", "reveal", "Show answer", id="review.reveal"),
        Binding("enter", "reveal", "Show answer", show=False, id="review.reveal_enter"),
        Binding("enter", "accept(1)", "Accept Again", id="review.accept_again"),
        Binding("enter", "accept(2)", "Accept Hard", id="review.accept_hard"),
        Binding("enter", "accept(3)", "Accept Good", id="review.accept_good"),
        Binding("enter", "accept(4)", "Accept Easy", id="review.accept_easy"),
        Binding("enter", "next", "Next card", id="review.next"),
        Binding("enter", "close", "Back to Study", id="review.close"),
        Binding("1", "rate(1)", "Again", id="review.again"),
        Binding("2", "rate(2)", "Hard", id="review.hard"),
        Binding("3", "rate(3)", "Good", id="review.good"),
        Binding("4", "rate(4)", "Easy", id="review.easy"),
        Binding("1,2,3,4,5", "hold", "", show=False, id="review.hold"),
        Binding("a", "pick(0)", "Pick an option", key_display="a–d", id="review.pick_a"),
        Binding("b", "pick(1)", "Pick b", show=False, id="review.pick_b"),
        Binding("c", "pick(2)", "Pick c", show=False, id="review.pick_c"),
        Binding("d", "pick(3)", "Pick d", show=False, id="review.pick_d"),
        Binding(
            "shift+up,ctrl+up,u",
            "move(-1)",
            "Move item up",
            key_display="shift+↑/u",
            id="review.move_up",
        ),
        Binding(
            "shift+down,ctrl+down,d",
            "move(1)",
            "Move item down",
            key_display="shift+↓/d",
            id="review.move_down",
        ),
        Binding("r", "reread", "Open in reader", id="review.reread"),
        Binding("escape", "end", "End session", id="review.end"),
        Binding("escape", "close", "Back to Study", id="review.close_escape"),
    ]

    def __init__(self, session: Session, pack: Pack) -> None:
        super().__init__()
        self.session = session
        self.pack = pack
        self.order: list[str] = []
        self._shown: str | None = None

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
        self.show_state()

    def on_screen_resume(self) -> None:
        self._place_focus()

    # -- showing the session's state ------------------------------------------------------

    def show_state(self) -> None:
        """Bring every widget in line with the session's phase and card."""
        session = self.session
        phase = session.phase
        card = session.current
        if (
            phase == "asking"
            and card is not None
            and self._shown != card.id + str(session.done_count)
        ):
            self._shown = card.id + str(session.done_count)
            self._ask(card)
        self._show_progress()
        shown_card = session.last_card if phase == "reread" else card
        grade = session.grade if phase == "answered" else None
        input_box = self.query_one("#review-input", Input)
        options = self.query_one("#review-options", OptionList)
        asking_kind = (
            card.card_kind if card is not None and phase in ("asking", "answered") else None
        )
        input_box.display = asking_kind in ("typed", "cloze")
        input_box.disabled = phase != "asking"
        options.display = asking_kind in ("choice", "order")
        options.disabled = phase != "asking"
        self.query_one("#review-prompt", Static).update(
            prompt_text(shown_card, revealed=phase == "answered")
            if shown_card and phase != "done"
            else ""
        )
        self.query_one("#review-prompt", Static).display = phase != "done"
        result = self.query_one("#review-result", Static)
        result.display = grade is not None
        if grade is not None and card is not None:
            result.update(grade_text(card, grade))
            self._mark_options(card, grade)
            self.call_after_refresh(self._show_bottom)
        self._show_ratings()
        passage = self.query_one("#review-passage", Static)
        passage.display = phase == "reread"
        if phase == "reread" and session.last_card is not None:
            passage.update(reread_text(self.pack, session.last_card, session.reread_saved))
        summary = self.query_one("#review-summary", Static)
        summary.display = phase == "done"
        if phase == "done":
            summary.update(summary_text(session.summary(), self.pack, session.clock()))
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
        session = self.session
        if session.phase == "done":
            text = Content.assemble((session.title, "bold"), " · done")
        else:
            card = session.current if session.phase != "reread" else session.last_card
            kind = KIND_LABELS.get(card.card_kind, card.card_kind) if card else ""
            parts = [
                (session.title, "bold"),
                f" · {session.done_count} rated · {session.remaining} to go",
            ]
            if session.phase != "reread":
                parts.append(f" · {session.state_name()} card · {kind}")
            if session.cram:
                parts.append((" · cram: the schedule does not change", "italic"))
            text = Content.assemble(*parts)
        self.query_one("#review-progress", Static).update(text)

    def _show_ratings(self) -> None:
        session = self.session
        row = self.query_one("#review-ratings", Horizontal)
        row.display = session.phase == "answered"
        if session.phase != "answered":
            return
        for rating, name in RATING_NAMES.items():
            box = self.query_one(f"#rating-{rating}", Static)
            proposed = rating == session.proposed
            head = Content.assemble((f"{rating} ", "bold"), (name, "bold" if proposed else ""))
            if proposed:
                head = Content.assemble(head, "  ◂ enter")
            preview = session.previews.get(rating)
            if session.cram:
                below = Content("no change")
            elif preview is not None:
                below = Content(f"next in {preview.label}")
            else:
                below = Content("")
            box.update(Content("\n").join([head, below]))
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
        session = self.session
        phase = session.phase
        card = session.current
        kind = card.card_kind if card is not None else None
        asking = phase == "asking"
        if action == "reveal":
            return asking and kind == "recall"
        if action == "accept":
            return phase == "answered" and bool(parameters) and parameters[0] == session.proposed
        if action == "rate":
            return phase == "answered"
        if action == "hold":
            return phase != "done"
        if action == "pick":
            return (
                asking
                and kind == "choice"
                and bool(parameters)
                and int(parameters[0]) < len(card.choices if card else ())
            )  # type: ignore[call-overload]
        if action == "move":
            return asking and kind == "order"
        if action == "next":
            return phase == "reread"
        if action == "reread":
            return phase == "reread"
        if action == "end":
            return phase != "done"
        if action == "close":
            return phase == "done"
        return True

    def action_reveal(self) -> None:
        self.session.reveal()
        self.show_state()

    def check_answer(self, option_index: int | None = None) -> None:
        """Check the answer typed in the box, the option chosen, or the order of the items."""
        card = self.session.current
        if card is None:
            return
        if card.card_kind in ("typed", "cloze"):
            self.session.submit_text(self.query_one("#review-input", Input).value)
        elif card.card_kind == "choice":
            index = option_index
            if index is None:
                index = self.query_one("#review-options", OptionList).highlighted
            if index is None or index >= len(card.choices):
                return
            self.session.submit_choice(card.choices[index])
        elif card.card_kind == "order":
            self.session.submit_order(self.order)
        self.show_state()

    def action_pick(self, index: int) -> None:
        card = self.session.current
        if card is None or index >= len(card.choices):
            return
        self.query_one("#review-options", OptionList).highlighted = index
        self.session.submit_choice(card.choices[index])
        self.show_state()

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
        self.session.rate(rating)
        self.post_message(ProgressChanged())
        self.show_state()

    def action_hold(self) -> None:
        """Digits inside a session do not switch screens."""

    def action_next(self) -> None:
        self.session.next()
        self.show_state()

    def action_reread(self) -> None:
        card = self.session.last_card
        if card is not None:
            self.post_message(OpenPassage(card.passage))

    def action_end(self) -> None:
        self.session.finish()
        self.show_state()

    def action_close(self) -> None:
        self.dismiss(self.session.summary())

    @on(Input.Submitted, "#review-input")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        if self.session.phase == "asking":
            self.check_answer()

    @on(OptionList.OptionSelected, "#review-options")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.session.phase == "asking":
            self.check_answer(event.option_index)
