"""The app shell: one screen per task on the keys 1–5, help, themes, and cross-screen navigation."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, ClassVar

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import AwaitMount

from summitreader.pack.model import PassageRef
from summitreader.tui.messages import MyCardsChanged, OpenEntry, OpenPassage, SavesChanged
from summitreader.tui.saving import SaveState
from summitreader.tui.screens.help import help_lines
from summitreader.tui.services import Services

RETRY_DELAY = 1.0
"""Seconds between a failed save and the next attempt."""


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
    def screen_type(self) -> type[Screen[Any]]:
        module, _, name = self.path.partition(":")
        screen_type: type[Screen[Any]] = getattr(importlib.import_module(module), name)
        return screen_type

    def build(self, services: Services) -> Screen[Any]:
        screen: Screen[Any] = self.screen_type.from_services(services)  # type: ignore[attr-defined]
        return screen


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


DECK_SCREENS = ("study", "progress")
"""The screens built with the deck (:attr:`Services.deck`)."""


class SummitApp(App[None]):
    """summitreader's app. Build it with :func:`summitreader.tui.factory.make_app`."""

    CSS_PATH: ClassVar[list[str | PurePath]] = ["app.tcss", "study.tcss", "dialogs.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [
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
        self._saves = SaveState()
        self._retry_timer: Timer | None = None
        self._quit_warned: int | None = None
        """The save episode the user was warned about by ``q``: a second ``q`` quits only while
        the same writes (or more of them) still wait."""
        self.unsaved_at_exit = 0
        """How many changes were left unsaved when the user quit (told after the app ends)."""
        services.saves.listener = self._post_saves_changed
        # The part of the title before its colon, so the reading progress fits beside it.
        self.title = services.pack.title.split(":", 1)[0].strip() or services.pack.title
        for spec in self.specs.values():
            self.add_mode(spec.name, self._builder(spec))

    def _builder(self, spec: ScreenSpec) -> Callable[[], Screen[Any]]:
        return lambda: spec.build(self.services)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.Click):
            self.services.saves.new_action()
        await super().on_event(event)

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
            store = self.services.store
            self.services.saves.save(lambda: store.set_setting("theme", name), key="theme")

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

    async def action_back(self) -> None:
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
        """Every key of every screen, grouped: ``[(title, [(key, description), ...]), ...]``,
        from the bindings themselves."""
        shown = [
            binding
            for binding in self.BINDINGS
            if isinstance(binding, Binding)
            and (not binding.action.startswith("show(") or binding.action[6:-2] in self.specs)
        ]
        everywhere = help_lines(shown, self.get_key_display)
        everywhere.append(("ctrl+p", "Command palette: screens, themes, keys"))
        sections: list[tuple[str, list[tuple[str, str]]]] = [("Everywhere", everywhere)]
        for spec in self.specs.values():
            screen_type = spec.screen_type
            bindings = [b for b in screen_type.BINDINGS if isinstance(b, Binding)]
            keys = help_lines(bindings, self.get_key_display)
            extra = getattr(screen_type, "HELP_EXTRA", ())
            sections.append((f"{spec.label} ({spec.key})", [*keys, *extra]))
            for title, bindings in getattr(screen_type, "HELP_MORE", ()):
                sections.append((title, help_lines(bindings, self.get_key_display)))
        return sections

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for spec in self.specs.values():
            yield SystemCommand(
                f"{spec.label} screen",
                f"{spec.description} (key {spec.key})",
                self._shower(spec.name),
            )
        yield SystemCommand("Help", "Every key of every screen (key ?)", self.action_help)

    def _shower(self, name: str) -> Callable[[], object]:
        return lambda: self.action_show(name)

    @on(MyCardsChanged)
    async def _my_cards_changed(self) -> None:
        """The deck is built again; the screens that hold it are made anew when next shown."""
        self.services.refresh_deck()
        for name in DECK_SCREENS:
            if name in self.specs and name != self.current_mode:
                await self.remove_mode(name)
                self.add_mode(name, self._builder(self.specs[name]))

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

    def refresh_progress(self) -> None:
        """The header's subtitle: reading progress, and the writes waiting to be saved."""
        pack = self.services.pack
        read = self.services.store.read_sections()
        done = sum(1 for s in pack.sections if s.id in read)
        total = len(pack.sections)
        percent = round(100 * done / total) if total else 0
        subtitle = f"{done}/{total} sections read · {percent}%"
        if not self.services.store.persistent:
            subtitle += " · progress not saved"
        elif self._saves.waiting:
            subtitle += f" · {self._saves.waiting} not saved yet"
        self.sub_title = subtitle

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
    def _post_saves_changed(self, state: SaveState) -> None:
        """The save queue's listener; called on the thread that saved, hence a message."""
        self.post_message(SavesChanged())

    @on(SavesChanged)
    def _saves_changed(self) -> None:
        """A write landed or waits: the header says so, the user is told when writes start to
        wait and when they are all saved, and waiting writes are retried."""
        before, now = self._saves, self.services.saves.state
        self._saves = now
        if now.waiting and (not before.waiting or now.episode != before.episode):
            self.notify(
                f"{now.error} It is kept and saved as soon as it can be.",
                title="Not saved",
                severity="error",
                timeout=10,
            )
        elif before.waiting and not now.waiting:
            self.notify("Every change that waited is saved now.", title="Saved", timeout=5)
        self.refresh_progress()
        if now.waiting and self._retry_timer is None:
            self._retry_timer = self.set_timer(RETRY_DELAY, self._retry_saves)

    def _retry_saves(self) -> None:
        self._retry_timer = None
        self._run_retry()

    @work(thread=True, exclusive=True, group="saves", exit_on_error=False)
    def _run_retry(self) -> None:
        """Retry the waiting writes off the UI thread: a retry may wait for the busy timeout."""
        self.services.saves.retry()

    async def action_quit(self) -> None:
        """Quit; while changes wait to be saved, only when asked twice."""
        state = self.services.saves.state
        waiting = state.waiting
        if waiting and self._quit_warned != state.episode:
            self._quit_warned = state.episode
            self.notify(
                f"{waiting} change{'s' if waiting != 1 else ''} not saved yet: q again quits "
                "without them.",
                title="Not saved yet",
                severity="warning",
                timeout=10,
            )
            return
        self.unsaved_at_exit = waiting
        self.exit()
