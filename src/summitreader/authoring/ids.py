"""A pack's id: made from a title (:func:`slug`), or given with ``--id`` and checked."""

from __future__ import annotations

import re
import unicodedata

from summitreader.text import clean_text

ID_LENGTH = 40
MAX_ID_LENGTH = 64
"""The longest id ``--id`` may give (an id names the pack's folder, and is typed)."""
_ALLOWED = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")
_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


def slug(text: str, fallback: str = "pack") -> str:
    """``text`` as an id: ASCII lower-case words joined by hyphens, starting with a letter."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    value = ""
    for word in words:
        if len(value) + len(word) + 1 > ID_LENGTH:
            break
        value = f"{value}-{word}" if value else word
    if not value or not value[0].isalpha():
        value = f"{fallback}-{value}" if value else fallback
    return value


def is_id(value: str) -> bool:
    return len(value) <= MAX_ID_LENGTH and bool(_ID.match(value))


def id_problem(value: str) -> str | None:
    """What is wrong with ``value`` as a pack id, or None."""
    if len(value) > MAX_ID_LENGTH:
        return f"the id given is {len(value)} characters long: an id has at most {MAX_ID_LENGTH}"
    if not _ID.match(value):
        return f"'{clean_text(value)}' is not a valid id: {_why_not(value)} ({RULE})"
    return None


RULE = "an id is lower-case ASCII letters, digits and hyphens, starting with a letter"


def _why_not(value: str) -> str:
    """What makes ``value`` no id: the first character an id cannot hold, named (a Cyrillic
    ``с`` looks like a Latin ``c``), or where its letters are misplaced."""
    from summitreader.pack.fields import describe_character

    if not value:
        return "it is empty"
    stranger = next((c for c in value if c not in _ALLOWED), None)
    if stranger is not None:
        return f"it holds {describe_character(stranger)}"
    if not value[0].isalpha():
        return "it does not start with a letter"
    if value.endswith("-"):
        return "it ends with a hyphen"
    return "it has two hyphens in a row"
