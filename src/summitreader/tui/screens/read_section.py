"""The text of the section the reader shows, mounted a batch at a time.

A section of thousands of paragraphs is shown at once: the paragraphs around the place to show
(the top, or a restored reading position far down) are mounted before the first paint, the rest
after it, in batches of at most :data:`MAX_BATCH`, so the reader can scroll and type meanwhile.
The paragraphs after that place come first (the reader reads on), then those before it, mounted
above while the view stays on the same words.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence

from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget

from summitreader.pack.model import Section
from summitreader.tui.widgets.passage import Passage

FIRST_PARAGRAPHS = 40
"""Paragraphs mounted from the place shown before the section is first painted (more than a
screenful); the rest are mounted after, in batches that double up to :data:`MAX_BATCH`."""
MAX_BATCH = 160
"""The most paragraphs mounted at a time once the section is shown: a batch is laid out between
two frames, so this bounds how long a key waits while a long section fills in."""

MakePassages = Callable[[Section, int, int], list[Passage]]
"""Widgets for paragraphs ``start`` to ``end`` (0-based, end excluded) of a section."""


class SectionText(VerticalScroll):
    """The scrolling text of one section: its heading, then its paragraphs as :class:`Passage`
    widgets, filled in after the first paint."""

    class Filled(Message):
        """Every paragraph of the section shown is mounted."""

        def __init__(self, generation: int) -> None:
            super().__init__()
            self.generation = generation

    def __init__(self, make: MakePassages, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.make = make
        """Makes the widgets of a run of paragraphs (the reader's, with its marks and notes)."""
        self.section: Section | None = None
        self.generation = 0
        """Counts the sections shown: a batch for a section no longer shown stops."""
        self._body: Vertical | None = None
        self._passages: list[Passage] = []
        """The mounted paragraphs, in order: those of ``_start`` to ``_end``."""
        self._by_number: dict[int, Passage] = {}
        self._start = 0
        self._end = 0
        self._anchor: tuple[Passage, float] | None = None
        """While paragraphs are mounted above the view: the paragraph at its top and how far
        below the view's top it was, kept there once the new ones are laid out."""

    def on_mount(self) -> None:
        self.screen.screen_layout_refresh_signal.subscribe(self, self._laid_out)

    # -- what is mounted ------------------------------------------------------------------
    @property
    def complete(self) -> bool:
        """Whether every paragraph of the section shown is mounted."""
        return self.section is not None and self._start == 0 and self._end >= len(
            self.section.paragraphs
        )

    def passages(self) -> list[Passage]:
        """The mounted paragraphs, in order."""
        return list(self._passages)

    def passage(self, number: int) -> Passage | None:
        """Paragraph ``number``'s widget, when it is mounted."""
        return self._by_number.get(number)

    def top_paragraph(self, scroll_y: float | None = None) -> Passage | None:
        """The paragraph at the top of the view (or of a view scrolled to ``scroll_y``): the
        first one that starts in the view; the one that fills it when none starts there. The tail
        of a paragraph scrolled mostly past is not it: the reader is at the next one."""
        passages = self._passages
        # Only the paragraphs laid out have a place: those of a batch just mounted (above or
        # below the others) have none yet, and are left out of the search.
        first = next((i for i, p in enumerate(passages) if p.virtual_region.height), None)
        if first is None:
            return passages[-1] if passages else None
        last = next(
            i for i in range(len(passages) - 1, -1, -1) if passages[i].virtual_region.height
        )
        top = self.scroll_y if scroll_y is None else scroll_y
        bottom = top + max(1, self.scrollable_content_region.height)
        # The first paragraph whose bottom is below the top line (places grow down the list).
        index = bisect_right(
            passages, top + 1, lo=first, hi=last + 1,
            key=lambda p: p.virtual_region_with_margin.bottom,
        )
        if index > last:
            return passages[last]
        passage = passages[index]
        following = passages[index + 1] if index < last else None
        if (
            passage.virtual_region_with_margin.y < top
            and following is not None
            and following.virtual_region_with_margin.y < bottom
        ):
            return following
        return passage

    def end_on_screen(self) -> bool:
        """Whether the end of the section is on screen now. Judged by where its last paragraph
        is laid out, not by the view's scroll limits: until every paragraph is mounted and laid
        out, those limits are still the last section's (or none), and its end has not been
        shown."""
        if self.size.height == 0 or not self.complete or not self._passages:
            return False
        last = self._passages[-1]
        if last.virtual_region.height == 0:
            return False  # mounted, not laid out yet (its margin alone has a height)
        region = last.virtual_region_with_margin
        return region.bottom <= self.scroll_y + self.scrollable_content_region.height + 1

    # -- showing a section ----------------------------------------------------------------
    async def show(
        self, section: Section, heading: Sequence[Widget], around: int | None = None
    ) -> int:
        """Show ``section`` under ``heading``, with the paragraphs from paragraph ``around`` (or
        the first) mounted now and the others after the next refresh. Returns the generation
        of this showing."""
        self.section = section
        self.generation += 1
        self._anchor = None
        paragraphs = section.paragraphs
        index = 0
        if around is not None:
            index = next((i for i, p in enumerate(paragraphs) if p.number == around), 0)
        self._start = 0 if index <= FIRST_PARAGRAPHS else index
        self._end = min(len(paragraphs), index + FIRST_PARAGRAPHS)
        self._passages = self.make(section, self._start, self._end)
        self._by_number = {p.paragraph.number: p for p in self._passages}
        # A new body for each section: the old one goes with its children, and ids such as
        # ``p-3`` never meet their namesakes while the old body is being removed.
        await self.remove_children()
        self._body = Vertical(*heading, *self._passages, classes="section-body")
        await self.mount(self._body)
        self.scroll_to(y=0, animate=False, immediate=True)
        self.call_after_refresh(self._fill, self.generation, FIRST_PARAGRAPHS)
        return self.generation

    async def _fill(self, generation: int, batch: int) -> None:
        """Mount the next ``batch`` paragraphs (after the mounted ones, then before them), then
        ask for the next batch, twice as big up to :data:`MAX_BATCH`, after the screen is
        refreshed: the reader can scroll and type meanwhile."""
        if generation != self.generation or self._body is None or self.section is None:
            return
        if not self._keep_anchor():  # the last batch above is not laid out yet
            self.call_after_refresh(self._fill, generation, batch)
            return
        total = len(self.section.paragraphs)
        if self._end < total:
            await self._append(self._end + batch)
        elif self._start > 0:
            await self._prepend(self._start - batch)
        else:
            self.post_message(self.Filled(generation))
            return
        self.call_after_refresh(self._fill, generation, min(MAX_BATCH, batch * 2))

    async def mount_through(self, number: int) -> None:
        """Mount the paragraphs from those mounted to paragraph ``number`` (and a screenful after
        it), at once: it is about to be shown."""
        if self.section is None or self._body is None:
            return
        index = next(
            (i for i, p in enumerate(self.section.paragraphs) if p.number == number), None
        )
        if index is None:
            return
        if index >= self._end:
            await self._append(index + FIRST_PARAGRAPHS)
        elif index < self._start:
            await self._prepend(index)

    async def _append(self, end: int) -> None:
        assert self.section is not None and self._body is not None
        passages = self.make(self.section, self._end, end)
        self._end += len(passages)
        self._passages.extend(passages)
        self._add(passages)
        if passages:
            await self._body.mount_all(passages)

    async def _prepend(self, start: int) -> None:
        """Mount the paragraphs from ``start`` to the first one mounted, above it; the view is
        kept on the paragraph at its top (see :meth:`_laid_out`)."""
        assert self.section is not None and self._body is not None
        start = max(0, start)
        passages = self.make(self.section, start, self._start)
        if not passages:
            return
        first = self._passages[0]
        top = self.top_paragraph()
        if top is not None and top.virtual_region.height:
            self._anchor = (top, top.virtual_region_with_margin.y - self.scroll_y)
            self.app.delay_update()  # the frame before the view is moved back is not drawn
        self._start = start
        self._passages[:0] = passages
        self._add(passages)
        await self._body.mount_all(passages, before=first)

    def _add(self, passages: list[Passage]) -> None:
        self._by_number.update((p.paragraph.number, p) for p in passages)

    def _laid_out(self, screen: Screen[object]) -> None:
        """After each layout: keep the view on the words it showed while paragraphs were
        mounted above them."""
        self._keep_anchor()

    def _keep_anchor(self) -> bool:
        """Once the paragraphs mounted above are laid out, scroll back to the words that were
        at the top of the view. Returns whether the view is settled (nothing left to keep)."""
        if self._anchor is None:
            return True
        if not self._passages or self._passages[0].virtual_region.height == 0:
            return False
        passage, offset = self._anchor
        self._anchor = None
        wanted = max(0.0, passage.virtual_region_with_margin.y - offset)
        if wanted != self.scroll_y:
            self.scroll_to(y=wanted, animate=False, immediate=True)
        return True
