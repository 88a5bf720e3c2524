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
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import var
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from summitreader.pack.model import Card, Pack
from summitreader.study.grading import RATING_NAMES, Grade
from summitreader.study.session import Phase, Session, Summary
from summitreader.tui.messages import OpenPassage
from summitreader.tui.screens.dismiss_once import DismissOnce
from summitreader.tui.screens.review_answers import AnswerInput, AnswerList
from summitreader.tui.screens.review_keys import (
    ACTION_CARD_KINDS,
    ACTION_PHASES,
    REVIEW_BINDINGS,
)
from summitreader.tui.screens.review_status import header_text, rating_text
from summitreader.tui.screens.review_text import (
    choice_label,
    grade_text,
    order_label,
    prompt_text,
    reread_text,
    summary_text,
)
from summitreader.tui.widgets.key_footer import KeyFooter

SHORT = 30
"""Below this height the card's parts are spaced closer (``-short``)."""

class ReviewScreen(DismissOnce[Summary | None]):
    """Pushed by the Study screen; dismissed with the session's summary.

    ``phase`` mirrors the session's phase after each step; its watcher brings the screen in line
    (what is shown is set in the stylesheet by the phase's class: ``-asking``, ``-answered``,
    ``-reread``, ``-done``, with ``-input`` or ``-list`` for the way the card is answered), and
    the keys that work in each phase are in :data:`ACTION_PHASES`.
    """

    AUTO_FOCUS = ""
    BINDINGS: ClassVar[list[BindingType]] = REVIEW_BINDINGS

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
        yield KeyFooter()

    def on_mount(self) -> None:
        self.phase = self.session.phase

    def on_resize(self) -> None:
        # A short terminal (80×24): tighter spacing, so an answered choice card fits without
        # scrolling its prompt's top away.
        self.set_class(self.size.height < SHORT, "-short")

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
        self.query_one("#review-progress", Static).update(header_text(self.session))

    def _show_ratings(self) -> None:
        session = self.session
        for rating in RATING_NAMES:
            box = self.query_one(f"#rating-{rating}", Static)
            box.update(rating_text(session, rating))
            box.set_class(rating == session.proposed, "-proposed")

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

    async def action_session_help(self) -> None:
        await self.app.run_action("help")

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
