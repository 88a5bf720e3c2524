"""The reader's place in a section: the paragraph at the top, the reading position saved a
moment after the last move, the section marked read once its end has been on screen, and the
paragraph at the top kept there when the terminal is resized."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.geometry import Size
from textual.timer import Timer

from summitreader.pack.model import Pack, PassageRef, Section
from summitreader.tui.screens.read_section import SectionText
from summitreader.tui.styling import StyledScreen
from summitreader.tui.widgets.passage import Passage

if TYPE_CHECKING:
    from summitreader.progress import Store
    from summitreader.tui.saving import SaveQueue


class ReadingPlace(StyledScreen):
    """The reader's place, for :class:`~summitreader.tui.screens.read.ReadScreen` (which gives
    the pack, store, save queue, save delay and section shown)."""

    pack: Pack
    store: Store
    saves: SaveQueue
    save_delay: float
    section: Section
    clock: Callable[[], dt.datetime]

    def __init__(self) -> None:
        super().__init__()
        self._save_timer: Timer | None = None
        self._saved: tuple[str, int, float] | None = None
        self._unsaved: tuple[str, int, float] | None = None
        self._moved_at: dt.datetime | None = None
        """When the reader moved to the place not saved yet (the time its write is stamped)."""
        self._restoring = False
        self._pending_arrival: tuple[PassageRef | None, tuple[str, ...], float | None] | None = None
        self._kept_top: Passage | None = None
        """The paragraph at the top when the terminal was resized: kept at the top as the text
        reflows, not the line the view was at."""
        self._known_size: Size | None = None

    def refresh_contents(self, follow: bool = False) -> None:
        """Bring the contents and their read marks up to date (the reader's own)."""
        raise NotImplementedError

    def _text(self) -> SectionText:
        return self.query_one("#text", SectionText)

    @property
    def _generation(self) -> int:
        """The showing of the section shown (:attr:`SectionText.generation`, counted as soon
        as a section is asked for): what was deferred for an earlier one is dropped."""
        return self._text().generation

    def _passage(self, number: int) -> Passage | None:
        return self._text().passage(number)

    def passages(self) -> list[Passage]:
        """The paragraphs of the section shown (those mounted so far)."""
        return self._text().passages()

    def top_paragraph(self, scroll_y: float | None = None) -> Passage | None:
        """The paragraph at the top of the view (see :meth:`SectionText.top_paragraph`)."""
        return self._text().top_paragraph(scroll_y)

    def _scrolled(self) -> None:
        if self._restoring:
            return
        self._schedule_save()
        self._check_read()

    def _schedule_save(self) -> None:
        """Note where the reader is, and save it a moment after the last move: one write for a
        whole scroll, and none before the first frame is drawn."""
        top = self.top_paragraph()
        if top is None:
            return
        scroll = self._text().scroll_y
        self._unsaved = (self.section.id, top.paragraph.number, scroll)
        self._moved_at = self.clock()
        if self._save_timer is not None:
            self._save_timer.stop()
        if not self.save_delay:
            self._save_position()
            return
        self._save_timer = self.set_timer(self.save_delay, self._save_position)

    def _save_position(self) -> None:
        self._save_timer = None
        position, self._unsaved = self._unsaved, None
        if position is None or position == self._saved:
            return
        store, at = self.store, self._moved_at
        self.saves.save(lambda: store.set_position(*position, at=at), key="position")
        self._saved = position

    def _check_read(self, generation: int | None = None) -> None:
        """Mark the section shown read if its end is on screen; a deferred check names the
        section it was made for (its generation) and is dropped once another is shown."""
        if generation is not None and generation != self._generation:
            return
        if self._restoring:
            return  # the section is not at the place it was opened at yet
        if self._text().end_on_screen():
            section_id = self.section.id
            store = self.store
            if section_id in store.read_sections() and section_id not in store.reread_queue():
                return
            if self.saves.waits(f"read:{section_id}"):
                return  # marked read already, waiting to be saved: it keeps that time
            at = self.clock()
            self.saves.save(lambda: store.mark_read(section_id, at), key=f"read:{section_id}")
            self.refresh_contents()

    def _save_now(self) -> None:
        """Save a move not saved yet, at once."""
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_position()

    def _keep_top_across(self, size: Size) -> None:
        """The screen is now ``size``: when that is a resize, keep the paragraph at the top."""
        resized = self._known_size is not None and size != self._known_size
        self._known_size = size
        if (
            resized
            and self._kept_top is None
            and self._pending_arrival is None
            and not self._restoring
            and self._text().scroll_y > 0
        ):
            # The paragraphs still have their places of before the resize.
            self._kept_top = self.top_paragraph()
        if self._kept_top is not None:
            self.call_after_refresh(self._keep_top)

    def _keep_top(self) -> None:
        """Scroll the paragraph that was at the top before the resize back to the top, once
        the text has reflowed to the new width, and note the position."""
        passage, self._kept_top = self._kept_top, None
        if passage is None or not passage.is_attached or passage.virtual_region.height == 0:
            return
        text = self._text()
        text.scroll_to(y=passage.virtual_region_with_margin.y, animate=False, immediate=True)
        self._schedule_save()
