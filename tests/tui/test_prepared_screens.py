"""Screens built in quiet moments before their first showing (``tui/preparing.py``): every
top-level screen is built without being shown, and shows what it would have shown if built as
it was shown; a pack switched to gets its own screens built."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime
from html import unescape
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import OptionList

from summitreader import paths
from summitreader.authoring import add_article
from summitreader.library import library_dir, shipped_ids
from summitreader.pack import Pack, load_pack
from summitreader.progress import open_store
from summitreader.tui.app import SummitApp
from summitreader.tui.factory import make_app
from summitreader.tui.messages import MyCardsChanged
from summitreader.tui.screens.index import IndexScreen
from summitreader.tui.screens.library import LibraryScreen
from summitreader.tui.screens.read import ReadScreen
from support.app import build_app
from support.pilot import wait_until

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
FIXTURES = Path(__file__).parents[1] / "library" / "fixtures"
LINE = re.compile(r'<text [^>]*clip-path="url\(#[\w-]+-line-(\d+)\)"[^>]*>(.*?)</text>')


def screen_text(app: SummitApp) -> str:
    """The characters on the app's screen, line by line (from its SVG screenshot)."""
    lines: dict[int, str] = {}
    for number, text in LINE.findall(app.export_screenshot()):
        lines[int(number)] = lines.get(int(number), "") + unescape(text).replace("\xa0", " ")
    return "\n".join(lines[n].rstrip() for n in sorted(lines))


async def settled_text(pilot: Pilot, app: SummitApp) -> str:
    """The screen's text once it no longer changes from one refresh to the next."""
    texts = [screen_text(app)]

    def settled() -> bool:
        texts.append(screen_text(app))
        return texts[-1] == texts[-2]

    await pilot.pause()
    await wait_until(pilot, settled, "the screen to settle")
    return texts[-1]


async def shown(app: SummitApp, size: tuple[int, int], prepare: bool) -> dict[str, str]:
    """What each top-level screen shows on its first visit, by key."""
    texts = {}
    async with app.run_test(size=size) as pilot:
        await wait_until(pilot, lambda: "deck" in app.services.__dict__, "the deck to be built")
        await wait_until(pilot, lambda: app.services.search.index is not None, "the index")
        if prepare:
            await wait_until(pilot, lambda: not app.screens_to_prepare(), "every screen built")
            assert app.current_mode == "read"
            assert isinstance(app.screen, ReadScreen)
        else:
            assert app.screens_to_prepare() == ["index", "search", "study", "progress"]
        for key, name in (("2", "index"), ("3", "search"), ("4", "study"), ("5", "progress")):
            if name == "study":
                await pilot.press("escape")  # out of the search box, where 1 is typed
            await pilot.press("1")
            await pilot.press(key)
            await wait_until(pilot, lambda name=name: app.current_mode == name)
            if name == "search":
                await wait_until(pilot, lambda: "lists the query syntax" in screen_text(app))
            texts[name] = await settled_text(pilot, app)
    app.services.store.close()
    return texts


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
async def test_a_screen_built_before_its_showing_shows_what_one_built_at_its_showing_does(
    pack: Pack, tmp_path: Path, size: tuple[int, int]
) -> None:
    def app(name: str, prepare: bool) -> SummitApp:
        built, _store = build_app(
            pack, tmp_path / name, lambda: NOW, tmp_path / "cache", prepare_screens=prepare
        )
        return built

    at_showing = await shown(app("at-showing", prepare=False), size, prepare=False)
    before = await shown(app("before", prepare=True), size, prepare=True)
    assert before == at_showing
    assert "Filter: type to narrow" in before["index"]
    assert "True retention" in before["progress"]


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
async def test_a_screen_built_before_its_showing_is_not_laid_out_again_when_shown(
    pack: Pack, tmp_path: Path, size: tuple[int, int]
) -> None:
    """Its first showing costs what a second one does: no widget is resized or moved by it (a
    scroll bar that the first layout brought, narrowing the entry beside it, and the keys of a
    group in the footer were laid out again at the showing, twice)."""
    app, store = build_app(pack, tmp_path / "data", lambda: NOW, tmp_path / "cache",
                           prepare_screens=True)
    async with app.run_test(size=size) as pilot:
        await wait_until(pilot, lambda: not app.screens_to_prepare(), "every screen built")
        await wait_until(pilot, lambda: not app._building, "the last one mounted")
        await pilot.pause()
        for key, name in (("2", "index"), ("3", "search"), ("4", "study"), ("5", "progress")):
            built = app._screen_stacks[name][0]
            await wait_until(pilot, lambda built=built: built.message_queue_size == 0)
            await pilot.pause()
            before = {w: w.region for w in built.walk_children(Widget)}
            if name == "study":
                await pilot.press("escape")  # out of the search box, where 1 is typed
            await pilot.press("1")
            await pilot.press(key)
            await wait_until(pilot, lambda built=built: app.screen is built)
            await pilot.pause()
            after = {w: w.region for w in built.walk_children(Widget)}
            moved = {
                f"{w!r}: {before[w]} -> {after[w]}"
                for w in before
                if w in after and before[w] != after[w]
            }
            assert not moved, (name, size)
    store.close()


async def test_a_pack_switched_to_gets_its_own_screens_built(tmp_path: Path) -> None:
    data, cache = tmp_path / "data", tmp_path / "cache"
    add_article(FIXTURES / "photosynthesis.md", library_dir(data), taken=shipped_ids())
    pack = load_pack(paths.default_pack_dir())
    store = open_store(data, pack, clock=lambda: NOW)
    app = make_app(pack, store, cache, clock=lambda: NOW, data_dir=data)
    assert app.prepare_after is not None  # the app as it ships builds screens ahead
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: not app.screens_to_prepare(), "every screen built")
        await pilot.press("6")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen) and app.screen.loaded)
        app.screen.query_one(OptionList).highlighted = 1
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.services.pack.id == "photosynthesis")
        await wait_until(pilot, lambda: isinstance(app.screen, ReadScreen))
        await wait_until(pilot, lambda: not app.screens_to_prepare(), "the new pack's screens")
        await pilot.press("2")
        await wait_until(pilot, lambda: isinstance(app.screen, IndexScreen))
        index = app.screen
        assert isinstance(index, IndexScreen)
        assert index.pack.id == "photosynthesis"
        await pilot.pause()
        assert "Photosynthesis" in screen_text(app)
    app.services.store.close()



async def test_an_exit_while_a_screen_is_built_waits_for_it_and_ends_cleanly(
    pack: Pack, tmp_path: Path
) -> None:
    """A stop signal (or q) in the moment a screen is being built: the app ends once it is
    built; closing the screens meanwhile failed inside the widgets being mounted."""
    app, store = build_app(pack, tmp_path / "data", lambda: NOW, tmp_path / "cache")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: "deck" in app.services.__dict__, "the deck to be built")
        building = asyncio.ensure_future(app.prepare_screen("index"))
        await asyncio.sleep(0)
        assert app.screens_to_prepare() == ["search", "study", "progress"]  # index is mounting
        app.exit()
        await building
        await wait_until(pilot, lambda: not app.is_running, "the app to end")
    assert app.return_code == 0
    store.close()


@pytest.mark.parametrize("name", ["study", "progress"])
async def test_a_change_of_the_deck_while_a_screen_is_built_waits_for_it(
    pack: Pack, tmp_path: Path, name: str
) -> None:
    """A card made in the reader while Study or Progress (which hold the deck) is being built
    ahead: their modes are made anew once it is built. Removed while it mounted, Textual failed
    inside its widgets and a traceback ended the app."""
    app, store = build_app(pack, tmp_path / "data", lambda: NOW, tmp_path / "cache")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: "deck" in app.services.__dict__, "the deck to be built")
        building = asyncio.ensure_future(app.prepare_screen(name))
        await asyncio.sleep(0)
        assert app._building
        built = app._screen_stacks[name][0]
        app.post_message(MyCardsChanged())
        await building
        await wait_until(pilot, lambda: app._screen_stacks.get(name, [None])[0] is not built,
                         "the screen made anew")
        await pilot.press({"study": "4", "progress": "5"}[name])
        await wait_until(pilot, lambda: app.current_mode == name)
        await pilot.pause()
        assert app.screen is not built and app.screen.is_attached
    # (an error inside the app is raised by run_test as it ends)
    store.close()
