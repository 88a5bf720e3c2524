"""A section's Markdown split into addressable paragraphs, and each paragraph as plain text."""

from __future__ import annotations

import re

from summitreader.pack.model import Paragraph

_BLANK_LINES = re.compile(r"\n[ \t]*\n+")
_LIST_MARKER = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+")
_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.DOTALL)
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])", re.DOTALL)
_CODE = re.compile(r"`([^`\n]+)`")
_HEADING = re.compile(r"^#{1,6}\s+")


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


def plain_text(block: str) -> str:
    """``block`` without Markdown syntax: list markers, headings, emphasis, links, code marks."""
    text = _LIST_MARKER.sub("", block, count=1)
    text = _HEADING.sub("", text, count=1)
    text = _LINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\2", text)
    return " ".join(text.split())
