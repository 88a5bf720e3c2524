"""An article's text cut into a title and sections of paragraphs.

Markdown: its headings make the sections (the text before the first one is an introduction); a
first-level heading at the very top is the title. Plain text: a short line standing alone that
reads like a heading (``CHAPTER IV.``, ``Part Two``, a line in capitals) starts a section, and the
lines of a paragraph are joined. A text without headings, and any section longer than
:data:`MAX_WORDS`, is cut at paragraph breaks into parts of about :data:`PART_WORDS` words.
Every list item is a paragraph of its own, as the pack format wants.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from summitreader.text import visible

MAX_WORDS = 1500
"""A section longer than this is cut into parts."""
PART_WORDS = 800
"""About how long a part is (it ends at the first paragraph break past this)."""
TITLE_LENGTH = 120
CODE_BLANK_LINE = "\u00a0"
"""A blank line of a code block, as written in the section's file."""

_ATX = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,3}[.)])\s+")
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
            drafts[-1].blocks.extend(_list_items(block))

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
        heading = _ATX.match(line)
        if heading is None and _SETEXT.match(line) and len(current) == 1 and current[0].strip():
            level = 1 if line.strip().startswith("=") else 2
            heading_text = current.pop().strip()
        elif heading is not None:
            level, heading_text = len(heading.group(1)), heading.group(2)
        else:
            if not line.strip():
                flush()
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


def _is_lone_h1(lines: list[str], number: int) -> bool:
    """Whether the first-level heading at ``number`` is the only one (then it is the title)."""
    return not any(
        (m := _ATX.match(line)) is not None and len(m.group(1)) == 1 for line in lines[number + 1 :]
    )


def split_text(text: str) -> Article:
    drafts = [Draft("Introduction", level=0)]
    title = ""
    blocks = [b.strip("\n") for b in re.split(r"\n[ \t]*\n", text)]
    for block in blocks:
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
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
            drafts.append(Draft(lines[0].rstrip(".").strip(), level=1))
            continue
        if len(lines) == 1 and _looks_like_title(lines[0]):
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
            drafts[-1].title = f"{drafts[-1].title}: {' '.join(lines)}"
            continue
        drafts[-1].blocks.append(" ".join(lines))
    return Article(title, _finish(drafts))


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


SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of",
     "on", "or", "per", "the", "to", "via", "vs", "with"}
)
"""Words a title in capitals has in lower case, but first (``Terms and Conditions``)."""


def title_case(text: str) -> str:
    """A heading written in capitals as a title: each word capitalised, but the small words
    (:data:`SMALL_WORDS`) after the first; ``THE TERMS AND CONDITIONS`` → ``The Terms and
    Conditions``."""
    words = text.split(" ")
    result = []
    for n, word in enumerate(words):
        lower = word.lower()
        if n > 0 and lower in SMALL_WORDS:
            result.append(lower)
        else:
            result.append(lower[:1].upper() + lower[1:])
    return " ".join(result)


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
    pending = ""
    for draft in drafts:
        if not draft.blocks:
            if draft.level > 0:
                pending = draft.title
            continue
        if pending and draft.level > 0:
            draft.title = f"{pending}: {draft.title}"[:TITLE_LENGTH]
        pending = ""
        kept.append(draft)
    result: list[Draft] = []
    for draft in kept:
        result.extend(_parts(draft))
    if len(result) == 1 and result[0].title == "Introduction" and result[0].level == 0:
        result[0].title = "The text"
    return result


def _parts(draft: Draft) -> list[Draft]:
    if draft.words <= MAX_WORDS:
        return [draft]
    parts: list[list[str]] = [[]]
    words = 0
    for block in draft.blocks:
        if words >= PART_WORDS:
            parts.append([])
            words = 0
        parts[-1].append(block)
        words += len(block.split())
    if len(parts) > 1 and sum(len(b.split()) for b in parts[-1]) < PART_WORDS // 4:
        parts[-2].extend(parts.pop())
    if len(parts) == 1:
        return [draft]
    untitled = draft.level == 0
    return [
        Draft(
            f"Part {n}" if untitled else f"{draft.title} ({n}/{len(parts)})",
            blocks,
            draft.level,
        )
        for n, blocks in enumerate(parts, start=1)
    ]
