"""How a paragraph is laid out at a width: a list item's lines hang under its text, not under its
marker (``1.``, ``•``); a code block is drawn line by line as written, never wrapped into one
run-on line (a line too long for the width is cut, ending in ``…``); what follows the paragraph
(the pack's notes, the reader's note) wraps at the whole width.

A Textual :class:`~textual.visual.Visual`: the lines are made once for each width they are drawn
at, and drawn as :class:`~textual.content.Content`, so styles, click actions and hit marks on the
paragraph's text stay where they are.
"""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from summitreader.joins import keep_together, spaced

MIN_ROOM = 8
"""Below this many cells beside the marker, a list item wraps under its marker after all."""
CUT = "…"


def _wrap(text: Content, width: int) -> list[Content]:
    """``text``'s lines at ``width``, a number and its word ("7.4 metres") kept on one line."""
    joined = keep_together(text.plain)
    if joined == text.plain:
        return text.wrap(width)
    lines = Content(joined, list(text.spans), text.cell_length).wrap(width)
    return [Content(spaced(line.plain), list(line.spans), line.cell_length) for line in lines]


class PassageLayout(Visual):
    """``body`` (after ``marker`` if given; as code lines if ``code``), then ``tail``."""

    def __init__(
        self, body: Content, *, marker: str = "", code: bool = False, tail: Content | None = None
    ) -> None:
        self.body = body
        self.marker = marker
        self.code = code
        self.tail = tail
        self._laid: tuple[int, Content, int] | None = None

    def __str__(self) -> str:
        head = f"{self.marker} " if self.marker else ""
        tail = f"\n{self.tail.plain}" if self.tail is not None else ""
        return head + self.body.plain + tail

    def lines(self, width: int) -> list[Content]:
        """The lines of the paragraph at ``width`` cells."""
        width = max(1, width)
        lines: list[Content] = []
        if self.code:
            for line in self.body.split("\n", allow_blank=True):
                if line.cell_length > width:
                    line = line.truncate(max(1, width - 1)) + Content(CUT).stylize("bold")
                lines.append(line)
        elif self.marker:
            head = Content(f"{self.marker} ")
            room = width - head.cell_length
            if room < MIN_ROOM:
                lines.extend(_wrap(head + self.body, width))
            else:
                indent = Content(" " * head.cell_length)
                for number, line in enumerate(_wrap(self.body, room)):
                    lines.append((head if number == 0 else indent) + line)
        else:
            lines.extend(_wrap(self.body, width))
        if self.tail is not None:
            lines.extend(self.tail.wrap(width))
        return lines

    def laid_out(self, width: int) -> tuple[int, Content]:
        """How many lines the paragraph takes at ``width``, and those lines as one text."""
        content, height = self._at(width)
        return height, content

    def _at(self, width: int) -> tuple[Content, int]:
        if self._laid is None or self._laid[0] != width:
            lines = self.lines(width)
            self._laid = (width, Content("\n").join(lines), len(lines))
        return self._laid[1], self._laid[2]

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        if not width:
            return []
        content, _ = self._at(width)
        return content.render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        head = len(self.marker) + 1 if self.marker else 0
        widths = [head + line.cell_length for line in self.body.split("\n", allow_blank=True)]
        if self.tail is not None:
            widths.append(self.tail.get_optimal_width(rules, container_width))
        return max(widths, default=0)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self._at(width)[1] if width > 0 else 0
