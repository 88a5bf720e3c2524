"""The Index's meetings table: the columns that fit its width, rows in a chosen order, and a
cursor that stays on its meeting when the rows are filled again."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from summitreader.pack.model import Meeting
from summitreader.tui.screens.index_columns import PADDING, fit_columns, sort_meetings


class MeetingsTable(DataTable[Text]):
    """The meetings table; says when its width changes, so its columns can be fitted again."""

    class Resized(Message):
        pass

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.fitted_width = 0
        """The width the columns were last fitted to."""
        self.columns_width = 0
        """The width the columns shown take, their padding with them."""

    def on_resize(self) -> None:
        self.post_message(self.Resized())

    def available_width(self) -> int:
        return self.scrollable_content_region.width or self.size.width

    def fill(
        self,
        every: Sequence[Meeting],
        meetings: Sequence[Meeting],
        sort_key: str,
        reverse: bool,
        width: int | None = None,
    ) -> list[str]:
        """Show ``meetings`` sorted by ``sort_key``, with the columns that fit the width; the
        cursor stays on the meeting it was on. The columns are fitted to ``every`` meeting, not
        only those shown, so they stay put as a filter narrows the rows. ``width`` is the room to
        fit them in (by default the table's own). Returns the keys of the columns shown."""
        current = self.cursor_key()
        width = self.available_width() if width is None else width
        fitted = fit_columns(list(every), width)
        self.fitted_width = width
        self.columns_width = sum(size + PADDING for _, size in fitted)
        self.clear(columns=True)
        for column, size in fitted:
            arrow = (" ▼" if reverse else " ▲") if column.key == sort_key else ""
            self.add_column(Text(column.label + arrow), key=column.key, width=size)
        for meeting in sort_meetings(list(meetings), sort_key, reverse=reverse):
            # Rich Text, not str: the table would read a str as markup.
            self.add_row(
                *(Text(column.cell(meeting, size)) for column, size in fitted), key=meeting.id
            )
        if current is not None and current in self.rows:
            self.move_cursor(row=self.get_row_index(current), animate=False)
        elif self.row_count:
            self.move_cursor(row=0, animate=False)
        return [column.key for column, _ in fitted]

    def scrollbar_width(self) -> int:
        """The columns its vertical scroll bar takes (none while every row shows)."""
        return self.scrollbar_size_vertical if self.show_vertical_scrollbar else 0

    def cursor_key(self) -> str | None:
        """The id of the meeting under the cursor, if any."""
        if not self.row_count:
            return None
        try:
            key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        except Exception:  # noqa: BLE001 - a cursor left on no row
            return None
        return key
