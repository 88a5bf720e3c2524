"""Text with a head whose wrapped lines line up under the text, not under the head.

``7 Jul 2017  Hamburg G20 bilateral — named in``
``            the article``

Content is given as (text, style) pairs and is never read as markup. ``str()`` is the plain text,
for tests and for anything that reads a label back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from summitreader.joins import keep_together, spaced

Pieces = Sequence[tuple[str, str]]
"""Pieces of text, each with a Rich style name (``"bold"``, ``""``); never markup."""
RenderKey = tuple[int, object, object, object, int | None]


def _key(options: ConsoleOptions) -> RenderKey:
    """What a label's lines depend on: the width, and how the text is set."""
    return (options.max_width, options.justify, options.overflow, options.no_wrap, options.height)


class _Remembered:
    """A label's segments, made once for the width it is drawn at: a list measures each label
    for its height, then draws it, and draws it again as the highlight moves."""

    def __init__(self) -> None:
        self._segments: dict[RenderKey, list[Segment]] = {}

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        key = _key(options)
        segments = self._segments.get(key)
        if segments is None:
            if len(self._segments) > 4:  # a few widths (a resize): the oldest is dropped
                del self._segments[next(iter(self._segments))]
            segments = list(console.render(self._lines(), options))
            self._segments[key] = segments
        yield from segments

    def _lines(self) -> RenderableType:
        raise NotImplementedError


def _text(pieces: Pieces) -> Text:
    text = Text()
    for value, style in pieces:
        text.append(value, style=style or None)
    return text


class Hanging(_Remembered):
    """``head`` then ``body``; the body wraps in the column that starts after the head."""

    def __init__(self, head: Pieces, body: Pieces) -> None:
        super().__init__()
        self.head = _text(head)
        self.body = _text(body)

    def __str__(self) -> str:
        return self.head.plain + self.body.plain

    def _lines(self) -> RenderableType:
        return _HangingLines(self.head, self.body)


class _HangingLines:
    def __init__(self, head: Text, body: Text) -> None:
        self.head = head
        self.body = body

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # The lines a grid of two columns would give (the head, then the body wrapped in the
        # room left), made directly: a grid measures and renders every cell again, and the
        # lists of search results and links draw hundreds of these.
        head_width = self.head.cell_len
        body = self.body
        room = min(body.cell_len, options.max_width - head_width)
        if head_width and room > 0 and "\n" not in body.plain and "\n" not in self.head.plain:
            # A number and its word ("7.4 metres", "1 June") are wrapped as one word.
            joined = keep_together(body.plain)
            if joined != body.plain:
                body = body.copy()
                body.plain = joined
            lines = body.wrap(console, room, justify="left", overflow="ellipsis")
            indent = Text(" " * head_width)
            for number, body_line in enumerate(lines):
                row = (self.head if number == 0 else indent).copy()
                if joined != self.body.plain:
                    body_line.plain = spaced(body_line.plain)
                row.append_text(body_line)
                yield from row.render(console)
                yield Segment.line()
            return
        grid = Table.grid(padding=0)
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_row(self.head, self.body)
        yield grid


class Blocks(_Remembered):
    """Lines of text and hanging labels one under the other; ``str()`` is their plain text."""

    def __init__(self, blocks: Iterable[Text | Hanging]) -> None:
        super().__init__()
        self.blocks = list(blocks)

    def __str__(self) -> str:
        return "\n".join(
            block.plain if isinstance(block, Text) else str(block) for block in self.blocks
        )

    def _lines(self) -> RenderableType:
        return Group(*self.blocks)


def line(*pieces: tuple[str, str] | str) -> Text:
    """One paragraph of text (it wraps at the left edge) from plain strings and (text, style)."""
    return _text([(p, "") if isinstance(p, str) else p for p in pieces])
