"""The reader: a table of contents with read marks, and one section at a time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Header, OptionList, Static

from summitreader.pack.model import Mention, Note, Pack, PassageRef, Section
from summitreader.tui.messages import (
    MyCardsChanged,
    NoteChangedElsewhere,
    OpenEntry,
    changed_elsewhere,
)
from summitreader.tui.reading import ReadCount, Reading
from summitreader.tui.screens.read_annotations import (
    Annotations,
    BookmarkChange,
    NoteChange,
    annotation_view,
    mention_items,
    where,
)
from summitreader.tui.screens.read_cards import card_counts, make_card
from summitreader.tui.screens.read_contents import contents_options, count_summary
from summitreader.tui.screens.read_find import FindInSection
from summitreader.tui.screens.read_section import FIRST_PARAGRAPHS, SectionText
from summitreader.tui.widgets.find_bar import FindBar, find_spans
from summitreader.tui.widgets.key_footer import KeyFooter, silent_app_keys
from summitreader.tui.widgets.passage import Mark, Passage

if TYPE_CHECKING:
    from summitreader.progress import Store
    from summitreader.tui.saving import SaveQueue
    from summitreader.tui.services import Services

NARROW = 70
"""Below this width the table of contents folds away."""
SAVE_DELAY = 0.4
"""Seconds after the last move before the reading position is saved."""
SECTIONS = Binding.Group("Section")
"""The footer shows the previous and next section keys together: ``[ ] Section``."""
__all__ = ["FIRST_PARAGRAPHS", "ReadScreen"]


class ReadScreen(FindInSection):
    """Key ``1``. Its contents and read marks are brought up to date each time it is shown."""

    AUTO_FOCUS = "#text"
    BINDINGS: ClassVar[list[BindingType]] = [
        # The footer shows the keys that matter most, whole, at 80 columns and more: the
        # sections, find, contents, mentions and bookmark, then the app's help. The other keys
        # (a note, the marks, a card; the screens and quit) are in the help only: the footer
        # would cut them mid-word. The help lists every key with the tooltips' longer words.
        Binding("left_square_bracket", "previous_section", "Previous", id="read.previous",
                tooltip="Previous section", group=SECTIONS),
        Binding("right_square_bracket", "next_section", "Next", id="read.next",
                tooltip="Next section", group=SECTIONS),
        Binding("ctrl+f", "find", "Find", id="read.find", tooltip="Find in this section"),
        Binding("t", "toggle_contents", "Contents", id="read.contents",
                tooltip="Show or hide the contents"),
        Binding("m", "mentions", "Mentions", id="read.mentions",
                tooltip="Follow a mention of a meeting or issue to the index"),
        Binding("b", "bookmark", "Bookmark", id="read.bookmark",
                tooltip="Bookmark the paragraph at the top"),
        Binding("n", "note", "Note", show=False, id="read.note",
                tooltip="Write a note on that paragraph"),
        Binding("l", "marks", "Marks", show=False, id="read.marks",
                tooltip="Bookmarks, notes & your cards"),
        Binding("c", "card", "Card", show=False, id="read.card",
                tooltip="Make a card from that paragraph (or the selection, or the find hit)"),
        *silent_app_keys(),
    ]
    HELP_EXTRA = (
        ("up,down,pageup,pagedown", "Scroll (also the mouse wheel)"),
        ("enter,shift+enter", "Next / previous hit in the find bar; esc closes it"),
        ("click", "Follow an underlined name to the index; a link shows where it goes"),
    )

    def __init__(
        self,
        pack: Pack,
        store: Store,
        saves: SaveQueue,
        save_delay: float | None = None,
        reading: Reading | None = None,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        super().__init__()
        self.pack = pack
        self.store = store
        self.saves = saves
        if not self._names_entries():
            # Nothing to look up: Mentions keeps out of the footer (the help still lists it),
            # and says so when pressed.
            keys = self._bindings.key_to_bindings
            keys["m"] = [replace(binding, show=False) for binding in keys.get("m", [])]
        self.clock = clock or store.now
        """The time of the user's actions, given to the writes they make (a write that waits
        to be saved keeps the time it was made)."""
        self.reading = reading or Reading(pack, store)
        """Counts the sections read, for this screen and the app's title alike."""
        self.save_delay = SAVE_DELAY if save_delay is None else save_delay
        self.section: Section = pack.sections[0]
        self._read_timer: Timer | None = None
        self._contents_shown: tuple[str, frozenset[str], frozenset[str]] | None = None
        """The section shown and the read marks the contents was made with."""

    @classmethod
    def from_services(cls, services: Services) -> ReadScreen:
        return cls(
            services.pack,
            services.store,
            services.saves,
            services.save_delay,
            services.reading,
            services.clock,
        )

    # -- layout ---------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="sidebar"):
                yield Static(id="read-progress")
                yield OptionList(id="toc")
            with Vertical(id="reading"):
                yield SectionText(self._make_passages, id="text")
                yield FindBar()
        yield KeyFooter()

    async def on_mount(self) -> None:
        self.reading.listen(self._show_count)
        position = self.store.get_position()
        section = self.pack.section(position.section) if position else None
        if position is not None:
            self._saved = (position.section, position.paragraph, position.scroll)
        self.refresh_contents()
        target = PassageRef(section.id, position.paragraph) if section and position else None
        scroll = position.scroll if section and position else None
        await self.show_section(section or self.pack.sections[0], target, scroll=scroll)
        text = self._text()
        self.watch(text, "scroll_y", self._scrolled, init=False)
        self.query_one("#toc", OptionList).can_focus = True
        text.focus()

    def on_screen_resume(self) -> None:
        self.refresh_contents()
        # Back on the reader (after a card sent this section to re-read, say): a section whose
        # end is in view counts as read once the reader has been on it a moment, as one
        # opened or scrolled with its end in view does at once.
        if self._restoring:
            return
        if not self.save_delay:
            self._check_read()
            return
        self._read_timer = self.set_timer(self.save_delay, self._check_read)

    def on_screen_suspend(self) -> None:
        if self._read_timer is not None:  # left before that moment: not read
            self._read_timer.stop()
            self._read_timer = None

    @on(Passage.Sized)
    def _laid_out(self) -> None:
        if self._kept_top is not None:
            self.call_after_refresh(self._keep_top)
        elif self._pending_arrival is not None:
            self._arrive(*self._pending_arrival)
        elif not self._restoring:
            self._check_read()  # a short section's end is known once it is laid out

    @on(SectionText.Filled)
    def _filled(self, event: SectionText.Filled) -> None:
        self.call_after_refresh(self._check_read, event.generation)

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")
        self._keep_top_across(event.size)

    # -- table of contents ----------------------------------------------------------------
    def refresh_contents(self, follow: bool = False) -> None:
        """Bring the contents up to date; ``follow`` moves its highlight to the section shown (a
        refresh alone keeps it where the user left it)."""
        # The count the app's title shows too, told to both at once (:meth:`_show_count`).
        count = self.reading.refresh()
        toc = self.query_one("#toc", OptionList)
        highlighted = toc.highlighted
        shown = (self.section.id, count.read, count.reread)
        if shown != self._contents_shown:  # a contents of hundreds of sections is made anew
            self._contents_shown = shown  # only when a mark or the section shown changed
            toc.clear_options()
            # At once: one layout for the whole contents.
            toc.add_options(contents_options(self.pack, self.section.id, count))
        if follow or highlighted is None:
            highlighted = self._section_index()
        toc.highlighted = highlighted

    def _show_count(self, count: ReadCount) -> None:
        """The panel's count: the one the app's title shows, at the same moment. A count told
        while the screen is taken down (its widgets go before its unmount forgets this
        listener) has no panel to go to."""
        for panel in self.query("#read-progress").results(Static):
            panel.update(Content(count_summary(count)))

    def _section_index(self) -> int:
        return next(i for i, s in enumerate(self.pack.sections) if s.id == self.section.id)

    @on(OptionList.OptionSelected, "#toc")
    async def _picked_section(self, event: OptionList.OptionSelected) -> None:
        section = self.pack.section(event.option.id or "")
        if section is not None:
            await self.show_section(section)
            self.query_one("#text").focus()

    # -- showing a section ----------------------------------------------------------------
    async def show_section(
        self,
        section: Section,
        target: PassageRef | None = None,
        terms: tuple[str, ...] = (),
        scroll: float | None = None,
    ) -> None:
        """Show ``section``, scrolled to ``target``'s paragraph (or the top), with ``terms`` marked.

        ``scroll`` is a remembered offset: used when it still shows ``target`` at the top (the
        terminal may have another size now), so a reader comes back to exactly where they were."""
        self.section = section
        self._hits, self._hit = [], -1
        heading: list[Static] = [Static(Content(section.title).stylize("bold"), id="section-title")]
        if section.number == 1 and self.pack.subtitle:
            heading.append(Static(Content(self.pack.subtitle).stylize("italic"), id="standfirst"))
        self._restoring = True
        self._pending_arrival = None
        around = target.paragraph if target is not None else None
        generation = await self._text().show(section, heading, around)
        self.query_one(FindBar).reset()
        self.refresh_contents(follow=True)
        self.call_after_refresh(self._arrive, target, terms, scroll, generation)

    def _make_passages(self, section: Section, start: int, end: int) -> list[Passage]:
        """Widgets for paragraphs ``start`` to ``end`` (0-based, end excluded) of ``section``."""
        chosen = section.paragraphs[start:end]
        if not chosen:
            return []
        numbers = {p.number for p in chosen}
        view = self._annotations()
        bookmarks = {p for s, p in view.bookmarks if s == section.id and p in numbers}
        notes = {
            p: texts for (s, p), texts in view.notes.items() if s == section.id and p in numbers
        }
        remarks: dict[int, list[Note]] = {}
        for remark in self.pack.notes:
            if remark.passage is not None and remark.passage.section == section.id:
                remarks.setdefault(remark.passage.paragraph, []).append(remark)
        mentions: dict[int, list[Mention]] = {}
        for mention in self.pack.mentions_in(section.id):
            if mention.paragraph in numbers:
                mentions.setdefault(mention.paragraph, []).append(mention)
        marks = self._marks_by_paragraph()
        cards = card_counts(self.store, section.id)
        passages = []
        for paragraph in chosen:
            passage = Passage(
                paragraph,
                mentions.get(paragraph.number, ()),
                bookmarked=paragraph.number in bookmarks,
                notes=notes.get(paragraph.number, ()),
                remarks=remarks.get(paragraph.number, ()),
            )
            passage.marks = tuple(marks.get(paragraph.number, ()))
            passage.my_cards = cards.get(paragraph.number, 0)
            passages.append(passage)
        return passages

    @property
    def complete(self) -> bool:
        """Whether every paragraph of the section shown is mounted."""
        return self._text().complete

    def _arrive(
        self,
        target: PassageRef | None,
        terms: tuple[str, ...],
        scroll: float | None,
        generation: int | None = None,
    ) -> None:
        """Scroll to ``target`` once its paragraph is laid out. Until then (the screen may not
        be shown yet, or the new section not laid out) the place is not known and a scroll would
        stop short: the arrival waits for the paragraph's :class:`Passage.Sized`. An arrival
        made for a section no longer shown (``generation``) is dropped."""
        if generation is not None and generation != self._generation:
            return
        if target is not None and self.section.paragraph(target.paragraph) is None:
            target = None  # a remembered paragraph the section no longer has: its top
        passage = self._passage(target.paragraph) if target is not None else None
        if target is not None and (
            not self.is_current or passage is None or passage.virtual_region.height == 0
        ):
            self._pending_arrival = (target, terms, scroll)
            return
        self._pending_arrival = None
        text = self._text()
        desired = 0.0
        if passage is not None:
            if terms:
                passage.set_marks(Mark(s, e) for s, e in find_spans(passage.paragraph.text, terms))
            if scroll is not None and self.top_paragraph(scroll) is passage:
                desired = scroll
            else:
                desired = float(passage.virtual_region_with_margin.y)
        text.scroll_to(y=desired, animate=False, immediate=True)
        self._restoring = False
        self._schedule_save()
        self._check_read()

    async def go_to(self, ref: PassageRef, terms: tuple[str, ...] = ()) -> None:
        """Open ``ref``'s section at its paragraph, with ``terms`` marked there."""
        section = self.pack.section(ref.section)
        if section is not None:
            await self.show_section(section, ref, terms)
            self.query_one("#text").focus()

    def on_unmount(self) -> None:
        self.reading.forget(self._show_count)
        self._save_now()  # the app is closing: a move not saved yet is saved now

    # -- moving between sections ----------------------------------------------------------
    async def action_next_section(self) -> None:
        index = self._section_index()
        if index + 1 < len(self.pack.sections):
            await self.show_section(self.pack.sections[index + 1])
        else:
            self.notify("This is the last section.", timeout=3)

    async def action_previous_section(self) -> None:
        index = self._section_index()
        if index > 0:
            await self.show_section(self.pack.sections[index - 1])
        else:
            self.notify("This is the first section.", timeout=3)

    def action_toggle_contents(self) -> None:
        self.toggle_class("-contents-toggled")

    # -- bookmarks, notes and mentions ----------------------------------------------------
    def action_bookmark(self) -> None:
        passage = self.top_paragraph()
        if passage is None:
            return
        store, section, number = self.store, self.section.id, passage.paragraph.number
        here = where(self.pack, PassageRef(section, number))
        on = (section, number) not in self._annotations().bookmarks
        at = self.clock()
        self.saves.save(
            lambda: store.set_bookmark(section, number, on, at),
            effect=BookmarkChange(section, number, on),
        )
        if on:
            self.notify(self._told(f"Bookmarked: {here}", f"Bookmark kept: {here}"), timeout=3)
        else:
            self.notify(self._told(f"Bookmark removed: {here}", "Bookmark removal kept"), timeout=3)
        passage.set_bookmarked(on)

    def _annotations(self) -> Annotations:
        """The bookmarks and notes, with those that wait to be saved."""
        return annotation_view(self.store, self.saves.waiting_effects())

    def _told(self, saved: str, kept: str) -> str:
        return self.saves.confirm(saved, kept, persistent=self.store.persistent)

    def action_note(self) -> None:
        from summitreader.tui.screens.note import NoteScreen

        passage = self.top_paragraph()
        if passage is None:
            return
        store, section, number = self.store, self.section.id, passage.paragraph.number
        current = self._annotations().note((section, number))
        # What the reader showed is what the user knows of: a note another instance wrote since
        # is not replaced, even if the editor shows it (both are kept, and the user is told).
        shown = passage.note or ""

        def done(text: str | None) -> None:
            if text is None or (not current and not text):
                return
            at, app = self.clock(), self.app
            elsewhere: list[bool] = []
            retried = False

            def write() -> None:
                if store.set_note(section, number, text, shown, at):
                    if retried:  # a late save, from the retry's thread: the app tells the user
                        app.post_message(NoteChangedElsewhere(here))
                    else:
                        elsewhere.append(True)

            self.saves.save(write, effect=NoteChange(section, number, text, shown))
            retried = True
            if self.section.id == section:
                passage.set_notes(self._annotations().notes.get((section, number), ()))
            if elsewhere:
                self.notify(changed_elsewhere(here), title="Note", severity="warning", timeout=8)
                return
            told = ("Note saved.", "Note kept") if text else ("Note removed.", "Note removal kept")
            self.notify(self._told(*told), timeout=3)

        here = where(self.pack, PassageRef(section, number))
        screen = NoteScreen(here, passage.paragraph.text, current)
        self.app.push_screen(screen, done)

    def action_marks(self) -> None:
        from summitreader.tui.screens.marks import MarksScreen

        marks = MarksScreen(self.pack, self.store, self.saves, self.clock)

        async def done(ref: PassageRef | None) -> None:
            if marks.changed:
                self.cards_changed()
            if ref is not None:
                await self.go_to(ref)

        self.app.push_screen(marks, done)

    def action_card(self) -> None:
        make_card(self, self.top_paragraph(), self._hits[self._hit][0] if self._hits else None)

    def cards_changed(self) -> None:
        """The reader's cards changed: redraw their marks, and tell the app (the deck)."""
        counts = card_counts(self.store, self.section.id)
        for passage in self.passages():
            passage.set_my_cards(counts.get(passage.paragraph.number, 0))
        self.post_message(MyCardsChanged())

    def _names_entries(self) -> bool:
        """Whether the pack has meetings or issues that its text may name."""
        return bool(self.pack.meetings or self.pack.issues)

    def action_mentions(self) -> None:
        from summitreader.tui.screens.pick import PickScreen

        if not self._names_entries():
            self.notify(
                "This pack has no index of meetings or issues: its text names none to look up.",
                title="Mentions",
                markup=False,
            )
            return

        text = self._text()
        top, bottom = text.scroll_y, text.scroll_y + text.size.height
        in_view = [
            passage
            for passage in self.passages()
            if passage.virtual_region_with_margin.bottom > top
            and passage.virtual_region_with_margin.y < bottom
        ]

        def done(entry_id: str | None) -> None:
            if entry_id is not None:
                self.post_message(OpenEntry(entry_id))

        title, empty = "Named on screen: open in the index", "No meeting or issue is named here."
        self.app.push_screen(PickScreen(title, mention_items(self.pack, in_view), empty), done)

    @on(Passage.MentionClicked)
    def _mention_clicked(self, event: Passage.MentionClicked) -> None:
        self.post_message(OpenEntry(event.entry_id))

    @on(Passage.LinkClicked)
    def _link_clicked(self, event: Passage.LinkClicked) -> None:
        from summitreader.tui.screens.link import LinkScreen

        url = event.url

        def done(open_it: bool | None) -> None:
            if open_it:
                self.app.open_url(url)

        self.app.push_screen(LinkScreen(url, event.label), done)
