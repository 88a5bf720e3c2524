"""Search as you type over the article, the index and the reader's notes; enter opens a hit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Header, Input, OptionList, ProgressBar, Select, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from summitreader.pack.model import Pack, PassageRef
from summitreader.search.documents import card_text
from summitreader.tui.messages import (
    OpenEntry,
    OpenPassage,
    SearchIndexOpened,
    SearchIndexProgress,
)
from summitreader.tui.styling import StyledScreen
from summitreader.tui.widgets.hanging import Blocks, Hanging, line
from summitreader.tui.widgets.key_footer import KeyFooter, silent_app_keys
from summitreader.tui.widgets.ordered_input import OrderedInput

if TYPE_CHECKING:
    from summitreader.progress import Store
    from summitreader.search import Hit, SearchResult
    from summitreader.tui.services import SearchHandle, Services

KINDS = (
    ("Everything", ""),
    ("The article", "paragraph"),
    ("Meetings", "meeting"),
    ("Issues", "issue"),
    ("Takeaways", "takeaway"),
    ("My notes", "note"),
    ("My cards", "card"),
)
DEBOUNCE = 0.12


LabelKey = tuple[str, str, str, tuple[tuple[str, bool], ...]]
NoteDocs = list[tuple[int, str, int, str]]
CardDocs = list[tuple[str, str, int, str]]


def label_key(hit: Hit) -> LabelKey:
    """What a hit's label is made of."""
    return (hit.kind, hit.title, hit.where, tuple((s.text, s.match) for s in hit.snippet))


def hit_label(hit: Hit) -> Blocks:
    """A hit as where it is, then its snippet with the matched words marked; the snippet wraps
    under itself, indented."""
    if hit.kind == "paragraph":  # its title is its section's, which its place already names
        head = line((hit.where, "bold"))
    else:
        head = line((hit.title, "bold"), "  ·  ", (hit.where, "italic"))
    snippet = [(segment.text, "reverse bold" if segment.match else "") for segment in hit.snippet]
    return Blocks([head, Hanging([("  ", "")], snippet)])


FIRST_HITS = 8
"""At least this many hits are shown with the keystroke that found them (enough to fill the
list: see :data:`HIT_LINES`); the others are added once they are painted."""
HIT_LINES = 2
"""The fewest lines a hit takes (its place, then its snippet)."""

EMPTY_BOX = "Type to search. esc leaves the box, then ? lists the query syntax."
"""What the message line says while the box is empty."""


class HitList(OptionList):
    """The hits; ``enter`` opens the one highlighted (shown in the footer, as the way on)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Open hit", id="search.open"),
    ]


class SearchScreen(StyledScreen):
    AUTO_FOCUS = "#query"
    BINDINGS: ClassVar[list[BindingType]] = [
        # As in the card editor: ctrl+l clears the text box (here the one box, gone to).
        Binding(
            "ctrl+l",
            "clear_query",
            "Clear box",
            id="search.clear",
            tooltip="Clear the search box and put the cursor in it",
        ),
        # Not ctrl+k: in the box that deletes to the end of the line.
        Binding("ctrl+t", "cycle_kind", "Kind of hit", id="search.kind"),
        # Priority: the box would take ↓ itself (and do nothing with it).
        Binding("down", "results", "Results", priority=True, id="search.results"),
        Binding("escape", "leave_box", "Leave the box", id="search.leave"),
        # Out of the box the footer shows the Library's key and help, as every footer does; the
        # screens and quit are in the help (the footer has no room for them at 80 columns).
        *silent_app_keys(),
    ]
    HELP_EXTRA = (
        ("type", "Words, \"a phrase\", AND / OR / NOT, kind:meeting, date:2018; the last word "
                 "is completed as you type; small typos are forgiven; a word finds its family "
                 "(interfering finds interference)"),
        ("1,2,3,4,5,question_mark", "Typed into the box while it has focus: esc or ↓ leaves it"),
        ("enter", "In the box: go to the results. In the results: open the hit"),
    )

    def __init__(
        self, pack: Pack, search: SearchHandle, store: Store, delay: float | None = None
    ) -> None:
        super().__init__()
        self.pack = pack
        self.search = search
        self.store = store
        self.delay = DEBOUNCE if delay is None else delay
        self.hits: list[Hit] = []
        self.shown_query: str | None = None
        """The query (as typed) whose hits are shown, once a search has answered and all its
        hits are listed."""
        self._timer: Timer | None = None
        self._typed_since = False
        """Whether the query changed since the last search (while :attr:`_timer` runs)."""
        self._generation = 0
        self._labels: dict[LabelKey, Blocks] = {}
        """The labels of the hits shown, kept for the next keystroke: a hit shown again keeps
        its label, and the lines the label has already been drawn as."""
        self._user_docs: tuple[NoteDocs, CardDocs] | None = None
        """The reader's notes and cards, as searched: read from the progress file by the search
        worker (never on the UI thread, nor at every keystroke), once, and again each time the
        screen is shown (they are written on other screens, or by another program)."""
        self._docs_shown = 0
        """Counts the showings of the screen: a read begun before the last one is not kept."""
        self._covered = False
        """Whether the screen was last left for a dialog over it (not for another screen)."""

    @classmethod
    def from_services(cls, services: Services) -> SearchScreen:
        return cls(services.pack, services.search, services.store, services.search_delay)

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="search-body"):
            with Horizontal(id="search-bar"):
                yield OrderedInput(
                    placeholder="Search the article, the index and your notes", id="query"
                )
                yield Select(KINDS, value="", allow_blank=False, id="kind")
            with Horizontal(id="search-status"):
                yield Static(id="search-message")
                yield ProgressBar(id="search-progress", show_eta=False)
            yield HitList(id="results")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#query", Input).focus()
        if self.search.index is None and self.search.error is None:
            self.query_one("#search-progress", ProgressBar).update(total=None, progress=0)
            self._say("indexing…")
            self._wait_for_index()
        else:
            self._show_ready()

    def type_ahead(self, text: str) -> None:
        """Give the box the focus now and type ``text`` into it: the characters typed right
        after the key that opened this screen, before its box could have the focus."""
        box = self.query_one("#query", Input)
        self.set_focus(box)
        if text:
            box.insert_text_at_cursor(text)

    def on_screen_suspend(self) -> None:
        # Covered by a dialog (the Library, the help) rather than left for another screen.
        self._covered = self.app.screen is not self and self in self.app.screen_stack
        if not self._covered:
            # Come back to, the cursor is in the box: given it now, as the screen is left, a
            # key typed right after the screen's own key goes to the box, not to the results
            # left with the focus (the focus given as it resumes comes after such a key).
            self.set_focus(self.query_one("#query", Input), scroll_visible=False)

    def on_screen_resume(self) -> None:
        self._user_docs = None  # read again by the next search
        self._docs_shown += 1
        if not self._covered:  # come to from another screen: the cursor is in the box
            self.query_one("#query", Input).focus()
        self._covered = False  # a dialog closed: the focus is back where it was
        if self.search.index is not None or self.search.error is not None:
            self._show_ready()

    # -- readiness ------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="search-index", exit_on_error=False)
    def _wait_for_index(self) -> None:
        """Open the index, or wait for the build under way, telling its progress by messages."""
        told = -1

        def progress(done: int, total: int) -> None:
            nonlocal told
            percent = 100 * done // total if total else 0
            if percent != told:
                told = percent
                self.post_message(SearchIndexProgress(done, total))

        self.search.open(progress)
        self.post_message(SearchIndexOpened(self.search.error))

    @on(SearchIndexProgress)
    def _index_progress(self, message: SearchIndexProgress) -> None:
        bar = self.query_one("#search-progress", ProgressBar)
        bar.update(total=message.total or None, progress=message.done)
        self._say("indexing…")

    @on(SearchIndexOpened)
    def _index_opened(self) -> None:
        self._show_ready()
        self._schedule(0)

    def _show_ready(self) -> None:
        self.query_one("#search-progress", ProgressBar).display = False
        if self.search.error:
            self._say(self.search.error)
        elif not self.query_one("#query", Input).value:
            self._say(EMPTY_BOX)

    def _say(self, text: str) -> None:
        """Show ``text`` in the message line; the screen is laid out again only when the
        message's wrapped height changes (each keystroke says something new)."""
        message = self.query_one("#search-message", Static)
        content = Content(text)
        width = message.content_region.width
        height = len(content.wrap(width)) if width > 0 else 0
        message.update(content, layout=not height or height != message.content_region.height)

    # -- searching ------------------------------------------------------------------------
    @on(Input.Changed, "#query")
    def _typed(self) -> None:
        """The first key after a pause searches at once (its results are painted within the
        key's frame budget); keys that follow within :attr:`delay` make one search at its end,
        so a fast typist does not queue a search a key."""
        if not self.delay:
            self._schedule(0)
        elif self._timer is None:
            self._start_search()
            self._typed_since = False
            self._timer = self.set_timer(self.delay, self._debounced)
        else:
            self._typed_since = True

    def _debounced(self) -> None:
        self._timer = None
        if self._typed_since:
            self._typed_since = False
            self._start_search()
            self._timer = self.set_timer(self.delay, self._debounced)

    @on(Select.Changed, "#kind")
    def _kind_changed(self) -> None:
        self._schedule(0)

    def _schedule(self, delay: float) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._typed_since = False
        self._timer = self.set_timer(delay, self._start_search) if delay else None
        if not delay:
            self._start_search()

    def _start_search(self) -> None:
        if self.search.index is None:
            return
        self._generation += 1
        kind = self.query_one("#kind", Select).value
        kinds = (str(kind),) if kind else None
        self._run_search(self.query_one("#query", Input).value, kinds, self._generation)

    def _read_user_docs(self) -> tuple[NoteDocs, CardDocs]:
        """The reader's notes and cards from the progress file (off the UI thread)."""
        docs, shown = self._user_docs, self._docs_shown
        if docs is None:
            notes = [(n.id, n.section, n.paragraph, n.text) for n in self.store.notes()]
            cards = [
                (c.uid, c.section, c.paragraph, card_text(c.kind, c.front, c.back))
                for c in self.store.my_cards()
            ]
            docs = (notes, cards)
            if shown == self._docs_shown:
                self._user_docs = docs
        return docs

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _run_search(self, query: str, kinds: tuple[str, ...] | None, generation: int) -> None:
        index = self.search.index
        if index is None:
            return
        notes, cards = self._read_user_docs()
        self.search.sync_notes(notes, cards)
        result = index.search(query, kinds=kinds, limit=50, as_you_type=True)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_result, result, generation)

    def _show_result(self, result: SearchResult, generation: int) -> None:
        """The hits that fill the list first, painted with the key; the others are added once
        they are (a keystroke's answer of fifty hits is measured and drawn in two steps, the
        first of them what the reader sees)."""
        if generation != self._generation:
            return  # a newer query has been typed since
        self.hits = list(result.hits)
        results = self.query_one("#results", OptionList)
        previous, self._labels = self._labels, {}
        first = max(FIRST_HITS, results.size.height // HIT_LINES + 1)
        # One change of options (not a clearing, then an adding): the list is measured and laid
        # out once, and its scroll bar does not go and come back.
        results.set_options(self._options(self.hits[:first], previous))
        query = self.query_one("#query", Input).value.strip()
        parts: list[str] = []
        if result.message:
            parts.append(result.message)
        if query:
            count = result.total
            parts.append(f"{count} match{'es' if count != 1 else ''}." if count else "No matches.")
        if result.suggestion and result.corrected:
            parts.append(f"Showing results for “{result.suggestion}”.")
        elif result.suggestion:
            parts.append(f"Did you mean: {result.suggestion}?")
        self._say("  ".join(parts) if parts else EMPTY_BOX)
        typed = self.query_one("#query", Input).value
        if len(self.hits) > first:
            self.call_after_refresh(self._show_rest, generation, first, previous, typed)
        else:
            self.shown_query = typed

    def _show_rest(
        self, generation: int, start: int, previous: dict[LabelKey, Blocks], typed: str
    ) -> None:
        if generation != self._generation:
            return  # a newer query has been typed since
        self.query_one("#results", OptionList).add_options(
            self._options(self.hits[start:], previous)
        )
        self.shown_query = typed

    def _options(self, hits: Sequence[Hit], previous: dict[LabelKey, Blocks]) -> list[Option]:
        """The options of ``hits``; a hit shown for the last query keeps its label."""
        options = []
        for hit in hits:
            key = label_key(hit)
            label = self._labels.get(key)
            if label is None:
                label = previous.get(key)
            if label is None:
                label = hit_label(hit)
            self._labels[key] = label
            options.append(Option(label))
        return options

    # -- opening --------------------------------------------------------------------------
    @on(Input.Submitted, "#query")
    def _submitted(self) -> None:
        self.action_results()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("results", "leave_box"):
            # Offered while the box has focus; elsewhere escape goes back, as on every screen.
            return self.focused is self.query_one("#query", Input)
        return True

    def action_leave_box(self) -> None:
        """Out of the box, to the results (even none): the keys typed into the box (the
        screens' and help's) work again, and escape once more goes back."""
        self.action_results()

    def action_results(self) -> None:
        results = self.query_one("#results", OptionList)
        results.focus()
        if self.hits and results.highlighted is None:
            results.highlighted = 0

    def action_clear_query(self) -> None:
        box = self.query_one("#query", Input)
        box.clear()
        box.focus()

    def action_cycle_kind(self) -> None:
        select = self.query_one("#kind", Select)
        values = [value for _, value in KINDS]
        position = values.index(str(select.value)) if select.value in values else 0
        select.value = values[(position + 1) % len(values)]

    @on(OptionList.OptionSelected, "#results")
    def _open(self, event: OptionList.OptionSelected) -> None:
        hit = self.hits[event.option_index]
        terms = tuple(s.text for s in hit.snippet if s.match)
        if hit.section and hit.paragraph:
            self.post_message(OpenPassage(PassageRef(hit.section, hit.paragraph), terms))
        elif hit.kind in ("meeting", "issue", "takeaway"):
            self.post_message(OpenEntry(hit.id))
