"""The app shell: one screen per task on the keys 1–5, help, themes, and cross-screen navigation."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from textual import on, work
from textual.app import App, SystemCommand
from textual.notifications import SeverityLevel
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import AwaitMount

from summitreader.pack.model import PassageRef
from summitreader.tui.messages import OpenEntry, OpenPassage, ProgressChanged
from summitreader.tui.services import Services


@dataclass(frozen=True)
class ScreenSpec:
    """A top-level screen: its mode name, its key, its label, and where its class is.

    The class is imported on first use (when the screen is first shown, or when the help lists
    its keys), so start-up pays only for the screen it shows first. Every top-level screen class
    has a ``from_services(services)`` constructor that takes from :class:`Services` what it needs.
    """

    name: str
    key: str
    label: str
    description: str
    path: str
    """``module:Class``."""

    @property
    def screen_type(self) -> type[Screen]:
        module, _, name = self.path.partition(":")
        return getattr(importlib.import_module(module), name)

    def build(self, services: Services) -> Screen:
        return self.screen_type.from_services(services)  # type: ignore[attr-defined]


SCREENS = (
    ScreenSpec("read", "1", "Read", "Read the article section by section",
               "summitreader.tui.screens.read:ReadScreen"),
    ScreenSpec("index", "2", "Index", "Meetings, issues and the timeline",
               "summitreader.tui.screens.index:IndexScreen"),
    ScreenSpec("search", "3", "Search", "Search the article, the index and your notes",
               "summitreader.tui.screens.search:SearchScreen"),
    ScreenSpec("study", "4", "Study", "Recall the takeaways, meetings and issues",
               "summitreader.tui.screens.study:StudyScreen"),
    ScreenSpec("progress", "5", "Progress", "Reading and study progress",
               "summitreader.tui.screens.progress:ProgressScreen"),
)


class SummitApp(App[None]):
    """summitreader's app. Build it with :func:`summitreader.tui.factory.make_app`."""

    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("1", "show('read')", "Read", id="screen.read"),
        Binding("2", "show('index')", "Index", id="screen.index"),
        Binding("3", "show('search')", "Search", id="screen.search"),
        Binding("4", "show('study')", "Study", id="screen.study"),
        Binding("5", "show('progress')", "Progress", id="screen.progress"),
        Binding("slash", "show('search')", "Search", show=False, id="app.search"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("escape", "back", "Back", show=False, id="app.back"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(self, services: Services, screens: Iterable[ScreenSpec] | None = None) -> None:
        super().__init__()
        self.services = services
        self.specs = {spec.name: spec for spec in (screens or SCREENS)}
        self._history: list[str] = []
        self._failures_told: set[str] = set()
        # The part of the title before its colon, so the reading progress fits beside it.
        self.title = services.pack.title.split(":", 1)[0].strip() or services.pack.title
        for spec in self.specs.values():
            self.add_mode(spec.name, lambda spec=spec: spec.build(self.services))

    # -- start-up -------------------------------------------------------------------------
    def on_mount(self) -> None:
        store = self.services.store
        theme = store.get_setting("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.switch_mode("read")
        self.refresh_progress()
        for notice in (*self.services.notices, *store.notices):
            self.notify(notice, title="Progress", severity="warning", timeout=12)
        if "search" in self.specs:
            self.call_after_refresh(self.open_search_index)

    @work(thread=True, exclusive=True, group="search-index", exit_on_error=False)
    def open_search_index(self) -> None:
        """Open or build the search index in the background, so no screen waits for it."""
        self.services.search.open()

    def _remember_theme(self, theme: object) -> None:
        name = getattr(theme, "name", None)
        if isinstance(name, str):
            self.save(lambda: self.services.store.set_setting("theme", name))

    # -- navigation -----------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "show":
            return bool(parameters) and parameters[0] in self.specs
        return True

    def action_show(self, name: str) -> AwaitMount | None:
        """Switch to the screen ``name``; the result can be awaited until it is mounted."""
        if name not in self.specs or name == self.current_mode:
            return None
        self._history.append(self.current_mode)
        del self._history[:-20]
        return self.switch_mode(name)

    def action_back(self) -> None:
        while self._history:
            previous = self._history.pop()
            if previous in self.specs and previous != self.current_mode:
                self.switch_mode(previous)
                return
        if self.current_mode != "read":
            self.switch_mode("read")

    def action_help(self) -> None:
        from summitreader.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.help_sections()))

    def help_sections(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Every key of every screen, grouped: ``[(title, [(key, description), ...]), ...]``."""
        sections: list[tuple[str, list[tuple[str, str]]]] = []
        everywhere = [
            (self.get_key_display(binding), binding.description)
            for binding in self._binding_list(self.BINDINGS)
            if not binding.action.startswith("show(") or binding.action[6:-2] in self.specs
        ]
        everywhere.append(("ctrl+p", "Command palette: screens, themes, keys"))
        sections.append(("Everywhere", everywhere))
        for spec in self.specs.values():
            keys = [
                (self.get_key_display(binding), binding.description)
                for binding in self._binding_list(spec.screen_type.BINDINGS)
            ]
            extra = getattr(spec.screen_type, "HELP_EXTRA", ())
            sections.append((f"{spec.label} ({spec.key})", [*keys, *extra]))
        return sections

    @staticmethod
    def _binding_list(bindings: Iterable[object]) -> list[Binding]:
        result = []
        for item in bindings:
            if isinstance(item, Binding):
                result.append(item)
            elif isinstance(item, tuple):
                result.append(Binding(*item))
        return result

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for spec in self.specs.values():
            yield SystemCommand(
                f"{spec.label} screen",
                f"{spec.description} (key {spec.key})",
                lambda name=spec.name: self.action_show(name),
            )
        yield SystemCommand("Help", "Every key of every screen (key ?)", self.action_help)

    @on(OpenPassage)
    async def open_passage(self, message: OpenPassage) -> None:
        await self.go_to_passage(message.ref, message.terms)

    async def go_to_passage(self, ref: PassageRef, terms: tuple[str, ...] = ()) -> None:
        mounted = self.action_show("read")
        if mounted is not None:
            await mounted
        from summitreader.tui.screens.read import ReadScreen

        screen = self.screen
        if isinstance(screen, ReadScreen):
            await screen.go_to(ref, terms)

    @on(OpenEntry)
    async def open_entry(self, message: OpenEntry) -> None:
        mounted = self.action_show("index")
        if mounted is not None:
            await mounted
        from summitreader.tui.screens.index import IndexScreen

        screen = self.screen
        if isinstance(screen, IndexScreen):
            screen.select_entry(message.entry_id)

    @on(ProgressChanged)
    def refresh_progress(self) -> None:
        pack = self.services.pack
        read = self.services.store.read_sections()
        done = sum(1 for s in pack.sections if s.id in read)
        total = len(pack.sections)
        percent = round(100 * done / total) if total else 0
        self.sub_title = f"{done}/{total} sections read · {percent}%"

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """A notification, always as plain text: messages quote the pack (a section's title) and
        paths, which must never be read as markup (an unbalanced ``[/]`` would even fail)."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    # -- saving -----------------------------------------------------------------------------
    def save(self, write: Callable[[], object]) -> bool:
        """Run one store write; on failure tell the user (once per distinct message, so a full
        disk does not repeat itself at every scroll) and go on."""
        from summitreader.progress import ProgressNotSaved

        try:
            write()
        except ProgressNotSaved as error:
            message = str(error)
            if message not in self._failures_told:
                self._failures_told.add(message)
                self.notify(message, title="Not saved", severity="error", timeout=10)
            return False
        return True
