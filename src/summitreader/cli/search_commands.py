"""``search``: full-text search of the article, its index and the reader's notes."""

from __future__ import annotations

import argparse
import itertools
import re
import shutil
import sys

from summitreader.cli.context import Context
from summitreader.cli.output import emit_json, styled
from summitreader.search.documents import card_text
from summitreader.search.results import KINDS, Hit, SearchResult
from summitreader.text import clean_text, plural, visible

DEFAULT_LIMIT = 20
MAX_LIMIT = 1000


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    search = sub.add_parser(
        "search",
        help="search the article, its index and your notes",
        description='Words (all required), "phrases", AND, OR, NOT, brackets, filters such as '
        "kind:meeting, date:2018 or section:analysis, word* for a prefix. A word finds its "
        "family (interfering finds interference), and a misspelt word the words it is close to.",
    )
    search.add_argument("query", metavar="QUERY", nargs="+", help="what to look for")
    search.add_argument(
        "--kind",
        action="append",
        choices=KINDS,
        metavar="K",
        help=f"only hits of this kind ({', '.join(KINDS)}); may be repeated",
    )
    search.add_argument(
        "--limit",
        type=_limit,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"show at most N hits (default {DEFAULT_LIMIT})",
    )
    search.add_argument("--json", action="store_true", help="print a JSON array of the hits")
    search.set_defaults(handler=search_command)


def _limit(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 1 <= number <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"must be between 1 and {MAX_LIMIT}")
    return number


def search_command(args: argparse.Namespace, context: Context) -> int:
    query = " ".join(args.query)
    if not visible(clean_text(query)):  # said, where "No matches." would puzzle
        if args.json:
            emit_json([])
        else:
            print(
                "The query holds nothing to look for (only spaces, control or invisible "
                "characters)."
            )
        return 0
    index = context.search_index
    index.set_notes(_notes(context), _cards(context))
    result = index.search(query, kinds=args.kind, limit=args.limit)
    _tell(result)
    if args.json:
        emit_json([hit_dict(hit) for hit in result.hits])
    else:
        print_hits(result)
    return 0


def _cards(context: Context) -> list[tuple[str, str, int, str]]:
    try:
        cards = context.store.my_cards()
    except Exception:  # noqa: BLE001 - search works without the reader's cards
        return []
    return [(c.uid, c.section, c.paragraph, card_text(c.kind, c.front, c.back)) for c in cards]


def _notes(context: Context) -> list[tuple[int, str, int, str]]:
    try:
        notes = context.store.notes()
    except Exception:  # noqa: BLE001 - search works without the notes
        return []
    return [(note.id, note.section, note.paragraph, note.text) for note in notes]


def hit_dict(hit: Hit) -> dict[str, object]:
    return {
        "kind": hit.kind,
        "id": clean_text(hit.id),
        "title": clean_text(hit.title),
        "section": clean_text(hit.section) if hit.section is not None else None,
        "paragraph": hit.paragraph,
        "snippet": _one_line(hit.snippet_text),
        "score": round(hit.score, 4),
    }


def print_hits(result: SearchResult) -> None:
    if not result.hits:
        print("No matches.")  # as the app says
        return
    bold = styled()
    for number, hit in enumerate(result.hits):
        if number:
            print()
        where = _one_line(hit.where)
        heading = where if hit.kind == "paragraph" else f"{_one_line(hit.title)} — {where}"
        print(heading)
        for line in snippet_lines(hit, shutil.get_terminal_size().columns - len(INDENT), bold):
            print(INDENT + line if line else "")
    if result.total > len(result.hits):
        print(f"\n{len(result.hits)} of {result.total} matches; --limit shows more.")
    else:  # the count is always said: a reader of a short list knows it is all
        print(f"\n{plural(len(result.hits), 'match', 'matches')}.")


INDENT = "  "
"""A snippet's lines are indented under their hit's heading."""
MIN_ROOM = 20


def snippet_lines(hit: Hit, room: int, bold: bool) -> list[str]:
    """The snippet wrapped at word ends in ``room`` columns (at least :data:`MIN_ROOM`), its
    matched words in bold when ``bold``; the lines of a code block stay lines."""
    chars: list[tuple[str, bool]] = []
    for segment in hit.snippet:
        for number, line in enumerate(segment.text.split("\n")):
            if number:
                chars.append(("\n", False))
            chars.extend((char, segment.match) for char in _one_line(line, strip=False))
    plain = "".join(char for char, _ in chars)
    lines: list[str] = []
    offset = 0
    for hard in plain.split("\n"):
        for start, end in _wrapped(hard, max(room, MIN_ROOM)):
            lines.append(_styled(chars[offset + start : offset + end], bold))
        offset += len(hard) + 1
    return lines


def _wrapped(text: str, room: int) -> list[tuple[int, int]]:
    """Where ``text``'s lines start and end, wrapped at spaces in ``room`` characters, as the
    tables count them (a word longer than that has a line of its own). The command line does
    not load Rich, whose cell widths would count wide characters twice."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    end = 0
    for word in re.finditer(r"\S+", text):
        if start is not None and word.end() - start > room:
            spans.append((start, end))
            start = None
        if start is None:
            start = word.start()
        end = word.end()
    spans.append((start, end) if start is not None else (0, 0))
    return spans


def _styled(chars: list[tuple[str, bool]], bold: bool) -> str:
    """The characters, each run of matched ones in bold when ``bold``."""
    out: list[str] = []
    for match, run in itertools.groupby(chars, key=lambda pair: pair[1]):
        text = "".join(char for char, _ in run)
        out.append(f"\x1b[1m{text}\x1b[22m" if match and bold and text.strip() else text)
    return "".join(out)


def _tell(result: SearchResult) -> None:
    """The message and the suggestion, for people: on stderr, out of the way of the hits."""
    if result.message:
        print(f"summitreader: {_one_line(result.message)}", file=sys.stderr)
    if result.suggestion and result.corrected:
        print(f"Showing results for “{_one_line(result.suggestion)}”.", file=sys.stderr)
    elif result.suggestion:
        print(f"Did you mean: {_one_line(result.suggestion)}", file=sys.stderr)


def _one_line(text: str, strip: bool = True) -> str:
    line = clean_text(text).replace("\n", " ").replace("\t", " ")
    return line.strip() if strip else line
