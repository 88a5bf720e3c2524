"""From what a person typed to a whoosh query.

1. :func:`prepare` makes any text usable: control characters dropped, length and word count
   capped, an unclosed quote or unmatched or too deeply nested brackets removed, each such change
   explained in a message.
2. :func:`parse` reads it with whoosh's query language: words (all required), ``"phrases"``,
   ``AND``/``OR``/``NOT``, brackets, ``field:value``, ``word*``, ``word~``; :func:`as_prefix`
   first makes the last word a prefix when the query is being typed.

:mod:`summitreader.search.expand` then fits the parsed query to the index.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from whoosh import qparser, query
from whoosh.fields import Schema

from summitreader.search.schema import (
    FIELD_BOOSTS,
    TEXT_FIELDS,
    WORD,
    WORD_PATTERN,
    make_schema,
    stem,
)
from summitreader.text import clean_text

MAX_LENGTH = 512
MAX_RAW_LENGTH = 8 * MAX_LENGTH
"""Characters of what was typed or pasted that are read at all: the rest is cut before cleaning."""
MAX_WORDS = 32
MAX_DEPTH = 8
OPERATORS = ("AND", "OR", "NOT", "ANDNOT", "ANDMAYBE")

LAST_WORD = re.compile(WORD_PATTERN + "$")
_SPACE = re.compile(r"\s+")
_SCHEMA: Schema | None = None


@dataclass
class Prepared:
    text: str
    messages: list[str] = field(default_factory=list)


def schema() -> Schema:
    global _SCHEMA
    if _SCHEMA is None:
        _SCHEMA = make_schema()
    return _SCHEMA


def prepare(raw: str) -> Prepared:
    """``raw`` made safe to parse, with a message for each change a person would not expect."""
    # Compatibility forms made plain first (full-width ``ｋｉｎｄ：`` and ``ＮＯＴ``, circled
    # ``ⓢ``, mathematical bold), so field names and operators are read as their plain forms.
    cut_raw = len(raw) > MAX_RAW_LENGTH
    raw = raw[:MAX_RAW_LENGTH]
    prepared = Prepared(_SPACE.sub(" ", unicodedata.normalize("NFKC", clean_text(raw))).strip())
    text = prepared.text
    if cut_raw or len(text) > MAX_LENGTH:
        if len(text) > MAX_LENGTH:
            cut = text.rfind(" ", MAX_LENGTH // 2, MAX_LENGTH + 1)
            text = text[: cut if cut > 0 else MAX_LENGTH].rstrip()
        prepared.messages.append(
            f"The query was too long: only its first {len(text)} characters were used."
        )
    words = text.split(" ")
    if len(words) > MAX_WORDS:
        text = " ".join(words[:MAX_WORDS])
        prepared.messages.append(
            f"The query had too many words: only the first {MAX_WORDS} were used."
        )
    if text.count('"') % 2:
        i = text.rfind('"')
        text = (text[:i] + " " + text[i + 1 :]).strip()
        prepared.messages.append(
            "A quote was not closed, so the words after it were searched for one by one."
        )
    depth, balanced = _bracket_depth(text)
    if not balanced or depth > MAX_DEPTH:
        text = _without_brackets(text)
        prepared.messages.append(
            "The brackets did not match, so they were ignored."
            if not balanced
            else f"Brackets nested more than {MAX_DEPTH} deep were ignored."
        )
    text, stacked, doubled = _without_stacked_operators(_SPACE.sub(" ", text).strip())
    if stacked:
        prepared.messages.append(
            "An operator right after another could not be read, so it was left out."
        )
    if doubled:
        prepared.messages.append("NOT NOT cancels itself, so both were left out.")
    text, dangling = _without_dangling_operators(text)
    if dangling:
        prepared.messages.append(
            "ANDNOT and ANDMAYBE need words on both sides: one without them was left out."
        )
    prepared.text = text
    return prepared


STACKS_BADLY = {
    "NOT": set(OPERATORS),
    "ANDNOT": {"ANDNOT", "ANDMAYBE"},
    "ANDMAYBE": {"ANDNOT", "ANDMAYBE"},
}
"""The operators that the query parser cannot read right after each operator (``NOT AND x``,
``x ANDNOT ANDMAYBE y`` fail inside it)."""


def _without_stacked_operators(text: str) -> tuple[str, bool, bool]:
    """``text`` without an operator that directly follows one it cannot follow, with no bracket
    between them (outside quotes); whether one was left out, and whether a ``NOT NOT`` was
    (left out whole: leaving one ``NOT`` would ask for the opposite)."""
    kept: list[str] = []
    dropped = doubled = False
    quoted = False
    for word in text.split(" "):
        last = kept[-1] if kept and not quoted else ""
        core = word.rstrip(")")
        if (
            not quoted
            and not last.endswith(")")
            and core in STACKS_BADLY.get(last.lstrip("("), ())
        ):
            closing = word[len(core) :]
            if core == "NOT" and last.lstrip("(") == "NOT":  # a double negation: neither
                doubled = True
                opening = kept.pop()[: -len("NOT")]
                if opening + closing:  # the brackets stay
                    kept.append(opening + closing)
            else:
                dropped = True
                if closing:  # its closing brackets stay
                    kept[-1] += closing
        else:
            kept.append(word)
        quoted ^= word.count('"') % 2 == 1
    return " ".join(kept), dropped, doubled


NEEDS_BOTH_SIDES = ("ANDNOT", "ANDMAYBE")
"""The operators that the parser reads as plain words when a side is missing (``x ANDNOT``):
words that no text holds, so nothing was found."""


def _without_dangling_operators(text: str) -> tuple[str, bool]:
    """``text`` without a :data:`NEEDS_BOTH_SIDES` operator that has no word on one side (at an
    end of the query or of its brackets, outside quotes), and whether one was left out."""
    words = text.split(" ")
    kept: list[str] = []
    dropped = False
    quoted = False
    for index, word in enumerate(words):
        core = word.strip("()")
        if not quoted and core in NEEDS_BOTH_SIDES:
            before = kept[-1] if kept else ""
            after = words[index + 1] if index + 1 < len(words) else ""
            if (
                not before
                or before.endswith("(")
                or word.startswith("(")
                or not after
                or after.startswith(")")
                or word.endswith(")")
            ):
                dropped = True
                brackets = word.replace(core, "")
                if brackets:
                    kept.append(brackets)
                continue
        kept.append(word)
        quoted ^= word.count('"') % 2 == 1
    return " ".join(kept), dropped


def _bracket_depth(text: str) -> tuple[int, bool]:
    """The deepest nesting of round brackets outside quotes, and whether they all match."""
    depth = deepest = 0
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif char == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif char == ")":
            depth -= 1
            if depth < 0:
                return deepest, False
    return deepest, depth == 0


def _without_brackets(text: str) -> str:
    out = []
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        if not quoted and char in "()":
            out.append(" ")
        else:
            out.append(char)
    return "".join(out)


def has_words(text: str) -> bool:
    return WORD.search(text) is not None or "*" in text


def parser() -> qparser.QueryParser:
    """A parser of the query language over the title and body fields. Cheap: one per query."""
    result = qparser.MultifieldParser(list(TEXT_FIELDS), schema(), fieldboosts=FIELD_BOOSTS)
    result.add_plugin(qparser.FuzzyTermPlugin())
    return result


def parse(text: str) -> query.Query:
    return parser().parse(text)


def as_prefix(text: str) -> str:
    """``text`` with its last word made a prefix (``word*``), for a query typed as it is being
    written; unchanged if it does not end in a word, or ends in an operator.

    A last word that a finished query leaves out (a stop word such as ``of``, or a single
    letter) is left as it is when other words come before it: as a prefix it would be one more
    word every hit must hold (``of*``: ``office``, ``offer``), so the query being typed would find
    less than the same query finished (``negotiating OR "sphere of`` found one hit as it was
    typed and two once entered)."""
    last = LAST_WORD.search(text)
    if last is None or last.group() in OPERATORS:
        return text
    if stem(last.group().lower()) is None and has_words(text[: last.start()]):
        return text
    return text + "*"
