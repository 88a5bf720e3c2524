"""Making text safe to show: content never drives the terminal.

:func:`clean_text` is the one cleaning function. Every string that comes from outside goes through
it where it enters: the pack loader on everything it reads, the search on every query, the progress
store on every text it keeps or reads back (typed notes and answers, and what an imported progress
file brings), and the CLI on everything it prints.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

# C0 controls but tab and newline, DEL, C1 controls; bidirectional embeddings, overrides and
# isolates (U+202A-U+202E, U+2066-U+2069) and marks (LRM, RLM, ALM: U+200E, U+200F, U+061C),
# which can make text display in an order other than the one it is stored in; invisible
# characters that hide text or shift what follows (zero-width space U+200B, word joiner and
# invisible operators U+2060-U+2064, the zero-width no-break space U+FEFF, tag characters
# U+E0000-U+E007F); lone surrogates (U+D800-U+DFFF), which are not text and cannot be written
# out as UTF-8. The zero-width joiner and non-joiner (U+200C, U+200D) are kept: scripts such as
# Persian and emoji sequences need them.
UNSAFE_CHARACTERS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u2069\ufeff\ud800-\udfff\U000e0000-\U000e007f"
)
_UNSAFE = re.compile(f"[{UNSAFE_CHARACTERS}]")
# An escape sequence (CSI, OSC, ...) is removed whole, so no fragment of it is shown, whether it
# starts with ESC or with its one-character C1 form (0x9B for ESC [, 0x9D for ESC ], ...). A string
# sequence (OSC, DCS...) is removed only with its terminator: one that never ends loses just its
# introducer (below), and the text after it stays. As in a terminal, any other C1 control or ESC
# ends a string sequence (it starts another): the scan for a terminator stops there, so each
# character is scanned once however many introducers are left unterminated (linear time).
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI
    # OSC, DCS, ...
    r"|(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\x07\x1b\x80-\x9f]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]"  # the others: ESC c, ESC 7, ESC =, ESC ( B, ... (ECMA-35)
)


# The look-behind starts a match only at the first space or tab of a run, so a long run with no
# line break after it is scanned once, not once from each of its characters.
_LINE_BREAK = re.compile(r"(?<![ \t])[ \t]*[\n\u2028\u2029]\s*")


def shorten(value: str, width: int) -> str:
    """``value`` on one line (runs of white space made one space), cut to at most ``width``
    characters with an ellipsis when it is longer."""
    value = " ".join(value.split())
    return value if len(value) <= width else value[: max(width - 1, 0)] + "…"


def shorten_at_word(value: str, width: int) -> str:
    """Like :func:`shorten`, but cut after the last whole word that fits (a single word longer
    than ``width`` is still cut inside it)."""
    value = " ".join(value.split())
    if len(value) <= width:
        return value
    if width <= 1:
        return "…"[:width]
    room = value[: width - 1]
    if not value[width - 1].isspace():  # the room ends inside a word: leave that word out
        space = room.rfind(" ")
        room = room[:space] if space > 0 else room
    return room.rstrip(" ,;:·—(") + "…"


def plural(count: int, word: str, words: str | None = None) -> str:
    """``1 card``, ``2 cards``; ``words`` for a plural that is not ``word`` + s."""
    return f"{count} {word if count == 1 else words or word + 's'}"


def one_paragraph(value: str) -> str:
    """``value`` cleaned (:func:`clean_text`) and on one line: each line break, with the white
    space around it, becomes one space. A note is one paragraph, typed in a one-line box."""
    return _LINE_BREAK.sub(" ", clean_text(value)).strip()


def clean_text(value: str) -> str:
    """``value`` without terminal escape sequences, control characters (but tab and newline),
    bidirectional controls and marks, invisible characters that hide text (see
    :data:`UNSAFE_CHARACTERS`) and lone surrogates. ``\\r\\n`` and lone ``\\r`` become
    ``\\n``."""
    if value.isprintable():
        return value
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _ESCAPE_SEQUENCE.sub("", value)
    return _UNSAFE.sub("", value)


def seen_form(value: str) -> str:
    """What a reader sees of ``value``, to tell look-alikes apart: invisible format characters
    (zero-width spaces and joiners, soft hyphens...) removed, NFKC-normalised, case-folded, runs of
    white space made one space. Two texts with the same seen form look the same on screen."""
    value = unicodedata.normalize("NFKC", value)
    value = "".join(c for c in value if unicodedata.category(c) != "Cf")
    return " ".join(unicodedata.normalize("NFKC", value.casefold()).split())


_WORD_CHARACTER = re.compile(r"[^\W_]")


def visible(value: str) -> bool:
    """Whether ``value`` shows anything: more than white space and invisible characters."""
    if _WORD_CHARACTER.search(value) is not None:  # a letter or digit shows (nearly always)
        return True
    return bool(seen_form(value))


_LETTERS = str.maketrans(
    {
        "đ": "d",
        "ð": "d",
        "ø": "o",
        "ł": "l",
        "ı": "i",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "&": " and ",
    }
)
_ARTICLES = ("the ", "a ", "an ")


def normalise(text: str) -> str:
    """An answer as typing is compared: lower case, no accents (and ``ł``, ``ø``, ``æ``... as
    letters typed without them), ``&`` as ``and``, punctuation as spaces, single spaces, no
    leading article. The grader and the card lint both use it."""
    text = unicodedata.normalize("NFKD", text.casefold()).translate(_LETTERS)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = "".join(c if c.isalnum() or c.isspace() else " " for c in text)
    text = " ".join(text.split())
    for article in _ARTICLES:
        if text.startswith(article) and len(text) > len(article):
            text = text[len(article) :]
            break
    return text


def site_name(url: str) -> str:
    """The site a source is on, as a reader names it: ``https://www.axios.com/2019/…`` is
    ``axios.com`` (cleaned as any content; the address itself when it names no site)."""
    host = urlsplit(url).hostname or ""
    host = host.removeprefix("www.")
    return clean_text(host) or clean_text(url)
