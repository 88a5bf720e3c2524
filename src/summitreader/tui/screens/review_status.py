"""What a review session says of itself: the header (its title, the cards to come and the one
asked), and the rating buttons (each rating's next interval, and which one enter accepts)."""

from __future__ import annotations

from textual.content import Content

from summitreader.study.grading import RATING_NAMES
from summitreader.study.session import Session
from summitreader.tui.widgets.hanging import Hanging

KIND_LABELS = {
    "recall": "flip card",
    "typed": "type the answer",
    "cloze": "fill the blank",
    "choice": "choose one",
    "order": "put in order",
}
"""How the header names each kind of card."""


def header_text(session: Session) -> Hanging:
    """The session's header: its title, then the counts, which wrap under themselves."""
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
    return text


def rating_text(session: Session, rating: int) -> Content:
    """A rating's button: its key and name, the next interval under it, and ``◂ enter`` on the
    rating proposed. The enter mark has a line of its own, on every button: they keep one height
    however narrow the screen."""
    name = RATING_NAMES[rating]
    proposed = rating == session.proposed
    head = Content.assemble((f"{rating} ", "bold"), (name, "bold" if proposed else ""))
    preview = session.previews.get(rating)
    if session.cram:
        below = Content("no change")
    elif preview is not None:
        below = Content(f"next in {preview.label}")
    else:
        below = Content("")
    mark = Content("◂ enter" if proposed else "")
    return Content("\n").join([head, below, mark])
