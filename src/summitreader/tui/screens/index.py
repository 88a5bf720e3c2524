"""The index: meetings (a sortable table and a timeline), issues and takeaways, with a detail pane."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import (
    DataTable,
    Footer,
    Header,
    Input,
    OptionList,
    TabbedContent,
    TabPane,
)
from textual.widgets.option_list import Option

from summitreader.pack.model import Issue, Meeting, Pack, Takeaway
from summitreader.tui.widgets.entry_detail import SETTING_NAMES, EntryDetail
from summitreader.text import shorten

if TYPE_CHECKING:
    from summitreader.tui.services import Services

COLUMNS = (("date", "Date"), ("place", "Place"), ("setting", "Setting"), ("outcome", "Outcome"))
NAMED = "★"
NARROW = 70
"""Below this width the detail pane folds away (the lists keep the whole width)."""


def _matches(entry: Meeting | Issue | Takeaway, words: list[str]) -> bool:
    if not words:
        return True
    fields = [entry.title, entry.id]
    if isinstance(entry, Meeting):
        fields += [entry.place, entry.setting, entry.outcome, entry.date.iso(), *entry.aliases]
    elif isinstance(entry, Issue):
        fields += [entry.summary, *entry.aliases]
    else:
        fields.append(entry.text)
    haystack = " ".join(fields).casefold()
    return all(word in haystack for word in words)


class IndexScreen(Screen[None]):
    AUTO_FOCUS = "#meetings"
    BINDINGS = [
        Binding("f", "filter", "Filter", id="index.filter"),
        Binding("s", "sort", "Sort by next column", id="index.sort"),
        Binding("right_square_bracket", "tab(1)", "Next tab", id="index.next-tab"),
        Binding("left_square_bracket", "tab(-1)", "Previous tab", id="index.previous-tab"),
        Binding("tab", "app.focus_next", "Next pane", show=False, id="index.next-pane"),
    ]
    HELP_EXTRA = (
        ("← →", "Meetings, Timeline, Issues and Takeaways tabs (when the tabs are focused)"),
        ("enter", "Open a link in the detail pane: an entry, or a passage in the reader"),
        (NAMED, "In the timeline: a meeting the article names"),
    )

    def __init__(self, pack: Pack) -> None:
        super().__init__()
        self.pack = pack
        self.sort_column = 0
        self.sort_reverse = False

    @classmethod
    def from_services(cls, services: Services) -> IndexScreen:
        return cls(services.pack)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="index-lists"):
                yield Input(placeholder="Filter: type to narrow the lists (f)", id="index-filter")
                with TabbedContent(id="index-tabs"):
                    with TabPane("Meetings", id="tab-meetings"):
                        yield DataTable(id="meetings", cursor_type="row", zebra_stripes=True)
                    with TabPane("Timeline", id="tab-timeline"):
                        yield OptionList(id="timeline")
                    with TabPane("Issues", id="tab-issues"):
                        yield OptionList(id="issues")
                    with TabPane("Takeaways", id="tab-takeaways"):
                        yield OptionList(id="takeaways")
            yield EntryDetail(self.pack, id="detail")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#meetings", DataTable)
        for key, label in COLUMNS:
            table.add_column(label, key=key)
        self.refill()
        if self.pack.meetings:
            self._show(self.pack.meetings[0].id)
        table.focus()

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")

    # -- lists ----------------------------------------------------------------------------
    def _words(self) -> list[str]:
        return self.query_one("#index-filter", Input).value.casefold().split()

    def refill(self) -> None:
        words = self._words()
        meetings = [m for m in self.pack.meetings if _matches(m, words)]
        self._fill_table(meetings)
        self._fill_timeline(meetings)
        issues = self.query_one("#issues", OptionList)
        issues.clear_options()
        issues.add_options(
            Option(Content(i.title), id=i.id) for i in self.pack.issues if _matches(i, words)
        )
        takeaways = self.query_one("#takeaways", OptionList)
        takeaways.clear_options()
        takeaways.add_options(
            Option(Content(t.title), id=t.id) for t in self.pack.takeaways if _matches(t, words)
        )

    def _fill_table(self, meetings: list[Meeting]) -> None:
        table = self.query_one("#meetings", DataTable)
        table.clear()
        for meeting in meetings:
            outcome = shorten(meeting.outcome, 48)
            # Rich Text, not str: the table would read a str as markup.
            table.add_row(
                Text(meeting.date.start.isoformat()),
                Text(shorten(meeting.place, 24)),
                Text(SETTING_NAMES.get(meeting.setting, meeting.setting)),
                Text(outcome),
                key=meeting.id,
            )
        self._apply_sort()

    def _apply_sort(self) -> None:
        table = self.query_one("#meetings", DataTable)
        key = COLUMNS[self.sort_column][0]
        table.sort(key, key=lambda cell: cell.plain.casefold(), reverse=self.sort_reverse)
        for number, (column_key, label) in enumerate(COLUMNS):
            arrow = (" ▼" if self.sort_reverse else " ▲") if number == self.sort_column else ""
            table.columns[column_key].label = Text(label + arrow)  # type: ignore[index]
        table.refresh()

    def _fill_timeline(self, meetings: list[Meeting]) -> None:
        timeline = self.query_one("#timeline", OptionList)
        timeline.clear_options()
        year = None
        for meeting in sorted(meetings, key=lambda m: m.date.start):
            if meeting.date.year != year:
                if year is not None and meeting.date.year - year > 1:
                    timeline.add_option(Option(Content("  ⋮"), disabled=True))
                year = meeting.date.year
                timeline.add_option(Option(Content(str(year)).stylize("bold underline"), disabled=True))
            named = meeting.in_article
            label = Content.assemble(
                (f" {NAMED} " if named else "   ", "bold"),
                (f"{meeting.date.human():<16}", "bold" if named else ""),
                meeting.title,
                (" — named in the article" if named else "", "italic"),
                (" (called off)" if not meeting.held else "", "italic"),
            )
            timeline.add_option(Option(label, id=meeting.id))

    @on(Input.Changed, "#index-filter")
    def _filtered(self) -> None:
        self.refill()

    @on(Input.Submitted, "#index-filter")
    def _filter_done(self) -> None:
        self._focus_list()

    def _focus_list(self) -> None:
        active = self.query_one("#index-tabs", TabbedContent).active
        target = {"tab-meetings": "#meetings", "tab-timeline": "#timeline",
                  "tab-issues": "#issues", "tab-takeaways": "#takeaways"}.get(active, "#meetings")
        self.query_one(target).focus()

    # -- selection ------------------------------------------------------------------------
    @on(DataTable.RowHighlighted, "#meetings")
    def _meeting_row(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value:
            self._show(event.row_key.value)

    @on(DataTable.RowSelected, "#meetings")
    def _meeting_chosen(self, event: DataTable.RowSelected) -> None:
        self.query_one("#detail-links").focus()

    @on(DataTable.HeaderSelected, "#meetings")
    def _header(self, event: DataTable.HeaderSelected) -> None:
        if event.column_index == self.sort_column:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_column, self.sort_reverse = event.column_index, False
        self._apply_sort()

    @on(OptionList.OptionHighlighted, "#timeline, #issues, #takeaways")
    def _option(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            self._show(event.option.id)

    @on(OptionList.OptionSelected, "#timeline, #issues, #takeaways")
    def _option_chosen(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#detail-links").focus()

    def _show(self, entry_id: str) -> None:
        entry = self.pack.get(entry_id)
        if isinstance(entry, Meeting | Issue | Takeaway):
            self.query_one(EntryDetail).show(entry)

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
            table = self.query_one("#meetings", DataTable)
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
        self.query_one("#index-filter", Input).focus()

    def action_tab(self, step: int) -> None:
        tabs = self.query_one("#index-tabs", TabbedContent)
        order = ["tab-meetings", "tab-timeline", "tab-issues", "tab-takeaways"]
        tabs.active = order[(order.index(tabs.active) + step) % len(order)]
        self._focus_list()

    def action_sort(self) -> None:
        self.sort_column = (self.sort_column + 1) % len(COLUMNS)
        self.sort_reverse = False
        self._apply_sort()
        self.notify(f"Meetings sorted by {COLUMNS[self.sort_column][1].lower()}", timeout=2)
