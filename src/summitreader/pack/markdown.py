"""A section's Markdown split into addressable paragraphs, and each paragraph's inline Markdown as
runs of plain text with their emphasis.

The same runs give a paragraph's plain text (for search, mentions and cards) and its rendering in
the app, so offsets into the plain text always line up with what is shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summitreader.pack.model import Paragraph

_BLANK_LINES = re.compile(r"\n[ \t]*\n+")
_LIST_MARKER = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+")
_HEADING = re.compile(r"^#{1,6}\s+")
_INLINE = re.compile(
    r"(?P<smark>\*\*|__)(?=\S)(?P<strong>.+?)(?<=\S)(?P=smark)"
    r"|(?<![\w*])(?P<emark>[*_])(?=[^\s*_])(?P<em>.+?)(?<=\S)(?P=emark)(?![\w*])"
    r"|!?\[(?P<label>[^\]]*)\]\((?P<url>[^)\s]*)\)"
    r"|`(?P<code>[^`]+)`"
)


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of a paragraph's text with one style."""

    text: str
    strong: bool = False
    emphasis: bool = False
    code: bool = False
    url: str | None = None


def split_paragraphs(section_id: str, markdown: str) -> tuple[Paragraph, ...]:
    """The blocks of ``markdown`` separated by blank lines, numbered from 1."""
    blocks = [b.strip() for b in _BLANK_LINES.split(markdown.replace("\r\n", "\n").strip())]
    return tuple(
        Paragraph(
            section=section_id,
            number=number,
            markdown=block,
            text=plain_text(block),
            list_item=bool(_LIST_MARKER.match(block)),
        )
        for number, block in enumerate((b for b in blocks if b), start=1)
    )


def inline_runs(block: str) -> list[Run]:
    """``block`` (one paragraph) as styled runs: list marker and heading marks removed,
    whitespace collapsed, emphasis, links and code spans turned into run styles."""
    text = " ".join(block.split())
    text = _LIST_MARKER.sub("", text, count=1)
    text = _HEADING.sub("", text, count=1)
    runs: list[Run] = []
    position = 0
    for match in _INLINE.finditer(text):
        if match.start() > position:
            runs.append(Run(text[position : match.start()]))
        if match.group("strong") is not None:
            runs.append(Run(match.group("strong"), strong=True))
        elif match.group("em") is not None:
            runs.append(Run(match.group("em"), emphasis=True))
        elif match.group("label") is not None:
            runs.append(Run(match.group("label"), url=match.group("url")))
        else:
            runs.append(Run(match.group("code"), code=True))
        position = match.end()
    if position < len(text):
        runs.append(Run(text[position:]))
    return [run for run in runs if run.text]


def plain_text(block: str) -> str:
    """``block`` without Markdown syntax: the concatenated text of its runs."""
    return "".join(run.text for run in inline_runs(block))
