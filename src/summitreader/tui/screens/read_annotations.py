"""The reader's bookmarks, notes and mentions: the actions on the paragraph at the top of the view.

A mixin of :class:`~summitreader.tui.screens.read.ReadScreen`, kept apart so the screen's file holds
the reading itself (sections, position, read marks, find).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import VerticalScroll
from textual.content import Content

from summitreader.pack.model import PassageRef
from summitreader.tui.messages import OpenEntry
from summitreader.text import shorten

if TYPE_CHECKING:
    from summitreader.pack.model import Pack, Section
    from summitreader.progress import Store


class AnnotationActions:
    """Needs from the screen: ``pack``, ``store``, ``section``, ``summit_app``, ``top_paragraph()``,
    ``passages()`` and ``go_to()``."""

    pack: Pack
    store: Store
    section: Section

    def _where(self, number: int) -> str:
        return f"{self.section.title} ¶{number}"

    def action_bookmark(self) -> None:
        passage = self.top_paragraph()
        if passage is None:
            return
        number = passage.paragraph.number
        existing = [
            b for b in self.store.bookmarks() if b.section == self.section.id and b.paragraph == number
        ]
        if existing:
            if self.summit_app.save(lambda: [self.store.remove_bookmark(b.id) for b in existing]):
                passage.set_bookmarked(False)
                self.notify(f"Bookmark removed: {self._where(number)}", timeout=3)
        else:
            section = self.section.id
            if self.summit_app.save(lambda: self.store.add_bookmark(section, number)):
                passage.set_bookmarked(True)
                self.notify(f"Bookmarked: {self._where(number)}", timeout=3)

    def action_note(self) -> None:
        from summitreader.tui.screens.note import NoteScreen

        passage = self.top_paragraph()
        if passage is None:
            return
        number = passage.paragraph.number
        section = self.section.id
        existing = [n for n in self.store.notes() if n.section == section and n.paragraph == number]
        current = existing[0] if existing else None

        def done(text: str | None) -> None:
            if text is None:
                return
            store = self.store
            if current is None and text:
                saved = self.summit_app.save(lambda: store.add_note(section, number, text))
            elif current is not None and text:
                saved = self.summit_app.save(lambda: store.update_note(current.id, text))
            elif current is not None:
                saved = self.summit_app.save(lambda: store.delete_note(current.id))
            else:
                return
            if saved and self.section.id == section:
                passage.set_note(text or None)
                self.notify("Note saved." if text else "Note removed.", timeout=3)

        self.app.push_screen(
            NoteScreen(self._where(number), passage.paragraph.text, current.text if current else ""),
            done,
        )

    def action_marks(self) -> None:
        from summitreader.tui.screens.pick import PickScreen

        items: list[tuple[Content, PassageRef]] = []
        for bookmark in self.store.bookmarks():
            ref = PassageRef(bookmark.section, bookmark.paragraph)
            items.append((self._mark_label("Bookmark", ref, None), ref))
        for note in self.store.notes():
            ref = PassageRef(note.section, note.paragraph)
            items.append((self._mark_label("Note", ref, note.text), ref))
        items = [(label, ref) for label, ref in items if self.pack.paragraph(ref) is not None]
        items.sort(key=lambda item: (self._order(item[1]), str(item[0])))

        async def done(ref: PassageRef | None) -> None:
            if ref is not None:
                await self.go_to(ref)

        self.app.push_screen(
            PickScreen("Bookmarks and notes", items, "No bookmarks or notes yet: b bookmarks, n notes."),
            done,
        )

    def _order(self, ref: PassageRef) -> tuple[int, int]:
        section = self.pack.section(ref.section)
        return (section.number if section else 0, ref.paragraph)

    def _mark_label(self, kind: str, ref: PassageRef, note: str | None) -> Content:
        section = self.pack.section(ref.section)
        paragraph = self.pack.paragraph(ref)
        where = f"{section.title if section else ref.section} ¶{ref.paragraph}"
        body = shorten(note if note is not None else (paragraph.text if paragraph else ""), 90)
        return Content.assemble((f"{kind} · ", "bold"), (where, "italic"), "\n  ", body)

    def action_mentions(self) -> None:
        from summitreader.tui.screens.pick import PickScreen

        text = self.query_one("#text", VerticalScroll)
        top, bottom = text.scroll_y, text.scroll_y + text.size.height
        seen: dict[str, int] = {}
        for passage in self.passages():
            region = passage.virtual_region_with_margin
            if region.bottom <= top or region.y >= bottom:
                continue
            for mention in passage.mentions:
                seen.setdefault(mention.entry, passage.paragraph.number)
        items: list[tuple[Content, str]] = []
        for entry_id, number in seen.items():
            entry = self.pack.get(entry_id)
            if entry is not None:
                label = Content.assemble(
                    (f"{entry.kind.capitalize()} · ", "bold"), entry.title, (f"  (¶{number})", "italic")
                )
                items.append((label, entry_id))

        def done(entry_id: str | None) -> None:
            if entry_id is not None:
                self.post_message(OpenEntry(entry_id))

        self.app.push_screen(
            PickScreen("Named on screen: open in the index", items, "No meeting or issue is named here."),
            done,
        )
