"""The app shell: one screen per task on the keys 1–5, help, themes, and cross-screen navigation."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, ClassVar

from textual import events, on, work
from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import AwaitMount
from textual.widgets import Input, TextArea
from textual.worker import Worker, WorkerState

from summitreader.pack.model import PassageRef
from summitreader.tui.messages import MyCardsChanged, OpenEntry, OpenPassage
from summitreader.tui.preparing import ScreenPreparing
from summitreader.tui.reading import ReadCount, reading_subtitle
from summitreader.tui.save_policy import RETRY_DELAY as RETRY_DELAY
from summitreader.tui.save_policy import SavePolicy
from summitreader.tui.screens.help import extra_lines, help_lines
from summitreader.tui.services import Services
from summitreader.tui.styling import StyleOnce
from summitreader.tui.switching import PackSwitching

TYPE_AHEAD_KEYS = ("3", "slash")
"""Keys that open the search screen: the characters typed right after them go to its box."""
TYPE_AHEAD_WAIT = 2.0
"""Seconds the characters typed after such a key are kept if no search screen comes (a key
taken by something else): then they go where they would have gone."""


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


class SummitApp(PackSwitching, SavePolicy, ScreenPreparing, StyleOnce):
    """summitreader's app. Build it with :func:`summitreader.tui.factory.make_app`.

    Switching packs is in :class:`~summitreader.tui.switching.PackSwitching`; how writes that
    wait are shown, retried and guarded at quit, in
    :class:`~summitreader.tui.save_policy.SavePolicy`; how screens are built before they are first
    shown, in :class:`~summitreader.tui.preparing.ScreenPreparing`.
    """

    CSS_PATH: ClassVar[list[str | PurePath]] = ["app.tcss", "study.tcss", "dialogs.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "show('read')", "Read", id="screen.read"),
        Binding("2", "show('index')", "Index", id="screen.index"),
        Binding("3", "show('search')", "Search", id="screen.search"),
        Binding("4", "show('study')", "Study", id="screen.study"),
        Binding("5", "show('progress')", "Progress", id="screen.progress"),
        Binding("slash", "show('search')", "Search", show=False, id="app.search"),
        Binding("6", "library", "Library", id="app.library"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("escape", "back", "Back", show=False, id="app.back"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(self, services: Services, screens: Iterable[ScreenSpec] | None = None) -> None:
        super().__init__()
        self.services = services
        self.specs = {spec.name: spec for spec in (screens or SCREENS)}
        self._history: list[str] = []
        self._last_input: events.Event | None = None
        self._typed_ahead: list[events.Key] | None = None
        """Characters typed after ``3`` or ``/`` while the search screen is being shown: they
        are typed into its box once it is (see :meth:`on_event`)."""
        self._type_ahead_timer: Timer | None = None
        services.saves.listener = self._post_saves_changed
        services.reading.listen(self._show_reading)
        self._set_title()
        for spec in self.specs.values():
            self.add_mode(spec.name, self._builder(spec))

    def _set_title(self) -> None:
        # The part of the title before its colon, so the reading progress fits beside it.
        title = self.services.pack.title
        self.title = title.split(":", 1)[0].strip() or title

    def _builder(self, spec: ScreenSpec) -> Callable[[], Screen[Any]]:
        return lambda: spec.build(self.services)

    @property
    def mode_names(self) -> list[str]:
        """The top-level screens' modes."""
        return list(self.specs)

    def _builder_for(self, name: str) -> Callable[[], Screen[Any]]:
        return self._builder(self.specs[name])

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.Click):
            self.input_seen()
        if isinstance(event, events.Key) and not event.is_forwarded and self._type_ahead(event):
            self._actions += 1
            self.services.saves.new_action()
            return
        if isinstance(event, events.Key | events.Click) and event is not self._last_input:
            self._last_input = event  # an event that bubbles back up is one action
            self._actions += 1
            self.services.saves.new_action()
        await super().on_event(event)

    def _type_ahead(self, event: events.Key) -> bool:
        """Keep ``event`` for the search box (True) if it is a character typed after a key
        that opens the search screen, before that screen is shown. Keys are handed out as
        they come, before the binding of the first has run: without this, the characters
        typed with ``3`` would go to the screen left (where ``b`` bookmarks)."""
        if self._typed_ahead is not None:
            if event.is_printable and event.character is not None:
                self._typed_ahead.append(event)
                return True
            return False
        if (
            event.key in TYPE_AHEAD_KEYS
            and "search" in self.specs
            and self.current_mode != "search"
            and len(self.screen_stack) == 1
            and not isinstance(self.focused, Input | TextArea)
        ):
            self._typed_ahead = []
            self._type_ahead_timer = self.set_timer(TYPE_AHEAD_WAIT, self._release_typed_ahead)
        return False

    def _release_typed_ahead(self) -> None:
        """No search screen came: the characters kept go where they would have gone."""
        keys, self._typed_ahead = self._typed_ahead or [], None
        self._type_ahead_timer = None
        for key in keys:
            self.post_message(key)

    async def _hand_typed_ahead(self, mounted: AwaitMount) -> None:
        """Once the search screen is shown, type the characters kept into its box."""
        await mounted
        keys, self._typed_ahead = self._typed_ahead or [], None
        take = getattr(self.screen, "type_ahead", None)
        if callable(take):
            take("".join(key.character or "" for key in keys))

    # -- start-up -------------------------------------------------------------------------
    def on_mount(self) -> None:
        store = self.services.store
        theme = store.get_setting("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.switch_mode("read")
        self.refresh_progress()
        self.tell_store_notices()
        self.check_pack_claim()
        if "search" in self.specs:
            self.call_after_refresh(self.open_search_index)
        self.call_after_refresh(self.build_deck)
        self.call_after_refresh(self.import_screens)
        self.remember_pack()

    @work(thread=True, exclusive=True, group="import-screens", exit_on_error=False)
    def import_screens(self) -> None:
        """Import the modules of the screens not shown yet after the first paint, in the
        background: a screen's first visit would import its module and its widgets' (a fifth of
        a second on a slow machine)."""
        for spec in self.specs.values():
            _ = spec.screen_type
        importlib.import_module("summitreader.tui.screens.help")
        importlib.import_module("summitreader.tui.screens.library")

    @work(thread=True, exclusive=True, group="deck", exit_on_error=False)
    def build_deck(self) -> None:
        """Build the deck after the first paint, in the background: the Index, Study and
        Progress screens need it, and their first visit would wait for it (a second or more).
        Once it is built, the screens not shown yet are built too, in quiet moments."""
        _ = self.services.deck

    @on(Worker.StateChanged)
    def _deck_built(self, event: Worker.StateChanged) -> None:
        if (
            event.worker.node is self
            and event.worker.group == "deck"
            and event.state == WorkerState.SUCCESS
        ):
            self.prepare_screens()

    @work(thread=True, exclusive=True, group="search-index", exit_on_error=False)
    def open_search_index(self) -> None:
        """Open or build the search index in the background, so no screen waits for it."""
        self.services.search.open()

    def _remember_theme(self, theme: object) -> None:
        name = getattr(theme, "name", None)
        if isinstance(name, str):
            store, at = self.services.store, self.services.clock()
            self.services.saves.save(lambda: store.set_setting("theme", name, at), key="theme")

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
        mounted = self.switch_mode(name)
        if name == "search" and self._typed_ahead is not None:
            if self._type_ahead_timer is not None:
                self._type_ahead_timer.stop()  # the screen comes: the keys wait for it
                self._type_ahead_timer = None
            self.call_next(self._hand_typed_ahead, mounted)
        return mounted

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

        closing = [b for b in HelpScreen.BINDINGS if isinstance(b, Binding)]
        close_keys = help_lines(closing, self.get_key_display)[0][0]
        self.push_screen(HelpScreen(self.help_sections(first=self.current_mode), close_keys))

    def help_sections(self, first: str | None = None) -> list[tuple[str, list[tuple[str, str]]]]:
        """Every key of every screen, grouped: ``[(title, [(key, description), ...]), ...]``,
        from the bindings themselves; the keys of everywhere first, or those of the screen
        ``first`` (a mode's name: the screen help is asked from) and then everywhere's."""
        shown = [
            binding
            for binding in self.BINDINGS
            if isinstance(binding, Binding)
            and (not binding.action.startswith("show(") or binding.action[6:-2] in self.specs)
        ]
        everywhere = help_lines(shown, self.get_key_display)
        palette = Binding(self.COMMAND_PALETTE_BINDING, "command_palette")
        everywhere.append((self.get_key_display(palette), "Command palette: screens, themes"))
        groups: dict[str, list[tuple[str, list[tuple[str, str]]]]] = {}
        for spec in self.specs.values():
            screen_type = spec.screen_type
            bindings = [b for b in screen_type.BINDINGS if isinstance(b, Binding)]
            keys = help_lines(bindings, self.get_key_display)
            extra = extra_lines(getattr(screen_type, "HELP_EXTRA", ()), self.get_key_display)
            group = groups[spec.name] = [(f"{spec.label} ({spec.key})", [*keys, *extra])]
            for title, bindings in getattr(screen_type, "HELP_MORE", ()):
                group.append((title, help_lines(bindings, self.get_key_display)))
        ahead = groups.pop(first, []) if first is not None else []
        return [*ahead, ("Everywhere", everywhere), *(s for g in groups.values() for s in g)]

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        # Textual's own "Keys" panel would stand beside "Help", which lists every key already.
        yield from (c for c in super().get_system_commands(screen) if c.title != "Keys")
        for spec in self.specs.values():
            yield SystemCommand(
                f"{spec.label} screen",
                f"{spec.description} (key {spec.key})",
                self._shower(spec.name),
            )
        yield SystemCommand("Help", "Every key of every screen (key ?)", self.action_help)
        if self.services.data_dir is not None:
            yield SystemCommand("Library", "Your packs: open another (key 6)", self.action_library)

    def _shower(self, name: str) -> Callable[[], object]:
        return lambda: self.action_show(name)

    @on(MyCardsChanged)
    async def _my_cards_changed(self) -> None:
        """The deck is built again; the screens that hold it are made anew when next shown."""
        if self.when_built(lambda: self.post_message(MyCardsChanged())):
            return  # once the screen being built ahead is built
        self.services.refresh_deck()
        for name in DECK_SCREENS:
            if name in self.specs and name != self.current_mode:
                await self.remove_mode(name)
                self.add_mode(name, self._builder(self.specs[name]))
        self.build_deck()

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
        """Count the reading progress again: the header and the reader show it at once."""
        self.services.reading.refresh()

    def _show_reading(self, count: ReadCount) -> None:
        """The header's subtitle: reading progress, and the writes waiting to be saved."""
        self.sub_title = reading_subtitle(
            count, self._saves.waiting, self.services.store.persistent
        )

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

    def action_help_quit(self) -> None:
        """ctrl+c: say how to quit, in plain text (Textual's own message is markup, which
        :meth:`notify` never reads)."""
        keys = [
            active.binding.key_display or key
            for key, active in self.active_bindings.items()
            if active.binding.action in ("quit", "app.quit")
        ]
        if keys:
            key = min(keys, key=len)
            self.notify(f"Press {key} to quit the app.", title="Do you want to quit?")
