"""A section's Markdown split into addressable paragraphs, and each paragraph's inline Markdown as
runs of plain text with their emphasis.

The same runs give a paragraph's plain text (for search, mentions and cards) and its rendering in
the app, so offsets into the plain text always line up with what is shown. They are made once,
when the pack is loaded (:attr:`Paragraph.runs`).

Inline Markdown is parsed by markdown-it-py's inline rules (emphasis, links, images, code spans),
whose delimiter matching takes time in proportion to the text: unclosed ``**``, ``_`` or ``[`` by
the thousand, as a hostile pack may hold, cost no more than any other characters. (A regular
expression that looks ahead for each opener's closer takes time in the square of the text's
length: minutes for a paragraph of a hundred kilobytes.) But markdown-it's own emphasis and link
matching still grows faster than the text on crafted input (``*a **b`` or ``[[[x]]]`` repeated:
half a minute for a paragraph of 0.7 MB; it looks for each ``[``'s closing ``]`` again from every
``[``, so ``"[x]["`` by the ten thousand took seconds), so a paragraph with more inline marks than
:data:`MAX_INLINE_MARKS`, or with many marks making up more than a third of it
(:func:`too_much_markup`), is not parsed: it is shown as its plain text, marks and all, and
``validate`` warns of it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from itertools import groupby

from markdown_it import MarkdownIt
from markdown_it.token import Token

from summitreader.pack.model import Paragraph, Run

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_BLANKISH = frozenset(" \t\u00a0")


def _indented(block: str) -> bool:
    """Whether every line of ``block`` is indented four spaces (or a tab), but for lines of only
    spaces (a no-break space among them): an indented code block. Line by line: one pattern whose
    two kinds of line both took a line of spaces went back over 2ⁿ ways on a failing block."""
    lines = block.split("\n")
    return lines[0].startswith(("    ", "\t")) and all(
        line.startswith(("    ", "\t")) or set(line) <= _BLANKISH for line in lines[1:]
    )
CODE_BLANK = "\u00a0"
"""A blank line of a code block as ``add`` writes it (a no-break space), so the block stays one
paragraph where blank lines part paragraphs."""
_LIST_MARKER = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+")
_LIST_LINE = re.compile(r"^ {0,3}(?:[-*+]|\d{1,3}[.)])\s+")
"""A line that starts a list item (``- x``, ``12. x``): one under another is a tight list."""
_HEADING = re.compile(r"^#{1,6}\s+")
_MARKUP = re.compile(r"[*_\[`]")
"""What every styled run needs: emphasis marks, a link or image's bracket, a code span's tick."""
_INLINE_MARKS = frozenset("*_[]`!")
MAX_INLINE_MARKS = 1000
"""A paragraph with more inline marks (``*``, ``_``, ``[``, ``]``, `````, ``!``) is plain text."""
DENSE_MARKS = 64
"""A paragraph with more marks than this, making up over a third of its characters, is plain
text too: no prose written to be read is so thick with marks."""
INLINE_RULES = ("emphasis", "link", "image", "backticks")
"""The markdown-it inline rules used: nothing else (no HTML, no entities, no autolinks)."""


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """markdown-it with only :data:`INLINE_RULES`. Link targets are kept as written: what a
    link may open is decided where it is opened, and the reader is shown the target first."""
    md = MarkdownIt("zero").enable(list(INLINE_RULES))
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    md.normalizeLink = lambda url: url  # type: ignore[method-assign]
    md.normalizeLinkText = lambda link: link  # type: ignore[method-assign]
    return md


def split_paragraphs(section_id: str, markdown: str) -> tuple[Paragraph, ...]:
    """The blocks of ``markdown`` separated by blank lines, numbered from 1, each parsed once. A
    fenced code block is one block, blank lines and all; a block indented four spaces (not under
    a list item) is a code block too; list items are numbered as Markdown numbers them. The items
    of a tight list (one item a line, no blank line between) are a paragraph each, marked
    :attr:`~Paragraph.tight` but the last; every item carries the width of its list's widest
    marker."""
    paragraphs: list[Paragraph] = []
    previous: tuple[str, int] | None = None  # the last ordered item's delimiter and number
    for number, (block, fenced, tight) in enumerate(_items(_blocks(markdown)), start=1):
        after_item = bool(paragraphs) and paragraphs[-1].list_item
        code = fenced or (not after_item and _indented(block))
        if code:
            text = code_text(block, fenced)
            paragraphs.append(
                Paragraph(
                    section=section_id,
                    number=number,
                    markdown=block.strip("\n") if fenced else block.strip(),
                    text=text,
                    runs=(Run(text, code=True),) if text else (),
                    code=True,
                )
            )
            previous = None
            continue
        block = block.strip()
        runs = tuple(inline_runs(block))
        marker, previous = _marker(block, previous)
        paragraphs.append(
            Paragraph(
                section=section_id,
                number=number,
                markdown=block,
                text="".join(run.text for run in runs),
                list_item=bool(marker),
                runs=runs,
                marker=marker,
                tight=tight and bool(marker),
            )
        )
    return _aligned(paragraphs)


def _items(blocks: list[tuple[str, bool]]) -> list[tuple[str, bool, bool]]:
    """``blocks`` with each block of list items (one item a line, its continuation lines under
    it) cut into one block per item: ``(block, fenced, tight)``, where ``tight`` says the next
    item follows with no blank line between."""
    result: list[tuple[str, bool, bool]] = []
    for block, fenced in blocks:
        lines = block.split("\n")
        if fenced or not _LIST_LINE.match(lines[0]):
            result.append((block, fenced, False))
            continue
        items: list[list[str]] = []
        for line in lines:
            if _LIST_LINE.match(line) or not items:
                items.append([line])
            else:
                items[-1].append(line)
        for n, item in enumerate(items, start=1):
            result.append(("\n".join(item), False, n < len(items)))
    return result


def _aligned(paragraphs: list[Paragraph]) -> tuple[Paragraph, ...]:
    """``paragraphs`` with each list item given the width of its list's widest marker (a list:
    items one after the other, all bullets or all numbered with one delimiter)."""
    result = list(paragraphs)
    start = 0
    while start < len(result):
        if not result[start].list_item:
            start += 1
            continue
        end = start + 1
        while end < len(result) and _same_list(result[end - 1], result[end]):
            end += 1
        width = max(len(p.marker) for p in result[start:end])
        for n in range(start, end):
            result[n] = replace(result[n], marker_width=width)
        start = end
    return tuple(result)


def _same_list(one: Paragraph, two: Paragraph) -> bool:
    if not (one.list_item and two.list_item):
        return False
    if one.marker == "•" or two.marker == "•":
        return one.marker == two.marker
    return one.marker[-1] == two.marker[-1]


def _blocks(markdown: str) -> list[tuple[str, bool]]:
    """``markdown``'s blocks as written, each with whether it is a fenced code block: blank lines
    part blocks, but not inside a fence (which also ends the paragraph before it)."""
    blocks: list[tuple[str, bool]] = []
    current: list[str] = []
    fence = ""

    def flush(fenced: bool = False) -> None:
        if any(line.strip(" \t") for line in current):
            blocks.append(("\n".join(current), fenced))
        current.clear()

    for line in markdown.replace("\r\n", "\n").split("\n"):
        if fence:
            current.append(line)
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                flush(fenced=True)
                fence = ""
            continue
        opened = _FENCE.match(line)
        if opened:
            flush()
            fence = opened.group(1)
            current.append(line)
        elif line.strip(" \t"):
            current.append(line)
        else:
            flush()
    flush(fenced=bool(fence))
    return blocks


def code_text(block: str, fenced: bool) -> str:
    """A code block's lines as shown: without its fences (or the four spaces of an indented
    block), tabs as four spaces, a line holding only a no-break space (how a blank line of code
    is written where blank lines part paragraphs) blank, trailing spaces dropped."""
    lines = block.strip("\n").split("\n")
    if fenced:
        opener = _FENCE.match(lines[0])
        indent = len(lines[0]) - len(lines[0].lstrip(" "))
        fence = opener.group(1) if opener else "```"
        lines = lines[1:]
        if lines and lines[-1].strip().startswith(fence) and not lines[-1].strip().strip(fence[0]):
            lines = lines[:-1]
        lines = [_dedent(line, indent) for line in lines]
    else:
        lines = [line[1:] if line.startswith("\t") else _dedent(line, 4) for line in lines]
    shown = [line.replace("\t", "    ").rstrip().replace(CODE_BLANK, "", 1) for line in lines]
    shown = ["" if not line.strip(" " + CODE_BLANK) else line for line in shown]
    return "\n".join(shown).strip("\n")


def _dedent(line: str, spaces: int) -> str:
    cut = len(line) - len(line.lstrip(" "))
    return line[min(cut, spaces) :]


def _marker(block: str, previous: tuple[str, int] | None) -> tuple[str, tuple[str, int] | None]:
    """A list item's marker as shown, and what the next item of its list counts from: an item
    of an ordered list that goes on (same delimiter, right after an item of it) takes the next
    number; a list's first item keeps its own (``0.``, ``3)``)."""
    found = _LIST_MARKER.match(block)
    if found is None:
        return "", None
    mark = found.group().strip()
    if mark in ("-", "*", "+"):
        return "•", None
    delimiter = mark[-1]
    number = int(mark[:-1])
    if previous is not None and previous[0] == delimiter:
        number = previous[1] + 1
    return f"{number}{delimiter}", (delimiter, number)


def inline_runs(block: str) -> list[Run]:
    """``block`` (one paragraph) as styled runs: list marker and heading marks removed,
    whitespace collapsed, emphasis, links and code spans turned into run styles."""
    text = " ".join(block.split())
    text = _LIST_MARKER.sub("", text, count=1)
    text = _HEADING.sub("", text, count=1)
    if _MARKUP.search(text) is None or too_much_markup(text):  # shown as written: one plain run
        return [Run(text)] if text else []
    runs: list[Run] = []
    for token in parser().parseInline(text):
        _collect(token.children or [], runs)
    return [run for run in _merged(runs) if run.text]


def too_much_markup(text: str) -> bool:
    """Whether ``text`` has too many inline marks to be parsed in bounded time (then it is shown
    as plain text): more than :data:`MAX_INLINE_MARKS`, or more than :data:`DENSE_MARKS` making
    up over a third of its characters."""
    marks = sum(text.count(mark) for mark in _INLINE_MARKS)
    return marks > MAX_INLINE_MARKS or (marks > DENSE_MARKS and marks * 3 > len(text))


def _collect(tokens: list[Token], runs: list[Run]) -> None:
    strong = emphasis = 0
    url: str | None = None
    opened = 0  # where the open link's runs start in ``runs``
    for token in tokens:
        kind = token.type
        if kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong -= 1
        elif kind == "em_open":
            emphasis += 1
        elif kind == "em_close":
            emphasis -= 1
        elif kind == "link_open":
            url = str(token.attrs.get("href", ""))
            opened = len(runs)
        elif kind == "link_close":
            if url and not any(run.text for run in runs[opened:]):
                # A link with no text shows where it goes rather than nothing.
                runs.append(Run(url, strong=strong > 0, emphasis=emphasis > 0, url=url))
            url = None
        elif kind in {"text", "image", "code_inline"}:
            # An image shows as its description, like a link label; a code span as italic text.
            text = token.content
            target = str(token.attrs.get("src", "")) if kind == "image" else url
            if kind == "image" and not text:
                text = target or ""  # an image with no description shows where it is
            runs.append(
                Run(
                    text,
                    strong=strong > 0,
                    emphasis=emphasis > 0,
                    code=kind == "code_inline",
                    url=target,
                )
            )
        elif kind in {"softbreak", "hardbreak"}:
            runs.append(Run(" ", strong=strong > 0, emphasis=emphasis > 0, url=url))


def _merged(runs: list[Run]) -> list[Run]:
    """Neighbouring runs of one style made one (markdown-it splits text at every delimiter it
    tried); code spans stay apart."""
    merged: list[Run] = []
    for key, group in groupby(runs, key=_style):
        if key[2]:
            merged.extend(group)
        else:
            merged.append(Run("".join(run.text for run in group), *key))
    return merged


def _style(run: Run) -> tuple[bool, bool, bool, str | None]:
    return run.strong, run.emphasis, run.code, run.url


def plain_text(block: str) -> str:
    """``block`` without Markdown syntax: the concatenated text of its runs."""
    return "".join(run.text for run in inline_runs(block))


__all__ = [
    "INLINE_RULES",
    "MAX_INLINE_MARKS",
    "Run",
    "inline_runs",
    "plain_text",
    "split_paragraphs",
    "too_much_markup",
]
