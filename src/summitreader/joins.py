"""Where a line of text must not break: between a number and the word it belongs to.

A wrap that leaves "7.4" at the end of a line and "metres" at the start of the next, "1" and
"June", or "§" and "12", makes the reader put them back together. :func:`join_spaces` finds the
spaces to keep, :func:`keep_together` hides them from a word wrap (a character that is not a
space, one cell wide, in their place), and :data:`JOIN` is that character, which the code that
draws the lines turns back into a space. The text itself (the pack's, the reader's) is never
changed.

Plain Python: the screens wrap with it, and it is tested on its own.
"""

from __future__ import annotations

import re

JOIN = "\ue000"
"""What a kept space is, while a text is wrapped: a private-use character, one cell wide and not
a space to any word wrap. A text that has one of its own is wrapped as it is."""

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
)
_NUMBER = r"\d[\d.,:/–-]*\d%?|\d%?"
_LINKING = "(?:and|or|of|the|to|in|on|at|by|for|with|from|as|a|an|than|is|are|was|were)"
"""Words after a number that do not belong to it ("1 of 2", "12 and 13")."""
_BEFORE_NUMBER = rf"(?:§§?|¶|No\.|no\.|pp?\.|Nos\.|Art\.|Article|Section|Chapter|Part|{MONTHS})"
_JOINS = re.compile(
    # a number and the word after it ("7.4 metres", "1 June", "38 generated"), but not a year
    # and the word after it ("in 2018 the"): a year belongs to what comes before it
    rf"(?<![\w.,])(?!(?:1[0-9]|20)\d\d(?!\d))(?:{_NUMBER}) (?!{_LINKING}\b)(?=[^\W\d_])"
    # a sign, an abbreviation or a month before its number ("§ 12", "No. 5", "June 2018")
    rf"|(?<!\w){_BEFORE_NUMBER} (?=\d)"
)


def join_spaces(text: str) -> list[int]:
    """The offsets in ``text`` of the spaces a line must not break at."""
    return [match.end() - 1 for match in _JOINS.finditer(text)]


def keep_together(text: str) -> str:
    """``text`` with each space of :func:`join_spaces` made :data:`JOIN`, the same length."""
    if JOIN in text:
        return text
    offsets = join_spaces(text)
    if not offsets:
        return text
    characters = list(text)
    for offset in offsets:
        characters[offset] = JOIN
    return "".join(characters)


def spaced(text: str) -> str:
    """A wrapped line's text as it is shown: each :data:`JOIN` a space again."""
    return text.replace(JOIN, " ")
