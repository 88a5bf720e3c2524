"""The index: meetings (a sortable table and a timeline), issues and takeaways, and a detail
pane."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import (
    DataTable,
    Header,
    Input,
    OptionList,
    Static,
    TabbedContent,
    TabPane,
)
from textual.widgets.option_list import Option

from summitreader.pack.model import Card, Issue, Meeting, Pack, Takeaway
from summitreader.tui.screens.index_columns import COLUMNS
from summitreader.tui.screens.index_entries import (
    NAMED,
    fill_timeline,
    matches,
    missing_lists,
    pack_summary,
)
from summitreader.tui.styling import StyledScreen
from summitreader.tui.widgets.entry_detail import EntryDetail
from summitreader.tui.widgets.key_footer import GIVES_WAY, KeyFooter, silent_app_keys
from summitreader.tui.widgets.meetings_table import MeetingsTable
from summitreader.tui.widgets.ordered_input import OrderedInput

if TYPE_CHECKING:
    from summitreader.tui.services import Services

NARROW = 76
"""Below this width the detail pane folds away (the lists keep the whole width); ``d`` shows it
in their place (at any width: ``d`` again, or a change of tab, brings the lists back)."""
MEDIUM = 90
"""Below this width the lists keep what the table's name and date need, and the detail pane
takes the rest."""
LISTS_SHARE = (3, 5)
"""The share of the width the meetings table's columns are chosen in (above :data:`MEDIUM`)."""
LISTS_MEDIUM = 44
"""The width they are chosen in below :data:`MEDIUM`: what the name and the date need."""
LISTS_LEAST = 42
"""The narrowest the lists pane is beside the detail pane: the filter box's placeholder and the
tabs show whole."""
LISTS = {
    "tab-meetings": "#meetings",
    "tab-timeline": "#timeline",
    "tab-issues": "#issues",
    "tab-takeaways": "#takeaways",
}


TABS = Binding.Group("Tab")
"""The footer shows the previous and next tab keys together: ``[ ] Tab``."""


class IndexScreen(StyledScreen):
    AUTO_FOCUS = "#meetings"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f", "filter", "Filter", id="index.filter"),
        Binding("s", "sort", "Sort", id="index.sort", tooltip="Sort by the next column"),
        Binding("left_square_bracket", "tab(-1)", "Previous tab", id="index.previous-tab",
                tooltip="Previous tab", group=TABS),
        Binding("right_square_bracket", "tab(1)", "Next tab", id="index.next-tab",
                tooltip="Next tab", group=TABS),
        Binding("d", "toggle_detail", "Detail", id="index.detail",
                tooltip="Show the detail pane alone, or the lists again"),
        Binding("tab", "app.focus_next", "Next pane", show=False, id="index.next-pane"),
        # Offered while the filter box has focus (as in the Search box): priority, or the box
        # would take ↓ itself; escape there leaves the box, never the screen.
        Binding("down", "leave_filter", "To the list", priority=True, id="index.filter-down"),
        Binding("escape", "escape_filter", "Leave the box", id="index.filter-leave"),
        # The footer shows the Index's own keys whole at 80 columns; the screens' keys and quit
        # are in the help.
        *silent_app_keys(),
    ]
    HELP_EXTRA = (
        ("left,right", "Meetings, Timeline, Issues and Takeaways tabs (when the tabs are focused)"),
        ("enter", "Open a link in the detail pane: an entry, or a passage in the reader"),
        (NAMED, "In the timeline: a meeting the article names"),
    )

    def __init__(self, pack: Pack, deck: Sequence[Card] | None = None) -> None:
        super().__init__()
        self.pack = pack
        self.deck = deck
        """The deck, for the cards listed under an entry (None: built here, which is slow)."""
        self.sort_column = 1  # by date
        self.sort_reverse = False
        self._columns: list[str] = []
        self._width = 0
        self._tabs_shown: list[str] = list(LISTS)

    @classmethod
    def from_services(cls, services: Services) -> IndexScreen:
        return cls(services.pack, services.deck)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="index-lists"):
                yield OrderedInput(
                    placeholder="Filter: type to narrow the lists (f)", id="index-filter"
                )
                yield Static(id="index-nothing")
                first = next((tab for tab, present in self._has().items() if present), "")
                with TabbedContent(id="index-tabs", initial=first):
                    with TabPane("Meetings", id="tab-meetings"):
                        yield MeetingsTable(id="meetings")
                    with TabPane("Timeline", id="tab-timeline"):
                        yield OptionList(id="timeline")
                    with TabPane("Issues", id="tab-issues"):
                        yield OptionList(id="issues")
                    with TabPane("Takeaways", id="tab-takeaways"):
                        yield OptionList(id="takeaways")
            yield EntryDetail(self.pack, deck=self.deck, id="detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._hide_empty_tabs()
        self.refill()
        self._focus_list()

    def _has(self) -> dict[str, bool]:
        """Which tabs have something to list."""
        return {
            "tab-meetings": bool(self.pack.meetings),
            "tab-timeline": bool(self.pack.meetings),
            "tab-issues": bool(self.pack.issues),
            "tab-takeaways": bool(self.pack.takeaways),
        }

    def _hide_empty_tabs(self) -> None:
        """A pack without meetings, issues or takeaways (one made of any article) shows only the
        tabs it has something for, opened on the first (set in :meth:`compose`)."""
        tabs = self.query_one("#index-tabs", TabbedContent)
        has = self._has()
        shown = [tab for tab, present in has.items() if present]
        for tab in (tab for tab, present in has.items() if not present and shown):
            tabs.hide_tab(tab)
        self._tabs_shown = shown or list(has)
        # Nothing to list: the summary says what the pack has, without tabs or a filter box.
        tabs.display = bool(shown)
        self.query_one("#index-filter", Input).display = bool(shown)

    def _pack_summary(self) -> str:
        """What a pack with nothing for this screen has instead."""
        sections = len(self.pack.sections)
        return (
            "This pack has no meetings, issues or takeaways: read its "
            f"{sections} section{'s' if sections != 1 else ''} on Read (1) and study its cards "
            "on Study (4)."
        )

    def _missing(self) -> str:
        """What a pack with some of this screen's lists lacks (``no meetings or issues``)."""
        missing = [
            name
            for name, present in (
                ("meetings", self.pack.meetings),
                ("issues", self.pack.issues),
                ("takeaways", self.pack.takeaways),
            )
            if not present
        ]
        if not missing or len(missing) == 3:
            return ""
        return f"This pack has no {' or '.join(missing)}."

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")
        self.set_class(self.size.width < MEDIUM, "-medium")
        self.refresh_bindings()
        if self._width and self._table_room() != self._width:
            self._fill_table(self._shown_meetings())
        else:
            self._size_lists()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("filter", "sort", "tab", "toggle_detail") and not any(self._has().values()):
            return False  # nothing to list: no box to type in, nothing to sort or to detail
        if action in ("leave_filter", "escape_filter"):
            # Elsewhere ↓ moves in a list and escape goes back.
            return self.focused is self.query_one("#index-filter", Input)
        if action == "sort":  # the table is the only list that sorts, and only when shown
            return self._active() == "tab-meetings" and not self.has_class("-detail")
        return True

    # -- lists ----------------------------------------------------------------------------
    def _words(self) -> list[str]:
        return self.query_one("#index-filter", Input).value.casefold().split()

    def _active(self) -> str:
        # Before the tabs are mounted, the one they open on: the first with something to list.
        return self.query_one("#index-tabs", TabbedContent).active or self._tabs_shown[0]

    def refill(self) -> None:
        words = self._words()
        meetings = [m for m in self.pack.meetings if matches(m, words)]
        self._fill_table(meetings)
        fill_timeline(self.query_one("#timeline", OptionList), meetings)
        self.query_one("#issues", OptionList).set_options(
            Option(Content(i.title), id=i.id) for i in self.pack.issues if matches(i, words)
        )
        self.query_one("#takeaways", OptionList).set_options(
            Option(Content(t.title), id=t.id) for t in self.pack.takeaways if matches(t, words)
        )
        self._follow_active()

    def _shown_meetings(self) -> list[Meeting]:
        words = self._words()
        return [m for m in self.pack.meetings if matches(m, words)]

    def _beside_detail(self) -> bool:
        """Whether the lists share the width with the detail pane (the meetings table's columns
        are then chosen in the lists' share of it, and the detail pane has what they leave)."""
        return bool(self.pack.meetings) and self.size.width >= NARROW

    def _table_room(self) -> int:
        """The width the meetings table's columns are chosen in: beside the detail pane, the
        lists' share of the screen (as the terminal narrows, the columns give way in their
        planned order); else the table's own width."""
        table = self.query_one("#meetings", MeetingsTable)
        if not self._beside_detail():
            return table.available_width()
        width = self.size.width
        share = width * LISTS_SHARE[0] // LISTS_SHARE[1] if width >= MEDIUM else LISTS_MEDIUM
        return share - table.scrollbar_width()

    def _fill_table(self, meetings: list[Meeting]) -> None:
        """The table's rows in the chosen order, with the columns that fit its room; beside the
        detail pane, the lists pane keeps only the width the columns take, and the detail pane
        has the rest."""
        table = self.query_one("#meetings", MeetingsTable)
        self._width = self._table_room()
        self._columns = table.fill(
            self.pack.meetings,
            meetings,
            COLUMNS[self.sort_column].key,
            self.sort_reverse,
            width=self._width,
        )
        self._size_lists()

    def _size_lists(self) -> None:
        table = self.query_one("#meetings", MeetingsTable)
        lists = self.query_one("#index-lists")
        if self._beside_detail():
            lists.styles.width = max(LISTS_LEAST, table.columns_width + table.scrollbar_width())
        else:
            lists.styles.width = None  # the stylesheet's: the whole width

    @on(MeetingsTable.Resized)
    def _fit_table(self) -> None:
        if self._table_room() != self._width:
            self._fill_table(self._shown_meetings())

    def _follow_active(self) -> None:
        """The detail pane shows the entry highlighted in the list in view; an empty list says
        that nothing matches."""
        target = LISTS.get(self._active(), "#meetings")
        entry_id: str | None = None
        if target == "#meetings":
            table = self.query_one("#meetings", MeetingsTable)
            entry_id = table.cursor_key()
            empty = table.row_count == 0
        else:
            options = self.query_one(target, OptionList)
            if options.highlighted is None or options.highlighted >= options.option_count:
                options.action_first()
            highlighted = options.highlighted_option
            entry_id = highlighted.id if highlighted is not None else None
            empty = not any(not o.disabled for o in options.options)
        nothing = self.query_one("#index-nothing", Static)
        query = self.query_one("#index-filter", Input).value.strip()
        bare = not (self.pack.meetings or self.pack.issues or self.pack.takeaways)
        if query:
            message = f"Nothing matches “{query}”."
        elif bare:
            message = pack_summary(self.pack)
        elif empty:
            message = "Nothing to list."
        else:
            message = missing_lists(self.pack)
        nothing.display = bool(message) and (empty or not query)
        nothing.update(Content(message))
        detail = self.query_one(EntryDetail)
        if entry_id is not None:
            if detail.entry_id != entry_id:
                self._show(entry_id)
        elif empty:
            detail.clear("" if bare else message)  # the summary is said once, on the left

    @on(TabbedContent.TabActivated, "#index-tabs")
    def _tab_changed(self) -> None:
        self._follow_active()
        self.refresh_bindings()

    @on(Input.Changed, "#index-filter")
    def _filtered(self) -> None:
        self.refill()

    @on(Input.Submitted, "#index-filter")
    def _filter_done(self) -> None:
        self._focus_list()

    def _focus_list(self) -> None:
        self.query_one(LISTS.get(self._active(), "#meetings")).focus()

    # -- selection ------------------------------------------------------------------------
    @on(DataTable.RowHighlighted, "#meetings")
    def _meeting_row(self) -> None:
        # The row under the cursor now, not the one the event names: a refill (sort, filter,
        # width) can leave a late event about the row that was there before.
        key = self.query_one("#meetings", MeetingsTable).cursor_key()
        if key is not None and self._active() == "tab-meetings":
            self._show(key)

    @on(DataTable.RowSelected, "#meetings")
    def _meeting_chosen(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self._show(event.row_key.value)
        self._focus_links()

    @on(DataTable.HeaderSelected, "#meetings")
    def _header(self, event: DataTable.HeaderSelected) -> None:
        chosen = next(
            (n for n, column in enumerate(COLUMNS) if column.key == event.column_key.value), 0
        )
        if chosen == self.sort_column:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_column, self.sort_reverse = chosen, False
        self._fill_table(self._shown_meetings())

    @on(OptionList.OptionHighlighted, "#timeline, #issues, #takeaways")
    def _option(self, event: OptionList.OptionHighlighted) -> None:
        options = event.option_list
        if LISTS.get(self._active()) != f"#{options.id}":
            return  # a list out of view
        highlighted = options.highlighted_option
        if highlighted is not None and highlighted.id:
            self._show(highlighted.id)

    @on(OptionList.OptionSelected, "#timeline, #issues, #takeaways")
    def _option_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self._show(event.option.id)
        self._focus_links()

    def _focus_links(self) -> None:
        if self.has_class("-narrow"):
            self.add_class("-detail")
            self.refresh_bindings()
        self.query_one(EntryDetail).focus_links()

    def _show(self, entry_id: str) -> None:
        detail = self.query_one(EntryDetail)
        if detail.entry_id == entry_id:
            return  # already shown: its links and where they are highlighted stay
        entry = self.pack.get(entry_id)
        if isinstance(entry, Meeting | Issue | Takeaway):
            detail.show(entry)

    def select_entry(self, entry_id: str) -> None:
        """Show ``entry_id`` in its list and in the detail pane."""
        entry = self.pack.get(entry_id)
        if not isinstance(entry, Meeting | Issue | Takeaway):
            return
        filter_box = self.query_one("#index-filter", Input)
        if filter_box.value:
            filter_box.value = ""
            self.refill()
        tabs = self.query_one("#index-tabs", TabbedContent)
        if isinstance(entry, Meeting):
            tabs.active = "tab-meetings"
            table = self.query_one("#meetings", MeetingsTable)
            table.move_cursor(row=table.get_row_index(entry.id))
            table.focus()
        else:
            list_id = "#issues" if isinstance(entry, Issue) else "#takeaways"
            tabs.active = "tab-issues" if isinstance(entry, Issue) else "tab-takeaways"
            options = self.query_one(list_id, OptionList)
            options.highlighted = options.get_option_index(entry.id)
            options.focus()
        self._show(entry.id)

    # -- actions --------------------------------------------------------------------------
    def action_filter(self) -> None:
        self.remove_class("-detail")
        self.refresh_bindings()
        self.query_one("#index-filter", Input).focus()

    def action_leave_filter(self) -> None:
        self._focus_list()

    def action_escape_filter(self) -> None:
        self._focus_list()

    def action_tab(self, step: int) -> None:
        tabs = self.query_one("#index-tabs", TabbedContent)
        order = [tab for tab in LISTS if tab in self._tabs_shown]  # hidden tabs are skipped
        if self._active() not in order:
            return
        tabs.active = order[(order.index(self._active()) + step) % len(order)]
        self.remove_class("-detail")
        self._focus_list()
        self._follow_active()
        self.refresh_bindings()

    def action_sort(self) -> None:
        shown = [n for n, column in enumerate(COLUMNS) if column.key in self._columns]
        following = [n for n in shown if n > self.sort_column]
        self.sort_column = following[0] if following else (shown[0] if shown else 0)
        self.sort_reverse = False
        self._fill_table(self._shown_meetings())
        self.notify(f"Meetings sorted by {COLUMNS[self.sort_column].label.lower()}", timeout=2)

    def footer_gives_way(self) -> tuple[str, ...]:
        """The footer's order of keys to leave out (see :data:`GIVES_WAY`): with the detail
        pane alone, its key (the way back to the lists) stays, and Filter, which goes back to
        them too, goes first."""
        if self.has_class("-detail"):
            return ("filter", *(action for action in GIVES_WAY if action != "toggle_detail"))
        return GIVES_WAY

    def action_toggle_detail(self) -> None:
        """The detail pane in place of the lists (the whole width for it), and back."""
        self.toggle_class("-detail")
        self.refresh_bindings()  # (sort is offered only while the lists are shown)
        if self.has_class("-detail"):
            # The entry is read from its top: the pane itself takes the focus (↑↓ scroll it,
            # tab goes to its links), where focusing the links would scroll its name away.
            detail = self.query_one(EntryDetail)
            detail.focus(scroll_visible=False)
            detail.scroll_home(animate=False)
        else:
            self._focus_list()
