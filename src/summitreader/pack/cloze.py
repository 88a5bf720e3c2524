"""The one rule for a cloze card's blank, used by the loader, the card lint and the screen.

A blank is written ``{{phrase}}``: a phrase of at least one character, which may run over a line
break. A cloze card hides exactly one.
"""

from __future__ import annotations

import re

BLANK = re.compile(r"\{\{((?:(?!\{\{|\}\}).)+)\}\}", flags=re.DOTALL)
"""A blank: ``{{``, a phrase holding neither ``{{`` nor ``}}``, ``}}``. The phrase stops at the
next ``{{``, so finding blanks is linear in the prompt (``.+?`` ran to the end of the prompt from
every ``{{`` with no ``}}`` after it: minutes on a prompt of ``{{`` repeated)."""


def blanks(prompt: str) -> list[str]:
    """The phrases a cloze prompt hides, in order."""
    return BLANK.findall(prompt)


def cloze_parts(prompt: str) -> tuple[str, str, str]:
    """A cloze prompt split as ``(before, hidden phrase, after)``; with no blank,
    ``(prompt, "", "")``."""
    match = BLANK.search(prompt)
    if match is None:
        return prompt, "", ""
    return prompt[: match.start()], match.group(1), prompt[match.end() :]


SHOWN_BLANK = "_____"
"""How a blank is shown to the reader before it is answered (the review, ``due``)."""


def asked(prompt: str) -> str:
    """A cloze prompt as the reader is asked it: its blank shown as :data:`SHOWN_BLANK`, so
    the hidden phrase is not given away."""
    before, phrase, after = cloze_parts(prompt)
    return f"{before}{SHOWN_BLANK}{after}" if phrase else prompt


def asked_prompt(kind: str, prompt: str) -> str:
    """A card's prompt as the reader is asked it: a cloze card's (kind ``cloze``) blank as
    :data:`SHOWN_BLANK`, any other card's as written."""
    return asked(prompt) if kind == "cloze" else prompt


def without_blanks(prompt: str) -> str:
    """The prompt with its blanks taken out (what the reader sees around them)."""
    return BLANK.sub(" ", prompt)


__all__ = [
    "BLANK",
    "SHOWN_BLANK",
    "asked",
    "asked_prompt",
    "blanks",
    "cloze_parts",
    "without_blanks",
]
