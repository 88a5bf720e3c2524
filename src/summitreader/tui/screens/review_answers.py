"""The ways a card is answered on the review screen: a box to type in, and a list of options or
items to order; ``enter`` checks the answer in both (shown in the footer)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import OptionList

from summitreader.tui.screens.review_keys import CHECK
from summitreader.tui.widgets.ordered_input import OrderedInput


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
