"""The Library: the packs (the one that ships and those made with ``summitreader add``) with
their reading progress and cards due; Enter opens one.

The list scrolls inside the dialog to keep the highlighted pack in view; the hint on adding an
article and the keys are docked under it, so they are seen however many packs there are. The
open pack is highlighted when the dialog opens, and said to be open ("open now"). The
highlighted pack is drawn on the accent colour with a cursor mark (▶), so it is plain to see
with or without colour.

Choosing a pack does not close the dialog: it posts :class:`LibraryScreen.Chosen` for the app to
open the pack off the UI thread, and says "Opening <title>…" with its list disabled until the app
has the new pack on screen (the app closes it then) or calls :meth:`LibraryScreen.opening_failed`.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from summitreader.library import PackInfo, PackSummary, list_packs, summarise
from summitreader.text import plural
from summitreader.tui.screens.dismiss_once import Dialog
from summitreader.tui.widgets.hanging import Blocks, Hanging
from summitreader.tui.widgets.stopping_list import StoppingOptionList

ADD_HINT = "Add an article: summitreader add FILE (Markdown, text, HTML)"
KEYS = "↑↓ choose · enter opens · escape closes"
LOADING = "Loading the library…"
CURSOR = "▶ "
"""The mark of the highlighted pack."""


class PackList(StoppingOptionList):
    """The packs, each of one or more lines: the list is only ever scrolled to the first line
    of a pack (down to the next pack's, up to this one's), so its top is a whole pack, never the
    end of one cut in the middle. At the end of the list, it scrolls on to the first line of a
    pack, with blank lines under the last if need be, rather than stop in the middle of one."""

    @property
    def max_scroll_y(self) -> int:
        plain = super().max_scroll_y
        return self._pack_start(plain, up=False) if plain else 0

    def validate_scroll_y(self, value: float) -> float:
        return self._snap(value, self.scroll_y)

    def validate_scroll_target_y(self, value: float) -> float:
        return self._snap(value, self.scroll_target_y)

    def _snap(self, value: float, now: float) -> int:
        """``value`` moved to the first line of a pack: the next one's when scrolling down from
        ``now``, else this one's."""
        y = round(max(0.0, value))
        return min(self._pack_start(y, up=value <= now), self.max_scroll_y)

    def _pack_start(self, y: int, *, up: bool) -> int:
        """The first line of the pack at line ``y`` (``up``), or of the pack after it, unless
        ``y`` is a pack's first line already."""
        lines = self._lines
        if not 0 <= y < len(lines):
            return y
        index, offset = lines[y]
        if not offset:
            return y
        start = self._index_to_line[index]
        return start if up else start + self._heights[index]

    def scroll_to_highlight(self, top: bool = False) -> None:
        super().scroll_to_highlight(top)
        highlighted = self.highlighted
        y = round(self.scroll_y)
        if highlighted is None or not 0 < y < len(self._lines):
            return
        index, offset = self._lines[y]
        if not offset:
            return
        start = self._index_to_line[index]
        first, height = self._index_to_line[highlighted], self._heights[highlighted]
        view = self.scrollable_content_region.height
        for candidate in (start + self._heights[index], start):
            if (
                candidate <= self.max_scroll_y
                and candidate <= first
                and first + height <= (candidate + view)
            ):
                self.scroll_to(y=candidate, animate=False, immediate=True)
                return


class LibraryScreen(Dialog[None]):
    """The packs; choosing one posts :class:`Chosen` (the open pack, when its progress is
    saved, closes the dialog instead)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close", id="library.close"),
    ]

    class Summarised(Message):
        """A pack's progress, worked out off the UI thread."""

        def __init__(self, index: int, summary: PackSummary) -> None:
            super().__init__()
            self.index = index
            self.summary = summary

    class Chosen(Message):
        """The user chose the pack in ``folder`` (titled ``title``) to open."""

        def __init__(self, folder: Path, title: str) -> None:
            super().__init__()
            self.folder = folder
            self.title = title

    class Cancelled(Message):
        """The user left the Library while the pack chosen was opening: it is not opened."""

    class Listed(Message):
        """The library's packs, listed off the UI thread."""

        def __init__(self, packs: list[PackInfo]) -> None:
            super().__init__()
            self.packs = packs

    def __init__(
        self,
        data_dir: Path,
        current: Path,
        packs: list[PackInfo] | None = None,
        *,
        saving: bool = True,
        removed: str | None = None,
    ) -> None:
        super().__init__()
        self.removed = removed
        """Said at the top when the open pack was removed from the library meanwhile."""
        self.data_dir = data_dir
        self.current = current.resolve()
        self.saving = saving
        """Whether the open pack's progress is saved (if not, choosing it opens it again)."""
        self.opening: str | None = None
        """The title of the pack being opened, once one is chosen."""
        self.packs: list[PackInfo] = [] if packs is None else packs
        self._summaries: dict[int, PackSummary] = {}
        self._cursor: int | None = None
        """The pack drawn with the cursor mark (the highlighted one)."""
        self.loaded = packs is not None
        """True once the packs are listed (the list reads the library's files off the UI
        thread: the dialog paints at once, saying it is loading)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content("Library").stylize("bold"), classes="library--title")
            if self.removed is not None:
                yield Label(Content(self.removed), id="library-removed")
            yield Label(Content(LOADING), id="library-loading")
            with Vertical(classes="library--foot"):
                yield Label(Content(ADD_HINT), classes="library--hint")
                yield Label(Content(KEYS), classes="library--keys")
            yield PackList(
                *(
                    Option(self._label(info, None), id=f"pack-{n}")
                    for n, info in enumerate(self.packs)
                ),
                id="library-packs",
            )

    def on_mount(self) -> None:
        if self.loaded:
            self._show_packs()
        else:
            self.list_library()

    @work(thread=True, exclusive=True, exit_on_error=False, group="library-list")
    def list_library(self) -> None:
        self.post_message(self.Listed(list_packs(self.data_dir)))

    @on(Listed)
    def listed(self, message: Listed) -> None:
        self.packs = message.packs
        self.loaded = True
        options = self.query_one(OptionList)
        options.add_options(
            [Option(self._label(info, None), id=f"pack-{n}") for n, info in enumerate(self.packs)]
        )
        self._show_packs()

    def _show_packs(self) -> None:
        self.query_one("#library-loading").display = False
        options = self.query_one(OptionList)
        opened = self._open_index()
        options.highlighted = 0 if opened is None else opened
        # Its place in the list is known once the list has its size.
        self.call_after_refresh(options.scroll_to_highlight)
        self.summarise_packs()

    def _open_index(self) -> int | None:
        return next(
            (n for n, info in enumerate(self.packs) if info.path.resolve() == self.current), None
        )

    def _label(self, info: PackInfo, summary: PackSummary | None, cursor: bool = False) -> Blocks:
        """The pack's title, then its id and figures; wrapped lines hang under their text. The
        highlighted pack is marked by ``▶`` (plain to see in any colours, and with none)."""
        is_open = info.path.resolve() == self.current
        if summary is None:
            figures = "…"
        elif summary.problem:
            figures = f"cannot be loaded ({summary.problem})"
        else:
            figures = (
                f"{summary.percent}% read · {plural(summary.due or 0, 'card')} due"
                f" · {summary.new} new today"
            )
        title = Hanging(
            [(CURSOR if cursor else "  ", "bold")],
            [
                (info.title, "bold"),
                (" (ships with summitreader)" if info.shipped else "", ""),
                (" · open now" if is_open else "", "italic"),
            ],
        )
        return Blocks([title, Hanging([("    ", "")], [(f"{info.id} · {figures}", "dim")])])

    @work(thread=True, exclusive=True, exit_on_error=False)
    def summarise_packs(self) -> None:
        for n, info in enumerate(self.packs):
            self.post_message(self.Summarised(n, summarise(self.data_dir, info)))

    @on(Summarised)
    def show_summary(self, message: Summarised) -> None:
        if (
            message.index >= len(self.packs)
            or self.packs[message.index] is not message.summary.info
        ):
            return  # a summary of the list before it was listed again
        options = self.query_one(OptionList)
        self._summaries[message.index] = message.summary
        options.replace_option_prompt_at_index(
            message.index,
            self._label(self.packs[message.index], message.summary, message.index == self._cursor),
        )
        # A longer line may wrap: the highlighted pack stays in view.
        self.call_after_refresh(options.scroll_to_highlight)

    @on(OptionList.OptionHighlighted)
    def _mark_cursor(self, event: OptionList.OptionHighlighted) -> None:
        """Move the cursor mark to the pack highlighted."""
        before, self._cursor = self._cursor, event.option_index
        options = self.query_one(OptionList)
        for index in (before, self._cursor):
            if index is not None and index < len(self.packs) and index < options.option_count:
                summary = self._summaries.get(index)
                label = self._label(self.packs[index], summary, index == self._cursor)
                options.replace_option_prompt_at_index(index, label)

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        if self.opening is not None:
            return
        info = self.packs[event.option_index]
        if info.path.resolve() == self.current and self.saving:
            self.dismiss(None)  # the open pack
            return
        self.opening = info.title
        options = self.query_one(OptionList)
        options.disabled = True
        status = self.query_one("#library-loading", Label)
        status.update(Content(f"Opening {info.title}…"))
        status.display = True
        self.post_message(self.Chosen(info.path, info.title))

    def opening_failed(self, *, relist: bool = False) -> None:
        """The pack chosen could not be opened (the app told why): the list is back, listed
        again from the library's folder with ``relist`` (the pack was removed meanwhile)."""
        self.opening = None
        self.query_one("#library-loading").display = False
        options = self.query_one(OptionList)
        options.disabled = False
        options.focus()
        if relist:
            self.relist()

    def relist(self) -> None:
        """List the library's packs again (off the UI thread, as when the dialog opens)."""
        self.packs = []
        self.loaded = False
        self.query_one(OptionList).clear_options()
        status = self.query_one("#library-loading", Label)
        status.update(Content(LOADING))
        status.display = True
        self.list_library()

    def action_cancel(self) -> None:
        if self.opening is not None:  # the pack chosen is not switched to when it is loaded
            self.notify(f"{self.opening} is not opened.", title="Library")
            self.post_message(self.Cancelled())
        self.dismiss(None)
