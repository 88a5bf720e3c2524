"""Switching the app to another pack of the library: the Library screen's choice is loaded off
the UI thread, then every screen is built again for it.

When another summitreader holds the progress file's write lock, the chosen pack is opened with
saving all the same: what the user does in it waits to be saved until the file is free, as it does
at start-up or mid-session. When its progress cannot be saved at all (a folder that cannot be
written, a file from a newer version), the pack is opened as start-up opens it: read only, the
header saying "progress not saved" and a notice saying why and how to get saving back (choose the
pack again in the Library once the file can be written: the open pack is opened again when its
progress is not saved).

The open pack may be removed from the command line (``summitreader remove``) while the app
has it open. Nothing is lost: what the reader does is kept under the pack's id in the progress
file, and adding the article again brings it back. The app says so, once, offering the Library,
as soon as it looks: when the terminal gives it the focus again, on every change of screen and
when the Library is opened (which says it too) (:meth:`PackSwitching.check_pack_removed`).

Until the new pack is on screen, the Library dialog stays, its list disabled, saying which pack
is opening; it closes as the new pack's screens replace the old. When the pack cannot be opened
(its problems, a folder that cannot be read, or anything unexpected), a notice says why and the
list is back: the user is never left with "Opening…" and then nothing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import App
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widget import AwaitMount

from summitreader.tui.messages import PackLoaded
from summitreader.tui.saving import SaveState

if TYPE_CHECKING:
    from summitreader.tui.reading import ReadCount
    from summitreader.tui.screens.library import LibraryScreen
    from summitreader.tui.services import Services

SWITCHING = "switching"
"""A blank mode the app stands on while it swaps every screen for another pack's."""


class PackSwitching(App[None]):
    """The app's part that opens the Library and switches packs (mixed into the app)."""

    services: Services
    _history: list[str]
    _wanted_pack: Path | None = None
    """The folder of the pack chosen in the Library and being opened, until it is switched to
    (None once the choice is cancelled: the loaded pack is then dropped)."""
    _saves: SaveState

    if TYPE_CHECKING:

        @property
        def mode_names(self) -> list[str]: ...

        def _builder_for(self, name: str) -> Callable[[], Screen[Any]]: ...

        def _show_reading(self, count: ReadCount) -> None: ...

        def _post_saves_changed(self, state: SaveState) -> None: ...

        def _set_title(self) -> None: ...

        def refresh_progress(self) -> None: ...

        def open_search_index(self) -> object: ...

        def build_deck(self) -> object: ...

        def when_built(self, callback: Callable[[], object]) -> bool: ...

    _removed_told: str | None = None
    """The folder of the open pack once its removal from the library was said (not said again
    for it)."""

    def action_library(self) -> None:
        data_dir = self.services.data_dir
        if data_dir is None:
            self.notify("This pack was opened on its own: there is no library here.")
            return
        from summitreader.tui.screens.library import LibraryScreen

        removed = self.pack_removed()
        self.push_screen(
            LibraryScreen(
                data_dir,
                Path(self.services.pack.root),
                saving=self.services.store.persistent,
                removed=None if removed is None else self._removed_text(removed),
            )
        )

    def on_app_focus(self) -> None:
        self.check_pack_removed()

    def switch_mode(self, mode: str) -> AwaitMount:
        # A change of screen is when the open pack's folder is looked at: a stat, no more.
        if mode != SWITCHING:
            self.check_pack_removed()
        return super().switch_mode(mode)

    def pack_removed(self) -> Path | None:
        """The open pack's folder when the pack was in the library and its folder is gone (it
        was removed from the command line); else None."""
        data_dir = self.services.data_dir
        if data_dir is None:
            return None
        from summitreader.library import library_dir

        folder = Path(self.services.pack.root)
        try:
            if folder.parent.resolve() != library_dir(data_dir).resolve() or folder.is_dir():
                return None
        except OSError:
            return None
        return folder

    def check_pack_removed(self) -> None:
        """Say, once, that the open pack was removed from the library, and what to do."""
        folder = self.pack_removed()
        if folder is None:
            self._removed_told = None  # there (again): a later removal is said again
            return
        if self._removed_told == str(folder):
            return
        self._removed_told = str(folder)
        self.notify(
            self._removed_text(folder) + " Open another pack from the Library (6).",
            title="Library",
            severity="warning",
            timeout=20,
        )

    def _removed_text(self, folder: Path) -> str:
        pack = self.services.pack
        return (
            f"{pack.title} was removed from the library ({folder.name}). Nothing is lost: "
            f"what you do here is kept under its id, and adding the article again (summitreader "
            f"add) brings it back."
        )

    def on_library_screen_chosen(self, message: LibraryScreen.Chosen) -> None:
        self._wanted_pack = message.folder
        self.load_pack(message.folder)

    def on_library_screen_cancelled(self, message: LibraryScreen.Cancelled) -> None:
        self._wanted_pack = None

    @work(thread=True, exclusive=True, group="switch-pack", exit_on_error=False)
    def load_pack(self, folder: Path) -> None:
        """Load the pack in ``folder`` and open its progress off the UI thread (its
        ``pack.yaml`` is read here, and the progress file may be busy for the busy timeout),
        then switch. Whatever goes wrong is told, never swallowed."""
        try:
            problem = self._open_problem(folder)
        except Exception as error:  # noqa: BLE001 - an unexpected error is told, not swallowed
            what = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
            problem = f"something unexpected went wrong ({what})"
        if problem is None:
            return
        if not folder.exists():
            # Removed from the command line while the Library was open: said, and the list
            # shows the library as it is now.
            self.call_from_thread(
                self.cannot_open,
                f"{folder.name} is no longer in the library: it was removed meanwhile "
                "(the list is updated).",
                relist=True,
            )
            return
        self.call_from_thread(self.cannot_open, f"{folder.name} cannot be opened: {problem}.")

    def _open_problem(self, folder: Path) -> str | None:
        """Open the pack in ``folder`` (posting :class:`PackLoaded`), or say why it cannot."""
        from summitreader.library import pack_info, reserved_id_problem, validate_command
        from summitreader.pack import PackError
        from summitreader.tui.factory import open_services

        info = pack_info(folder)
        problem = reserved_id_problem(self.services.data_dir, folder, info.id if info else "")
        if problem is not None:
            return problem
        try:
            services = open_services(folder, self.services)
        except PackError as error:
            count = len(error.problems)
            return (
                f"it has {count} problem{'s' if count != 1 else ''} "
                f"({validate_command(self.services.data_dir, folder)} lists them)"
            )
        except OSError as error:
            return str(error.strerror or error)
        self.post_message(PackLoaded(services, folder))
        return None

    def cannot_open(
        self, text: str, severity: SeverityLevel = "error", *, relist: bool = False
    ) -> None:
        """Say why the pack chosen is not opened; the Library's list is back (listed again
        with ``relist``, when the library changed)."""
        from summitreader.tui.screens.library import LibraryScreen

        self.notify(text, title="Library", severity=severity)
        for screen in self.screen_stack:
            if isinstance(screen, LibraryScreen):
                screen.opening_failed(relist=relist)

    @on(PackLoaded)
    async def _pack_loaded(self, message: PackLoaded) -> None:
        if message.folder != self._wanted_pack:  # cancelled, or another pack chosen since
            message.services.store.close()
            return
        if self.when_built(lambda: self.post_message(PackLoaded(message.services, message.folder))):
            return  # once the screen being built ahead is built
        self._wanted_pack = None
        await self.switch_pack(message.services)

    async def switch_pack(self, services: Services) -> None:
        """Work on ``services`` (another pack) from now on: every screen is built again for it;
        the pack left keeps its progress (reading position, cards) in the progress file."""
        old = self.services
        if old.saves.waiting:
            services.store.close()
            self.cannot_open(
                f"{old.pack.title} has changes not saved yet: it stays open until they are "
                f"(then choose {services.pack.title} again).",
                severity="warning",
            )
            return
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.add_mode(SWITCHING, Screen)
        await self.switch_mode(SWITCHING)
        for name in self.mode_names:
            await self.remove_mode(name)
        old.reading.forget(self._show_reading)
        self.services = services
        services.saves.listener = self._post_saves_changed
        services.reading.listen(self._show_reading)
        self._saves = SaveState()
        self._history.clear()
        for name in self.mode_names:
            self.add_mode(name, self._builder_for(name))
        await self.switch_mode("read")
        await self.remove_mode(SWITCHING)
        self._set_title()
        self.refresh_progress()
        # The old index may still be building: it is closed off the UI thread, once done.
        self.run_worker(old.search.close, thread=True, group="close-search", exit_on_error=False)
        old.store.close()
        self.tell_store_notices()
        self.check_pack_claim()
        if not services.store.persistent:
            self.notify(
                f"{services.pack.title} is open, but what you do in it is not saved this "
                "session. Once the progress file can be written, choose the pack again in the "
                "Library (6) to save your progress.",
                title="Progress not saved",
                severity="error",
                timeout=20,
            )
        if "search" in self.mode_names:
            self.open_search_index()
        self.build_deck()
        self.remember_pack()

    def check_pack_claim(self) -> None:
        """Say when the open pack shares its progress with another folder's pack (a copy, or
        another pack with its id), and record which folder's the progress is (only in a
        progress file that exists: opening a pack creates nothing)."""
        services = self.services
        if services.data_dir is None:
            return
        from summitreader.library import CLAIM_SETTING, check_claim

        store = services.store
        claim = check_claim(store, Path(services.pack.root))
        if claim.notice:
            self.notify(claim.notice, title="Progress", severity="warning", timeout=20)
        if claim.record is not None and store.has_file():
            from summitreader.progress import ProgressNotSaved

            # Bookkeeping, not the user's doing: not queued nor told when the file is busy (it
            # is recorded at the next opening).
            with contextlib.suppress(ProgressNotSaved):
                store.set_setting(CLAIM_SETTING, claim.record)

    def tell_store_notices(self) -> None:
        """What opening the progress said, as at start-up; then each notice the store adds
        while the app runs (a damaged row first read then), once."""
        store = self.services.store
        for notice in (*self.services.notices, *store.notices):
            self._tell_progress(notice)
        # posted, so that a notice added by a worker's read is shown from the app's thread
        store.listen(lambda notice: self.call_later(self._tell_progress, notice, store))

    def _tell_progress(self, notice: str, store: object = None) -> None:
        if store is None or store is self.services.store:  # not the store of a pack left since
            self.notify(notice, title="Progress", severity="warning", timeout=12)

    def remember_pack(self) -> None:
        """Keep the open pack as the one read last, so the next start opens it."""
        data_dir = self.services.data_dir
        if data_dir is None:
            return
        from summitreader.library import remember_last

        try:
            remember_last(data_dir, Path(self.services.pack.root))
        except OSError as error:
            self.notify(f"Which pack is open could not be kept: {error}", severity="warning")
