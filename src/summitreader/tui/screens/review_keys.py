"""The review screen's keys: what each does (the help's words), the phases in which each works,
and the bindings themselves. The same few keys carry the whole session: ``enter`` reveals or
submits, then accepts the proposed rating; ``1``–``4`` pick a rating; ``escape`` ends the session
early."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from summitreader.study.session import Phase
from summitreader.tui.widgets.key_footer import silent_app_keys

REVEAL = "Show a flip card's answer"
NEXT = "After Again: the next card"
REREAD = "After Again: open the passage in the reader (its section is queued to re-read)"
CHECK = "Check a typed answer, the option chosen or the order of the items"
ACCEPT = "Once the answer is shown: accept the proposed rating (marked ◂ enter)"
RATE = "Rate: Again, Hard, Good, Easy (the next interval is shown under each)"
PICK = "Answer a choice card with that option; its result is shown before any rating (or ↑ ↓ enter)"
MOVE = "Move the selected item of an order card (↑ ↓ select it)"
HELP = "Every key of every screen"
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
REVIEW_BINDINGS: list[BindingType] = [
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
    Binding("1,2,3,4,5,6", "hold", "", show=False, id="review.hold"),
    # After the session (or between its phases, behind ``hold``) the digits show the screens and
    # q quits, as everywhere, but the footer has no room for them: they are in the help.
    *silent_app_keys(),
    # The footer names the short keys (u, d); the help lists shift+↑ and ctrl+↑ beside them.
    Binding(
        "shift+up,ctrl+up,u",
        "move(-1)",
        "Move up",
        key_display="u",
        id="review.move_up",
        tooltip=MOVE,
    ),
    Binding(
        "shift+down,ctrl+down,d",
        "move(1)",
        "Move down",
        key_display="d",
        id="review.move_down",
        tooltip=MOVE,
    ),
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
    # The app's help, bound again so that it gives way in the footer (as the app's does not).
    Binding("question_mark", "session_help", "Help", id="review.help", tooltip=HELP),
]
"""The screen's bindings, in the order the footer shows them."""
