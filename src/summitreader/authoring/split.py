"""An article's text cut into a title and sections of paragraphs.

Markdown: its headings make the sections (the text before the first one is an introduction); a
first-level heading at the very top is the title. Plain text: a short line standing alone that
reads like a heading (``CHAPTER IV.``, ``Part Two``, a line in capitals) starts a section, the
lines of a paragraph are joined, and a scene break (a line of only ``*``, ``-``, ``~``, ``#`` and
spaces: ``*    *    *``) separates paragraphs, never joining one or a heading. A book's
chapter headings, recurring through it (see :mod:`~summitreader.authoring.chapters`), make
its chapters sections, each kept whole up to :data:`CHAPTER_WORDS` (longer, it is cut into
parts: ``Chapter 2 (2 of 3)``). A text without headings, and any other section longer than
:data:`MAX_WORDS`, is cut at paragraph breaks into parts of about :data:`PART_WORDS` words.
Every list item is a paragraph of its own, as the pack format wants.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from summitreader.authoring.chapters import chapters
from summitreader.authoring.words import SMALL_WORDS, title_case
from summitreader.text import visible

__all__ = ["SMALL_WORDS", "Article", "Draft", "split_markdown", "split_text", "title_case"]

MAX_WORDS = 1500
"""A section longer than this is cut into parts."""
PART_WORDS = 800
"""About how long a part is (it ends at the first paragraph break past this)."""
CHAPTER_WORDS = 6000
"""A chapter of a book (see :mod:`~summitreader.authoring.chapters`) longer than this (half an
hour's reading) is cut into parts of about equal length, each at most this long."""
TITLE_LENGTH = 120
CODE_BLANK_LINE = "\u00a0"
"""A blank line of a code block, as written in the section's file."""

_ATX_OPENING = re.compile(r" {0,3}(#{1,6})(?=\s)")
"""The opening of an ATX heading (``## Title``); the rest of the line is read by :func:`_atx`."""
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,3}[.)])\s+")
_THEMATIC_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
"""A Markdown thematic break: three or more ``*``, ``-`` or ``_``, spaces between."""
_SCENE_BREAK = re.compile(r"^[*\-~#\u2013\u2014\u2015\u2012 \t]+$")
"""A line of a scene break: ``*``, ``-``, ``~``, ``#``, dashes and spaces only."""
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.DOTALL)
_TEXT_HEADING = re.compile(
    r"^(?:chapter|book|part|section|act|scene|volume|canto|letter|preface|prologue|epilogue|"
    r"introduction|conclusion|appendix)\b[\w .:'’-]{0,70}$",
    re.IGNORECASE,
)


@dataclass
class Draft:
    """A section before it is written: its title, heading level and paragraphs (Markdown)."""

    title: str
    blocks: list[str] = field(default_factory=list)
    level: int = 1
    chapter: str = ""
    """The kind of chapter heading that starts it (``chapter``, ``book``, ``roman`` …; see
    :mod:`~summitreader.authoring.chapters`), if one does: a chapter is kept whole up to
    :data:`CHAPTER_WORDS`."""
    named: bool = False
    """Started by a heading that names a part of a text (``Part Two``, ``Appendix``)."""
    tight: set[int] = field(default_factory=set)
    """The blocks (by index) that are items of a tight list followed by the next item: written
    with no blank line between (as the pack format reads a tight list)."""

    @property
    def words(self) -> int:
        return sum(len(b.split()) for b in self.blocks)


@dataclass
class Article:
    title: str
    sections: list[Draft]


def split_markdown(text: str) -> Article:
    title = ""
    front = _FRONT_MATTER.match(text)
    if front:
        found = re.search(r"^title:\s*['\"]?(.*?)['\"]?\s*$", front.group(1), re.MULTILINE)
        title = found.group(1) if found else ""
        text = text[front.end() :]
    drafts = [Draft("Introduction", level=0)]
    current: list[str] = []
    fenced = False

    def flush() -> None:
        block = "\n".join(current).strip()
        current.clear()
        if block:
            items = _list_items(block)
            draft = drafts[-1]
            draft.tight.update(range(len(draft.blocks), len(draft.blocks) + len(items) - 1))
            draft.blocks.extend(items)

    lines = text.split("\n")
    for number, line in enumerate(lines):
        if _FENCE.match(line):
            if not fenced:
                flush()  # a code block is a paragraph of its own
            fenced = not fenced
            current.append(line)
            if not fenced:
                flush()
            continue
        if fenced:
            # A blank line ends a paragraph in a pack: inside code it is kept as a line holding
            # a no-break space, so the block stays one paragraph.
            current.append(line.rstrip() or CODE_BLANK_LINE)
            continue
        heading = _atx(line)
        if heading is None and _SETEXT.match(line) and len(current) == 1 and current[0].strip():
            level = 1 if line.strip().startswith("=") else 2
            heading_text = current.pop().strip()
        elif heading is not None:
            level, heading_text = heading
        else:
            if not line.strip() or _THEMATIC_BREAK.match(line):
                flush()  # a thematic break (* * *, ---, ___) ends a paragraph and is no text
            else:
                current.append(line)
            continue
        flush()
        as_written = _plain_heading(heading_text, recase=False)
        if not as_written:
            continue
        only_intro = len(drafts) == 1 and not drafts[0].blocks
        if level == 1 and only_intro and not title and _is_lone_h1(lines, number):
            title = as_written  # a title in capitals is kept so: GNU stays GNU
            continue
        drafts.append(Draft(_plain_heading(heading_text), level=level))
    flush()
    return Article(title, _finish(drafts))


def without_title(article: Article, title: str) -> None:
    """Leave out of ``article``'s first section a leading heading or paragraph that only says
    ``title`` again (an HTML page's article often opens with its title, as a heading of any
    level or a line in bold): the pack's title is shown above it already."""
    if not article.sections:
        return
    wanted = _same_text(title)
    first = article.sections[0]
    if not wanted:
        return
    if first.level > 0 and _same_text(first.title) == wanted:
        first.title, first.level = "Introduction", 0  # its heading was the title
    if first.blocks and _same_text(first.blocks[0]) == wanted:
        del first.blocks[0]
        first.tight = {n - 1 for n in first.tight if n > 0}
        if not first.blocks:
            del article.sections[0]


def _same_text(text: str) -> str:
    """``text`` as compared with a title: without Markdown marks, case, or closing stops."""
    plain = _plain_heading(text.lstrip("#").strip(), recase=False)
    return " ".join(plain.casefold().split()).strip(" .:").strip()


def _atx(line: str) -> tuple[int, str] | None:
    """An ATX heading's level and text (``## Title ##``: a closing run of ``#`` after a space is
    no text), or None; in time linear in the line (one pattern whose groups shared the spaces took
    minutes on a heading of a few thousand spaces)."""
    opening = _ATX_OPENING.match(line)
    if opening is None:
        return None
    text = line[opening.end() :].strip()
    closed = text.rstrip("#")
    if closed != text and (not closed or closed[-1].isspace()):
        text = closed.rstrip()
    return len(opening.group(1)), text


def _is_lone_h1(lines: list[str], number: int) -> bool:
    """Whether the first-level heading at ``number`` is the only one (then it is the title)."""
    return not any(
        (h := _atx(line)) is not None and h[0] == 1 for line in lines[number + 1 :]
    )


def split_text(text: str) -> Article:
    drafts = [Draft("Introduction", level=0)]
    title = ""
    blocks = [
        lines
        for block in re.split(r"\n[ \t]*\n", text)
        for lines in _between_breaks([line.strip() for line in block.split("\n") if line.strip()])
    ]
    chapter_at = chapters(blocks)
    for number, lines in enumerate(blocks):
        if not lines:
            continue
        chapter = chapter_at.get(number)
        if chapter is not None:
            drafts.append(Draft(chapter.text[:TITLE_LENGTH], level=1, chapter=chapter.kind))
            continue
        if (
            len(lines) > 1
            and not title
            and len(drafts) == 1
            and not drafts[0].blocks
            and _looks_like_title(lines[0])
        ):
            # The text opens with its title over a line or two: ``GNU GENERAL PUBLIC LICENSE``
            # then ``Version 3, 29 June 2007``.
            title = _plain_heading(lines[0], recase=False)
            lines = lines[1:]
        if len(lines) == 1 and _TEXT_HEADING.match(lines[0]):
            drafts.append(Draft(lines[0].rstrip(".").strip(), level=1, named=True))
            continue
        in_chapters = bool(chapter_at) and number > min(chapter_at)
        if len(lines) == 1 and _looks_like_title(lines[0]) and not in_chapters:
            # In a book's chapters a line in capitals is the text's (``CHORUS.``, ``THE END``).
            if not title and len(drafts) == 1 and not drafts[0].blocks:
                title = _plain_heading(lines[0], recase=False)
            else:
                drafts.append(Draft(_plain_heading(lines[0]), level=1))
            continue
        if (
            len(lines) == 1
            and drafts[-1].level == 1
            and not drafts[-1].blocks
            and (len(lines[0]) <= 80 and not lines[0].endswith((".", ",", ";", "!", "?", '"', "”")))
        ):
            # A chapter's own title under its number: ``CHAPTER I`` then ``Of the Coming``.
            joiner = ". " if drafts[-1].chapter else ": "
            drafts[-1].title = f"{drafts[-1].title}{joiner}{' '.join(lines)}"[:TITLE_LENGTH]
            continue
        drafts[-1].blocks.append(" ".join(lines))
    return Article(title, _finish(drafts))


def is_scene_break(line: str) -> bool:
    """A line of only ``*``, ``-``, ``~``, ``#``, dashes and spaces (``*    *    *``, ``***``,
    ``—``): a break between scenes, which separates paragraphs and is no text of its own."""
    return bool(_SCENE_BREAK.match(line))


def _between_breaks(lines: list[str]) -> list[list[str]]:
    """A block's lines cut at its scene-break lines, which are left out: what is between them
    (a block of a plain text may be one line, or none: a block of only breaks is no block)."""
    cut: list[list[str]] = [[]]
    for line in lines:
        if is_scene_break(line):
            cut.append([])
        else:
            cut[-1].append(line)
    return [part for part in cut if part]


def _looks_like_title(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return (
        len(line) <= 70
        and len(letters) >= 3
        and all(c.isupper() for c in letters)
        and not line.endswith((",", ";"))
    )


def _plain_heading(text: str, *, recase: bool = True) -> str:
    """A heading's text without Markdown marks; title-cased when in capitals and ``recase``
    (the pack's title is not: a title in capitals may hold an acronym, ``GNU``, that title
    case would lose)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`]+", "", text)
    text = " ".join(text.split())
    if recase and text.isupper() and len(text) > 3:
        text = title_case(text)
    # A heading of nothing that shows (zero-width spaces) is no heading: no title is empty.
    return text[:TITLE_LENGTH] if visible(text) else ""


def _list_items(block: str) -> list[str]:
    """A block of list items cut into one block per item (continuation lines kept with theirs)."""
    lines = block.split("\n")
    if not _LIST_ITEM.match(lines[0]) or _FENCE.match(lines[0]):
        return [block]
    items: list[list[str]] = []
    for line in lines:
        if _LIST_ITEM.match(line) or not items:
            items.append([line.strip()])
        else:
            items[-1].append(line.strip())
    return ["\n".join(item) for item in items]


def _finish(drafts: list[Draft]) -> list[Draft]:
    """Empty sections left out (a heading straight over a sub-heading gives its title to the
    next), then long ones cut into parts."""
    kept: list[Draft] = []
    pending: Draft | None = None
    for draft in drafts:
        if not draft.blocks:
            if draft.level > 0:
                pending = draft
            continue
        if pending is not None and draft.level > 0 and _heads(pending, draft):
            draft.title = f"{pending.title}: {draft.title}"[:TITLE_LENGTH]
        pending = None
        kept.append(draft)
    result: list[Draft] = []
    for draft in kept:
        result.extend(_parts(draft))
    if len(result) == 1 and result[0].title == "Introduction" and result[0].level == 0:
        result[0].title = "The text"
    return result


def _heads(over: Draft, draft: Draft) -> bool:
    """Whether the empty section ``over`` gives its title to ``draft`` below it: a chapter takes
    only a heading naming a larger part (``Book One: Chapter I``), not a line in capitals of the
    front matter, nor a chapter of its own kind (a table of contents)."""
    if not draft.chapter:
        return True
    return over.chapter != draft.chapter and (bool(over.chapter) or over.named)


def _parts(draft: Draft) -> list[Draft]:
    if draft.chapter:
        return _chapter_parts(draft)
    if draft.words <= MAX_WORDS:
        return [draft]
    parts: list[list[int]] = [[]]
    words = 0
    for n, block in enumerate(draft.blocks):
        if words >= PART_WORDS:
            parts.append([])
            words = 0
        parts[-1].append(n)
        words += len(block.split())
    if len(parts) > 1 and sum(len(draft.blocks[n].split()) for n in parts[-1]) < PART_WORDS // 4:
        parts[-2].extend(parts.pop())
    return _titled(draft, parts)


def _chapter_parts(draft: Draft) -> list[Draft]:
    """A chapter whole; one over :data:`CHAPTER_WORDS` cut at paragraph breaks into as few parts
    of about equal length as keep each under it (a paragraph longer than that is a part)."""
    total = draft.words
    if total <= CHAPTER_WORDS:
        return [draft]
    count = -(-total // CHAPTER_WORDS)
    share = total / count
    parts: list[list[int]] = [[]]
    words = 0
    for n, block in enumerate(draft.blocks):
        size = len(block.split())
        if parts[-1] and words + size > share * len(parts) and len(parts) < count:
            parts.append([])
        parts[-1].append(n)
        words += size
    return _titled(draft, parts)


def _titled(draft: Draft, parts: list[list[int]]) -> list[Draft]:
    """The parts of ``draft`` (each the indexes of its blocks), titled ``Part 2`` (of a text
    without headings) or ``Chapter 2 (2 of 3)``."""
    if len(parts) == 1:
        return [draft]
    untitled = draft.level == 0
    return [
        Draft(
            f"Part {n}" if untitled else f"{draft.title} ({n} of {len(parts)})",
            [draft.blocks[i] for i in part],
            draft.level,
            draft.chapter,
            tight={k for k, i in enumerate(part[:-1]) if i in draft.tight},
        )
        for n, part in enumerate(parts, start=1)
    ]
