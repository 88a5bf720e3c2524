"""Every footer shows the Library's key (6) and help (?), whole, at 100 and 80 columns: on the
Search screen with the focus out of the box, and on the reader of a pack switched to in the
Library (its screens are built for the new pack, at the terminal's width). A key with nothing to
do in the pack open (Mentions, in a pack with no meetings or issues) is not in the footer. When
the Library closes on the Search screen, the focus is back where it was. The real app through
Pilot, with a real library on disk."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from summitreader import paths
from summitreader.authoring import add_article
from summitreader.library import library_dir, shipped_ids
from summitreader.pack import load_pack
from summitreader.tui.screens.library import LibraryScreen
from summitreader.tui.screens.read import ReadScreen
from summitreader.tui.screens.search import SearchScreen
from support.app import build_app
from support.clock import START
from support.pilot import footer_keys, type_text, wait_until

FIXTURES = Path(__file__).parents[1] / "library" / "fixtures"
SIZES = [(100, 30), (80, 24)]


@pytest.fixture
def data(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "data"
    add_article(FIXTURES / "photosynthesis.md", library_dir(folder), taken=shipped_ids())
    yield folder


def whole_keys(pilot, width: int) -> set[str]:  # type: ignore[no-untyped-def]
    """The keys the top screen's footer shows, after checking none is cut."""
    keys, palette = footer_keys(pilot.app.screen)
    cut = [(k.key, k.region) for k in keys if k.region.right > palette]
    assert not cut, cut
    assert all(k.region.right <= width for k in keys)
    return {k.key for k in keys}


async def footer_shows(pilot, width: int, *wanted: str) -> set[str]:  # type: ignore[no-untyped-def]
    """Wait until the footer shows ``wanted`` whole (it is fitted after a refresh)."""
    app = pilot.app
    screen = app.screen

    def fitted() -> bool:
        keys, palette = footer_keys(screen)
        whole = {k.key for k in keys if k.region.right <= min(palette, width)}
        return app.screen is screen and set(wanted) <= whole and len(whole) == len(keys)

    with contextlib.suppress(AssertionError):  # a footer never fitted is told by what follows
        await wait_until(pilot, fitted, f"{wanted} in the footer")
    return whole_keys(pilot, width)


@pytest.mark.parametrize("size", SIZES)
async def test_the_search_footer_out_of_the_box_shows_library_and_help(data, tmp_path, size):
    pack = load_pack(paths.default_pack_dir())
    app, store = build_app(pack, data, lambda: START, tmp_path / "cache", library=True)
    try:
        async with app.run_test(size=size) as pilot:
            await pilot.press("3")
            await wait_until(pilot, lambda: isinstance(app.screen, SearchScreen))
            screen = app.screen
            assert isinstance(screen, SearchScreen)
            await type_text(pilot, "summit")
            await wait_until(pilot, lambda: screen.hits, "hits")
            await pilot.press("escape", "down")
            await wait_until(pilot, lambda: isinstance(app.focused, OptionList))
            shown = await footer_shows(pilot, size[0], "6", "question_mark")
            assert {"6", "question_mark"} <= shown, shown
            assert {"ctrl+l", "ctrl+t"} <= shown, shown
    finally:
        store.close()


async def switch_to(pilot, index: int) -> None:  # type: ignore[no-untyped-def]
    app = pilot.app
    await pilot.press("6")
    await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen) and app.screen.loaded)
    options = app.screen.query_one(OptionList)
    await wait_until(pilot, lambda: all("…" not in str(o.prompt) for o in options.options))
    options.highlighted = index
    before = app.services.pack.id
    await pilot.press("enter")
    await wait_until(pilot, lambda: app.services.pack.id != before, "the other pack")
    await wait_until(pilot, lambda: isinstance(app.screen, ReadScreen) and app.screen.is_mounted)


@pytest.mark.parametrize("size", SIZES)
async def test_the_reader_of_a_pack_switched_to_shows_library_and_help(data, tmp_path, size):
    pack = load_pack(paths.default_pack_dir())
    app, store = build_app(
        pack, data, lambda: START, tmp_path / "cache", library=True, prepare_screens=True
    )
    try:
        async with app.run_test(size=size) as pilot:
            await wait_until(pilot, lambda: isinstance(app.screen, ReadScreen))
            await switch_to(pilot, 1)
            shown = await footer_shows(pilot, size[0], "6", "question_mark")
            assert {"6", "question_mark"} <= shown, shown
            await switch_to(pilot, 0)  # and back to the shipped pack, with its mentions
            shown = await footer_shows(pilot, size[0], "6", "question_mark")
            assert {"6", "question_mark", "m"} <= shown, shown
            if size[0] == 80:
                assert "b" not in shown  # the bookmark key gives way, as at start
    finally:
        store.close()


async def test_mentions_is_not_in_the_footer_of_a_pack_that_names_nothing(data, tmp_path):
    folder = library_dir(data) / "photosynthesis"
    pack = load_pack(folder)
    assert not pack.meetings and not pack.issues
    app, store = build_app(pack, data, lambda: START, tmp_path / "cache", library=True)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_until(pilot, lambda: isinstance(app.screen, ReadScreen))
            shown = await footer_shows(pilot, 80, "6", "question_mark")
            assert {"6", "question_mark"} <= shown, shown
            assert "m" not in shown, shown
            helped = " ".join(keys for keys, _ in dict(app.help_sections())["Read (1)"]).split()
            assert "m" in helped
            # Pressed all the same, it says why nothing opens (it did nothing).
            await pilot.press("m")
            await wait_until(pilot, lambda: bool(app._notifications), "a notice")
            told = [n.message for n in app._notifications]
            assert any("no index of meetings or issues" in m for m in told), told
            assert isinstance(app.screen, ReadScreen)
    finally:
        store.close()


@pytest.mark.parametrize("size", SIZES)
async def test_the_library_closed_on_search_gives_the_focus_back(data, tmp_path, size):
    pack = load_pack(paths.default_pack_dir())
    app, store = build_app(pack, data, lambda: START, tmp_path / "cache", library=True)
    try:
        async with app.run_test(size=size) as pilot:
            await pilot.press("3")
            await wait_until(pilot, lambda: isinstance(app.screen, SearchScreen))
            screen = app.screen
            await type_text(pilot, "6")
            await pilot.press("escape")
            await wait_until(pilot, lambda: not isinstance(app.focused, Input))
            focused = app.focused
            await pilot.press("6")
            await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen))
            await pilot.press("escape")
            await wait_until(pilot, lambda: app.screen is screen)
            await wait_until(pilot, lambda: app.focused is focused, "the focus back")
            await pilot.press("1")
            await wait_until(pilot, lambda: isinstance(app.screen, ReadScreen), "the reader")
            assert screen.query_one("#query", Input).value == "6"
    finally:
        store.close()


@pytest.mark.parametrize("size", SIZES)
async def test_every_screen_built_for_a_pack_switched_to_shows_library_and_help(
    data, tmp_path, size
):
    pack = load_pack(paths.default_pack_dir())
    app, store = build_app(
        pack, data, lambda: START, tmp_path / "cache", library=True, prepare_screens=True
    )
    try:
        async with app.run_test(size=size) as pilot:
            await wait_until(pilot, lambda: isinstance(app.screen, ReadScreen))
            await switch_to(pilot, 1)
            await switch_to(pilot, 0)
            for key in ("2", "4", "5"):
                await pilot.press(key)
                await wait_until(pilot, lambda: app.current_mode != "read")
                shown = await footer_shows(pilot, size[0], "6", "question_mark")
                assert {"6", "question_mark"} <= shown, (key, shown)
                await pilot.press("1")
                await wait_until(pilot, lambda: isinstance(app.screen, ReadScreen))
    finally:
        store.close()
