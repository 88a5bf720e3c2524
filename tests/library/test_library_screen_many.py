"""The Library dialog with more packs than it shows at once, at 80×24: the list scrolls within
the dialog to keep the highlighted pack in view, the hint and the keys stay in view under it,
and the open pack is highlighted (and marked as open) when the dialog opens."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from textual.widgets import Label, OptionList

from library.library_many import make_library
from summitreader.library import PackInfo, list_packs
from summitreader.pack import load_pack
from summitreader.progress import Store, open_store
from summitreader.tui.app import SummitApp
from summitreader.tui.factory import make_app
from summitreader.tui.screens.library import ADD_HINT, KEYS, LibraryScreen
from support.pilot import settle, wait_until

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)


def rendered(widget) -> list[str]:  # type: ignore[no-untyped-def]
    return [line.text for line in widget.render_lines(widget.region.reset_offset)]


def assert_in_view(screen: LibraryScreen) -> None:
    """The list, the hint and the keys lie inside the dialog's frame, the list above the hint;
    the highlighted pack's id is among the list's lines on screen."""
    options = screen.query_one(OptionList)
    frame = screen.query_one(".dialog").content_region
    foot = screen.query_one(".library--hint").region
    assert frame.contains_region(options.region), (frame, options.region)
    assert frame.contains_region(foot), (frame, foot)
    assert options.region.bottom <= foot.y, (options.region, foot)
    assert options.highlighted is not None
    pack_id = screen.packs[options.highlighted].id
    lines = rendered(options)
    assert any(f"{pack_id} · " in line for line in lines), (pack_id, lines)
    labels = " ".join(str(label.render()) for label in screen.query(Label))
    assert ADD_HINT in labels and KEYS in labels


async def open_library(tmp_path: Path, opened: int) -> tuple[SummitApp, Store, list[PackInfo]]:
    data = tmp_path / "data"
    make_library(data)
    packs = list_packs(data)
    assert len(packs) == 9
    pack = load_pack(packs[opened].path)
    store = open_store(data, pack, clock=lambda: NOW)
    app = make_app(pack, store, tmp_path / "cache", clock=lambda: NOW, data_dir=data)
    return app, store, packs


async def test_moving_down_the_list_keeps_the_highlighted_pack_and_the_hint_in_view(tmp_path):
    app, store, packs = await open_library(tmp_path, 0)
    assert packs[0].shipped
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen) and app.screen.loaded)
        screen = app.screen
        options = screen.query_one(OptionList)
        await wait_until(
            pilot,
            lambda: all("read" in str(o.prompt) for o in options.options),
            "the packs' progress",
        )
        await pilot.pause()
        assert options.highlighted == 0
        assert_in_view(screen)
        for expected in range(1, 9):
            await pilot.press("down")
            await wait_until(pilot, lambda expected=expected: options.highlighted == expected)
            await pilot.pause()
            assert_in_view(screen)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.services.pack.id == packs[8].id)
    store.close()


async def test_the_open_pack_is_highlighted_and_marked_even_when_it_is_the_last(tmp_path):
    app, store, _ = await open_library(tmp_path, 8)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen) and app.screen.loaded)
        screen = app.screen
        options = screen.query_one(OptionList)
        await wait_until(
            pilot,
            lambda: all("read" in str(o.prompt) for o in options.options),
            "the packs' progress",
        )
        await pilot.pause()
        assert options.highlighted == 8
        assert_in_view(screen)
        marked = [n for n, o in enumerate(options.options) if "open now" in str(o.prompt)]
        assert marked == [8]
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, LibraryScreen))
    store.close()


def test_library_screen_many_packs_80x24(snap_compare, tmp_path):
    """Drawn at 80×24 with the last of nine packs open: it is highlighted, in view, marked."""
    data = tmp_path / "data"
    folders = make_library(data)
    pack = load_pack(folders[-1])
    store = open_store(data, pack, clock=lambda: NOW)
    app = make_app(pack, store, tmp_path / "cache", clock=lambda: NOW, data_dir=data)

    async def prepare(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("6")
        await wait_until(
            pilot, lambda: isinstance(pilot.app.screen, LibraryScreen) and pilot.app.screen.loaded
        )
        options = pilot.app.screen.query_one(OptionList)
        await wait_until(
            pilot,
            lambda: all("read" in str(o.prompt) for o in options.options),
            "the packs' progress",
        )
        await settle(pilot)

    try:
        assert snap_compare(app, terminal_size=(80, 24), run_before=prepare)
    finally:
        store.close()
