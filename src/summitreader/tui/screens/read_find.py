"""Find in the section shown (``ctrl+f``): the hits marked, stepped through, the view scrolled
to the current one."""

from __future__ import annotations

from textual import events, on

from summitreader.tui.screens.read_position import ReadingPlace
from summitreader.tui.widgets.find_bar import FindBar, find_spans
from summitreader.tui.widgets.passage import Mark


class FindInSection(ReadingPlace):
    """Find in the section, for :class:`~summitreader.tui.screens.read.ReadScreen`."""

    def __init__(self) -> None:
        super().__init__()
        self._hits: list[tuple[int, int, int]] = []
        self._hit = -1

    def action_find(self) -> None:
        self.query_one(FindBar).open()

    def on_key(self, event: events.Key) -> None:
        # Keys typed quickly are all handed to the reader before ctrl+f's binding runs, so the
        # bar opens here, as the key comes, and a character that still reaches the reader once
        # the box has the focus goes to the box (the box takes its own keys: none comes here).
        bar = self.query_one(FindBar)
        if event.key == "ctrl+f" and self.focused is not None and bar not in self.focused.ancestors:
            bar.open()
        elif not bar.take_key(event):
            return
        event.stop()
        event.prevent_default()

    @on(FindBar.Changed)
    def _find_changed(self, event: FindBar.Changed) -> None:
        self._hits = []
        for paragraph in self.section.paragraphs:
            spans = find_spans(paragraph.text, (event.query,)) if event.query else []
            for start, end in spans:
                self._hits.append((paragraph.number, start, end))
        self._hit = 0 if self._hits else -1
        self._show_hits(scroll=True)

    @on(FindBar.Step)
    def _find_step(self, event: FindBar.Step) -> None:
        if not self._hits:
            return
        self._hit = (self._hit + event.step) % len(self._hits)
        self._show_hits(scroll=True)

    @on(FindBar.Closed)
    def _find_closed(self) -> None:
        self._hits, self._hit = [], -1
        self._show_hits(scroll=False)
        self.query_one("#text").focus()

    def _marks_by_paragraph(self) -> dict[int, list[Mark]]:
        by_paragraph: dict[int, list[Mark]] = {}
        for number, (paragraph, start, end) in enumerate(self._hits):
            by_paragraph.setdefault(paragraph, []).append(Mark(start, end, number == self._hit))
        return by_paragraph

    def _show_hits(self, scroll: bool) -> None:
        by_paragraph = self._marks_by_paragraph()
        for passage in self.passages():
            passage.set_marks(by_paragraph.get(passage.paragraph.number, ()))
        self.query_one(FindBar).set_count(self._hit, len(self._hits))
        if scroll and 0 <= self._hit < len(self._hits):
            number = self._hits[self._hit][0]
            hit = self._passage(number)
            if hit is not None:
                self._text().scroll_to_center(hit, animate=False)
            else:  # not mounted yet: mount the paragraphs up to it first
                self.call_later(self._mount_through, self._generation, number)

    async def _mount_through(self, generation: int, number: int) -> None:
        """Mount the section's paragraphs up to ``number``, then scroll to that one's hit."""
        if generation != self._generation:
            return
        await self._text().mount_through(number)
        self.call_after_refresh(self._show_hits, True)
