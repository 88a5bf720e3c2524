"""The Library: the packs (the one that ships and those made with ``summitreader add``) with
their reading progress and cards due; Enter opens one."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from summitreader.library import PackInfo, PackSummary, list_packs, summarise

ADD_HINT = "Add an article with: summitreader add FILE (Markdown, text or HTML)"


class LibraryScreen(ModalScreen[Path | None]):
    """Dismisses with the folder of the pack chosen, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close", id="library.close"),
    ]

    class Summarised(Message):
        """A pack's progress, worked out off the UI thread."""

        def __init__(self, index: int, summary: PackSummary) -> None:
            super().__init__()
            self.index = index
            self.summary = summary

    def __init__(self, data_dir: Path, current: Path, packs: list[PackInfo] | None = None) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.current = current.resolve()
        self.packs = list_packs(data_dir) if packs is None else packs

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content("Library").stylize("bold"))
            yield OptionList(
                *(Option(self._label(info, None), id=f"pack-{n}") for n, info in
                  enumerate(self.packs)),
                id="library-packs",
            )
            yield Label(Content(ADD_HINT), classes="library--hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        for n, info in enumerate(self.packs):
            if info.path.resolve() == self.current:
                options.highlighted = n
        self.summarise_packs()

    def _label(self, info: PackInfo, summary: PackSummary | None) -> Content:
        mark = "▸ " if info.path.resolve() == self.current else "  "
        if summary is None:
            figures = "…"
        elif summary.problem:
            figures = f"cannot be loaded ({summary.problem})"
        else:
            due = summary.due or 0
            figures = f"{summary.percent}% read · {due} card{'s' if due != 1 else ''} due"
        shipped = " (ships with summitreader)" if info.shipped else ""
        return Content.assemble(
            mark, (info.title, "bold"), shipped, "\n    ", (f"{info.id} · {figures}", "dim")
        )

    @work(thread=True, exclusive=True, exit_on_error=False)
    def summarise_packs(self) -> None:
        for n, info in enumerate(self.packs):
            self.post_message(self.Summarised(n, summarise(self.data_dir, info)))

    @on(Summarised)
    def show_summary(self, message: Summarised) -> None:
        options = self.query_one(OptionList)
        options.replace_option_prompt_at_index(
            message.index, self._label(self.packs[message.index], message.summary)
        )

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.packs[event.option_index].path)

    def action_cancel(self) -> None:
        self.dismiss(None)
