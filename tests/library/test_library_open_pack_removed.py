"""The pack the app has open, removed from the command line (``summitreader remove``): the app
says so once, offering the Library, when it next looks (a change of screen, the terminal's focus
coming back, the Library opened, which says it too). Nothing is lost: what is done in the app
after the removal is kept under the pack's id, and adding the article again brings it back.
The real app through Pilot, the real ``remove`` and ``add`` commands, a real progress file."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Label

from summitreader.authoring import add_article
from summitreader.cli import main
from summitreader.library import library_dir, shipped_ids
from summitreader.pack import load_pack
from summitreader.progress import open_store
from summitreader.tui.screens.library import LibraryScreen
from support.app import build_app
from support.clock import START
from support.pilot import wait_until

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLE = FIXTURES / "photosynthesis.md"


def removal_notices(app: object) -> list[str]:
    return [
        str(n.message)
        for n in app._notifications  # type: ignore[attr-defined]
        if "was removed from the library" in str(n.message)
    ]


def remove(data: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code = main(
        [
            "--data-dir",
            str(data),
            "--cache-dir",
            str(data / "c"),
            "remove",
            "--yes",
            "photosynthesis",
        ]
    )
    capsys.readouterr()
    assert code == 0


async def test_a_change_of_screen_says_the_open_pack_was_removed_once(tmp_path, capsys):
    data = tmp_path / "data"
    folder = add_article(ARTICLE, library_dir(data), taken=shipped_ids()).path
    app, store = build_app(load_pack(folder), data, lambda: START, tmp_path / "cache", library=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert removal_notices(app) == []
        remove(data, capsys)
        await pilot.press("2")
        await wait_until(pilot, lambda: removal_notices(app), "the removal said")
        (notice,) = removal_notices(app)
        assert "Library (6)" in notice and "Nothing is lost" in notice
        await pilot.press("1")
        await wait_until(pilot, lambda: app.current_mode == "read")
        await pilot.pause()
        assert len(removal_notices(app)) == 1  # said once

        # The Library says it too, above the packs left.
        await pilot.press("6")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen) and app.screen.loaded)
        said = app.screen.query_one("#library-removed", Label)
        assert "was removed from the library" in str(said.render())
        assert [p.id for p in app.screen.packs] == ["trump-putin-summits"]
        await pilot.press("escape")

        # What is done after the removal is kept, and comes back with the article.
        pack = app.services.pack
        app.services.store.mark_read(pack.sections[0].id)
    store.close()
    added = add_article(ARTICLE, library_dir(data), taken=shipped_ids())
    from summitreader.library import settle_earlier_progress

    earlier = settle_earlier_progress(data, added.pack, added.path, added.digest)  # type: ignore[arg-type]
    assert earlier.restored.get("sections_read") == 1
    with open_store(data, load_pack(added.path)) as again:
        assert pack.sections[0].id in again.read_sections()


async def test_the_terminal_focus_coming_back_says_it(tmp_path, capsys):
    data = tmp_path / "data"
    folder = add_article(ARTICLE, library_dir(data), taken=shipped_ids()).path
    app, store = build_app(load_pack(folder), data, lambda: START, tmp_path / "cache", library=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        remove(data, capsys)
        app.post_message(events.AppFocus())
        await wait_until(pilot, lambda: removal_notices(app), "the removal said")
    store.close()


async def test_a_pack_still_there_says_nothing(tmp_path):
    data = tmp_path / "data"
    folder = add_article(ARTICLE, library_dir(data), taken=shipped_ids()).path
    app, store = build_app(load_pack(folder), data, lambda: START, tmp_path / "cache", library=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await wait_until(pilot, lambda: app.current_mode == "index")
        app.post_message(events.AppFocus())
        await pilot.press("6")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen) and app.screen.loaded)
        assert removal_notices(app) == []
        assert not app.screen.query("#library-removed")
    store.close()
