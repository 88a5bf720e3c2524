"""One paragraph of the article, rendered from its Markdown as text (never as markup).

Mentions of meetings and issues are underlined and can be clicked; links show where they go before
anything is opened; search and find hits are marked. Clicks carry only ids and numbers as action
arguments, never content.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from textual.content import Content, Span
from textual.message import Message
from textual.selection import Selection
from textual.style import Style
from textual.widget import Widget

from summitreader.pack.model import Mention, Note, Paragraph, Run
from summitreader.text import site_name
from summitreader.tui.widgets.passage_layout import PassageLayout


@dataclass(frozen=True, slots=True)
class Mark:
    """A stretch of the paragraph's plain text to mark: a search or find hit."""

    start: int
    end: int
    current: bool = False


class Passage(Widget):
    """A paragraph of a section. Its id is ``p-N`` for paragraph ``N``."""

    DEFAULT_CSS = """
    Passage {
        height: auto;
        margin: 0 0 1 0;
        padding: 0 1;
    }
    Passage.-list-item {
        padding-left: 3;
    }
    Passage.-tight {
        margin-bottom: 0;
    }
    Passage.-bookmarked {
        border-left: outer $accent;
        padding-left: 0;
    }
    Passage.-list-item.-bookmarked {
        padding-left: 2;
    }
    Passage.-code {
        background: $boost;
    }
    """

    class MentionClicked(Message):
        def __init__(self, entry_id: str) -> None:
            super().__init__()
            self.entry_id = entry_id

    class LinkClicked(Message):
        def __init__(self, url: str, label: str) -> None:
            super().__init__()
            self.url = url
            self.label = label

    class Sized(Message):
        """The paragraph has been laid out (or out again): its place in the text is known."""

    def __init__(
        self,
        paragraph: Paragraph,
        mentions: Sequence[Mention] = (),
        *,
        bookmarked: bool = False,
        notes: Sequence[str] = (),
        remarks: Sequence[Note] = (),
    ) -> None:
        super().__init__(id=f"p-{paragraph.number}")
        self.paragraph = paragraph
        self.mentions = tuple(mentions)
        self.notes = tuple(notes)
        """The reader's notes on this paragraph, oldest first: each is shown (the note editor
        changes the last)."""
        self.remarks = tuple(remarks)
        """The pack's own notes on this paragraph, as ``(title, text)``: where its framing is
        debatable."""
        self.marks: tuple[Mark, ...] = ()
        self.my_cards = 0
        """How many cards of the reader's own are on this paragraph (a mark under it)."""
        self.set_class(paragraph.list_item, "-list-item")
        # An item of a tight list: the next item follows with no blank line between.
        self.set_class(paragraph.tight, "-tight")
        self.set_class(paragraph.code, "-code")
        self.set_class(bookmarked, "-bookmarked")
        self._links: list[tuple[str, str]] = []

    def on_resize(self) -> None:
        if self.size.height:
            self.post_message(self.Sized())

    @property
    def bookmarked(self) -> bool:
        return self.has_class("-bookmarked")

    def set_bookmarked(self, value: bool) -> None:
        self.set_class(value, "-bookmarked")
        self.refresh(layout=True)

    @property
    def note(self) -> str | None:
        """The newest of the reader's notes (the one the note editor changes)."""
        return self.notes[-1] if self.notes else None

    def set_notes(self, notes: Sequence[str]) -> None:
        if tuple(notes) != self.notes:
            self.notes = tuple(notes)
            self.refresh(layout=True)

    def set_my_cards(self, count: int) -> None:
        if count != self.my_cards:
            self.my_cards = count
            self.refresh(layout=True)

    def set_marks(self, marks: Iterable[Mark]) -> None:
        self.marks = tuple(marks)
        self.refresh()

    # -- rendering ------------------------------------------------------------------------
    def render(self) -> PassageLayout:
        spans: list[Span] = []
        pieces: list[str] = []
        self._links = []
        offset = 0
        # Parsed once, when the pack was loaded; a paragraph made without runs is plain text.
        for run in self.paragraph.runs or (Run(self.paragraph.text),):
            end = offset + len(run.text)
            # A code span is italic in prose; a code block is drawn as it is.
            italic = run.emphasis or (run.code and not self.paragraph.code)
            if run.strong or italic:
                style = Style(bold=run.strong or None, italic=italic or None)
                spans.append(Span(offset, end, style))
            if run.url is not None:
                self._links.append((run.url, run.text))
                action = f"link({len(self._links) - 1})"
                link_style = Style(underline=True) + Style.from_meta({"@click": action})
                spans.append(Span(offset, end, link_style))
            pieces.append(run.text)
            offset = end
        text = "".join(pieces)
        mention_style = Style(underline=True)
        for mention in self.mentions:
            if mention.end <= len(text):
                click = Style.from_meta({"@click": f"mention('{mention.entry}')"})
                spans.append(Span(mention.start, mention.end, mention_style + click))
        for mark in self.marks:
            if mark.end <= len(text):
                hit = "reverse bold" if mark.current else "reverse"
                spans.append(Span(mark.start, mark.end, hit))
        body = Content(text, spans)
        tail = Content("")
        for remark in self.remarks:
            tail = tail + Content("\n\n") + remark_content(remark)
        for note in self.notes:
            if note:
                tail = tail + Content("\n") + Content.assemble(
                    ("✎ Your note: ", "bold"), (note, "italic")
                )
        if self.my_cards:
            cards = "1 card" if self.my_cards == 1 else f"{self.my_cards} cards"
            tail = tail + Content("\n") + Content(f"◆ {cards} of yours").stylize("dim")
        # What follows the paragraph starts on a line of its own: its first newline is the
        # paragraph's end.
        return PassageLayout(
            body,
            marker=(self.paragraph.marker or ("•" if self.paragraph.list_item else "")).rjust(
                self.paragraph.marker_width
            ),
            code=self.paragraph.code,
            tail=tail[1:] if tail else None,
        )

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The text under ``selection``: read from the lines as they are drawn (a list item's
        and a code block's lines are laid out here, not by Textual)."""
        visual = self._render()
        if not isinstance(visual, PassageLayout):
            return super().get_selection(selection)
        _, text = visual.laid_out(self.content_size.width)
        return selection.extract(text.plain), "\n"

    def action_mention(self, entry_id: str) -> None:
        self.post_message(self.MentionClicked(entry_id))

    def action_link(self, number: int) -> None:
        if 0 <= number < len(self._links):
            url, label = self._links[number]
            self.post_message(self.LinkClicked(url, label))


def remark_content(note: Note) -> Content:
    """A pack note under its paragraph: its title on a line of its own, then its text, then
    the sites of its sources (``Sources: axios.com · dnyuz.com``), in the order the note lists
    them."""
    content = Content.assemble(
        ("ⓘ Note: ", "bold"), (note.title, "bold italic"), "\n", (note.text, "italic")
    )
    if note.sources:
        sites = " · ".join(site_name(url) for url in note.sources)
        content = content + Content("\n") + Content.assemble(("Sources: ", "bold"), sites)
    return content

